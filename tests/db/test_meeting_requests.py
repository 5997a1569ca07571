"""An employer's request to meet reaches the person: on their front page, by e-mail where they have an
address, answered once; after a yes the employer and the person can reach each other as the person chose."""

from __future__ import annotations

import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from kohtaanto.web.hiring import services as hiring
from kohtaanto.web.hiring.models import MeetingRequest
from tests.db.test_hiring_journey import _published_case

pytestmark = pytest.mark.db


def _client(user):
    client = Client(HTTP_ACCEPT_LANGUAGE="fi")
    client.force_login(user)
    return client


@pytest.fixture
def asked(world, django_capture_on_commit_callbacks):
    case, profile = _published_case(world)
    world["north_employer"].email = "leena@leipomo.example"
    world["north_employer"].save()
    world["north_seeker"].email = "matti@example.org"
    world["north_seeker"].save()
    hiring.shortlist(world["north_employer"], case, "fi")
    with django_capture_on_commit_callbacks(execute=True):
        meeting = hiring.ask_to_meet(world["north_employer"], case, profile.pseudonym)
    return case, profile, meeting


def test_the_request_is_on_the_front_page_and_in_an_email_without_the_persons_details(world, asked):
    case, _, _ = asked
    [sent] = mail.outbox
    assert sent.to == ["matti@example.org"] and sent.subject == "Työnantaja haluaa tavata sinut"
    assert case.organisation.name in sent.body and "ellet vastaa kyllä" in sent.body
    front = _client(world["north_seeker"]).get("/").content.decode()
    assert f"{case.organisation.name} haluaa tavata sinut." in front
    assert 'href="/me/sharing/#meetings-heading"' in front


def test_after_yes_each_side_sees_how_to_reach_the_other(world, asked):
    case, _, meeting = asked
    me = _client(world["north_seeker"])
    answered = me.post(f"/me/meetings/{meeting.pk}/", {"answer": "yes", "contact": " 040  123 4567 "})
    assert answered.status_code == 302
    assert MeetingRequest.objects.get(pk=meeting.pk).contact == "040 123 4567"
    front = me.get("/").content.decode()
    assert f"Sovit tapaamisen: {case.organisation.name}." in front and "leena@leipomo.example" in front
    assert "haluaa tavata sinut" not in front  # nothing waits any more
    boss = _client(world["north_employer"]).get(f"/hire/{case.pk}/candidates/").content.decode()
    assert "Näin tavoitat hänet: 040 123 4567" in boss


def test_a_no_shares_nothing_and_a_second_answer_is_refused(world, asked):
    case, _, meeting = asked
    me = _client(world["north_seeker"])
    assert me.post(f"/me/meetings/{meeting.pk}/", {"answer": "no", "contact": "040 1"}).status_code == 302
    again = me.post(f"/me/meetings/{meeting.pk}/", {"answer": "yes", "contact": "040 1"}, follow=True)
    assert "Olet jo vastannut tähän pyyntöön." in again.content.decode()
    stored = MeetingRequest.objects.get(pk=meeting.pk)
    assert stored.status == "declined" and stored.contact == ""
    assert (
        "040 1" not in _client(world["north_employer"]).get(f"/hire/{case.pk}/candidates/").content.decode()
    )


@pytest.mark.django_db(transaction=True)
def test_two_answers_at_once_leave_one(world, django_capture_on_commit_callbacks):
    if connection.vendor == "sqlite":
        pytest.skip("runs on PostgreSQL, where two requests really write at once")
    case, profile = _published_case(world)
    hiring.shortlist(world["north_employer"], case, "fi")
    meeting = hiring.ask_to_meet(world["north_employer"], case, profile.pseudonym)
    outcomes: list[str] = []

    def answer(accept: bool) -> None:
        try:
            hiring.answer_meeting(world["north_seeker"], MeetingRequest.objects.get(pk=meeting.pk), accept)
            outcomes.append("ok")
        except hiring.CaseError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=answer, args=(flag,)) for flag in (True, False)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok", "refused"]


