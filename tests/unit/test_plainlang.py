"""Masking, spans, segmentation, the score, the evaluation and the command line of the checker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kohtaanto.plainlang import syllables
from kohtaanto.plainlang.check import check, lix, report_dict
from kohtaanto.plainlang.evaluate import PairsError, auc, evaluate, load_pairs
from kohtaanto.plainlang.mask import prepare
from kohtaanto.plainlang.segment import sentences
from tests.unit.test_cli import run

pytestmark = pytest.mark.unit
PAIRS = Path(__file__).resolve().parents[1] / "fixtures" / "plainlang_pairs"


def test_markup_urls_emails_numbers_and_codes_are_masked_with_offsets_kept():
    text = (
        '<h2>Työ</h2><p>Lue <a href="https://example.invalid/x?id=1">ohje</a> tai kirjoita '
        "posti@example.invalid. Koodi AB12-7, klo 8.00&ndash;16.00 &auml;iti.</p>"
    )
    prepared = prepare(text)
    assert prepared.format == "html" and len(prepared.clean) == len(text)
    for hidden in ("href", "https", "example", "AB12", "8.00", "ndash", "<p>"):
        assert hidden not in prepared.clean
    assert [b.kind for b in prepared.blocks][:1] == ["heading"]
    assert "ä\u00ad" in prepared.clean  # the letter entity stays inside its word
    report = check(text, language="fi")
    assert not any(f.rule == "word.rare" and f.text in ("href", "https", "example") for f in report.findings)
    words = [w.text for s in sentences(prepared, "fi") for w in s.words]
    assert "äiti" in words and "ohje" in words


def test_markdown_links_headings_items_and_code():
    text = (
        "# Ohje\n\nKatso [ohje](https://example.invalid/pitka-osoite).\n\n"
        "- Pese kädet\n- Ota `koodi123` esille\n"
    )
    prepared = prepare(text)
    assert prepared.format == "markdown"
    kinds = [(b.kind, text[b.start : b.end]) for b in prepared.blocks]
    assert ("heading", "Ohje") in kinds and ("item", "Pese kädet") in kinds
    assert "https" not in prepared.clean and "koodi123" not in prepared.clean and "ohje" in prepared.clean


def test_sentence_splitting_respects_abbreviations_and_initials():
    text = "Tuo esim. kengät ja puhu J. Virtaselle klo 9. Tule ajoissa! Työ alkaa jne. Loppu."
    units = [text[s.start : s.end] for s in sentences(prepare(text), "fi")]
    assert units == [
        "Tuo esim. kengät ja puhu J. Virtaselle klo 9.",
        "Tule ajoissa!",
        "Työ alkaa jne.",
        "Loppu.",
    ]


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("talo", 2),
        ("aika", 2),
        ("radio", 3),
        ("teatteri", 4),
        ("työpaikkaohjaaja", 6),
        ("hyvää", 2),
        ("luea", 3),
    ],
)
def test_finnish_syllables(word, count):
    assert syllables.count(word) == count


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_input_gives_spans_inside_the_text(text):
    for language in ("fi", "sv", "en"):
        report = check(text, "job-ad", language, use_voikko=language == "fi")
        for finding in report.findings:
            assert 0 <= finding.start <= finding.end <= len(text)
            assert finding.text == text[finding.start : finding.end]
        assert 0 <= report.score <= 100


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Hakemukset",
                "toimitetaan",
                "esim.",
                "<b>",
                "</b>",
                "sähköpostitse",
                "\n\n",
                "Ota",
                "kengät",
                "https://x.invalid",
                "12.3.",
                "nuorekas",
                " ",
            ]
        ),
        max_size=40,
    )
)
def test_word_spans_point_at_whole_words(parts):
    text = " ".join(parts)
    for finding in check(text, "job-ad", "fi").findings:
        if finding.rule.startswith("word.") and finding.rule != "word.abbreviation":
            assert finding.text.strip() == finding.text and finding.text
            assert finding.text.replace("\u00ad", "").isalpha() or " " in finding.text or "-" in finding.text


def test_plain_text_scores_higher_with_reasons_band_and_disclaimer():
    [hard_pair, _] = [p for p in load_pairs(PAIRS) if p.language == "fi"]
    hard = check(hard_pair.standard, "instructions", "fi")
    easy = check(hard_pair.plain, "instructions", "fi")
    assert easy.score > hard.score and easy.band in ("easy", "fairly_easy")
    assert hard.reasons and "ei selkotunnus" in hard.disclaimer
    assert hard.lix > easy.lix
    body = report_dict(hard)
    assert {"score", "band", "language", "mode", "findings"} <= set(body)
    assert set(body["findings"][0]) >= {"rule", "severity", "start", "end", "message", "suggestion"}


def test_lix_and_auc():
    assert lix(100, 10, 30) == pytest.approx(40.0)
    assert lix(0, 0, 0) == 0.0
    assert auc([3, 4], [1, 2]) == 1.0 and auc([1], [1]) == 0.5 and auc([1, 2], [2, 3]) == pytest.approx(0.125)


def test_evaluation_on_fixture_pairs(tmp_path):
    results = {r.language: r for r in evaluate(load_pairs(PAIRS))}
    assert results["fi"].pairs == 2 and results["en"].pairs == 1
    assert results["fi"].checker_prefers_plain == 1.0 and results["en"].checker_prefers_plain == 1.0
    (tmp_path / "bad.yaml").write_text("language: xx\n", encoding="utf-8")
    with pytest.raises(PairsError, match="language"):
        load_pairs(tmp_path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(PairsError, match=r"no \.yaml"):
        load_pairs(tmp_path / "empty")
    with pytest.raises(PairsError, match="not a folder"):
        load_pairs(tmp_path / "missing")


def test_cli_selko_text_json_stdin_and_errors(tmp_path):
    sample = tmp_path / "ohje.txt"
    sample.write_text("Hakemukset toimitetaan esim. sähköpostilla.\n", encoding="utf-8")
    text = run("selko", str(sample), "--lang", "fi")
    assert text.returncode == 0, text.stderr
    assert "[[esim.]]" in text.stdout and "/100" in text.stdout and "ei selkotunnus" in text.stdout
    body = json.loads(run("selko", "-", "--format", "json", stdin="Ota kengät. Tule ajoissa.\n").stdout)
    assert {"score", "band", "language", "mode", "findings"} <= set(body) and body["language"] == "fi"
    off = json.loads(run("selko", str(sample), "--format", "json", "--disable", "word.abbreviation").stdout)
    assert not [f for f in off["findings"] if f["rule"] == "word.abbreviation"]
    for args, needle in (
        (("selko", str(tmp_path / "nope.txt")), "no such file"),
        (("selko", str(sample), "--disable", "word.nonsense"), "unknown rule"),
        (("selko", str(sample), "--profile", "poem"), "poem"),
    ):
        bad = run(*args)
        assert bad.returncode == 2 and needle in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00abc")
    assert run("selko", str(binary)).returncode == 2


def test_cli_eval_selko_prints_checker_and_lix_figures():
    result = run("eval", "selko", "--pairs", str(PAIRS), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {r["language"]: r for r in json.loads(result.stdout)}
    assert set(rows) == {"fi", "en"} and {"plain_better", "plain_better_lix", "auc", "auc_lix"} <= set(
        rows["fi"]
    )
    assert run("eval", "selko", "--pairs", str(PAIRS / "nope")).returncode == 2
