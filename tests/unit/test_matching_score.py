"""The match score: each component, the hard constraints, anonymity and explanations."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kohtaanto.matching import PROTECTED_FEATURES
from kohtaanto.matching.explain import explain
from kohtaanto.matching.profiles import Candidate, Job, SkillNeed, candidate_from
from kohtaanto.matching.score import Miss, Scored, Weights, score

pytestmark = pytest.mark.unit

W = Weights()


class Relations:
    def similarity(self, have: str, need: str) -> float:
        return {("forklift", "reach_truck"): 0.8}.get((have, need), 1.0 if have == need else 0.0)


def parts(result: Scored) -> dict[str, float]:
    return dict(result.components)


def test_skill_coverage_weighs_essential_over_optional_with_partial_and_trainable_credit():
    job = Job(
        "j",
        skills=(
            SkillNeed("cashier", 2, essential=True),
            SkillNeed("reach_truck", 1, essential=True),
            SkillNeed("excel", 2, essential=False),
            SkillNeed("welding", 3, essential=False),
        ),
    )
    person = Candidate("p", skills={"cashier": 3, "forklift": 2, "excel": 1}, trainable_levels=1)
    result = score(person, job, W, Relations())
    assert isinstance(result, Scored)
    # cashier met (2 x 1); reach truck via forklift 0.8 x 0.6 = 0.48 (2 x 0.48); excel one level short,
    # trainable 0.3 (1 x 0.3); welding 3 short, not trainable (0). Total weight 6.
    assert parts(result)["skills"] == pytest.approx((2 + 2 * 0.48 + 0.3) / 6)
    assert result.matched == ("cashier",)
    assert result.partial == (("reach_truck", "forklift", 0.48),)
    assert result.gaps == (("reach_truck", 1, True), ("excel", 1, True), ("welding", 3, False))


def test_functional_fit_is_hard_after_accepted_accommodations_and_ignores_undisclosed():
    job = Job("j", demands={"lifting": 4, "noise": 3, "standing": 5}, accommodations={"lifting": 2})
    assert isinstance(score(Candidate("p", capacities={"lifting": 2}), job), Scored)
    miss = score(Candidate("p", capacities={"lifting": 1}), job)
    assert isinstance(miss, Miss) and miss.finding.code == "demand"
    result = score(Candidate("p", capacities={"lifting": 2, "noise": 3}), job)
    assert isinstance(result, Scored) and result.accommodations == (("lifting", 2),)
    assert parts(result)["functional"] == pytest.approx(1 - W.per_accommodation)


def test_hours_days_place_and_language():
    person = Candidate(
        "p", hours_min=10, hours_max=20, days=frozenset({0, 1}), municipality="Kuopio", working_language=2
    )
    assert score(person, Job("j", hours_min=25, hours_max=37.5)).finding.code == "hours"  # type: ignore[union-attr]
    assert score(person, Job("j", days=frozenset({4}))).finding.code == "days"  # type: ignore[union-attr]
    near = score(person, Job("j", municipality="Siilinjärvi"), distance=lambda a, b: 35.0)
    assert isinstance(near, Scored) and parts(near)["place"] == pytest.approx((60 - 35) / 50)
    limited = dataclasses.replace(person, max_commute_km=20)
    assert (
        score(limited, Job("j", municipality="Siilinjärvi"), distance=lambda a, b: 35.0).finding.code
        == "commute"
    )  # type: ignore[union-attr]
    assert (
        parts(score(person, Job("j", working_language=3, plain_language_onboarding=True)))["language"] == 0.7
    )  # type: ignore[arg-type]
    assert parts(score(person, Job("j", working_language=3)))["language"] == 0.3  # type: ignore[arg-type]
    assert score(person, Job("j", working_language=4)).finding.code == "language"  # type: ignore[union-attr]
    only = dataclasses.replace(person, remote="only")
    assert score(only, Job("j")).finding.code == "remote_only"  # type: ignore[union-attr]
    assert parts(score(only, Job("j", remote_possible=True)))["place"] == 1.0  # type: ignore[arg-type]


def test_scorer_inputs_have_no_protected_or_identifying_fields():
    forbidden = PROTECTED_FEATURES | {"name", "first_name", "last_name", "photo", "email", "phone", "address"}
    for kind in (Candidate, Job, SkillNeed):
        names = {f.name for f in dataclasses.fields(kind)}
        assert not names & forbidden, kind


def test_profiles_differing_only_in_protected_attributes_score_the_same():
    base = {"skills": {"cashier": 2}, "capacities": {"lifting": 3}, "municipality": "Kuopio", "hours_max": 30}
    a = candidate_from(
        "A", {**base, "age": 58, "gender": "f", "mother_tongue": "ar", "diagnosis": "x", "name": "N"}
    )
    b = candidate_from("A", {**base, "age": 24, "gender": "m", "mother_tongue": "fi", "nationality": "FI"})
    job = Job("j", skills=(SkillNeed("cashier", 2),), demands={"lifting": 3}, municipality="Kuopio")
    assert score(a, job) == score(b, job)


skills = st.dictionaries(st.sampled_from(["a", "b", "c", "d", "e"]), st.integers(1, 5), max_size=5)


@given(
    have=skills,
    extra=skills,
    needs=st.lists(st.tuples(st.sampled_from("abcde"), st.integers(1, 5), st.booleans())),
)
def test_a_superset_of_skills_never_scores_lower(have, extra, needs):
    job = Job("j", skills=tuple(SkillNeed(s, lv, e) for s, lv, e in needs))
    more = {k: max(v, have.get(k, 0)) for k, v in {**have, **extra}.items()}
    low = score(Candidate("p", skills=have), job)
    high = score(Candidate("p", skills=more), job)
    if isinstance(low, Scored):  # more skills never rule a person out, nor lower the score
        assert isinstance(high, Scored)
        assert high.score >= low.score - 1e-9


@given(
    have=skills,
    needs=st.lists(st.tuples(st.sampled_from("abcde"), st.integers(1, 5), st.booleans()), min_size=1),
    trainable=st.integers(0, 2),
)
def test_an_essential_skill_out_of_reach_or_no_skill_at_all_is_never_a_match(have, needs, trainable):
    """Issue 23: place, hours and language cannot put a person without the job's skills on the list."""
    job = Job("j", skills=tuple(SkillNeed(s, lv, e) for s, lv, e in needs), municipality="Kuopio")
    person = Candidate("p", skills=have, trainable_levels=trainable, municipality="Kuopio")
    result = score(person, job)
    out_of_reach = any(e and lv - have.get(s, 0) > trainable for s, lv, e in needs)
    if out_of_reach:
        assert isinstance(result, Miss) and result.finding.code == "essential"
    elif isinstance(result, Scored):
        assert dict(result.components)["skills"] > 0
    else:
        assert result.finding.code == "no_skills"


