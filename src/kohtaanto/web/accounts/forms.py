from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import pgettext_lazy

from kohtaanto.web.accounts.models import Municipality, Organisation


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
        field = cast(forms.ModelChoiceField, self.fields["municipality"])  # the model's foreign key
        chosen = municipalities if municipalities is not None else Municipality.objects.all()
        field.queryset = chosen.select_related("area")
        if identity_locked:  # an employer sees who the organisation is, but cannot change it
            from kohtaanto.web.accounts.services import IDENTITY_FIELDS

            for name in IDENTITY_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = pgettext_lazy(
                    "help", "Your employment area's professionals can change this if it is wrong."
                )
