"""Question 1, hire: which supports apply to hiring this person into this job.

Covers palkkatuki (50 / 70 / 100 %), the 55+ employment subsidy, the work-arrangement subsidy
(tools and a co-worker's help), the apprenticeship training compensation (set by the provider),
aid stacking (total aid never above the pay costs) and the de minimis ceiling. Discretionary
supports are answered as maxima: the employment area decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from kohtaanto.rules.answers import Answer, Support
from kohtaanto.rules.dated import Dated
from kohtaanto.rules.deminimis import de_minimis_total
from kohtaanto.rules.employment_condition import accrual_note
from kohtaanto.rules.explain import Condition, Law, Message, money
from kohtaanto.rules.months import add_months
from kohtaanto.rules.parameters import ParameterSet
from kohtaanto.rules.situations import HireSituation

HUNDRED = Decimal(100)
EMPLOYMENT_AREAS_FROM = dt.date(2025, 1, 1)  # TE offices served employers until 31.12.2024 (Act 380/2023)
THIRD_SECTOR = ("association", "foundation", "religious_community")

# Who the employer may hire with palkkatuki: changes for municipalities on 1.1.2025 (HE 120/2024).
may_receive: Dated[Callable[[Law, HireSituation, str], list[Condition]]] = Dated(
    "pay_subsidy.employer_may_receive"
)


@may_receive.since("2023-07-01")
def may_receive_2023_07(law: Law, s: HireSituation, basis: str) -> list[Condition]:
    return []


@may_receive.since("2025-01-01")
def may_receive_2025_01(law: Law, s: HireSituation, basis: str) -> list[Condition]:
    if s.employer.legal_form != "municipality":
        return []
    min_age = law("pay_subsidy.municipal_employer.min_age_long_term_unemployed")
    ltu = law("pay_subsidy.long_term_unemployed_months")
    aged_ltu = (s.person.age or 0) >= min_age and s.person.unemployment_months >= ltu
    ok = basis == "reduced_work_ability" or aged_ltu
    return [Condition(Message("condition.municipal_employer_2025", {"age": min_age}), ok)]


def _who_decides(on: dt.date) -> Message:
    """Before 1.1.2025 the TE office decided on palkkatuki; from then on the employment area."""
    if on < EMPLOYMENT_AREAS_FROM:
        return Message("note.discretionary_te_office_decides")
    return Message("note.discretionary_area_decides")


def _general_conditions(s: HireSituation) -> list[Condition]:
    return [
        Condition(Message("condition.registered_unemployed"), s.person.registered_unemployed),
        Condition(Message("condition.started_before_decision"), not s.job.started_before_decision),
        Condition(Message("condition.not_commission_only"), not s.job.commission_only),
        Condition(Message("condition.not_zero_hour"), not s.job.zero_hour_contract),
        Condition(Message("condition.not_own_disability"), not s.employer.hiring_is_for_own_disability),
    ]


def _state_aid_basis(s: HireSituation, third_sector_case: bool = False) -> str:
    if s.employer.legal_form == "municipality":
        return "not_state_aid"
    if s.employer.legal_form in THIRD_SECTOR and not s.employer.business_activity:
        return "not_state_aid"
    if third_sector_case:
        return "de_minimis"
    return s.aid_basis or "gber"


def _aid_rules(basis: str) -> tuple[str, ...]:
    return {"gber": ("state_aid.gber",), "de_minimis": ("de_minimis",)}.get(basis, ())


def _disadvantaged(s: HireSituation) -> tuple[bool, list[Message]]:
    if s.person.disadvantaged is not None:
        return s.person.disadvantaged, []
    age = s.person.age
    derived = (age is not None and (age <= 24 or age >= 50)) or s.person.unemployment_months >= 6
    return derived, [Message("warning.target_group_derived")]


def _monthly_support(
    support_id: str,
    law: Law,
    conditions: list[Condition],
    *,
    discretionary: bool,
    rate: Decimal | None,
    monthly: Decimal,
    months: int,
    basis: str,
    **extra: object,
) -> Support:
    """A support paid monthly; when a condition fails it is shown with zero amounts and no basis."""
    eligible = all(c.met for c in conditions)
    return Support(
        id=support_id,
        eligible=eligible,
        discretionary=discretionary,
        rate=rate,
        monthly_amount=monthly if eligible else Decimal(0),
        max_months=months if eligible else 0,
        total_max=monthly * months if eligible else Decimal(0),
        basis=basis if eligible else "none",
        conditions=tuple(conditions),
        used=tuple(law.used.values()),
        **extra,  # type: ignore[arg-type]
    )


def third_sector_counted_pay(
    law: Law, wage: Decimal, hours: Decimal, sector_hours: Decimal
) -> tuple[Decimal, Decimal]:
    """The wage counted for the 100 % subsidy, and the share of it counted (corrections C1).

    Pay is counted for at most 65 % of the sector's full-time hours: a longer job still qualifies,
    only that share of its pay is counted."""
    limit = law("pay_subsidy.third_sector.max_hours_share") * sector_hours
    share = min(Decimal(1), limit / hours) if hours > 0 else Decimal(1)
    return wage * share, share


def _pay_subsidy(law: Law, s: HireSituation, kind: str) -> Support:
    """One palkkatuki option: kind is disadvantaged, reduced_work_ability or third_sector."""
    wage = s.job.monthly_wage
    conditions = _general_conditions(s)
    notes: list[Message] = [_who_decides(law.on), Message("note.base_is_wage_only")]
    warnings: list[Message] = []
    rate = law(f"pay_subsidy.rate.{kind}")
    cap = law(f"pay_subsidy.monthly_cap.{kind}")
    base = wage
    if kind == "reduced_work_ability":
        conditions.append(Condition(Message("condition.reduced_work_ability"), s.person.reduced_work_ability))
        first = law("pay_subsidy.duration.reduced_work_ability_first")
        months = int(first)
        if s.person.previous_subsidy_months_same_employer >= first:
            extension_ok = s.person.permanent_reduced_work_ability
            conditions.append(Condition(Message("condition.permanent_for_extension"), extension_ok))
            months = int(law("pay_subsidy.duration.reduced_work_ability_extension"))
            notes.append(Message("note.extension_needs_certificate", {"months": months}))
    elif kind == "disadvantaged":
        target, extra = _disadvantaged(s)
        warnings.extend(extra)
        eligible_group = target or s.job.apprenticeship
        conditions.append(Condition(Message("condition.disadvantaged_or_apprenticeship"), eligible_group))
        if s.job.apprenticeship and s.job.contract_months:
            months = s.job.contract_months
            notes.append(Message("note.apprenticeship_whole_period"))
        else:
            threshold = law("pay_subsidy.duration.long_unemployment_threshold")
            long = s.person.unemployment_months >= threshold
            months = int(law("pay_subsidy.duration.long" if long else "pay_subsidy.duration.short"))
            notes.append(Message("note.duration_by_unemployment", {"months": months, "threshold": threshold}))
        if (s.person.age or 0) >= 60 and law(
            "pay_subsidy.long_term_unemployed_months"
        ) <= s.person.unemployment_months:
            months = max(months, int(law("pay_subsidy.duration.aged_60_long_term_unemployed")))
    else:  # third_sector
        conditions.append(
            Condition(Message("condition.third_sector_employer"), s.employer.legal_form in THIRD_SECTOR)
        )
        conditions.append(
            Condition(Message("condition.non_business_tasks"), not s.employer.business_activity)
        )
        if s.employer.business_activity and s.employer.legal_form in THIRD_SECTOR:
            warnings.append(
                Message(
                    "warning.third_sector_business_readings",
                    {
                        "ask": Message(
                            "word.te_office" if law.on < EMPLOYMENT_AREAS_FROM else "word.employment_area"
                        )
                    },
                )
            )
        counted, hours_share = third_sector_counted_pay(
            law, wage, s.job.hours_per_week, s.job.sector_full_time_hours
        )
        if hours_share < 1:
            notes.append(
                Message(
                    "note.third_sector_hours_counted",
                    {
                        "share": law("pay_subsidy.third_sector.max_hours_share") * HUNDRED,
                        "hours": money(
                            s.job.sector_full_time_hours * law("pay_subsidy.third_sector.max_hours_share")
                        ),
                        "job_hours": s.job.hours_per_week,
                        "counted": money(counted),
                    },
                )
            )
        needed = law("pay_subsidy.third_sector.min_unemployment_months")
        conditions.append(
            Condition(
                Message("condition.unemployed_at_least", {"months": needed}),
                s.person.unemployment_months >= needed,
            )
        )
        multiplier = law("pay_subsidy.third_sector.pay_cost_multiplier")
        base = counted * multiplier
        notes.remove(Message("note.base_is_wage_only"))
        notes.append(Message("note.pay_cost_multiplier", {"multiplier": multiplier}))
        months = int(law("pay_subsidy.third_sector.max_months"))
    basis = _state_aid_basis(s)
    conditions.extend(may_receive.at(law.on)(law, s, kind))
    if s.job.contract_months is not None and not (kind == "disadvantaged" and s.job.apprenticeship):
        months = min(months, s.job.contract_months)
    amount = min(base * rate / HUNDRED, cap)
    if base * rate / HUNDRED > cap:
        notes.append(Message("note.capped", {"cap": cap}))
    return _monthly_support(
        f"pay_subsidy_{kind}",
        law,
        conditions,
        discretionary=True,
        rate=rate,
        monthly=amount,
        months=months,
        basis=basis,
        rules=("pay_subsidy.third_sector" if kind == "third_sector" else "pay_subsidy", *_aid_rules(basis)),
        pay_cost_base=base,
        notes=tuple(notes),
        warnings=tuple(warnings),
    )


def _senior_subsidy(law: Law, s: HireSituation) -> Support:
    """The 55+ employment subsidy: an entitlement, not a discretionary grant."""
    conditions = _general_conditions(s)
    min_age = law("senior_subsidy.min_age")
    conditions.append(
        Condition(Message("condition.age_at_least", {"age": min_age}), (s.person.age or 0) >= min_age)
    )
    needed, review = law("senior_subsidy.unemployment_months"), law("senior_subsidy.review_months")
    months_in_review = s.person.unemployed_months_in_last_28
    if months_in_review is None:
        months_in_review = min(s.person.unemployment_months, int(review))
    conditions.append(
        Condition(
            Message("condition.unemployed_in_review", {"months": needed, "review": review}),
            months_in_review >= needed,
        )
    )
    min_hours = law("senior_subsidy.min_hours_per_week")
    full_time_threshold = law("senior_subsidy.full_time_threshold_hours")
    if s.job.sector_full_time_hours < full_time_threshold:
        min_hours = min(
            min_hours, law("senior_subsidy.min_share_of_full_time") * s.job.sector_full_time_hours
        )
    conditions.append(
        Condition(
            Message("condition.hours_at_least", {"hours": min_hours}), s.job.hours_per_week >= min_hours
        )
    )
    rate, cap = law("senior_subsidy.rate"), law("senior_subsidy.monthly_cap")
    months = int(law("senior_subsidy.max_months"))
    if s.job.contract_months is not None:
        months = min(months, s.job.contract_months)
    amount = min(s.job.monthly_wage * rate / HUNDRED, cap)
    notes = [Message("note.entitlement"), Message("note.base_is_wage_only")]
    if s.job.monthly_wage * rate / HUNDRED > cap:
        notes.append(Message("note.capped", {"cap": cap}))
    return _monthly_support(
        "senior_employment_subsidy",
        law,
        conditions,
        discretionary=False,
        rate=rate,
        monthly=amount,
        months=months,
        basis=_state_aid_basis(s),
        rules=("senior_subsidy", *_aid_rules(_state_aid_basis(s))),
        pay_cost_base=s.job.monthly_wage,
        notes=tuple(notes),
    )


def _tools(law: Law, s: HireSituation, on: dt.date) -> Support:
    a = s.arrangements
    conditions = [
        Condition(Message("condition.disability_requires_changes"), s.person.reduced_work_ability),
        Condition(Message("condition.not_own_disability"), not s.employer.hiring_is_for_own_disability),
        Condition(Message("condition.has_cost"), a.tools_cost > 0),
    ]
    window = int(law("work_arrangement.application_window_months"))
    if a.tools_bought_on is not None and not a.applied_in_advance:
        applied = a.applied_on or on
        deadline = add_months(a.tools_bought_on, window)
        conditions.append(
            Condition(
                Message("condition.applied_within", {"months": window, "deadline": deadline}),
                applied <= deadline,
            )
        )
    cap = law("work_arrangement.tools_max")
    eligible = all(c.met for c in conditions)
    total = min(a.tools_cost, cap)
    notes = [Message("note.employer_share_discretionary"), Message("note.check_kela_aids")]
    if a.tools_cost > cap:
        notes.append(Message("note.capped_total", {"cap": cap}))
    return Support(
        id="work_arrangement_tools",
        eligible=eligible,
        discretionary=True,
        rate=None,
        monthly_amount=None,
        max_months=None,
        total_max=total if eligible else Decimal(0),
        basis=_state_aid_basis(s) if eligible else "none",
        conditions=tuple(conditions),
        notes=tuple(notes),
        used=tuple(law.used.values()),
        rules=("work_arrangement", *_aid_rules(_state_aid_basis(s))),
    )


def _help(law: Law, s: HireSituation) -> Support:
    a = s.arrangements
    hourly = law("work_arrangement.help_hourly")
    max_hours = law("work_arrangement.help_max_hours_per_month")
    max_months = int(law("work_arrangement.help_max_months"))
    conditions = [
        Condition(Message("condition.disability_requires_help"), s.person.reduced_work_ability),
        Condition(Message("condition.not_own_disability"), not s.employer.hiring_is_for_own_disability),
        Condition(Message("condition.has_help_hours"), a.help_hours_per_month > 0),
    ]
    notes = [Message("note.help_paid_for_actual_hours", {"hourly": hourly})]
    hours = min(a.help_hours_per_month, max_hours)
    if a.help_hours_per_month > max_hours:
        notes.append(Message("note.help_hours_capped", {"hours": max_hours}))
    months = min(a.help_months, max_months) if a.help_months else max_months
    if a.help_months > max_months:
        notes.append(Message("note.help_months_capped", {"months": max_months}))
    return _monthly_support(
        "work_arrangement_help",
        law,
        conditions,
        discretionary=True,
        rate=None,
        monthly=hours * hourly,
        months=months,
        basis=_state_aid_basis(s),
        rules=("work_arrangement", *_aid_rules(_state_aid_basis(s))),
        notes=tuple(notes),
    )


def _apprenticeship(s: HireSituation) -> Support:
    amount = s.job.apprenticeship_compensation_per_month
    eligible = s.job.apprenticeship and amount > 0
    return Support(
        id="apprenticeship_training_compensation",
        eligible=eligible,
        discretionary=True,
        rate=None,
        monthly_amount=amount if eligible else Decimal(0),
        max_months=s.job.contract_months if eligible else 0,
        total_max=amount * s.job.contract_months if eligible and s.job.contract_months else None,
        basis="education_provider" if eligible else "none",
        conditions=(Condition(Message("condition.apprenticeship"), s.job.apprenticeship),),
        notes=(Message("note.apprenticeship_provider_sets"),),
    )


def _stack(supports: list[Support], wage: Decimal) -> tuple[list[Support], list[Message]]:
    """Total aid for the same pay costs may not exceed them: cap each pay-cost support so that
    it plus the apprenticeship compensation stays within the pay costs it is computed on."""
    apprenticeship = next(
        (x for x in supports if x.id == "apprenticeship_training_compensation" and x.eligible), None
    )
    other = (apprenticeship.monthly_amount or Decimal(0)) if apprenticeship else Decimal(0)
    out, warnings = [], []
    for support in supports:
        pay_cost = support.pay_cost_base is not None and support.eligible
        costs = support.pay_cost_base or wage
        if pay_cost and support.monthly_amount is not None and support.monthly_amount + other > costs:
            capped = max(costs - other, Decimal(0))
            message = Message("warning.aid_stacking", {"support": support.id, "amount": money(capped)})
            support = replace(
                support,
                monthly_amount=capped,
                total_max=capped * (support.max_months or 0),
                warnings=(*support.warnings, message),
            )
            warnings.append(message)
        out.append(support)
    return out, warnings


def _de_minimis(
    law: Law, s: HireSituation, supports: list[Support], decision_on: dt.date
) -> tuple[list[Support], list[Message]]:
    ceiling = law("de_minimis.ceiling")
    years = int(law("de_minimis.window_years"))
    received = de_minimis_total(s.de_minimis_received, decision_on, years, s.fiscal_year_start_month)
    out, warnings = [], []
    dated = f"de_minimis@{decision_on.isoformat()}"
    for support in supports:
        if support.basis == "de_minimis":  # the regulation of the decision's day, and its ceiling, are cited
            rules = tuple(dated if r == "de_minimis" else r for r in support.rules)
            support = replace(support, rules=rules, used=(*support.used, *law.used.values()))
        if support.eligible and support.basis == "de_minimis" and support.total_max is not None:
            total = received + support.total_max
            if total > ceiling:
                message = Message(
                    "warning.de_minimis_exceeded",
                    {
                        "received": money(received),
                        "new": money(support.total_max),
                        "ceiling": ceiling,
                        "years": years,
                    },
                )
                support = replace(support, warnings=(*support.warnings, message))
                warnings.append(message)
            else:
                support = replace(
                    support,
                    notes=(
                        *support.notes,
                        Message("note.de_minimis_room", {"room": money(ceiling - total), "ceiling": ceiling}),
                    ),
                )
        out.append(support)
    return out, warnings


def evaluate_hire(
    situation: HireSituation, on: dt.date, parameters: ParameterSet, extra_supports: tuple[object, ...] = ()
) -> Answer:
    """All supports for one hire as of ``on``, each with its explanation."""
    law = Law(parameters, on)
    may_receive.at(on)  # refuses dates before the modelled regime with a clear message
    supports = [
        _pay_subsidy(law.fork(), situation, "reduced_work_ability"),
        _pay_subsidy(law.fork(), situation, "disadvantaged"),
        _pay_subsidy(law.fork(), situation, "third_sector"),
        _senior_subsidy(law.fork(), situation),
        _tools(law.fork(), situation, on),
        _help(law.fork(), situation),
        _apprenticeship(situation),
    ]
    for pack in extra_supports:
        supports.extend(pack.supports(situation, law.fork()))  # type: ignore[attr-defined]
    supports, stacking = _stack(supports, situation.job.monthly_wage)
    decision_on = situation.decision_on or on  # the de minimis regulation of the decision's day applies
    supports, de_minimis = _de_minimis(Law(parameters, decision_on), situation, supports, decision_on)
    eligible_pay = [x for x in supports if x.eligible and x.pay_cost_base is not None]
    best = max(eligible_pay, key=lambda x: x.total_max or 0, default=None)
    notes = [accrual_note(best.id if best else None, on)] if best else []
    te_office = on < EMPLOYMENT_AREAS_FROM
    if len(eligible_pay) > 1:
        notes.append(Message("note.alternatives"))
    else:
        notes.append(Message("note.next_steps_te_office" if te_office else "note.next_steps"))
    return Answer(
        question="hire",
        on=on,
        results={
            "best_pay_cost_support": best.id if best else None,
            "de_minimis_exceeded": [
                x.id for x in supports if any(w.code == "warning.de_minimis_exceeded" for w in x.warnings)
            ],
            "aid_stacking_capped": [
                x.id for x in supports if any(w.code == "warning.aid_stacking" for w in x.warnings)
            ],
        },
        supports=tuple(supports),
        notes=tuple(n for n in notes if n is not None),
        warnings=tuple(stacking + de_minimis),
        formula_versions={"pay_subsidy.employer_may_receive": may_receive.version_at(on)},
    )
