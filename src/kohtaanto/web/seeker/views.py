"""The job seeker's journey: my skills, languages and history, what suits me, where and when I work,
what I share, matches, income and my data. Each step saves on its own and can be left and resumed.
Every page works without JavaScript; forms keep what was typed when something needs fixing."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_POST

from kohtaanto.core.language import is_right_to_left
from kohtaanto.matching.schema import ProfileIn
from kohtaanto.taxonomy.vocabulary import demands
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.errors import Conflict, InvalidInput
from kohtaanto.web.core.forms import changed_elsewhere, posted_version
from kohtaanto.web.core.http import json_download
from kohtaanto.web.core.privacy import own_text_reminder
from kohtaanto.web.core.roles import Role
from kohtaanto.web.core.ui import reader_language, ui_language
from kohtaanto.web.matching import seeker, services
from kohtaanto.web.matching.journey import STEPS, steps_done
from kohtaanto.web.matching.mappers import profile_spec
from kohtaanto.web.matching.models import IdentityReveal
from kohtaanto.web.seeker.forms import (
    AccountDeleteForm,
    CapacityForm,
    DeleteForm,
    DetailsForm,
    SharingForm,
    StoryForm,
    WorkForm,
)


def job_seeker_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @login_required
    @wraps(view)
    def wrapper(request: AuthenticatedRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.role != Role.JOB_SEEKER:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def _render(
    request: AuthenticatedRequest, step: str, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    profile = context.get("profile") or seeker.my_profile(request.user)
    done = steps_done(profile)
    context["steps"] = [(key, label, url, done[key], key == step) for key, label, url in STEPS]
    keys = [key for key, _, _ in STEPS]
    if step in keys and done.get(step) and keys.index(step) + 1 < len(keys):  # saved: offer the next step
        _, label, url = STEPS[keys.index(step) + 1]
        context["next_step"] = (label, url)
    return render(request, f"seeker/{template}", context, status=status)


@job_seeker_only
@require_http_methods(["GET"])
def overview(request: AuthenticatedRequest) -> HttpResponse:
    profile = seeker.my_profile(request.user)
    return _render(
        request,
        "",
        "overview.html",
        {
            "profile": profile,
            "proposals": trial_proposals(profile, reader_language()),
            "risk_cards": _risk_cards(profile),
            "kits": _kits(profile),
        },
    )


def _risk_cards(profile: Any) -> list[Any]:
    from kohtaanto.web.hiring.models import RiskCard

    if profile is None:
        return []
    return list(
        RiskCard.objects.filter(profile=profile).select_related("case__organisation").order_by("-asked_at")
    )


def _kits(profile: Any) -> list[Any]:
    """The hiring cases the person agreed to meet about whose new job is chosen: each has a language kit."""
    from kohtaanto.web.hiring.models import MeetingRequest, MeetingStatus

    if profile is None:
        return []
    meetings = MeetingRequest.objects.filter(profile=profile, status=MeetingStatus.ACCEPTED).select_related(
        "case__organisation"
    )
    return [m.case for m in meetings if m.case.chosen]


@job_seeker_only
@require_http_methods(["GET"])
def language_kit(request: AuthenticatedRequest, case: int) -> HttpResponse:
    """The language kit of a job the person agreed to meet about; the gloss language is the person's
    choice on the page and is not stored or shown to the employer."""
    from kohtaanto.web.hiring import language_kit as kit_data

    profile = seeker.my_profile(request.user)
    found = next((c for c in _kits(profile) if c.pk == case), None)
    if found is None:
        raise Http404
    kit = kit_data.build(
        found,
        language=request.GET.get("language") or ("sv" if ui_language() == "sv" else "fi"),
        gloss=request.GET.get("gloss", _own_gloss()),
        ui=reader_language(),
    )
    return _render(request, "", "language_kit.html", {"profile": profile, "case": found, "kit": kit})


def _own_gloss() -> str:
    """The person's own reading language as the kit's gloss, when the kit has glosses in it."""
    from kohtaanto.plainlang.work_words import GLOSS_LANGUAGES

    language = reader_language()
    return language if language in GLOSS_LANGUAGES else ""


@job_seeker_only
@require_http_methods(["GET", "POST"])
def risk_card(request: AuthenticatedRequest, card: int) -> HttpResponse:
    """The person's own risk card, with the trial evidence, before the employer sees any of it; the person
    shares the evidence or keeps it (and can change the answer)."""
    from kohtaanto.web.core.concurrency import parse_version
    from kohtaanto.web.hiring import risk_card as card_data
    from kohtaanto.web.hiring import services as hiring
    from kohtaanto.web.hiring.models import RiskCard

    profile = seeker.my_profile(request.user)
    found = get_object_or_404(RiskCard.objects.select_related("case__organisation"), pk=card, profile=profile)
    if request.method == "POST":
        share = request.POST.get("answer") == "share"
        try:
            hiring.answer_risk_card(
                request.user,
                found,
                share=share,
                language=ui_language(),
                version=parse_version(request.POST.get("version")),
            )
        except hiring.CaseError as exc:  # before ValueError: a case error is one
            messages.error(request, " ".join(m for ms in exc.errors.values() for m in ms))
            return redirect("seeker:risk_card", card=found.pk)
        except (ValueError, Conflict):
            messages.error(
                request, pgettext("seeker", "The card changed meanwhile. Look at it again and answer.")
            )
            return redirect("seeker:risk_card", card=found.pk)
        if share:
            messages.success(
                request, pgettext("seeker", "The employer now sees the card with what your trial showed.")
            )
        else:
            messages.success(
                request, pgettext("seeker", "The employer now sees the card without what your trial showed.")
            )
        return redirect("seeker:overview")
    built = card_data.build(
        found.case, profile, language=reader_language(), today=timezone.localdate(), evidence=True
    )
    return _render(request, "", "risk_card.html", {"profile": profile, "card": found, "built": built})


def trial_proposals(profile: Any, language: str) -> list[dict[str, Any]]:
    """Work trials whose observations wait for the person's answer, side by side with their own answers."""
    from kohtaanto.taxonomy.vocabulary import demands
    from kohtaanto.web.hiring.models import WorkTrial

    if profile is None:
        return []
    mine = profile_spec(profile).capacities
    out = []
    for trial in WorkTrial.objects.filter(profile=profile, proposal="proposed").select_related(
        "case__organisation"
    ):
        rows = []
        for attribute_id, level in trial.observations.items():
            attribute = demands().attribute(attribute_id)
            own = mine.get(attribute_id)
            rows.append(
                {
                    "label": attribute.labels.get(language),
                    "observed": f"{level}: {attribute.levels[level].get(language)}",
                    "mine": f"{own}: {attribute.levels[own].get(language)}" if isinstance(own, int) else "",
                }
            )
        out.append({"trial": trial, "rows": rows})
    return out


