"""Forms for the employer's journey, in plain words."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import pgettext_lazy

from kohtaanto.taxonomy.vocabulary import demands
from kohtaanto.web.core.ui import ui_language

NEED_CHOICES = [
    ("shortage", pgettext_lazy("hiring need", "We cannot find skilled workers")),
    ("workload", pgettext_lazy("hiring need", "Our staff have too much to do")),
    ("overtime", pgettext_lazy("hiring need", "We pay a lot of overtime")),
    ("growth", pgettext_lazy("hiring need", "We are growing")),
    ("other", pgettext_lazy("hiring need", "Something else")),
]
HOW_OFTEN = [
    ("never", pgettext_lazy("how often", "Never")),
    ("rarely", pgettext_lazy("how often", "Rarely")),
    ("sometimes", pgettext_lazy("how often", "Sometimes")),
    ("often", pgettext_lazy("how often", "Often")),
    ("mostly", pgettext_lazy("how often", "Most of the time")),
]


class CaseForm(forms.Form):
    title = forms.CharField(
        label=pgettext_lazy("hiring", "Name of the case"),
        help_text=pgettext_lazy("hiring", "For example: More hands for the morning shift."),
        max_length=200,
    )


class HiringNeedForm(forms.Form):
    reasons = forms.MultipleChoiceField(
        label=pgettext_lazy("hiring", "What is hard right now?"),
        choices=NEED_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    text = forms.CharField(
        label=pgettext_lazy("hiring", "Tell more in your own words"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    overloaded = forms.CharField(
        label=pgettext_lazy("hiring", "Which roles are overloaded?"),
        help_text=pgettext_lazy("hiring", "One role on each line, for example: Baker."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RoleForm(forms.Form):
    title = forms.CharField(label=pgettext_lazy("hiring", "Role"), max_length=120)
    holders = forms.IntegerField(
        label=pgettext_lazy("hiring", "People in this role"), min_value=1, max_value=1000, initial=1
    )
    hourly_cost = forms.DecimalField(
        label=pgettext_lazy("hiring", "What an hour of this role costs you, euros"),
        help_text=pgettext_lazy("hiring", "Wage and side costs together, for example 30."),
        min_value=Decimal(5),
        max_value=Decimal(500),
        initial=Decimal(30),
    )


class TaskForm(forms.Form):
    role = forms.ChoiceField(label=pgettext_lazy("hiring", "Role that does the task now"))
    name = forms.CharField(label=pgettext_lazy("hiring", "Task"), max_length=120)
    hours = forms.DecimalField(
        label=pgettext_lazy("hiring", "Hours a week"),
        min_value=Decimal("0.25"),
        max_value=Decimal(40),
        decimal_places=2,
    )
    skill = forms.CharField(
        label=pgettext_lazy("hiring", "Main skill the task needs"),
        help_text=pgettext_lazy("hiring", "Start typing and choose from the list."),
        max_length=120,
        required=False,
    )
    level = forms.TypedChoiceField(
        label=pgettext_lazy("hiring", "How well (1 = a beginner manages, 5 = an expert)"),
        choices=[(str(n), str(n)) for n in range(1, 6)],
        coerce=int,
        initial="2",
    )
    below_level = forms.BooleanField(
        label=pgettext_lazy("hiring", "The task is below the skills of the people who do it now"),
        required=False,
    )

    def __init__(self, *args: Any, roles: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = roles  # type: ignore[attr-defined]  # a ChoiceField
        language = ui_language()
        for question in demands().task_questions:  # the vocabulary's plain questions, in its own words
            self.fields[f"q_{question.id}"] = forms.ChoiceField(
                label=question.text.get(language),
                choices=HOW_OFTEN,
                initial="never",
                widget=forms.RadioSelect,
            )

    def answers(self) -> dict[str, str]:
        return {q.id: self.cleaned_data[f"q_{q.id}"] for q in demands().task_questions}


class InventoryImportForm(forms.Form):
    text = forms.CharField(
        label=pgettext_lazy("hiring", "Paste a job description"),
        help_text=pgettext_lazy(
            "hiring", "We make a task of each line or sentence. You choose which to keep."
        ),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class AdForm(forms.Form):
    text = forms.CharField(
        label=pgettext_lazy("hiring", "Job ad"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 14})
    )
    hourly_wage = forms.DecimalField(
        label=pgettext_lazy("hiring", "Hourly wage (euros, gross)"),
        help_text=pgettext_lazy(
            "hiring", "As the collective agreement of your sector sets it for this work."
        ),
        min_value=5,
        max_value=100,
        decimal_places=2,
        localize=True,
        required=False,
    )
    contact = forms.CharField(
        label=pgettext_lazy("hiring", "Whom to contact, and how"),
        help_text=pgettext_lazy("hiring", "A name and a phone number or an e-mail, as the ad shows them."),
        max_length=200,
        required=False,  # needed to publish, not to check the language
    )
    how_to_apply = forms.CharField(
        label=pgettext_lazy("hiring", "How to apply"),
        help_text=pgettext_lazy("hiring", "For example: call, or send a short message. No CV is needed."),
        max_length=300,
        required=False,
    )
    apply_by = forms.DateField(
        label=pgettext_lazy("hiring", "Last day to apply (if there is one)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def details(self) -> dict[str, object]:
        d = self.cleaned_data
        return {k: d.get(k) for k in ("hourly_wage", "contact", "how_to_apply", "apply_by")}


class NewJobWageForm(forms.Form):
    """The new job's pay, asked before any cost is shown (it used to be a silent 13.50 €/h)."""

    hourly_wage = forms.DecimalField(
        label=pgettext_lazy("hiring", "Hourly wage of the new job, euros"),
        help_text=pgettext_lazy(
            "hiring",
            "From your collective agreement. The costs, supports and the ad use it; you can change it later.",
        ),
        min_value=Decimal(5),
        max_value=Decimal(100),
        decimal_places=2,
        localize=True,
        required=False,  # left empty, the wage already on the case stays
    )


