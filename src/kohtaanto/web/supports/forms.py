"""Forms for the supports pages. They check types and ranges; the rules engine checks the rest."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import pgettext, pgettext_lazy

from kohtaanto.rules import GENERAL_SUPPORT_FROM
from kohtaanto.web.accounts.models import LegalForm, validate_business_id
from kohtaanto.web.supports.models import AidRegulation, Instrument

YES_NO = [("yes", pgettext_lazy("answer", "Yes")), ("no", pgettext_lazy("answer", "No"))]


def _money(label: Any, required: bool = False, help_text: Any = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=Decimal(0),
        max_value=Decimal(100_000),
        decimal_places=2,
        help_text=help_text,
    )


def kela_benefit_on(benefit: str, day: dt.date) -> str:
    """The form offers yleistuki first; for a day before it existed, Kela's benefit then was labour
    market support (the engine itself refuses yleistuki before 1.5.2026)."""
    return "labour_market_support" if benefit == "general_support" and day < GENERAL_SUPPORT_FROM else benefit


def _date_field(label: Any = None, *, required: bool = True, today: bool = True) -> forms.DateField:
    """A date picker (ISO in the field); by default "the date the answer is for", today."""
    return forms.DateField(
        label=label or pgettext_lazy("supports form", "Date the answer is for"),
        required=required,
        initial=timezone.localdate if today else None,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )


class HireSupportForm(forms.Form):
    legal_form = forms.ChoiceField(
        label=pgettext_lazy("supports form", "Employer's legal form"), choices=LegalForm.choices
    )
    business_activity = forms.ChoiceField(
        label=pgettext_lazy("supports form", "Are the tasks business activity?"),
        choices=YES_NO,
        initial="yes",
        widget=forms.RadioSelect,
        help_text=pgettext_lazy(
            "supports form", "Sales for profit in competition with others. Matters for associations."
        ),
    )
    age = forms.IntegerField(
        label=pgettext_lazy("supports form", "Person's age (only for age-based supports)"),
        required=False,
        min_value=15,
        max_value=100,
    )
    unemployment_months = forms.IntegerField(
        label=pgettext_lazy("supports form", "Months unemployed before the hire"),
        min_value=0,
        max_value=600,
        initial=0,
    )
    reduced_work_ability = forms.BooleanField(
        label=pgettext_lazy(
            "supports form", "The person's work ability is reduced by a disability or illness"
        ),
        required=False,
    )
    permanent_reduced_work_ability = forms.BooleanField(
        label=pgettext_lazy("supports form", "The reduced work ability is substantial and permanent"),
        required=False,
    )
    monthly_wage = _money(
        pgettext_lazy("supports form", "Monthly wage (euros, gross, without side costs)"), required=True
    )
    hours_per_week = forms.DecimalField(
        label=pgettext_lazy("supports form", "Working hours a week"),
        min_value=Decimal("0.5"),
        max_value=Decimal(80),
        initial=Decimal("37.5"),
    )
    contract_months = forms.IntegerField(
        label=pgettext_lazy("supports form", "Length of the contract in months (leave empty if permanent)"),
        required=False,
        min_value=1,
        max_value=600,
    )
    apprenticeship = forms.BooleanField(
        label=pgettext_lazy("supports form", "The job is an apprenticeship"), required=False
    )
    apprenticeship_compensation_per_month = _money(
        pgettext_lazy(
            "supports form", "Training compensation agreed with the education provider (euros a month)"
        )
    )
    tools_cost = _money(
        pgettext_lazy("supports form", "Cost of tools or changes the disability requires (euros)")
    )
    help_hours_per_month = forms.DecimalField(
        label=pgettext_lazy("supports form", "Hours of a colleague's help a month"),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(744),
    )
    help_months = forms.IntegerField(
        label=pgettext_lazy("supports form", "Months of help"), required=False, min_value=0, max_value=600
    )
    aid_basis = forms.ChoiceField(
        label=pgettext_lazy("supports form", "Companies: the state-aid basis of the decision"),
        choices=[
            ("gber", pgettext_lazy("aid basis", "General block exemption (does not use de minimis room)")),
            (
                "de_minimis",
                pgettext_lazy("aid basis", "De minimis aid (counts towards the de minimis limit)"),
            ),
        ],
        initial="gber",
        required=False,
        help_text=pgettext_lazy(
            "supports form",
            "The employment area tells which one it uses. De minimis is checked against your ledger.",
        ),
    )
    on = _date_field()

    def situation(self) -> dict[str, Any]:
        d = self.cleaned_data
        job: dict[str, Any] = {
            "monthly_wage": str(d["monthly_wage"]),
            "hours_per_week": str(d["hours_per_week"]),
            "apprenticeship": d["apprenticeship"],
        }
        if d["contract_months"]:
            job["contract_months"] = d["contract_months"]
        if d["apprenticeship_compensation_per_month"]:
            job["apprenticeship_compensation_per_month"] = str(d["apprenticeship_compensation_per_month"])
        arrangements: dict[str, Any] = {}
        if d["tools_cost"]:
            arrangements["tools_cost"] = str(d["tools_cost"])
        if d["help_hours_per_month"]:
            arrangements["help_hours_per_month"] = str(d["help_hours_per_month"])
            arrangements["help_months"] = d["help_months"] or 0
        person: dict[str, Any] = {
            "unemployment_months": d["unemployment_months"],
            "reduced_work_ability": d["reduced_work_ability"],
            "permanent_reduced_work_ability": d["permanent_reduced_work_ability"],
        }
        if d["age"] is not None:
            person["age"] = d["age"]
        return {
            "employer": {"legal_form": d["legal_form"], "business_activity": d["business_activity"] == "yes"},
            "person": person,
            "job": job,
            "arrangements": arrangements,
            "aid_basis": d.get("aid_basis") or "gber",
        }


BENEFITS = [
    ("general_support", pgettext_lazy("benefit", "General support (yleistuki, Kela, from 1 May 2026)")),
    (
        "labour_market_support",
        pgettext_lazy("benefit", "Labour market support (työmarkkinatuki, Kela, until 30 April 2026)"),
    ),
    (
        "basic",
        pgettext_lazy("benefit", "Basic unemployment allowance (peruspäiväraha, Kela, until 30 April 2026)"),
    ),
    ("earnings_related", pgettext_lazy("benefit", "Earnings-related allowance (ansiopäiväraha, a fund)")),
]


class PartTimeForm(forms.Form):
    benefit = forms.ChoiceField(
        label=pgettext_lazy("part-time form", "Which benefit do you get?"),
        widget=forms.RadioSelect,
        initial="general_support",
        choices=BENEFITS,
    )
    full_daily_allowance = forms.DecimalField(
        label=pgettext_lazy(
            "part-time form", "Your full daily allowance in euros (from your benefit decision)"
        ),
        required=False,
        min_value=Decimal("0.01"),
        max_value=Decimal(1000),
        decimal_places=2,
        help_text=pgettext_lazy("part-time form", "Leave empty for Kela's full amount."),
    )
    earnings = forms.DecimalField(
        label=pgettext_lazy("part-time form", "Pay from the part-time work, euros a month"),
        min_value=Decimal(0),
        max_value=Decimal(20_000),
        decimal_places=2,
    )
    hours_percent = forms.IntegerField(
        label=pgettext_lazy("part-time form", "Working time as a percentage of full time"),
        min_value=1,
        max_value=150,
        initial=50,
    )
    on = _date_field()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("benefit") == "earnings_related" and not data.get("full_daily_allowance"):
            self.add_error(
                "full_daily_allowance",
                pgettext_lazy(
                    "part-time form", "Enter your daily allowance: the unemployment fund's decision shows it."
                ),
            )
        return data

    def situation(self, earnings: Decimal | None = None) -> dict[str, Any]:
        d = self.cleaned_data
        benefit = kela_benefit_on(d["benefit"], d["on"])
        situation: dict[str, Any] = {
            "benefit": benefit,
            "earnings_in_period": str(d["earnings"] if earnings is None else earnings),
            "hours_share_of_full_time": str(Decimal(d["hours_percent"]) / 100),
        }
        if d.get("full_daily_allowance"):
            situation["full_daily_allowance"] = str(d["full_daily_allowance"])
        return situation


class IncomeForm(PartTimeForm):
    """The job seeker's own income step: the part-time calculation, remembering their benefit."""

    remember = forms.BooleanField(
        label=pgettext_lazy("part-time form", "Remember my benefit and daily allowance (only you see them)"),
        required=False,
    )

    def benefit(self) -> dict[str, Any]:
        d = self.cleaned_data
        if not d.get("remember"):
            return {}
        saved: dict[str, Any] = {"benefit": d["benefit"]}
        if d.get("full_daily_allowance"):
            saved["full_daily_allowance"] = str(d["full_daily_allowance"])
        return saved


