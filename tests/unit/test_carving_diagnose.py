"""Why nothing could be carved: each binding constraint named in plain words, and the fixes it implies."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kohtaanto.carving.diagnose import diagnose, gaps_to_close
from kohtaanto.carving.model import analyse
from kohtaanto.carving.schema import SettingsIn
from kohtaanto.carving.service import carve_workplace
from kohtaanto.carving.solver import SolverSettings
from kohtaanto.rules.engine import build_engine
from tests.unit.test_carving import named, person, task, workplace

pytestmark = pytest.mark.unit

PACKING = {"fi": "Leipien pakkaus", "sv": "Packa bröd", "en": "Packing bread"}
LIFTING = "physical.lifting_carrying"


def carve(place, who):
    [result] = carve_workplace(
        place,
        [who],
        place.accommodations,
        SettingsIn(),
        build_engine(),
        dt.date(2026, 12, 7),
        SolverSettings(time_limit=5),
    )
    return result


def test_too_few_hours_are_named_with_both_figures():
    place = workplace([task("a", 8), task("b", 4)])
    result = carve(place, person(hours={"min": 15, "max": 25}))
    assert result.proposals == []
    [hours] = result.reasons
    assert hours.code == "hours_short" and (hours.needed_hours, hours.have_hours) == (
        Decimal(15),
        Decimal(12),
    )
    assert (
        hours.text == "Henkilö tarvitsee vähintään 15 h viikossa, mutta hänelle sopivia tehtäviä on nyt 12 h."
    )


def test_a_demand_above_capacity_names_the_task_both_levels_and_the_gap_to_close():
    place = workplace(
        [
            named("packing", PACKING, 10, demands={LIFTING: {"level": 4, "exposure": "sometimes"}}),
            task("b", 8),
        ]
    )
    who = person(hours={"min": 15, "max": 25}, capacities={LIFTING: 2})
    option = analyse(who, place.workplace, [], SettingsIn())
    reasons = diagnose(option, "fi")
    assert [r.code for r in reasons] == ["hours_short", "demand_exceeds_no_aid"]
    assert reasons[0].have_hours == Decimal(8)  # only the task without lifting fits
    lifting = reasons[1]
    assert lifting.task == "packing" and (lifting.demand, lifting.capacity) == (4, 2)
    assert lifting.text.startswith(
        "Leipien pakkaus: nostaminen ja kantaminen: tehtävä vaatii »enintään 20 kg"
    )
    assert "henkilö pystyy »enintään 5 kg" in lifting.text
    assert gaps_to_close(reasons) == {LIFTING: 2}
    assert "Packa bröd: lyfta och bära" in diagnose(option, "sv")[1].text


def test_an_adjustment_that_closes_the_gap_yields_a_proposal_and_a_smaller_one_does_not():
    tasks = [named("packing", PACKING, 10, demands={LIFTING: 4}), task("b", 8)]
    who = person(hours={"min": 15, "max": 25}, capacities={LIFTING: 2})
    aid = {
        "id": "lifter",
        "name": {"fi": "Nostin"},
        "type": "T",
        "attribute": LIFTING,
        "one_off_cost": "900",
        "support": "work_arrangement_tools",
    }
    short = carve(workplace(tasks, [{**aid, "raises_by": 1}]), who)
    assert short.proposals == [] and [r.code for r in short.reasons] == [
        "hours_short",
        "demand_exceeds_aid_short",
    ]
    assert gaps_to_close(short.reasons) == {LIFTING: 2}
    enough = carve(workplace(tasks, [{**aid, "raises_by": 2}]), who)
    assert enough.reasons == [] and enough.proposals
    assert {a["id"] for a in enough.proposals[0]["accommodations"]} == {"lifter"}


def test_times_that_do_not_fit_the_persons_days_bind_even_when_tasks_add_up():
    place = workplace([task("a", 10), task("b", 10)])
    who = person(
        hours={"min": 15, "max": 25}, availability=[{"day": "mon", "start": "08:00", "end": "16:00"}]
    )
    [binding] = carve(place, who).reasons
    assert binding.code == "time_short" and binding.have_hours == Decimal(8)


def test_a_fixed_time_outside_the_persons_days_names_the_weekday_not_a_code():
    fixed = {"fixed": [{"day": "sat", "start": "08:00", "end": "12:00"}]}
    place = workplace([task("a", 4, schedule=fixed), task("b", 8)])
    reasons = carve(place, person(hours={"min": 10, "max": 20})).reasons
    texts = " ".join(r.text for r in reasons)
    assert "lauantai 08:00–12:00" in texts and "sat" not in texts
