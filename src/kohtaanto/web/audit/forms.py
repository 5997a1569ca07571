from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import pgettext_lazy

from kohtaanto.web.audit.labels import action_text
from kohtaanto.web.audit.models import AuditEvent


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
        self.fields["action"].choices = [  # type: ignore[attr-defined]  # a ChoiceField
            ("", pgettext_lazy("audit", "All actions")),
            *sorted(((a, action_text(a)) for a in actions), key=lambda choice: choice[1]),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", pgettext_lazy("validation", "The end date is before the start date."))
        return data