@job_seeker_only
@require_POST
def trial_answer(request: AuthenticatedRequest, trial: int) -> HttpResponse:
    from kohtaanto.web.hiring import services as hiring
    from kohtaanto.web.hiring.models import WorkTrial

    profile = seeker.my_profile(request.user)
    found = get_object_or_404(WorkTrial, pk=trial, profile=profile, proposal="proposed")
    accept = request.POST.get("answer") == "yes"
    hiring.answer_trial_proposal(request.user, found, accept)
    if accept:
        messages.success(request, pgettext("seeker", "Your profile was updated from the work trial."))
    else:
        messages.success(request, pgettext("seeker", "Your own answers stay as they were."))
    return redirect("seeker:overview")


# -- skills ---------------------------------------------------------------------------------------
def _skill_rows(profile: Any, language: str) -> list[dict[str, Any]]:
    names = seeker.skill_names(language)
    return [
        {"id": sid, "label": names.get(sid, sid), "level": level}
        for sid, level in sorted(profile_spec(profile).skills.items(), key=lambda kv: names.get(kv[0], kv[0]))
    ]


def _marked(text: str, span: list[int] | None) -> Any:
    if not span:
        return ""
    start, end = span
    left, right = max(0, start - 40), min(len(text), end + 40)
    return format_html(
        "{}{}<mark>{}</mark>{}{}",
        "…" if left else "",
        text[left:start],
        text[start:end],
        text[end:right],
        "…" if right < len(text) else "",
    )


