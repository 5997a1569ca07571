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


EASY_TEXTS = [
    "Tänään on pyhäpäivä. Kaupat ovat kiinni. Moni ihminen on kotona. Ihmiset syövät hyvää ruokaa.",
    "Sää on kylmä. Lunta sataa paljon. Tiet ovat liukkaita. Aja varovasti ja hitaasti.",
    "Hallitus haluaa säästää rahaa. Se tarkoittaa, että moni tuki pienenee. Ihmiset ovat huolissaan.",
]
STANDARD_TEXTS = [
    "Hallituksen esittämät kehysriihilinjaukset edellyttävät merkittäviä rakenteellisia uudistuksia, "
    "joiden toimeenpanon aikataulusta ei ole vielä päästy yksimielisyyteen oppositiopuolueiden kanssa.",
    "Ilmatieteen laitoksen mukaan poikkeuksellisen voimakkaan matalapainejärjestelmän aiheuttamat "
    "puuskatuulet saattavat aiheuttaa laajamittaisia sähkökatkoja erityisesti rannikkoalueilla.",
    "Käräjäoikeus katsoi näytetyksi, että vastaaja oli syyllistynyt törkeään kavallukseen hoitaessaan "
    "yhdistyksen taloudellisia asioita usean vuoden ajan.",
]


def _labelled(path: Path) -> Path:
    lines = [json.dumps({"label": "easy", "source": "selko", "text": t}) for t in EASY_TEXTS]
    lines += [json.dumps({"label": "standard", "source": "news", "text": t}) for t in STANDARD_TEXTS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_real_easy_text_outscores_news_and_officialese_is_hard():
    easy = [check(t, "instructions", "fi") for t in EASY_TEXTS]
    standard = [check(t, "instructions", "fi") for t in STANDARD_TEXTS]
    assert min(r.score for r in easy) > max(r.score for r in standard)
    assert all(r.band == "easy" for r in easy) and all(r.band in ("fairly_hard", "hard") for r in standard)
    ad = (
        "Haemme palvelukseemme dynaamista ja tuloshakuista varastotyöntekijää määräaikaiseen työsuhteeseen. "
        "Tehtävänkuvaan sisältyy mm. tavaravastaanoton suorittaminen, keräilytoimintojen toteuttaminen sekä "
        "varastosaldojen ylläpitäminen. Edellytämme hakijalta erinomaista suomen kielen taitoa."
    )
    report = check(ad, "job-ad", "fi")
    assert report.band in ("fairly_hard", "hard"), report.score
    assert any("harvinainen" in reason for reason in report.reasons)


def test_cli_eval_selko_on_labelled_texts_prints_auc_bands_and_rule_rates(tmp_path):
    result = run("eval", "selko", "--labelled", str(_labelled(tmp_path / "dev.jsonl")), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    overall = next(r for r in rows if str(r.get("set", "")).startswith("labelled"))
    assert overall["easy"] == 3 and overall["standard"] == 3
    assert overall["auc"] == 1.0 and {"auc_lix", "auc_sentence_length"} <= set(overall)
    assert {r["source"] for r in rows if "source" in r} == {"selko", "news"}
    bands = {r["band"]: r for r in rows if "band" in r}
    assert set(bands) == {"easy", "fairly_easy", "fairly_hard", "hard"}
    assert bands["easy"]["texts"] == 3 and bands["easy"]["easy_share"] == 1.0
    assert any(r.get("rule") == "word.long_compound" and r["precision"] == 1.0 for r in rows)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"label": "easy"}\n', encoding="utf-8")
    failed = run("eval", "selko", "--labelled", str(bad))
    assert failed.returncode == 2 and "needs 'label' and 'text'" in failed.stderr
    assert run("eval", "selko").returncode == 2


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöåßéİı-' ", min_size=1, max_size=12))
def test_the_fast_frequency_lookup_agrees_with_wordfreq(word):
    from wordfreq import zipf_frequency

    from kohtaanto.plainlang.morph import frequency

    for language in ("fi", "sv", "en"):
        assert frequency(word, language) == zipf_frequency(word, language)


def test_the_familiarity_reason_names_the_text_languages_own_threshold_in_the_readers_language():
    """A Swedish reader of a Finnish text is told the Finnish threshold (5,05), not the Swedish one."""
    text = (
        "Toimeksiannon vastaanottamisen edellytyksenä on asianmukaisen dokumentaation "
        "toimittaminen viranomaiselle määräajassa."
    )
    report = check(text, "instructions", "fi", messages="sv", use_voikko=False)
    familiar = next(r for r in report.reasons if r.startswith("Många ord"))
    assert familiar.endswith("över 5,05.")
    english = check(text, "instructions", "fi", messages="en", use_voikko=False)
    assert any(r.endswith("above 5.05.") for r in english.reasons)