def test_explanations_in_three_languages():
    job = Job(
        "j",
        skills=(SkillNeed("cashier", 2), SkillNeed("excel", 2)),
        demands={"lifting": 4},
        accommodations={"lifting": 1},
        municipality="Kuopio",
    )
    result = score(
        Candidate("p", skills={"cashier": 2, "excel": 1}, capacities={"lifting": 3}, municipality="Kuopio"),
        job,
    )
    names = {"cashier": {"fi": "kassatyö", "sv": "kassaarbete", "en": "cashier work"}}
    skill = lambda s, lang: names.get(s, {}).get(lang, s)  # noqa: E731
    attribute = lambda a, lang: {"fi": "nostaminen", "sv": "lyfta", "en": "lifting"}[lang]  # noqa: E731
    fi = explain(result, "fi", skill, attribute)
    assert fi[0] == "Henkilö osaa nämä: kassatyö."  # to an employer, about the person
    assert explain(result, "fi", skill, attribute, "you")[0] == "Osaat nämä: kassatyö."  # to the person
    assert "excel: tasoja puuttuu 1, mutta sen voi oppia työssä." in fi
    assert "nostaminen: työnantaja järjestää tukea (tasoja: 1)." in fi
    assert explain(result, "en", skill, attribute)[-1] == "The job is in the same municipality."
    miss = score(Candidate("p", capacities={"lifting": 1}), job)
    assert explain(miss, "sv", skill, attribute) == [
        "lyfta: arbetet kräver nivå 4, förmågan är 1, och arbetsgivaren har inte erbjudit något arrangemang."
    ]
