"""The retention job with a movable clock: each data class is kept for its period (to the day), an
area's own period wins over the default, a dry run changes nothing, a run is audited with counts only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from kohtaanto.web.accounts.models import User
from kohtaanto.web.audit.models import AuditEvent
from kohtaanto.web.audit.services import verify
from kohtaanto.web.coaching.models import CaseloadEntry
from kohtaanto.web.matching import services
from kohtaanto.web.matching.models import ConsentRecord, MatchingRun, SeekerProfile
from kohtaanto.web.outreach.models import Activity, Contact
from kohtaanto.web.retention import services as retention
from kohtaanto.web.retention.models import RetentionRule
from kohtaanto.web.retention.policy import BY_KEY, CLASSES
from tests.unit.test_cli import run

pytestmark = pytest.mark.db
SPEC = {"skills": {"retail.stock_shelves": 3}, "capacities": {}, "hours_min": 10, "hours_max": 30}
START = dt.date(2025, 1, 15)


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def _quiet_seeker(world, username: str, area) -> User:
    from tests.factories import make_user

    person = make_user("job_seeker", employment_area=area, username=username, first_name="Aino")
    profile = services.create_profile(person, spec=SPEC, open_to_employers=True)
    SeekerProfile.objects.filter(pk=profile.pk).update(updated_at=at(START))
    User.objects.filter(pk=person.pk).update(date_joined=at(START), last_login=at(START))
    return person


def test_months_before_clamps_to_the_month_end():
    assert retention.months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert retention.months_before(dt.date(2026, 1, 15), 12) == dt.date(2025, 1, 15)
    assert retention.months_before(dt.date(2026, 1, 15), 24) == dt.date(2024, 1, 15)


def test_an_inactive_job_seeker_is_kept_for_the_period_to_the_day_then_removed(world):
    person = _quiet_seeker(world, "quiet", world["north"])
    profile = SeekerProfile.objects.get(person=person)
    assert ConsentRecord.objects.filter(profile=profile).exists()
    months = BY_KEY["inactive_job_seeker"].months
    last_day = dt.date(START.year + months // 12, START.month, START.day)
    kept = retention.apply(last_day)
    assert kept.counts["inactive_job_seeker"] == 0 and SeekerProfile.objects.filter(pk=profile.pk).exists()
    gone = retention.apply(last_day + dt.timedelta(days=1))
    assert gone.counts["inactive_job_seeker"] == 1
    assert not SeekerProfile.objects.filter(pk=profile.pk).exists()
    assert not ConsentRecord.objects.filter(profile_id=profile.pk).exists()
    person.refresh_from_db()
    assert (person.username, person.first_name, person.is_active) == (f"poistettu-{person.pk}", "", False)
    assert not person.has_usable_password()


def test_signing_in_keeps_a_person_active(world):
    person = _quiet_seeker(world, "signs_in", world["north"])
    User.objects.filter(pk=person.pk).update(last_login=at(dt.date(2026, 6, 1)))
    assert retention.apply(dt.date(2027, 2, 1)).counts["inactive_job_seeker"] == 0
    assert retention.apply(dt.date(2028, 6, 2)).counts["inactive_job_seeker"] == 1


def test_an_areas_own_period_wins_over_the_default(world):
    north = _quiet_seeker(world, "north_quiet", world["north"])
    south = _quiet_seeker(world, "south_quiet", world["south"])
    RetentionRule.objects.create(area=world["north"], data_class="inactive_job_seeker", months=6)
    outcome = retention.apply(dt.date(2025, 7, 16))
    assert outcome.counts["inactive_job_seeker"] == 1
    assert not SeekerProfile.objects.filter(person=north).exists()
    assert SeekerProfile.objects.filter(person=south).exists()
    RetentionRule.objects.create(area=None, data_class="inactive_job_seeker", months=3)  # platform-wide
    assert retention.apply(dt.date(2025, 7, 16)).counts["inactive_job_seeker"] == 1


def test_a_dry_run_counts_and_changes_nothing(world):
    person = _quiet_seeker(world, "dry", world["north"])
    before = AuditEvent.objects.count()
    outcome = retention.apply(dt.date(2027, 6, 1), dry_run=True)
    assert outcome.counts["inactive_job_seeker"] == 1
    assert SeekerProfile.objects.filter(person=person).exists() and AuditEvent.objects.count() == before


def test_runs_matching_runs_caseload_and_contacts(world):
    profile = services.create_profile(None, spec=SPEC, person=world["north_seeker"], area=world["north"])
    User.objects.filter(pk=world["north_seeker"].pk).update(last_login=at(dt.date(2029, 6, 1)))
    run = MatchingRun.objects.create(
        kind="job", created_at=at(START), area=world["north"], inputs_digest="x", weights={}
    )
    entry = CaseloadEntry.objects.create(
        professional=world["north_professional"], profile=profile, status="closed"
    )
    CaseloadEntry.objects.filter(pk=entry.pk).update(updated_at=at(START))
    contact = Contact.objects.create(organisation=world["north_org"], name="Maija Meikäläinen")
    Contact.objects.filter(pk=contact.pk).update(created_at=at(START))
    Activity.objects.create(organisation=world["north_org"], kind="call", happened_on=dt.date(2026, 6, 1))
    outcome = retention.apply(dt.date(2026, 1, 16))
    assert outcome.counts["matching_runs"] == 1 and not MatchingRun.objects.filter(pk=run.pk).exists()
    assert outcome.counts["closed_caseload"] == 0  # 24 months
    assert outcome.counts["employer_contacts"] == 0  # the employer was called in June 2026
    later = retention.apply(dt.date(2029, 6, 2))
    assert later.counts["closed_caseload"] == 1 and later.counts["employer_contacts"] == 1
    assert not Contact.objects.filter(pk=contact.pk).exists()


def test_a_run_is_one_audit_event_with_counts_only_and_the_chain_holds(world):
    _quiet_seeker(world, "audited", world["north"])
    retention.apply(dt.date(2027, 6, 1))
    event = AuditEvent.objects.get(action="retention.applied")
    assert event.data["on"] == "2027-06-01" and event.data["counts"]["inactive_job_seeker"] == 1
    assert set(event.data["counts"]) == {c.key for c in CLASSES}
    assert verify().ok
    retention.apply(dt.date(2027, 6, 1))  # nothing left: no second event
    assert AuditEvent.objects.filter(action="retention.applied").count() == 1


def test_the_command_line_reports_and_refuses_a_bad_date(tmp_path):
    assert run("migrate", data_dir=tmp_path).returncode == 0
    bad = run("retention", "--on", "2026-02-30", data_dir=tmp_path)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "2026-02-30" in bad.stderr
    ok = run("retention", "--on", "2030-01-01", "--dry-run", data_dir=tmp_path)
    assert ok.returncode == 0 and "would remove 0 item(s)" in ok.stdout
    assert all(c.key in ok.stdout for c in CLASSES)


def test_hiring_notes_and_the_link_to_the_person_go_after_their_periods(world):
    from kohtaanto.web.hiring import services as hiring
    from kohtaanto.web.hiring.models import FollowUp, HiringCase, MeetingRequest, WorkTrial
    from tests.db.test_hiring_journey import _published_case

    case, profile = _published_case(world)
    User.objects.filter(pk=world["north_seeker"].pk).update(last_login=at(dt.date(2031, 1, 1)))
    employer = world["north_employer"]
    hiring.shortlist(employer, case, "fi")
    meeting = hiring.ask_to_meet(employer, case, profile.pseudonym)
    hiring.answer_meeting(world["north_seeker"], meeting, True)
    hiring.plan_trial(
        employer,
        case,
        request=meeting,
        starts_on=START,
        ends_on=START + dt.timedelta(days=14),
        notes="Pakkaus",
        supervisor="Leena",
    )
    hiring.decide(employer, case, MeetingRequest.objects.get(pk=meeting.pk), True, START)
    hiring.save_onboarding(
        employer, case, mentor="Leena", starts_on=START, steps=[], instructions="", arranged=[]
    )
    follow_up = FollowUp.objects.filter(case=case).order_by("months").first()
    hiring.record_follow_up(
        employer,
        case,
        follow_up=follow_up,
        notes="Sujuu hyvin",
        adjust=False,
        on=follow_up.due_on,
        still_employed=True,
    )
    trial_end = START + dt.timedelta(days=14)
    # a year after the trial's last day: kept on that day, cleared the day after
    assert retention.apply(retention.months_before(trial_end, -12)).counts["work_trial_notes"] == 0
    assert (
        retention.apply(retention.months_before(trial_end, -12) + dt.timedelta(days=1)).counts[
            "work_trial_notes"
        ]
        == 1
    )
    trial = WorkTrial.objects.get(case=case)
    assert (trial.notes, trial.supervisor, trial.starts_on) == ("", "", START)
    # two years after the follow-up was done (on its due day, a month after the start)
    assert retention.apply(dt.date(2027, 2, 16)).counts["follow_up_notes"] == 1
    follow_up.refresh_from_db()
    assert (follow_up.notes, follow_up.still_employed) == ("", True)
    assert retention.apply(dt.date(2028, 1, 16)).counts["decided_hiring_cases"] == 1
    case = HiringCase.objects.get(pk=case.pk)
    assert (case.person, case.hired_id, case.decision) == ("", None, "hired")
    assert not MeetingRequest.objects.filter(case=case).exists()


def test_the_documented_defaults_are_the_ones_in_force():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "privacy" / "retention.md").read_text()
    for data_class in CLASSES:
        assert f"(`{data_class.key}`) | {data_class.months} months |" in doc, data_class.key
