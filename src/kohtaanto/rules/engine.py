"""The rules engine: validates a situation, picks the question's formulas and answers as of a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kohtaanto.rules.answers import Answer
from kohtaanto.rules.dated import RulesNotInForce
from kohtaanto.rules.deminimis import check_de_minimis
from kohtaanto.rules.employer_cost import evaluate_employer_cost
from kohtaanto.rules.employment_condition import employment_condition
from kohtaanto.rules.explain import catalogue, render
from kohtaanto.rules.hire import evaluate_hire
from kohtaanto.rules.income_year import evaluate_income_year
from kohtaanto.rules.packs import RulePack, load_pack, resolve
from kohtaanto.rules.parameters import ParameterError, ParameterSet, load_parameters
from kohtaanto.rules.parttime import evaluate_part_time
from kohtaanto.rules.payment_calendar import evaluate_payment_calendar
from kohtaanto.rules.pension import evaluate_pension
from kohtaanto.rules.right_to_work import evaluate_right_to_work
from kohtaanto.rules.situations import (
    DeMinimisCheck,
    EmployerCostSituation,
    EmploymentConditionSituation,
    HireSituation,
    IncomeYearSituation,
    PartTimeSituation,
    PaymentCalendarSituation,
    PensionSituation,
    RightToWorkSituation,
    StudySituation,
)
from kohtaanto.rules.study import evaluate_study

PARAMETERS_DIR = Path(__file__).parent / "parameters"


class InputError(ValueError):
    """The situation does not fit the schema; ``problems`` lists each field (English), :meth:`in_language`
    the same in the reader's language, each naming the field."""

    def __init__(self, problems: list[str], errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems
        self.errors = errors or []

    def in_language(self, language: str) -> list[str]:
        if not self.errors:
            return self.problems
        return [f"{_where(item)}: {input_message(item, language)}" for item in self.errors]


def _where(item: Mapping[str, Any]) -> str:
    return ".".join(str(part) for part in item.get("loc", ())) or "(input)"


def input_message(item: Mapping[str, Any], language: str) -> str:
    """One pydantic error as a sentence in ``language``: ``greater_than_equal`` → "must be at least 0"."""
    code = f"input.{item.get('type', '')}"
    ctx = dict(item.get("ctx") or {})
    if "expected" in ctx:
        ctx["expected"] = str(ctx["expected"]).replace("'", "").replace(" or ", ", ")
    if code not in catalogue():
        return render("input.other", {"detail": item.get("msg", "")}, language)
    return render(code, {k: str(v) for k, v in ctx.items()}, language)


@dataclass(frozen=True)
class Question:
    schema: type[BaseModel]
    answer: Callable[..., Answer]


QUESTIONS: dict[str, Question] = {
    "hire": Question(HireSituation, evaluate_hire),
    "part_time": Question(PartTimeSituation, evaluate_part_time),
    "pension": Question(PensionSituation, evaluate_pension),
    "right_to_work": Question(RightToWorkSituation, evaluate_right_to_work),
    "de_minimis": Question(DeMinimisCheck, check_de_minimis),
    "employment_condition": Question(EmploymentConditionSituation, employment_condition),
    "study": Question(StudySituation, evaluate_study),
    "income_year": Question(IncomeYearSituation, evaluate_income_year),
    "employer_cost": Question(EmployerCostSituation, evaluate_employer_cost),
    "payment_calendar": Question(PaymentCalendarSituation, evaluate_payment_calendar),
}


def errors_of(error: ValidationError) -> list[dict[str, Any]]:
    return [
        {"loc": item["loc"], "type": item["type"], "msg": item["msg"], "ctx": item.get("ctx") or {}}
        for item in error.errors()
    ]


def problems_of(error: ValidationError) -> list[str]:
    out = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "(input)"
        out.append(f"{where}: {item['msg']}")
    return out


class RulesEngine:
    def __init__(self, parameters: ParameterSet, packs: Iterable[RulePack] = ()) -> None:
        self.packs = tuple(packs)
        for pack in self.packs:
            parameters = parameters.merged(pack.parameters)
        self.parameters = parameters

    def situation(self, question: str, data: Mapping[str, Any]) -> BaseModel:
        if question not in QUESTIONS:
            raise InputError([f"question: unknown question {question!r}"])
        try:
            return QUESTIONS[question].schema.model_validate(data)
        except ValidationError as exc:
            raise InputError(problems_of(exc), errors_of(exc)) from None

    def ask(self, question: str, data: Mapping[str, Any], on: dt.date) -> Answer:
        """Answer one question as of ``on``; a date outside the modelled law raises RulesNotInForce."""
        situation = self.situation(question, data)
        try:
            if question == "hire":
                return evaluate_hire(situation, on, self.parameters, self.packs)  # type: ignore[arg-type]
            return QUESTIONS[question].answer(situation, on, self.parameters)
        except ParameterError as exc:  # a value the question needs is not in force on that date
            raise RulesNotInForce(str(exc), "refused.no_value", {"on": on}) from None


@cache
def national_parameters() -> ParameterSet:
    return load_parameters(PARAMETERS_DIR)


def build_engine(pack_specs: Iterable[str] = ()) -> RulesEngine:
    return RulesEngine(national_parameters(), [load_pack(resolve(spec)) for spec in pack_specs])
