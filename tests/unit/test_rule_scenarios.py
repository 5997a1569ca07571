"""Every YAML scenario under kohtaanto/rules/scenarios (and in the shipped rule packs) is a test."""

from __future__ import annotations

import pytest

from kohtaanto.rules import build_engine
from kohtaanto.rules.packs import BUILTIN
from kohtaanto.rules.scenarios import SCENARIO_DIR, check, load_scenarios

pytestmark = pytest.mark.unit

NATIONAL = load_scenarios(SCENARIO_DIR)
PACKS = {path.name: load_scenarios(path / "scenarios") for path in sorted(BUILTIN.iterdir()) if path.is_dir()}


@pytest.fixture(scope="module")
def engine():
    return build_engine()


@pytest.mark.parametrize("scenario", NATIONAL, ids=[f"{s.where} {s.name}" for s in NATIONAL])
def test_national_scenario(scenario, engine):
    assert check(scenario, engine) == []


PACK_CASES = [(name, s) for name, scenarios in PACKS.items() for s in scenarios]


@pytest.mark.parametrize(
    ("pack", "scenario"), PACK_CASES, ids=[f"{n}/{s.where} {s.name}" for n, s in PACK_CASES]
)
def test_pack_scenario(pack, scenario):
    assert check(scenario, build_engine([pack])) == []


def test_every_case_of_the_facts_table_has_a_scenario():
    names = " ".join(s.name for s in NATIONAL)
    table = [f"A{i}" for i in range(1, 13)] + [f"B{i}" for i in range(1, 7)] + ["C1", "C2", "C3"]
    table += [f"D{i}" for i in range(1, 9)] + ["E1", "E2", "E3"] + [f"F{i}" for i in range(1, 8)]
    table += [f"G{i}" for i in range(1, 11)] + ["H1", "H2"]
    missing = [case for case in table if f"{case} " not in names + " "]
    assert missing == []


def test_a_wrong_expectation_is_reported():
    first_hire = next(s for s in NATIONAL if s.name.startswith("A1 "))
    wrong = first_hire.__class__(
        **{
            **first_hire.__dict__,
            "expect": {"supports": {"pay_subsidy_disadvantaged": {"monthly_amount": 999.0}}},
        }
    )
    problems = check(wrong, build_engine())
    assert problems and "expected 999.0" in problems[0]
