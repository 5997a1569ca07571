from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import pgettext, pgettext_lazy

from kohtaanto.web.accounts.models import Organisation
from kohtaanto.web.audit.models import AuditEvent


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "business_id",
            "legal_form",
            "size_class",
            "sector",
            "municipality",
            "description_fi",
            "description_sv",
            "description_en",
        ]
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 3}),
            "description_sv": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "business_id": pgettext_lazy("help", "Seven digits, a hyphen and a check digit, e.g. 1234567-1.")
        }

    def __init__(
        self, *args: Any, municipalities: Any = None, identity_locked: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if municipalities is not None:
            self.fields["municipality"].queryset = municipalities
        self.fields["municipality"].queryset = self.fields["municipality"].queryset.select_related("area")
        if identity_locked:  # an employer sees who the organisation is, but cannot change it
            from kohtaanto.web.accounts.services import IDENTITY_FIELDS

            for name in IDENTITY_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = pgettext_lazy(
                    "help", "Your employment area's professionals can change this if it is wrong."
                )


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=pgettext_lazy("audit", "Action"), required=False)
    actor = forms.CharField(label=pgettext_lazy("audit", "Actor (user name)"), required=False, max_length=150)
    object_type = forms.CharField(label=pgettext_lazy("audit", "Object type"), required=False, max_length=64)
    since = forms.DateField(
        label=pgettext_lazy("audit", "From date"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    until = forms.DateField(
        label=pgettext_lazy("audit", "To date"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        actions = AuditEvent.objects.order_by("action").values_list("action", flat=True).distinct()
        self.fields["action"].choices = [
            ("", pgettext_lazy("audit", "All actions")),
            *((a, a) for a in actions),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", pgettext_lazy("validation", "The end date is before the start date."))
        return data


def posted_version(request: Any) -> int | None:
    """The row version a form was opened with (its hidden ``version``), or None."""
    from kohtaanto.web.concurrency import parse_version

    try:
        return parse_version(request.POST.get("version"))
    except ValueError:
        return None


def changed_elsewhere() -> str:
    """What a person reads when their form was opened before someone else saved the same thing."""
    return pgettext(
        "form",
        "Someone changed this (perhaps you, in another window) after you opened it. Check the values "
        "and save again.",
    )
