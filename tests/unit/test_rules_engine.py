from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kohtaanto.core.language import JOURNEY_LANGUAGES
from kohtaanto.rules import InputError, ParameterError, build_engine, load_parameters, national_parameters
from kohtaanto.rules.deminimis import in_window
from kohtaanto.rules.explain import catalogue

pytestmark = pytest.mark.unit

RULES = Path(__file__).resolve().parents[2] / "src" / "kohtaanto" / "rules"
ENGINE = build_engine()


def test_national_parameters_load_with_sources():
    params = national_parameters()
    assert len(params) >= 60
    for name in params:
        p = params[name]
        assert p.reference and p.unit and p.last_checked
        assert all(v.source.startswith("http") for v in p.values), name


def test_every_message_the_code_uses_exists_in_every_language():
    used = set()
    for path in RULES.glob("*.py"):
        used |= set(re.findall(r'Message\(\s*"([a-z0-9_.]+)"', path.read_text(encoding="utf-8")))
    used |= {f"note.rtw_{s}" for s in ("eu_citizen", "permanent_permit", "continuous_permit_non_work")}
    messages = catalogue().entries
    assert used - set(messages) == set()
    # the whole service's three languages, and a job seeker reads the answers in the journey languages too
    assert all(set(texts) == {"fi", "sv", "en", *JOURNEY_LANGUAGES} for texts in messages.values())


def test_a_translation_that_loses_a_placeholder_or_names_no_message_is_refused(tmp_path):
    from kohtaanto.core.messages import CatalogueError, load

    main = tmp_path / "messages.yaml"
    main.write_text("greeting:\n  fi: Hei {name}\n  sv: Hej {name}\n  en: Hi {name}\n", encoding="utf-8")
    (tmp_path / "messages.uk.yaml").write_text("greeting: Привіт {name}\n", encoding="utf-8")
    assert load(main).render("greeting", "uk", name="Daria") == "Привіт Daria"
    load.cache_clear()
    (tmp_path / "messages.uk.yaml").write_text("greeting: Привіт\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="placeholders"):
        load(main)
    load.cache_clear()
    (tmp_path / "messages.uk.yaml").write_text("farewell: Бувай\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="not a message"):
        load(main)
    load.cache_clear()


def test_errors_name_file_and_line(tmp_path: Path):
    (tmp_path / "x.yaml").write_text(
        "description: d\nunit: EUR\nreference: r\nlast_checked: 2026-01-01\nvalues:\n"
        "  2024-01-01: {value: 1}\n  2023-01-01: {value: 2}\n",
        encoding="utf-8",
    )
    with pytest.raises(ParameterError, match=r"x\.yaml:7: dates must increase"):
        load_parameters(tmp_path)


def test_unknown_entry_field_is_refused(tmp_path: Path):
    (tmp_path / "x.yaml").write_text(
        "description: d\nunit: EUR\nreference: r\nlast_checked: 2026-01-01\nvalues:\n"
        "  2024-01-01: {value: 1, verfied: false}\n",
        encoding="utf-8",
    )
    with pytest.raises(ParameterError, match=r"x\.yaml:6: unknown field 'verfied'"):
        load_parameters(tmp_path)


def test_input_errors_list_each_field():
    with pytest.raises(InputError) as info:
        ENGINE.ask(
            "hire", {"employer": {"legal_form": "castle"}, "job": {"monthly_wage": -1}}, dt.date(2025, 1, 1)
        )
    text = " ".join(info.value.problems)
    assert "employer.legal_form" in text and "person" in text and "job.monthly_wage" in text


def test_explanations_render_in_each_language():
    situation = {
        "employer": {"legal_form": "company"},
        "person": {"age": 35, "reduced_work_ability": True},
        "job": {"monthly_wage": 2000, "hours_per_week": 30},
    }
    answers = {
        lang: ENGINE.ask("hire", situation, dt.date(2025, 3, 1)).as_dict(lang) for lang in ("fi", "sv", "en")
    }
    reasons = {lang: answers[lang]["supports"][0]["reasons"][0] for lang in answers}
    assert len(set(reasons.values())) == 3
    assert (
        "työttömäksi" in reasons["fi"] and "arbetssökande" in reasons["sv"] and "jobseeker" in reasons["en"]
    )
    assert answers["en"]["supports"][0]["sources"]


wages = st.decimals(min_value=Decimal("100"), max_value=Decimal("20000"), places=2)


@settings(max_examples=200, deadline=None)
@given(wage=wages, kind=st.sampled_from(["reduced", "disadvantaged", "third"]))
def test_pay_subsidy_is_never_negative_never_above_cap_and_monotone(wage: Decimal, kind: str):
    def amount(w: Decimal) -> float:
        employer = {"legal_form": "association" if kind == "third" else "company", "business_activity": False}
        person = {
            "age": 40,
            "unemployment_months": 30,
            "reduced_work_ability": kind == "reduced",
            "disadvantaged": kind == "disadvantaged",
        }
        job = {"monthly_wage": str(w), "hours_per_week": 20}
        answer = ENGINE.ask("hire", {"employer": employer, "person": person, "job": job}, dt.date(2025, 3, 1))
        support = {
            "reduced": "pay_subsidy_reduced_work_ability",
            "disadvantaged": "pay_subsidy_disadvantaged",
            "third": "pay_subsidy_third_sector",
        }[kind]
        return next(s for s in answer.as_dict("en")["supports"] if s["id"] == support)["monthly_amount"]

    cap = {"reduced": 1770, "disadvantaged": 1260, "third": 2020}[kind]
    low, high = amount(wage), amount(wage + Decimal("50"))
    assert 0 <= low <= cap
    assert low <= high


@given(st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31)), st.integers(1, 5))
def test_de_minimis_window_is_exact_at_its_boundaries(decision: dt.date, years: int):
    try:
        earlier = decision.replace(year=decision.year - years)
    except ValueError:
        earlier = decision.replace(year=decision.year - years, day=28)
    assert not in_window(earlier, decision, years)
    assert in_window(earlier + dt.timedelta(days=1), decision, years)
    assert in_window(decision, decision, years)
    assert not in_window(decision + dt.timedelta(days=1), decision, years)


@settings(max_examples=100, deadline=None)
@given(earnings=st.decimals(min_value=0, max_value=5000, places=2), share=st.sampled_from(["0.5", "0.8"]))
def test_adjusted_benefit_never_negative_and_work_always_pays(earnings: Decimal, share: str):
    answer = ENGINE.ask(
        "part_time",
        {
            "benefit": "labour_market_support",
            "earnings_in_period": str(earnings),
            "hours_share_of_full_time": share,
        },
        dt.date(2025, 3, 1),
    ).as_dict("en")
    assert answer["benefit_in_period"] >= 0
    assert answer["income_with_work"] >= answer["income_without_work"] - 0.01


def test_the_input_documentation_lists_every_field():
    from kohtaanto.rules.engine import QUESTIONS

    doc = (RULES.parents[2] / "docs" / "rules-input.md").read_text(encoding="utf-8")
    for key, question in QUESTIONS.items():
        assert f"## `{key}`" in doc
        for field in question.schema.model_fields:
            assert f"`{field}`" in doc or f".{field}`" in doc or f"`{field}." in doc, (key, field)