def test_a_person_reading_arabic_gets_the_request_in_arabic_and_the_employer_keeps_finnish(
    world, django_capture_on_commit_callbacks
):
    from django.utils import translation

    case, profile = _published_case(world)
    seeker = world["north_seeker"]
    seeker.email, seeker.language = "amina@example.org", "ar"
    seeker.save()
    hiring.shortlist(world["north_employer"], case, "fi")
    with django_capture_on_commit_callbacks(execute=True):
        hiring.ask_to_meet(world["north_employer"], case, profile.pseudonym)
    [sent] = mail.outbox
    with translation.override("ar"):
        subject = translation.pgettext("notification", "An employer wants to meet you")
    assert sent.subject == subject != "An employer wants to meet you"
    assert case.organisation.name in sent.body and "haluaa" not in sent.body
    front = Client()
    front.force_login(seeker)
    assert '<html lang="ar" dir="rtl">' in front.get("/").content.decode()
    boss = _client(world["north_employer"]).get(f"/hire/{case.pk}/candidates/").content.decode()
    assert '<html lang="fi">' in boss and not any("\u0600" <= ch <= "\u06ff" for ch in boss)


def _plan_trial(employer, case, meeting):
    """A two-week trial planned from an accepted meeting request (11.-22.1.2027)."""
    import datetime as dt

    return hiring.plan_trial(
        employer,
        case,
        request=meeting,
        starts_on=dt.date(2027, 1, 11),
        ends_on=dt.date(2027, 1, 22),
        notes="",
    )


def _observe(employer, case, trial, *, lifting: int, day: int, propose: bool):
    """The employer writes down the lifting level a trial day showed, proposing it to the person or not."""
    import datetime as dt

    return hiring.record_observations(
        employer,
        case,
        trial=trial,
        observed={"physical.lifting_carrying": lifting},
        on=dt.date(2027, 1, day),
        propose=propose,
    )


@pytest.mark.parametrize("language", ["fi", "uk"])
def test_a_planned_trial_and_what_it_showed_reach_the_person_by_email_in_their_language(
    world, asked, django_capture_on_commit_callbacks, language
):

    from django.utils import translation

    case, _, meeting = asked
    seeker = world["north_seeker"]
    seeker.language = language
    seeker.save()
    hiring.answer_meeting(seeker, MeetingRequest.objects.get(pk=meeting.pk), True)
    meeting = MeetingRequest.objects.get(pk=meeting.pk)
    mail.outbox.clear()
    employer = world["north_employer"]
    with django_capture_on_commit_callbacks(execute=True):
        trial = _plan_trial(employer, case, meeting)
    [planned] = mail.outbox
    with translation.override(language):
        subject = translation.pgettext("notification", "A work trial has been planned with you")
        proposal_subject = translation.pgettext(
            "notification", "An employer wrote down what your work trial showed"
        )
    assert planned.to == ["matti@example.org"] and planned.subject == subject
    assert (
        "11.1.2027" in planned.body and "22.1.2027" in planned.body and case.organisation.name in planned.body
    )
    assert "A work trial" not in planned.subject  # translated, in Ukrainian too
    with django_capture_on_commit_callbacks(execute=True):
        _observe(employer, case, trial, lifting=3, day=12, propose=True)
    proposed = mail.outbox[-1]
    assert proposed.subject == proposal_subject != "An employer wrote down what your work trial showed"
    assert case.organisation.name in proposed.body
    assert not any(ch.isdigit() for ch in proposed.body.replace(case.organisation.name, ""))  # no levels
    with django_capture_on_commit_callbacks(execute=True):  # observations without a proposal send nothing
        _observe(employer, case, trial, lifting=2, day=13, propose=False)
    assert len(mail.outbox) == 2


def test_a_trial_proposal_is_answered_once_even_by_two_answers_from_the_same_page(world, asked):
    """Both answers were read from the same page (the same stale trial): the first counts, the second is
    refused and changes nothing in the profile."""

    from kohtaanto.web.hiring.models import WorkTrial
    from kohtaanto.web.matching.models import SeekerProfile

    case, profile, meeting = asked
    seeker, employer = world["north_seeker"], world["north_employer"]
    hiring.answer_meeting(seeker, MeetingRequest.objects.get(pk=meeting.pk), True)
    meeting = MeetingRequest.objects.get(pk=meeting.pk)
    trial = _plan_trial(employer, case, meeting)
    _observe(employer, case, trial, lifting=1, day=12, propose=True)
    first, second = WorkTrial.objects.get(pk=trial.pk), WorkTrial.objects.get(pk=trial.pk)
    hiring.answer_trial_proposal(seeker, first, False)
    with pytest.raises(hiring.CaseError):
        hiring.answer_trial_proposal(seeker, second, True)
    assert WorkTrial.objects.get(pk=trial.pk).proposal == "declined"
    capacities = SeekerProfile.objects.get(pk=profile.pk).spec.get("capacities", {})
    assert capacities.get("physical.lifting_carrying") != 1  # the refused yes took nothing in
