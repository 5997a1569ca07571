"""Forms for employer outreach (the professional's work with the area's employers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from kohtaanto.web.outreach.models import ActivityKind, Stage

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise  # the stubs' lazy text type


def _date(label: str | _StrPromise, required: bool = True, today: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        initial=timezone.localdate if today else None,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=pgettext_lazy("outreach", "Stage"), choices=Stage.choices)
    next_contact_on = _date(pgettext_lazy("outreach", "Next contact"), required=False)
    strategic = forms.BooleanField(label=pgettext_lazy("outreach", "Key employer"), required=False)


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(
        label=pgettext_lazy("outreach", "What kind of contact"), choices=ActivityKind.choices
    )
    happened_on = _date(pgettext_lazy("outreach", "Date"), today=True)
    notes = forms.CharField(
        label=pgettext_lazy("outreach", "Notes"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=pgettext_lazy(
            "outreach",
            "What you learnt about the business and what it needs. No notes about job seekers here.",
        ),
    )
    next_contact_on = _date(pgettext_lazy("outreach", "Next contact"), required=False)


class ContactForm(forms.Form):
    name = forms.CharField(label=pgettext_lazy("outreach", "Name"), max_length=120)
    title = forms.CharField(label=pgettext_lazy("outreach", "Job title"), max_length=120, required=False)
    phone = forms.CharField(label=pgettext_lazy("outreach", "Phone"), max_length=40, required=False)
    email = forms.EmailField(label=pgettext_lazy("outreach", "Email"), required=False)


class OutreachNeedForm(forms.Form):
    text = forms.CharField(
        label=pgettext_lazy("outreach", "The need in the employer's words"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=pgettext_lazy(
            "outreach", "For example: we'd need someone for a few hours a week to pack orders."
        ),
    )
    roles = forms.CharField(
        label=pgettext_lazy("outreach", "Overloaded roles (separate with commas)"),
        max_length=300,
        required=False,
    )
    hours_per_week = forms.CharField(
        label=pgettext_lazy("outreach", "Hours a week (estimate)"), max_length=10, required=False
    )
    found_on = _date(pgettext_lazy("outreach", "Found on"), today=True)


class RegisterImportForm(forms.Form):
    file = forms.FileField(
        label=pgettext_lazy("outreach", "Business register file (CSV)"),
        help_text=pgettext_lazy(
            "outreach",
            "Columns: business ID, name, industry (TOL 2008) and municipality; legal form if known. "
            "UTF-8, separated by commas or semicolons.",
        ),
    )
