# ruff: noqa: PT017, SIM105 - each fuzz test accepts a result or the parser's own error, and checks the error
"""Fuzzing every parser of outside input with hypothesis: YAML/JSON situations and workplaces, the ESCO
CSV reader and importer, the ESF+ project-data and business-register CSV readers, and plain-language
input. Inputs are malformed, huge, deeply nested or invalid Unicode. Each parser must either succeed or
raise its own one-line error: nothing else escapes, nothing hangs past a generous bound, and a failed
import leaves the store as it was.

The bound is a watchdog against hangs (seconds, far above normal run times), not a timing test.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import signal
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kohtaanto.carving import io as carving_io
from kohtaanto.carving.schema import CarvingPeopleFile, WorkplaceFile
from kohtaanto.core import userdata
from kohtaanto.rules.engine import QUESTIONS, InputError, build_engine
from kohtaanto.taxonomy import esco
from kohtaanto.taxonomy.store import import_esco, store_path

NOW = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)  # the import time the store records

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
WATCHDOG_SECONDS = 60


@contextlib.contextmanager
def bounded(seconds: int = WATCHDOG_SECONDS) -> Iterator[None]:
    """Fail (instead of hanging the suite) if the block runs past ``seconds``."""

    def stop(signum, frame):
        raise AssertionError(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=6) | st.dictionaries(st.text(max_size=20), children, max_size=6)
    ),
    max_leaves=40,
)
# text with lone surrogates, control characters and everything else
any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=400)
DEEP = "[" * 50_000 + "]" * 50_000
DEEP_MAPPING = "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 3000))
BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


# -- YAML and JSON documents ------------------------------------------------------------------------
@FUZZ
@given(text=any_text)
@example(text=DEEP)
@example(text=DEEP_MAPPING)
@example(text=BILLION_LAUGHS)
@example(text="{" * 10 + '"a": 1')
@example(text="x" * (userdata.MAX_BYTES + 1))
def test_any_document_is_a_value_or_one_document_error(text):
    with bounded():
        try:
            userdata.load(text)
        except userdata.DocumentError as exc:
            assert "\n" not in str(exc)


def test_aliases_are_refused_before_they_can_expand():
    with bounded(), pytest.raises(userdata.DocumentError, match="aliases"):
        userdata.load(BILLION_LAUGHS)


@FUZZ
@given(
    question=st.sampled_from(sorted(QUESTIONS)),
    data=st.dictionaries(st.text(max_size=30), json_like, max_size=8),
)
def test_any_situation_is_a_situation_or_an_input_error(question, data):
    engine = build_engine()
    with bounded():
        try:
            engine.situation(question, data)
        except InputError as exc:
            assert exc.problems


@FUZZ
@given(data=json_like, model=st.sampled_from([WorkplaceFile, CarvingPeopleFile]))
def test_any_workplace_or_people_value_is_parsed_or_a_carving_input_error(data, model):
    with bounded():
        try:
            carving_io.parse(data, model, "fuzz")
        except carving_io.CarvingInputError as exc:
            assert exc.problems


@FUZZ
@given(raw=st.binary(max_size=2000), suffix=st.sampled_from([".yaml", ".json"]))
@example(raw=DEEP.encode(), suffix=".json")
@example(raw=BILLION_LAUGHS.encode(), suffix=".yaml")
@example(raw=b"\xff\xfe\x00garbage", suffix=".yaml")
def test_any_workplace_file_is_read_or_a_carving_input_error(tmp_path_factory, raw, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"workplace{suffix}"
    path.write_bytes(raw)
    with bounded():
        try:
            carving_io.read_workplace(path)
        except carving_io.CarvingInputError as exc:
            assert exc.problems and all("\n" not in p for p in exc.problems)


# -- CSV importers ----------------------------------------------------------------------------------
csv_text = st.lists(
    st.lists(st.text(alphabet=string.printable + "äöÅ\"';,\t", max_size=30), min_size=1, max_size=8),
    max_size=20,
).map(lambda rows: "\n".join(",".join(cells) for cells in rows))
csv_bytes = st.one_of(st.binary(max_size=3000), csv_text.map(lambda t: t.encode("utf-8")))


def _csv(name: str, data: bytes) -> esco.CsvFile:
    return esco.CsvFile(name=name, base=name.split("_")[0], language="en", open=lambda: io.BytesIO(data))


@FUZZ
@given(data=csv_bytes)
@example(data=b"conceptType,conceptUri,preferredLabel\n" + b"x" * 2_000_000)
@example(data=b"\x00\x01\x02" * 1000)
def test_esco_concept_rows_are_read_or_an_esco_format_error(data):
    with bounded():
        try:
            list(esco.read_concepts(_csv("skills_en.csv", data)))
        except esco.EscoFormatError as exc:
            assert "\n" not in str(exc)


@FUZZ
@given(data=csv_bytes)
def test_esco_relation_rows_are_read_or_an_esco_format_error(data):
    with bounded():
        try:
            list(esco.read_relations(_csv("occupationSkillRelations_en.csv", data)))
        except esco.EscoFormatError:
            pass


def test_a_failed_esco_import_leaves_the_store_as_it_was(tmp_path):
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "esco_mini" / "v0.9.0"
    store = tmp_path / "taxonomy"
    import_esco([fixture], store, "0.9.0", at=NOW)
    before = store_path(store, "0.9.0").read_bytes()
    broken = tmp_path / "broken"
    broken.mkdir()
    for source in fixture.iterdir():
        (broken / source.name).write_bytes(source.read_bytes())
    skills = next(p for p in broken.iterdir() if p.name.startswith("skills_"))
    skills.write_bytes(skills.read_bytes() + b'\nKnowledgeSkillCompetence,"unclosed quote\n' + b"\xff" * 100)
    with pytest.raises(esco.EscoFormatError):
        import_esco([broken], store, "0.9.0", at=NOW)
    assert store_path(store, "0.9.0").read_bytes() == before
    assert not list(store.glob("*.importing"))


@FUZZ
@given(data=csv_bytes)
@example(data=b"Y-tunnus;Nimi\n" + b"1234567-8;" + b"A" * 1_000_000)
@example(data=b"\xef\xbb\xbf" + b";" * 5000)
def test_register_files_are_rows_or_a_register_format_error(data):
    from kohtaanto.web.outreach import register

    with bounded():
        try:
            _rows, rejected = register.read(data)
        except register.RegisterFormatError as exc:
            assert "\n" not in str(exc)
        else:
            assert all(r.line >= 1 for r in rejected)


@FUZZ
@given(data=csv_bytes)
@example(data=b"Projektikoodi;Projektin nimi\n" + b"S1;" + "\ud800".encode("utf-8", "surrogatepass"))
def test_project_data_files_are_rows_or_a_source_error(data):
    from kohtaanto.web.esf import sources

    with bounded():
        try:
            sources.read(data)
        except sources.SourceError as exc:
            assert "\n" not in str(exc)


# -- plain-language input ----------------------------------------------------------------------------
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(text=any_text, profile=st.sampled_from(["instructions", "job-ad"]))
@example(text="Työ. " * 40_000, profile="instructions")
@example(text="\ud800\udfff" * 100, profile="job-ad")
@example(text="a" * 200_000, profile="instructions")
def test_any_text_gets_a_plain_language_report(text, profile):
    from kohtaanto.plainlang.check import check

    with bounded(120):
        try:
            report = check(text, profile=profile)
        except ValueError as exc:
            assert "\n" not in str(exc)
        else:
            assert 0 <= report.score <= 100
