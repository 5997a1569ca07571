"""Forms for the job seeker's journey. Every field says what it is for in plain language."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import get_language, pgettext, pgettext_lazy

from kohtaanto.core.language import reader
from kohtaanto.matching.places import find

# the languages a person may write their own words in: every language a reader may read the service in
LANGS = list(settings.LANGUAGES)
CEFR = [
    ("", pgettext_lazy("language level", "I do not speak it")),
    ("A1", pgettext_lazy("language level", "A1: a few words")),
    ("A2", pgettext_lazy("language level", "A2: simple everyday things")),
    ("B1", pgettext_lazy("language level", "B1: I manage at work with familiar things")),
    ("B2", pgettext_lazy("language level", "B2: I manage well at work")),
    ("C1", pgettext_lazy("language level", "C1: fluent")),
    ("C2", pgettext_lazy("language level", "C2: like a native speaker")),
]
DAYS = [
    ("mon", pgettext_lazy("weekday", "Monday")),
    ("tue", pgettext_lazy("weekday", "Tuesday")),
    ("wed", pgettext_lazy("weekday", "Wednesday")),
    ("thu", pgettext_lazy("weekday", "Thursday")),
    ("fri", pgettext_lazy("weekday", "Friday")),
    ("sat", pgettext_lazy("weekday", "Saturday")),
    ("sun", pgettext_lazy("weekday", "Sunday")),
]
NOT_SAYING = "x"


class StoryForm(forms.Form):
    text = forms.CharField(
        label=pgettext_lazy("seeker", "What can you do? Write in your own words."),
        help_text=pgettext_lazy(
            "seeker",
            "For example: where you have worked, what you did there, what you do at home or as a hobby.",
        ),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    language = forms.ChoiceField(label=pgettext_lazy("seeker", "Language of your text"), choices=LANGS)


class DetailsForm(forms.Form):
    finnish = forms.ChoiceField(label=pgettext_lazy("seeker", "Finnish"), choices=CEFR, required=False)
    swedish = forms.ChoiceField(label=pgettext_lazy("seeker", "Swedish"), choices=CEFR, required=False)
    english = forms.ChoiceField(label=pgettext_lazy("seeker", "English"), choices=CEFR, required=False)
    other_language = forms.CharField(
        label=pgettext_lazy("seeker", "Other languages you speak"), max_length=200, required=False
    )
    history = forms.CharField(
        label=pgettext_lazy("seeker", "Work history"),
        help_text=pgettext_lazy("seeker", "One job on each line: what you did, where and when."),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    education = forms.CharField(
        label=pgettext_lazy("seeker", "Education and courses"),
        help_text=pgettext_lazy(
            "seeker", "One on each line, for example a hygiene passport or a forklift course."
        ),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def details(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "languages": {k: data[k] for k in ("finnish", "swedish", "english") if data.get(k)},
            "other_languages": data.get("other_language", "").strip(),
            "history": [line.strip() for line in data.get("history", "").splitlines() if line.strip()],
            "education": [line.strip() for line in data.get("education", "").splitlines() if line.strip()],
        }

    def working_language(self) -> str | None:
        data = self.cleaned_data
        return data.get("finnish") or data.get("swedish") or None


class CapacityForm(forms.Form):
    """One screen of the self-assessment: a question per attribute, always with "I prefer not to say"."""

    def __init__(self, *args: Any, attributes: list[Any], current: dict[str, int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = reader(get_language())
        self.attribute_ids = [a.id for a in attributes]
        for attribute in attributes:
            choices = [(NOT_SAYING, pgettext("seeker", "I prefer not to say"))]
            choices += [(str(level), text.get(language)) for level, text in sorted(attribute.levels.items())]
            self.fields[attribute.id] = forms.ChoiceField(
                label=attribute.question.get(language),
                choices=choices,
                widget=forms.RadioSelect,
                initial=str(current[attribute.id]) if attribute.id in current else NOT_SAYING,
            )

    def values(self) -> dict[str, int | None]:
        return {
            a: None if self.cleaned_data[a] == NOT_SAYING else int(self.cleaned_data[a])
            for a in self.attribute_ids
        }


class WorkForm(forms.Form):
    looking = forms.BooleanField(label=pgettext_lazy("seeker", "I am looking for work now"), required=False)
    hours_min = forms.DecimalField(
        label=pgettext_lazy("seeker", "At least this many hours a week"),
        min_value=Decimal(0),
        max_value=Decimal(60),
    )
    hours_max = forms.DecimalField(
        label=pgettext_lazy("seeker", "At most this many hours a week"),
        min_value=Decimal(1),
        max_value=Decimal(60),
    )
    days = forms.MultipleChoiceField(
        label=pgettext_lazy("seeker", "Days you can work"), choices=DAYS, widget=forms.CheckboxSelectMultiple
    )
    municipality = forms.CharField(
        label=pgettext_lazy("seeker", "Your home municipality"), max_length=80, required=False
    )
    max_commute_km = forms.IntegerField(
        label=pgettext_lazy("seeker", "Longest trip to work, in kilometres"),
        help_text=pgettext_lazy("seeker", "Leave empty if it does not matter."),
        min_value=1,
        max_value=500,
        required=False,
    )
    remote = forms.ChoiceField(
        label=pgettext_lazy("seeker", "Remote work"),
        choices=[
            ("no", pgettext_lazy("seeker", "I work at the workplace")),
            ("prefer", pgettext_lazy("seeker", "I would like remote work when possible")),
            ("only", pgettext_lazy("seeker", "Only remote work")),
        ],
    )

    def clean_municipality(self) -> str:
        value = str(self.cleaned_data.get("municipality", "")).strip()
        if value and find(value) is None:
            raise forms.ValidationError(
                pgettext("seeker", "We do not know this municipality. Check the spelling.")
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("hours_min"), data.get("hours_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "hours_max", pgettext("seeker", "The most hours cannot be fewer than the fewest hours.")
            )
        return data

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "hours_min": float(data["hours_min"]),
            "hours_max": float(data["hours_max"]),
            "days": data["days"],
            "municipality": data["municipality"],
            "max_commute_km": data.get("max_commute_km"),
            "remote": data["remote"],
        }


class SharingForm(forms.Form):
    open_to_employers = forms.BooleanField(
        label=pgettext_lazy("seeker", "Employers may find me without my name"),
        help_text=pgettext_lazy(
            "seeker",
            "They see your skills, hours and area, but not your name, until you tell them who you are.",
        ),
        required=False,
    )
    share_accommodations = forms.BooleanField(
        label=pgettext_lazy("seeker", "Employers may see which adjustments I need at work"),
        help_text=pgettext_lazy("seeker", "Only the adjustments, never why you need them. Off by default."),
        required=False,
    )
    share_with_coach = forms.BooleanField(
        label=pgettext_lazy("seeker", "My employment coach may read my own words and my work history"),
        help_text=pgettext_lazy(
            "seeker", "It helps your coach find work with you. Employers never see it through this choice."
        ),
        required=False,
    )


class DeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=pgettext_lazy("seeker", "Yes, delete my profile, my skills and my choices"), required=True
    )


class AccountDeleteForm(forms.Form):
    confirm_account = forms.BooleanField(
        label=pgettext_lazy("seeker", "Yes, delete my account and everything in it, and sign me out"),
        required=True,
        error_messages={
            "required": pgettext_lazy(
                "seeker", "Tick the box if you want to delete your account. Nothing was deleted."
            )
        },
    )