class SupportFactsForm(forms.Form):
    """What the person or their coach has told; used only for the supports and the net cost."""

    registered_unemployed = forms.BooleanField(
        label=pgettext_lazy("support facts", "The person is registered as an unemployed job seeker"),
        required=False,
    )
    unemployment_months = forms.IntegerField(
        label=pgettext_lazy("support facts", "Months unemployed (about)"),
        min_value=0,
        max_value=600,
        required=False,
    )
    aged_55 = forms.BooleanField(
        label=pgettext_lazy("support facts", "The person is 55 or older"), required=False
    )
    reduced_work_ability = forms.BooleanField(
        label=pgettext_lazy("support facts", "The person has a confirmed reduced work ability"),
        required=False,
    )
    permanent = forms.BooleanField(
        label=pgettext_lazy("support facts", "The reduced work ability is permanent"), required=False
    )

    @classmethod
    def initial_from(cls, facts: dict[str, Any]) -> dict[str, Any]:
        if not facts:
            return {"registered_unemployed": True, "unemployment_months": 0}
        return {
            "registered_unemployed": facts.get("registered_unemployed", True),
            "unemployment_months": facts.get("unemployment_months", 0),
            "aged_55": (facts.get("age") or 0) >= 55,
            "reduced_work_ability": facts.get("reduced_work_ability", False),
            "permanent": facts.get("permanent_reduced_work_ability", False),
        }

    def facts(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "registered_unemployed": d["registered_unemployed"],
            "unemployment_months": d["unemployment_months"] or 0,
            "age": 55 if d["aged_55"] else None,
            "reduced_work_ability": d["reduced_work_ability"] or d["permanent"],
            "permanent_reduced_work_ability": d["permanent"],
        }