@job_seeker_only
@require_http_methods(["GET", "POST"])
def skills(request: AuthenticatedRequest) -> HttpResponse:
    language = reader_language()
    profile = seeker.my_profile(request.user)
    initial = {
        "text": profile.story if profile else "",
        "language": (profile.story_language if profile else "") or language,
    }
    action = request.POST.get("action") if request.method == "POST" else None
    story = StoryForm(request.POST if action == "suggest" else None, initial=initial)
    written_in = str((request.POST.get("language") if action == "suggest" else None) or initial["language"])
    story.fields["text"].widget.attrs.update(
        lang=written_in, dir="rtl" if is_right_to_left(written_in) else "auto"
    )
    suggestions: list[dict[str, Any]] = []
    errors: list[str] = []
    near: list[tuple[str, str]] | None = None
    status = 200
    if action == "suggest":
        if story.is_valid():
            profile = seeker.ensure_profile(request.user)
            text, text_language = story.cleaned_data["text"], story.cleaned_data["language"]
            seeker.save_story(request.user, profile, text, text_language)
            if reminder := own_text_reminder(text):
                messages.info(request, reminder)
            if note := seeker.other_language_note(text, text_language):
                messages.warning(request, note)
            have = set(profile_spec(profile).skills)
            names = seeker.skill_names(language)
            for item in seeker.suggest_skills(text, text_language):
                if item["id"] not in have:
                    item["label"] = names.get(item["id"], item["label"])
                    item["marked"] = _marked(text, item["evidence"])
                    suggestions.append(item)
        else:
            status = 400
    elif action == "save":
        profile = seeker.ensure_profile(request.user)
        chosen, errors, near = _chosen_skills(request, profile, language)
        if not errors or near is not None:  # what was ticked is kept even when a typed word is not found
            seeker.save_skills(request.user, profile, chosen)
        if not errors:
            messages.success(request, pgettext("seeker", "Your skills were saved."))
            return redirect("seeker:skills")
        status = 400
    context = {
        "profile": profile,
        "story": story,
        "suggestions": suggestions,
        "rows": _skill_rows(profile, language) if profile else [],
        "all_skills": sorted(seeker.skill_names(language).values()),
        "levels": range(1, 6),
        "errors": errors,
        "near": near or [],
        "typed": request.POST.get("add", "") if request.method == "POST" else "",
        "written_in": written_in,
    }
    return _render(request, "skills", "skills.html", context, status)


def _chosen_skills(
    request: AuthenticatedRequest, profile: Any, language: str
) -> tuple[dict[str, int], list[str], list[tuple[str, str]] | None]:
    """The skills as the form leaves them, the errors, and, when a typed skill was not found, the skills
    whose names come near it (to choose from; the rest of the choices are kept and saved)."""
    known = set(seeker.skill_names(language))
    have = profile_spec(profile).skills
    chosen: dict[str, int] = {}
    errors: list[str] = []
    near: list[tuple[str, str]] | None = None

    def level_of(name: str, default: int = 2) -> int | None:
        raw = request.POST.get(name, str(default))
        return int(raw) if raw.isdigit() and 0 <= int(raw) <= 5 else None

    for sid, current in have.items():
        level = level_of(f"level:{sid}", int(current))  # a form without this row keeps the level
        if level is None:
            errors.append(pgettext("seeker", "Choose a level from 1 to 5."))
        elif level > 0 and request.POST.get(f"remove:{sid}") != "on":
            chosen[sid] = level
    for sid in request.POST.getlist("pick"):
        level = level_of(f"picklevel:{sid}")
        if sid in known and level:
            chosen[sid] = level
    picked_near = request.POST.get("add_id", "")
    if picked_near in known:  # one of the near matches offered for a typed word
        chosen[picked_near] = level_of("addlevel") or 2
    typed = "" if picked_near else request.POST.get("add", "").strip()
    if typed:
        exact = seeker.skill_exactly(typed, language)
        if exact is None or exact not in known:
            near = seeker.near_skills(typed, language)
            errors.append(
                pgettext("seeker", "We did not find “%(typed)s” exactly. Your other choices were saved.")
                % {"typed": typed}
                + (" " + pgettext("seeker", "Did you mean one of these?") if near else "")
            )
        else:
            chosen[exact] = level_of("addlevel") or 2
    return chosen, errors, near