STUDY_KINDS = [
    ("amk_degree", pgettext_lazy("study kind", "University of applied sciences degree (AMK, YAMK)")),
    ("university_degree", pgettext_lazy("study kind", "University degree (bachelor's, master's)")),
    (
        "vocational_qualification",
        pgettext_lazy("study kind", "Vocational upper-secondary qualification or part of one"),
    ),
    (
        "further_vocational_qualification",
        pgettext_lazy("study kind", "Further or specialist vocational qualification"),
    ),
    ("open_university", pgettext_lazy("study kind", "Open university or open AMK studies")),
    ("vocational_course", pgettext_lazy("study kind", "A course that gives vocational skills")),
    ("lukio", pgettext_lazy("study kind", "General upper-secondary school (lukio)")),
    ("adult_basic", pgettext_lazy("study kind", "Basic education for adults")),
    ("telma", pgettext_lazy("study kind", "TELMA training")),
    ("tuva", pgettext_lazy("study kind", "TUVA preparatory training")),
    ("folk_high_school", pgettext_lazy("study kind", "Folk high school or sports training centre")),
    ("licentiate_doctoral", pgettext_lazy("study kind", "Licentiate or doctoral studies")),
    (
        "leisure_course",
        pgettext_lazy("study kind", "A hobby or evening course (for example at a kansalaisopisto)"),
    ),
    ("other", pgettext_lazy("study kind", "Something else")),
]