# -- languages and history ------------------------------------------------------------------------
@job_seeker_only
@require_http_methods(["GET", "POST"])
def languages(request: AuthenticatedRequest) -> HttpResponse:
    profile = seeker.my_profile(request.user)
    details = profile.details if profile else {}
    langs = details.get("languages", {})
    initial = {
        **langs,
        "other_language": details.get("other_languages", ""),
        "history": "\n".join(details.get("history", [])),
        "education": "\n".join(details.get("education", [])),
    }
    form = DetailsForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            profile = seeker.ensure_profile(request.user)
            seeker.save_details(request.user, profile, form.details(), form.working_language())
            messages.success(request, pgettext("seeker", "Saved."))
            typed = f"{form.cleaned_data.get('history', '')}\n{form.cleaned_data.get('education', '')}"
            if reminder := own_text_reminder(typed):
                messages.info(request, reminder)
            return redirect("seeker:languages")
        return _render(request, "languages", "languages.html", {"form": form, "profile": profile}, 400)
    return _render(request, "languages", "languages.html", {"form": form, "profile": profile})


# -- capacities -----------------------------------------------------------------------------------
@job_seeker_only
@require_http_methods(["GET"])
def capacity_start(request: AuthenticatedRequest) -> HttpResponse:
    return redirect("seeker:capacity", group=seeker.GROUPS[0])


@job_seeker_only
@require_http_methods(["GET", "POST"])
def capacity(request: AuthenticatedRequest, group: str) -> HttpResponse:
    if group not in seeker.GROUPS:
        raise Http404
    profile = seeker.my_profile(request.user)
    current = profile_spec(profile).capacities if profile else {}
    form = CapacityForm(request.POST or None, attributes=seeker.attributes(group), current=current)
    index = seeker.GROUPS.index(group)
    following = seeker.GROUPS[index + 1] if index + 1 < len(seeker.GROUPS) else None
    if request.method == "POST" and form.is_valid():
        profile = seeker.ensure_profile(request.user)
        seeker.save_capacities(request.user, profile, group, form.values())
        messages.success(request, pgettext("seeker", "Saved."))
        if following and request.POST.get("next"):
            return redirect("seeker:capacity", group=following)
        return redirect("seeker:capacity", group=group)
    context = {
        "form": form,
        "profile": profile,
        "group": group,
        "title": demands().group_title(group, reader_language()),
        "number": index + 1,
        "total": len(seeker.GROUPS),
        "previous": seeker.GROUPS[index - 1] if index else None,
        "following": following,
        "groups": [(g, demands().group_title(g, reader_language())) for g in seeker.GROUPS],
    }
    return _render(request, "capacity", "capacity.html", context, 400 if form.errors else 200)


# -- hours and place ------------------------------------------------------------------------------
@job_seeker_only
@require_http_methods(["GET", "POST"])
def work(request: AuthenticatedRequest) -> HttpResponse:
    profile = seeker.my_profile(request.user)
    spec = profile_spec(profile) if profile else ProfileIn(hours_min=10, hours_max=30)  # a first suggestion
    initial = {
        "looking": profile.looking if profile else True,
        "hours_min": _plain_number(spec.hours_min),
        "hours_max": _plain_number(spec.hours_max),
        "days": list(spec.days),
        "municipality": _municipality_name(spec.municipality),
        "max_commute_km": _plain_number(spec.max_commute_km),
        "remote": spec.remote,
    }
    form = WorkForm(request.POST or None, initial=initial)
    version = profile.version if profile else None
    if request.method == "POST":
        status = 400
        if form.is_valid():
            profile = seeker.ensure_profile(request.user)
            try:
                seeker.save_work(
                    request.user,
                    profile,
                    form.values(),
                    form.cleaned_data["looking"],
                    version=posted_version(request),
                )
            except InvalidInput as exc:
                for field, problems in exc.errors.items():
                    form.add_error(
                        field.split(".")[-1] if field.split(".")[-1] in form.fields else None, problems
                    )
            except Conflict as exc:  # changed in another tab or device: show what is saved now
                form.add_error(None, changed_elsewhere())
                version, status = exc.current, 409
            else:
                messages.success(request, pgettext("seeker", "Saved."))
                return redirect("seeker:work")
        context = {"form": form, "profile": profile, "version": version}
        return _render(request, "work", "work.html", context, status)
    return _render(request, "work", "work.html", {"form": form, "profile": profile, "version": version})


def _plain_number(value: Any) -> Any:
    """20 rather than 20.0 in a number field; 37.5 stays as it is."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _municipality_name(code: str) -> str:
    from kohtaanto.matching.places import find

    found = find(code) if code else None
    if found is None:
        return code
    return found.sv if ui_language() == "sv" and found.sv else found.fi


# -- income ---------------------------------------------------------------------------------------
@job_seeker_only
@require_http_methods(["GET", "POST"])
def income(request: AuthenticatedRequest) -> HttpResponse:
    """ "Jos teen osa-aikatyötä…" for the person's own benefit situation, which they may let us remember;
    the working time starts from the hours they said they want."""
    from kohtaanto.web.core.chart import income_chart
    from kohtaanto.web.supports.forms import IncomeForm
    from kohtaanto.web.supports.views import ask_question, income_series

    profile = seeker.my_profile(request.user)
    saved = profile.benefit if profile else {}
    hours = profile_spec(profile).hours_max if profile else 0
    initial = {
        "benefit": saved.get("benefit", "labour_market_support"),
        "full_daily_allowance": saved.get("full_daily_allowance"),
        "hours_percent": min(100, max(1, round(hours / 37.5 * 100))) if hours else 50,
        "remember": bool(saved),
    }
    form = IncomeForm(request.POST or None, initial=initial)
    answer = None
    if request.method == "POST" and form.is_valid():
        answer = ask_question(form, "part_time", form.situation())
        if answer is not None and (form.benefit() or profile):
            profile = seeker.ensure_profile(request.user)
            seeker.save_benefit(request.user, profile, form.benefit())
    context: dict[str, Any] = {
        "form": form,
        "answer": answer,
        "profile": profile,
        "saved": bool(profile and profile.benefit),
        "action_url": reverse("seeker:income"),
    }
    if answer:
        points = income_series(form, form.cleaned_data["earnings"])
        context["chart"] = income_chart(points, form.cleaned_data["earnings"])
        context["points"] = points
    ok = request.method == "GET" or answer is not None
    if getattr(request, "htmx", False):
        return render(request, "supports/part_time_results.html", context)
    return _render(request, "income", "income.html", context, 200 if ok else 400)


# -- sharing --------------------------------------------------------------------------------------
@job_seeker_only
@require_http_methods(["GET", "POST"])
def sharing(request: AuthenticatedRequest) -> HttpResponse:
    profile = seeker.my_profile(request.user)
    initial = {
        "open_to_employers": profile.open_to_employers if profile else False,
        "share_accommodations": profile.share_accommodations if profile else False,
        "share_with_coach": profile.share_with_coach if profile else False,
    }
    form = SharingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        profile = seeker.ensure_profile(request.user)
        services.update_profile(request.user, profile, **form.cleaned_data)
        messages.success(request, pgettext("seeker", "Your choices were saved."))
        return redirect("seeker:sharing")
    from kohtaanto.web.hiring.models import MeetingRequest

    context = {
        "form": form,
        "profile": profile,
        "meetings": list(
            MeetingRequest.objects.filter(profile=profile, status="asked").select_related(
                "case__organisation", "case__job", "asked_by"
            )
        )
        if profile
        else [],
        "revealed": list(IdentityReveal.objects.filter(profile=profile).select_related("organisation"))
        if profile
        else [],
        "history": seeker.consent_history(request.user, profile) if profile else [],
        "share_items": seeker.share_items(),
    }
    return _render(request, "sharing", "sharing.html", context)


@job_seeker_only
@require_POST
def withdraw_reveal(request: AuthenticatedRequest, organisation: int) -> HttpResponse:
    profile = seeker.my_profile(request.user)
    reveal = get_object_or_404(IdentityReveal, profile=profile, organisation_id=organisation)
    services.reveal_identity(request.user, profile, reveal.organisation, reveal=False)
    messages.success(request, pgettext("seeker", "The employer no longer sees your name."))
    return redirect("seeker:sharing")


def _items(request: AuthenticatedRequest) -> list[str]:
    return [i for i in request.POST.getlist("items") if i in services.SHARE_ITEMS]


@job_seeker_only
@require_POST
def share_with(request: AuthenticatedRequest, organisation: int) -> HttpResponse:
    """Choose what one employer who already knows your name sees: the adjustments you need, your work
    history, education, language skills."""
    profile = seeker.my_profile(request.user)
    reveal = get_object_or_404(IdentityReveal, profile=profile, organisation_id=organisation)
    services.reveal_identity(
        request.user,
        profile,
        reveal.organisation,
        share_accommodations=request.POST.get("share") == "yes",
        items=_items(request),
    )
    messages.success(request, pgettext("seeker", "Your choice was saved."))
    return redirect("seeker:sharing")


@job_seeker_only
@require_POST
def interest(request: AuthenticatedRequest, job: int) -> HttpResponse:
    profile = seeker.my_profile(request.user)
    posting = get_object_or_404(services.open_jobs(), pk=job)
    if profile is None:
        raise Http404
    wanted = request.POST.get("interested", "yes") == "yes"
    seeker.set_interest(request.user, profile, posting, wanted)
    if wanted:
        messages.success(
            request, pgettext("seeker", "The employer sees that you are interested (without your name).")
        )
    return redirect("matching:my_matches")


# -- my data --------------------------------------------------------------------------------------
@job_seeker_only
@require_http_methods(["GET", "POST"])
def data(request: AuthenticatedRequest) -> HttpResponse:
    action = request.POST.get("action") if request.method == "POST" else None
    form = DeleteForm(request.POST if action == "delete" else None)
    account_form = AccountDeleteForm(request.POST if action == "account" else None)
    context = {"form": form, "account_form": account_form, "viewed": _viewed(request)}
    if action == "delete":
        if form.is_valid():
            seeker.delete_profile(request.user)
            messages.success(request, pgettext("seeker", "Your profile was deleted."))
            return redirect("seeker:data")
        return _render(request, "data", "data.html", context, 400)
    if action == "account":
        if account_form.is_valid():
            seeker.delete_account(request.user)
            logout(request)
            messages.success(request, pgettext("seeker", "Your account was deleted."))
            return redirect("pages:login")
        return _render(request, "data", "data.html", context, 400)
    return _render(request, "data", "data.html", context)


def _viewed(request: AuthenticatedRequest) -> list[dict[str, Any]]:
    return seeker.viewed_by(seeker.my_profile(request.user))


@job_seeker_only
@require_http_methods(["GET"])
def export(request: AuthenticatedRequest) -> HttpResponse:
    stamp = timezone.localdate().isoformat()
    return json_download(seeker.export(request.user), f"kohtaanto-my-data-{stamp}.json")


@job_seeker_only
@require_POST
def answer_meeting(request: AuthenticatedRequest, meeting: int) -> HttpResponse:
    from kohtaanto.web.hiring import services as hiring
    from kohtaanto.web.hiring.models import MeetingRequest

    profile = seeker.my_profile(request.user)
    found = get_object_or_404(MeetingRequest, pk=meeting, profile=profile)
    accept = request.POST.get("answer") == "yes"
    try:
        hiring.answer_meeting(
            request.user,
            found,
            accept,
            share_accommodations=request.POST.get("share_accommodations") == "on",
            items=_items(request),
            contact=request.POST.get("contact", ""),
        )
    except hiring.CaseError as exc:
        messages.error(request, " ".join(m for ms in exc.errors.values() for m in ms))
        return redirect("seeker:sharing")
    if accept:
        messages.success(request, pgettext("seeker", "The employer now sees your name and will contact you."))
    else:
        messages.success(request, pgettext("seeker", "You said no. The employer does not see your name."))
    return redirect("seeker:sharing")