class StudyForm(forms.Form):
    """ "Voinko opiskella työttömänä?": the person's situation and the studies they plan."""

    age = forms.IntegerField(
        label=pgettext_lazy("study form", "Your age when the studies start"), min_value=15, max_value=100
    )
    benefit = forms.ChoiceField(
        label=pgettext_lazy("study form", "Which benefit do you get now?"),
        widget=forms.RadioSelect,
        initial="general_support",
        choices=[*BENEFITS, ("none", pgettext_lazy("benefit", "No unemployment benefit"))],
    )
    monthly_wage = _money(
        pgettext_lazy(
            "study form", "Earnings-related allowance: your monthly wage before you became unemployed"
        ),
        help_text=pgettext_lazy("study form", "Optional: gives an estimate of the amount."),
    )
    benefit_days_left = forms.IntegerField(
        label=pgettext_lazy("study form", "Days of allowance left"),
        help_text=pgettext_lazy(
            "study form", "Optional: from your fund's or Kela's decision. Not for labour market support."
        ),
        min_value=0,
        max_value=600,
        required=False,
    )
    kind = forms.ChoiceField(label=pgettext_lazy("study form", "What would you study?"), choices=STUDY_KINDS)
    credits = forms.IntegerField(
        label=pgettext_lazy("study form", "Upper secondary school (lukio): credits in your syllabus"),
        help_text=pgettext_lazy("study form", "The full syllabus is 150 credits."),
        min_value=0,
        max_value=1000,
        required=False,
    )
    courses_per_year = forms.IntegerField(
        label=pgettext_lazy("study form", "Basic education for adults: courses in a school year"),
        min_value=0,
        max_value=200,
        required=False,
    )
    starts_on = forms.DateField(
        label=pgettext_lazy("study form", "When do the studies start?"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    months = forms.DecimalField(
        label=pgettext_lazy("study form", "How many months do the studies last?"),
        help_text=pgettext_lazy("study form", "Or give the days below, for a short course."),
        min_value=Decimal("0.1"),
        max_value=Decimal(120),
        decimal_places=1,
        required=False,
    )
    days = forms.IntegerField(
        label=pgettext_lazy("study form", "Or how many days (a short course)?"),
        min_value=1,
        max_value=4000,
        required=False,
    )
    hours_per_day = forms.DecimalField(
        label=pgettext_lazy("study form", "Hours a day (for a course)"),
        required=False,
        min_value=Decimal("0.5"),
        max_value=Decimal(24),
        decimal_places=1,
    )
    vocational = forms.BooleanField(
        label=pgettext_lazy("study form", "The studies give vocational skills or help me start a business"),
        required=False,
    )
    used_short_study = forms.BooleanField(
        label=pgettext_lazy(
            "study form", "I have already used the right to short studies on unemployment benefit"
        ),
        required=False,
    )
    agreed_in_plan = forms.BooleanField(
        label=pgettext_lazy("study form", "The studies are agreed in my employment plan"), required=False
    )
    training_need_found = forms.BooleanField(
        label=pgettext_lazy("study form", "The employment services have said I need training"), required=False
    )
    established_work_months = forms.IntegerField(
        label=pgettext_lazy("study form", "Months I have worked regularly alongside these studies"),
        min_value=0,
        max_value=600,
        initial=0,
        required=False,
    )
    started_while_employed = forms.BooleanField(
        label=pgettext_lazy(
            "study form",
            "I started the studies while employed, and I lost the job for the employer's reasons",
        ),
        required=False,
    )
    resigned_to_study = forms.BooleanField(
        label=pgettext_lazy("study form", "I resigned from my job to start studying"), required=False
    )
    on = _date_field()
    keep = forms.BooleanField(
        label=pgettext_lazy("study form", "Keep these studies on my profile"), required=False
    )
    show_coach = forms.BooleanField(
        label=pgettext_lazy("study form", "My employment coach may see them and this answer"), required=False
    )

    def __init__(self, *args: Any, job_seeker: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not job_seeker:  # only a job seeker keeps a plan on their own profile
            del self.fields["keep"]
            del self.fields["show_coach"]

    @staticmethod
    def initial_from(plan: dict[str, Any]) -> dict[str, Any]:
        """The form filled from a kept study plan: :meth:`situation` the other way round."""
        situation = plan.get("situation") or {}
        studies = situation.get("studies") or {}
        if not studies:
            return {}
        return {
            "age": situation.get("age"),
            "benefit": situation.get("benefit"),
            "kind": studies.get("kind"),
            "starts_on": studies.get("starts_on"),
            "months": studies.get("months"),
            "days": studies.get("days"),
            "hours_per_day": studies.get("hours_per_day"),
            "vocational": studies.get("vocational"),
            "agreed_in_plan": studies.get("agreed_in_plan"),
            "training_need_found": studies.get("training_need_found"),
            "established_work_months": situation.get("established_work_months"),
            "started_while_employed": situation.get("started_while_employed"),
            "resigned_to_study": situation.get("resigned_to_study"),
            "monthly_wage": situation.get("monthly_wage"),
            "benefit_days_left": situation.get("benefit_days_left"),
            "credits": studies.get("credits"),
            "courses_per_year": studies.get("courses_per_year"),
            "used_short_study": studies.get("first_short_study") is False,
            "keep": True,
            "show_coach": plan.get("show_coach"),
        }

    def situation(self) -> dict[str, Any]:
        d = self.cleaned_data
        studies: dict[str, Any] = {
            "kind": d["kind"],
            "starts_on": d["starts_on"].isoformat(),
            "vocational": d["vocational"],
            "agreed_in_plan": d["agreed_in_plan"],
            "training_need_found": d["training_need_found"],
        }
        if d.get("months") is not None:
            studies["months"] = str(d["months"])
        else:
            studies["days"] = d["days"]
        if d.get("hours_per_day"):
            studies["hours_per_day"] = str(d["hours_per_day"])
        if d["used_short_study"]:
            studies["first_short_study"] = False
        if d["kind"] == "lukio":
            studies["credits"] = d["credits"]
        if d["kind"] == "adult_basic":
            studies["courses_per_year"] = d["courses_per_year"]
        benefit = kela_benefit_on(d["benefit"], max(d["on"], d["starts_on"]))
        situation: dict[str, Any] = {
            "age": d["age"],
            "benefit": benefit,
            "established_work_months": d.get("established_work_months") or 0,
            "started_while_employed": d["started_while_employed"],
            "dismissed_for_employer_reasons": d["started_while_employed"],
            "resigned_to_study": d["resigned_to_study"],
            "studies": studies,
        }
        if d["benefit"] == "earnings_related" and d.get("monthly_wage") is not None:
            situation["monthly_wage"] = str(d["monthly_wage"])
        if d["benefit"] in ("earnings_related", "basic") and d.get("benefit_days_left") is not None:
            situation["benefit_days_left"] = d["benefit_days_left"]
        return situation

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "months" not in self.errors and "days" not in self.errors:
            if data.get("months") is None and data.get("days") is None:
                self.add_error("months", pgettext("study form", "Give the months or the days."))
            elif data.get("months") is not None and data.get("days") is not None:
                self.add_error("days", pgettext("study form", "Give the months or the days, not both."))
        needed = {"lukio": "credits", "adult_basic": "courses_per_year"}
        field = needed.get(data.get("kind", ""))
        if field and data.get(field) is None and field not in self.errors:
            message = pgettext("study form", "Needed for these studies: it decides if they are full-time.")
            self.add_error(field, message)
        return data


RTW_STATUSES = [
    (
        "eu_citizen",
        pgettext_lazy("permit situation", "Citizen of an EU or EEA country, Switzerland or a Nordic country"),
    ),
    ("permanent_permit", pgettext_lazy("permit situation", "Permanent residence permit (P or P-EU)")),
    (
        "continuous_permit_non_work",
        pgettext_lazy("permit situation", "Continuous residence permit on other grounds than work (A)"),
    ),
    ("family_ties", pgettext_lazy("permit situation", "Residence permit on the basis of family ties")),
    (
        "temporary_protection",
        pgettext_lazy("permit situation", "Temporary protection (for example from Ukraine)"),
    ),
    ("asylum_seeker", pgettext_lazy("permit situation", "Asylum seeker waiting for a decision")),
    ("student", pgettext_lazy("permit situation", "Residence permit for studies")),
    (
        "employee_permit",
        pgettext_lazy("permit situation", "Residence permit for an employed person, limited to a field"),
    ),
    ("work_permit_ended", pgettext_lazy("permit situation", "Work-based permit whose employment has ended")),
]
PERMIT_CATEGORIES = [
    ("other", pgettext_lazy("permit category", "Other work-based permit")),
    ("specialist", pgettext_lazy("permit category", "Specialist")),
    ("eu_blue_card", pgettext_lazy("permit category", "EU Blue Card")),
    ("start_up", pgettext_lazy("permit category", "Start-up entrepreneur")),
    ("management", pgettext_lazy("permit category", "Top or middle management")),
    ("intra_corporate_transfer", pgettext_lazy("permit category", "Intra-corporate transfer (ICT)")),
]


def _check(label: Any, initial: bool = False) -> forms.BooleanField:
    return forms.BooleanField(label=label, required=False, initial=initial)


def _day(label: Any, help_text: Any = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )


class RightToWorkForm(forms.Form):
    """ "Saako hän tehdä töitä?": the permit situation in plain words, and the facts each situation needs."""

    status = forms.ChoiceField(
        label=pgettext_lazy("right to work form", "What is the person's situation?"),
        widget=forms.RadioSelect,
        choices=RTW_STATUSES,
    )
    permit_granted = _check(
        pgettext_lazy("right to work form", "Family ties: the first permit has been granted"), initial=True
    )
    application_registered = _check(
        pgettext_lazy("right to work form", "Temporary protection: the application has been registered"),
        initial=True,
    )
    applied_on = _day(
        pgettext_lazy("right to work form", "Asylum seeker: the day the asylum application was made"),
        pgettext_lazy("right to work form", "It is on the asylum seeker's card or the police's receipt."),
    )
    travel_document = _check(
        pgettext_lazy("right to work form", "Asylum seeker: showed a valid passport or other travel document")
    )
    removal_enforceable = _check(
        pgettext_lazy("right to work form", "Asylum seeker: has an enforceable decision to leave the country")
    )
    degree_related_work = _check(
        pgettext_lazy("right to work form", "Student: the work is part of the degree (training or thesis)")
    )
    hours_per_week = forms.DecimalField(
        label=pgettext_lazy(
            "right to work form", "Student: planned working hours a week, on average over the year"
        ),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(100),
        decimal_places=1,
    )
    permit_fields = forms.CharField(
        label=pgettext_lazy(
            "right to work form", "Employed person's permit: the field written on the permit"
        ),
        required=False,
        max_length=200,
    )
    job_field = forms.CharField(
        label=pgettext_lazy("right to work form", "Employed person's permit: the field of this job"),
        required=False,
        max_length=200,
    )
    shortage_occupation = _check(
        pgettext_lazy("right to work form", "The job is on the list of labour-shortage occupations")
    )
    employment_ended_on = _day(pgettext_lazy("right to work form", "Ended employment: the last day of work"))
    permit_category = forms.ChoiceField(
        label=pgettext_lazy("right to work form", "Ended employment: the kind of permit"),
        choices=PERMIT_CATEGORIES,
        initial="other",
        required=False,
    )
    years_on_work_permit = forms.DecimalField(
        label=pgettext_lazy("right to work form", "Ended employment: years on a work-based permit"),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(60),
        decimal_places=1,
    )
    on = _date_field()

    def situation(self) -> dict[str, Any]:
        d = self.cleaned_data
        s: dict[str, Any] = {
            "status": d["status"],
            "permit_granted": bool(d.get("permit_granted")),
            "application_registered": bool(d.get("application_registered")),
            "travel_document": bool(d.get("travel_document")),
            "removal_enforceable": bool(d.get("removal_enforceable")),
            "degree_related_work": bool(d.get("degree_related_work")),
            "job_field_is_shortage_occupation": bool(d.get("shortage_occupation")),
            "permit_category": d.get("permit_category") or "other",
        }
        if d.get("applied_on"):
            s["applied_on"] = d["applied_on"].isoformat()
        if d.get("hours_per_week") is not None:
            s["schedule"] = [{"weeks": "52", "hours_per_week": str(d["hours_per_week"])}]
        field = (d.get("permit_fields") or "").strip().casefold()
        if field:
            s["permit_fields"] = [field]
        if (d.get("job_field") or "").strip():
            s["job_field"] = d["job_field"].strip().casefold()
        if d.get("employment_ended_on"):
            s["employment_ended_on"] = d["employment_ended_on"].isoformat()
        if d.get("years_on_work_permit") is not None:
            s["years_on_work_permit"] = str(d["years_on_work_permit"])
        return s


class PensionEarningsForm(forms.Form):
    """ "Paljonko voin ansaita?": the monthly earnings limit on a disability pension."""

    kind = forms.ChoiceField(
        label=pgettext_lazy("pension form", "Which pension do you get?"),
        widget=forms.RadioSelect,
        choices=[
            ("full", pgettext_lazy("pension form", "Full disability pension or rehabilitation subsidy")),
            ("partial", pgettext_lazy("pension form", "Partial disability pension")),
        ],
        initial="full",
    )
    pre_pension_earnings = _money(
        pgettext_lazy("pension form", "Your established earnings before the pension, euros a month"),
        help_text=pgettext_lazy(
            "pension form",
            "Your pension decision shows them. Leave empty if you do not know: you see the smallest limit.",
        ),
    )
    offered_pay = _money(pgettext_lazy("pension form", "Pay from the work you are offered, euros a month"))
    work_months = forms.IntegerField(
        label=pgettext_lazy("pension form", "For how many months is the work?"),
        required=False,
        min_value=1,
        max_value=600,
    )
    on = _date_field()

    def situation(self) -> dict[str, Any]:
        d = self.cleaned_data
        s: dict[str, Any] = {
            "kind": d["kind"],
            "pre_pension_earnings_month": str(d.get("pre_pension_earnings") or 0),
        }
        if d.get("offered_pay") is not None:
            s["planned_earnings_month"] = str(d["offered_pay"])
        if d.get("work_months"):
            s["planned_work_months"] = d["work_months"]
        return s


class GrantForm(forms.Form):
    """One de minimis grant for the ledger."""

    decided_on = forms.DateField(
        label=pgettext_lazy("de minimis form", "Decision date"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    amount = forms.DecimalField(
        label=pgettext_lazy("de minimis form", "Amount in euros"),
        min_value=Decimal("0.01"),
        max_value=Decimal(10_000_000),
        decimal_places=2,
    )
    granted_by = forms.CharField(label=pgettext_lazy("de minimis form", "Who granted it"), max_length=200)
    purpose = forms.CharField(
        label=pgettext_lazy("de minimis form", "What for"), max_length=200, required=False
    )
    instrument = forms.ChoiceField(
        label=pgettext_lazy("de minimis form", "Form of the aid"),
        choices=Instrument.choices,
        initial="grant",
        required=False,
    )
    regulation = forms.ChoiceField(
        label=pgettext_lazy("de minimis form", "Granted under"),
        choices=AidRegulation.choices,
        initial="2023/2831",
        required=False,
        help_text=pgettext_lazy("de minimis form", "The decision names the regulation."),
    )
    recipient_business_id = forms.ChoiceField(
        label=pgettext_lazy("de minimis form", "Which company received it"), required=False
    )
    reference = forms.CharField(
        label=pgettext_lazy("de minimis form", "Decision number (optional)"), max_length=100, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, companies: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipient_business_id"].choices = companies  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        """Left out: a grant, under the regulation in force on the decision date."""
        data = super().clean() or {}
        data["instrument"] = data.get("instrument") or Instrument.GRANT
        if not data.get("regulation"):
            day = data.get("decided_on")
            old = day is not None and day < dt.date(2024, 1, 1)
            data["regulation"] = AidRegulation.GENERAL_2013 if old else AidRegulation.GENERAL
        return data


class LinkedForm(forms.Form):
    """A company that forms one single undertaking with the employer, asked as plain questions."""

    name = forms.CharField(label=pgettext_lazy("de minimis form", "Company name"), max_length=200)
    business_id = forms.CharField(
        label=pgettext_lazy("de minimis form", "Business ID (Y-tunnus)"), max_length=12
    )
    links = forms.MultipleChoiceField(
        label=pgettext_lazy("de minimis form", "How are the companies linked?"),
        help_text=pgettext_lazy("de minimis form", "Choose all that are true, either way round."),
        widget=forms.CheckboxSelectMultiple,
        choices=[
            (
                "majority_votes",
                pgettext_lazy(
                    "de minimis form",
                    "One company has more than half of the votes "
                    "at the other's meeting of owners or members.",
                ),
            ),
            (
                "appoints_board",
                pgettext_lazy(
                    "de minimis form", "One company can choose or remove most of the other's board."
                ),
            ),
            (
                "dominant_influence",
                pgettext_lazy(
                    "de minimis form",
                    "A contract or the other company's articles give one company the right to decide for it.",
                ),
            ),
            (
                "controls_by_agreement",
                pgettext_lazy(
                    "de minimis form",
                    "One owner decides more than half of the other's votes alone, "
                    "by an agreement with the other owners.",
                ),
            ),
        ],
    )
    through_other = forms.BooleanField(
        label=pgettext_lazy("de minimis form", "The link goes through a third company"), required=False
    )

    def clean_business_id(self) -> str:
        """Spaces dropped and the hyphen put in (``01120389`` → ``0112038-9``), then the check digit."""
        value = "".join(str(self.cleaned_data.get("business_id", "")).split())
        if len(value) == 8 and value.isdigit():
            value = f"{value[:7]}-{value[7]}"
        validate_business_id(value)
        return value

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class FiscalYearForm(forms.Form):
    fiscal_year_start_month = forms.TypedChoiceField(
        label=pgettext_lazy("de minimis form", "Your fiscal year starts in"),
        coerce=int,
        choices=list(MONTHS.items()),
        help_text=pgettext_lazy("de minimis form", "Counts for decisions made before 2024."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RoomForm(forms.Form):
    """How much de minimis room is left on a day, and whether a new grant fits."""

    decision_on = forms.DateField(
        label=pgettext_lazy("de minimis form", "Date of the new decision"),
        initial=timezone.localdate,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    new_amount = forms.DecimalField(
        label=pgettext_lazy("de minimis form", "Amount of the new aid in euros (optional)"),
        min_value=Decimal(0),
        max_value=Decimal(10_000_000),
        decimal_places=2,
        required=False,
    )


YEAR_BENEFITS = [
    (
        "labour_market_support",
        pgettext_lazy("year form", "Kela's unemployment benefit (yleistuki, labour market support)"),
    ),
    ("earnings_related", pgettext_lazy("year form", "Earnings-related allowance from an unemployment fund")),
    ("none", pgettext_lazy("year form", "No unemployment benefit")),
]
PAY_KINDS = [
    ("hourly", pgettext_lazy("year form", "Hourly wage and hours a week")),
    ("monthly", pgettext_lazy("year form", "Monthly wage")),
    ("gigs", pgettext_lazy("year form", "A few gig payments")),
]


def _money_field(
    label: Any, *, required: bool = True, maximum: int = 100_000, **kwargs: Any
) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=Decimal(0),
        max_value=Decimal(maximum),
        decimal_places=2,
        **kwargs,
    )


class IncomeYearForm(forms.Form):
    """ "Kannattaako työ?": the household, today's benefit and the work on offer."""

    municipality = forms.CharField(
        label=pgettext_lazy("year form", "Home municipality"),
        max_length=60,
        widget=forms.TextInput(attrs={"list": "municipalities", "autocomplete": "address-level2"}),
    )
    adults = forms.TypedChoiceField(
        label=pgettext_lazy("year form", "Adults in the household"),
        choices=[(1, pgettext_lazy("year form", "One adult")), (2, pgettext_lazy("year form", "Two adults"))],
        coerce=int,
        initial=1,
        widget=forms.RadioSelect,
    )
    children = forms.CharField(
        label=pgettext_lazy("year form", "Ages of the children under 18 (for example 4, 11)"),
        required=False,
        max_length=60,
    )
    rent = _money_field(pgettext_lazy("year form", "Rent a month, euros (with water)"), maximum=10_000)
    benefit = forms.ChoiceField(
        label=pgettext_lazy("year form", "Your benefit today"),
        choices=YEAR_BENEFITS,
        initial="labour_market_support",
        widget=forms.RadioSelect,
    )
    wage_basis_month = _money_field(
        pgettext_lazy("year form", "Earnings-related: the monthly wage your allowance is based on"),
        required=False,
    )
    partner_wage = _money_field(
        pgettext_lazy("year form", "Two adults: the other adult's gross wage a month"), required=False
    )
    child_benefit = _money_field(
        pgettext_lazy("year form", "Child benefit a month, euros (from Kela's decision)"),
        required=False,
        maximum=10_000,
    )
    pay_kind = forms.ChoiceField(
        label=pgettext_lazy("year form", "How is the work paid?"),
        choices=PAY_KINDS,
        initial="hourly",
        widget=forms.RadioSelect,
    )
    hourly_wage = _money_field(pgettext_lazy("year form", "Hourly wage, euros"), required=False, maximum=1000)
    hours_per_week = forms.DecimalField(
        label=pgettext_lazy("year form", "Hours a week"),
        required=False,
        min_value=Decimal("0.5"),
        max_value=Decimal(80),
        decimal_places=1,
    )
    wage_month = _money_field(pgettext_lazy("year form", "Monthly wage, euros"), required=False)
    gigs = forms.CharField(
        label=pgettext_lazy(
            "year form", "Gig payments: one a line, the day and the euros (for example 15.4.2026 300)"
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    work_start = _date_field(pgettext_lazy("year form", "The work starts"), required=False, today=False)
    work_end = _date_field(
        pgettext_lazy("year form", "The work ends (leave empty if it goes on)"), required=False, today=False
    )
    on = _date_field(pgettext_lazy("year form", "First month of the calculation"))

    def clean_municipality(self) -> str:
        from kohtaanto.core.municipalities import find

        value = self.cleaned_data["municipality"].strip()
        place = find(value)
        if place is None:
            raise forms.ValidationError(
                pgettext_lazy(
                    "year form", "No municipality is called %(name)s. Write its name in Finnish or Swedish."
                ),
                params={"name": value},
            )
        if place.aland:
            raise forms.ValidationError(
                pgettext_lazy(
                    "year form",
                    "Åland has its own tax and housing allowance rules; this calculator does not cover them.",
                )
            )
        return place.code

    def clean_children(self) -> list[int]:
        raw = self.cleaned_data.get("children") or ""
        ages = []
        for part in raw.replace(";", ",").replace(" ", ",").split(","):
            if not part:
                continue
            if not part.isdigit() or int(part) > 17:
                raise forms.ValidationError(
                    pgettext_lazy(
                        "year form", "Write each child's age as a number from 0 to 17, separated by commas."
                    )
                )
            ages.append(int(part))
        return ages

    def clean_gigs(self) -> list[dict[str, str]]:
        raw = self.cleaned_data.get("gigs") or ""
        out = []
        for line in raw.splitlines():
            if not line.strip():
                continue
            parts = line.split()
            try:
                day = (
                    dt.datetime.strptime(parts[0], "%d.%m.%Y").date()
                    if "." in parts[0]
                    else dt.date.fromisoformat(parts[0])
                )
                amount = Decimal(parts[1].replace(",", ".").replace("€", ""))
            except (ValueError, IndexError, ArithmeticError):
                raise forms.ValidationError(
                    pgettext_lazy(
                        "year form",
                        "Write each payment on its own line as a day and euros, for example 15.4.2026 300.",
                    )
                ) from None
            if amount <= 0 or amount > 100_000:
                raise forms.ValidationError(
                    pgettext_lazy("year form", "A payment must be more than 0 and at most 100 000 euros.")
                )
            out.append({"date": day.isoformat(), "amount": str(amount)})
        return out

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("pay_kind")
        needs = {
            "hourly": ("hourly_wage", "hours_per_week", "work_start"),
            "monthly": ("wage_month", "work_start"),
        }
        for name in needs.get(kind or "", ()):
            if not data.get(name):
                self.add_error(name, pgettext_lazy("year form", "Fill this in for the work on offer."))
        if kind == "gigs" and not data.get("gigs") and "gigs" not in self.errors:
            self.add_error("gigs", pgettext_lazy("year form", "Write at least one payment."))
        if data.get("benefit") == "earnings_related" and not data.get("wage_basis_month"):
            self.add_error(
                "wage_basis_month",
                pgettext_lazy(
                    "year form", "Enter the wage your allowance is based on: the fund's decision shows it."
                ),
            )
        start, end = data.get("work_start"), data.get("work_end")
        if start and end and end < start:
            self.add_error("work_end", pgettext_lazy("year form", "The work cannot end before it starts."))
        if data.get("partner_wage") and data.get("adults") != 2:
            self.add_error(
                "partner_wage",
                pgettext_lazy("year form", "Choose two adults to give the other adult's wage."),
            )
        return data

    def situation(self, **change: Any) -> dict[str, Any]:
        """The engine's input; ``change`` overrides the work's hours, hourly wage or start (what-if)."""
        d = self.cleaned_data
        out: dict[str, Any] = {
            "start": d["on"].replace(day=1).isoformat(),
            "municipality": d["municipality"],
            "adults": d["adults"],
            "children": d["children"],
            "rent": str(d["rent"]),
            "benefit": {"kind": d["benefit"]},
        }
        if d["benefit"] == "earnings_related":
            out["benefit"]["wage_basis_month"] = str(d["wage_basis_month"])
        if d.get("partner_wage"):
            out["partner"] = {"wage_month": str(d["partner_wage"])}
        if d.get("child_benefit"):
            out["child_benefit_month"] = str(d["child_benefit"])
        start: dt.date = change.get("start", d.get("work_start")) or d["on"]
        if d["pay_kind"] == "gigs":
            out["gigs"] = d["gigs"]
            return out
        work: dict[str, Any] = {"start": start.isoformat()}
        if d.get("work_end"):
            work["end"] = d["work_end"].isoformat()
        if d["pay_kind"] == "hourly":
            work["hourly_wage"] = str(change.get("hourly_wage", d["hourly_wage"]))
            work["hours_per_week"] = str(change.get("hours_per_week", d["hours_per_week"]))
        else:
            work["wage_month"] = str(d["wage_month"])
        out["work"] = work
        return out


COST_SUPPORTS = [
    ("none", pgettext_lazy("cost form", "No pay subsidy")),
    ("pay_subsidy:disadvantaged", pgettext_lazy("cost form", "Pay subsidy 50 %")),
    (
        "pay_subsidy:reduced_work_ability",
        pgettext_lazy("cost form", "Pay subsidy 70 % (reduced work ability)"),
    ),
    ("pay_subsidy:third_sector", pgettext_lazy("cost form", "Pay subsidy 100 % (associations)")),
    ("senior_subsidy:", pgettext_lazy("cost form", "Employment subsidy for a person aged 55 or over")),
]


class EmployerCostForm(forms.Form):
    """A hire's cost month by month: the wage, the decided supports and an illness, if you want one."""

    start = _date_field(pgettext_lazy("cost form", "First day of work"))
    wage_month = _money_field(pgettext_lazy("cost form", "Monthly wage, euros"))
    months = forms.IntegerField(
        label=pgettext_lazy("cost form", "Months to show"), min_value=1, max_value=60, initial=24
    )
    subsidy = forms.ChoiceField(
        label=pgettext_lazy("cost form", "Pay subsidy as decided"),
        choices=COST_SUPPORTS,
        initial="none",
        widget=forms.RadioSelect,
    )
    subsidy_months = forms.IntegerField(
        label=pgettext_lazy("cost form", "For how many months"), required=False, min_value=1, max_value=60
    )
    arrangement_month = _money_field(
        pgettext_lazy("cost form", "Work-arrangement support a month, euros (if decided)"), required=False
    )
    arrangement_months = forms.IntegerField(
        label=pgettext_lazy("cost form", "Work-arrangement support for how many months"),
        required=False,
        min_value=1,
        max_value=60,
    )
    holiday_bonus_share = forms.DecimalField(
        label=pgettext_lazy("cost form", "Holiday bonus, % of holiday pay (your collective agreement)"),
        min_value=Decimal(0),
        max_value=Decimal(100),
        initial=50,
        decimal_places=1,
    )
    sick_start = _date_field(
        pgettext_lazy("cost form", "An illness to plan for: first day (optional)"),
        required=False,
        today=False,
    )
    sick_days = forms.IntegerField(
        label=pgettext_lazy("cost form", "Sick days, counted Monday to Saturday"),
        required=False,
        min_value=1,
        max_value=300,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("subsidy") not in (None, "none") and not data.get("subsidy_months"):
            self.add_error("subsidy_months", pgettext_lazy("cost form", "Give the months from the decision."))
        if data.get("arrangement_month") and not data.get("arrangement_months"):
            self.add_error(
                "arrangement_months", pgettext_lazy("cost form", "Give the months from the decision.")
            )
        if bool(data.get("sick_start")) != bool(data.get("sick_days")) and not self.errors:
            field = "sick_days" if data.get("sick_start") else "sick_start"
            self.add_error(
                field, pgettext_lazy("cost form", "Give both the first day and the number of days.")
            )
        return data

    def situation(self) -> dict[str, Any]:
        d = self.cleaned_data
        out: dict[str, Any] = {
            "start": d["start"].isoformat(),
            "wage_month": str(d["wage_month"]),
            "months": d["months"],
            "holiday_bonus_share": str(d["holiday_bonus_share"]),
            "supports": [],
        }
        if d["subsidy"] != "none":
            kind, _, variant = d["subsidy"].partition(":")
            item: dict[str, Any] = {"kind": kind, "months": d["subsidy_months"]}
            if variant:
                item["variant"] = variant
            out["supports"].append(item)
        if d.get("arrangement_month"):
            out["supports"].append(
                {
                    "kind": "work_arrangement",
                    "monthly_amount": str(d["arrangement_month"]),
                    "months": d["arrangement_months"],
                }
            )
        if d.get("sick_start"):
            out["sick_spells"] = [{"start": d["sick_start"].isoformat(), "days": d["sick_days"]}]
        return out
