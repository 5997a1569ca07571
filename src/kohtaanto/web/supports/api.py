"""API for the questions of the rules engine. Nothing is stored: the situation may hold
health-related facts, so it is neither saved nor logged."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kohtaanto.core.language import LANGUAGES
from kohtaanto.rules import QUESTIONS, InputError, RulesNotInForce
from kohtaanto.web.api.errors import content_language
from kohtaanto.web.api.schemas import model_schema
from kohtaanto.web.api.serializers import ErrorSerializer
from kohtaanto.web.core.rules import engine, field_errors

EXAMPLES_DIR = Path(__file__).resolve().parents[4] / "examples" / "supports"
PARAMETERS = [
    OpenApiParameter("on", OpenApiTypes.DATE, description="The day the question is about (default: today)."),
    OpenApiParameter("lang", str, enum=list(LANGUAGES), description="Language of the explanations."),
]


def _example(name: str, file: str) -> list[OpenApiExample]:
    path = EXAMPLES_DIR / file
    if not path.exists():  # an installed package without the repository's examples folder
        return []
    return [OpenApiExample(name, value=yaml.safe_load(path.read_text(encoding="utf-8")), request_only=True)]


def request_schema(question: str) -> dict[str, Any]:
    return model_schema(QUESTIONS[question].schema)


def _on(request: Request) -> dt.date:
    raw = request.query_params.get("on")
    if not raw:
        return timezone.localdate()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ValidationError({"on": [f"{raw!r} is not a date (YYYY-MM-DD)"]}) from None


class QuestionView(APIView):
    question = ""

    def post(self, request: Request) -> Response:
        language = content_language(request)
        if not isinstance(request.data, dict):
            raise ValidationError({"non_field_errors": ["the body must be a JSON object"]})
        data: Any = json.loads(json.dumps(request.data))
        try:
            answer = engine().ask(self.question, data, _on(request))
        except InputError as exc:
            raise ValidationError(field_errors(exc.in_language(language))) from None
        except RulesNotInForce as exc:
            raise ValidationError({"on": [exc.in_language(language)]}) from None
        return Response(answer.as_dict(language))


def _schema(question: str, summary: str, examples: list[OpenApiExample]) -> Any:
    return extend_schema(
        summary=summary,
        parameters=PARAMETERS,
        request={"application/json": request_schema(question)},
        examples=examples,
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT, description="The answer with reasons and sources"),
            400: OpenApiResponse(ErrorSerializer, description="A field is missing or ill-typed"),
            401: OpenApiResponse(ErrorSerializer, description="Not signed in"),
        },
        tags=["supports"],
    )


class HireView(QuestionView):
    question = "hire"

    @_schema(
        "hire",
        "Which supports apply to a hire",
        _example("Reduced work ability", "hire-reduced-work-ability.yaml"),
    )
    def post(self, request: Request) -> Response:
        return super().post(request)


class PartTimeView(QuestionView):
    question = "part_time"

    @_schema(
        "part_time",
        "How part-time earnings change the unemployment benefit",
        _example("Työmarkkinatuki", "part-time.yaml"),
    )
    def post(self, request: Request) -> Response:
        return super().post(request)


class PensionView(QuestionView):
    question = "pension"

    @_schema("pension", "How much a disability pensioner may earn", _example("Full pension", "pension.yaml"))
    def post(self, request: Request) -> Response:
        return super().post(request)


class RightToWorkView(QuestionView):
    question = "right_to_work"

    @_schema(
        "right_to_work", "What a residence-permit situation allows", _example("Student", "right-to-work.yaml")
    )
    def post(self, request: Request) -> Response:
        return super().post(request)


class DeMinimisView(QuestionView):
    question = "de_minimis"

    @_schema(
        "de_minimis",
        "Whether a new de minimis grant fits under the ceiling",
        _example("Linked companies", "de-minimis.yaml"),
    )
    def post(self, request: Request) -> Response:
        return super().post(request)


class StudyView(QuestionView):
    question = "study"

    @_schema(
        "study",
        "Whether studies keep the unemployment benefit, on which basis, for how long",
        _example("Self-motivated study", "study.yaml"),
    )
    def post(self, request: Request) -> Response:
        return super().post(request)


class IncomeYearView(QuestionView):
    question = "income_year"

    @_schema(
        "income_year",
        "Does the work pay: the household's months with and without the work, after tax and benefits",
        _example("Seasonal job", "year-seasonal.yaml"),
    )
    def post(self, request: Request) -> Response:
        return super().post(request)


class EmployerCostView(QuestionView):
    question = "employer_cost"

    @_schema(
        "employer_cost",
        "A hire's cost to the employer month by month, after the supports",
        _example("Pay subsidy for 10 months", "employer-cost.yaml"),
    )
    def post(self, request: Request) -> Response:
        return super().post(request)


class PaymentCalendarView(QuestionView):
    question = "payment_calendar"

    @_schema(
        "payment_calendar",
        "When to claim the decided pay subsidy: each payment period, its last day and what the claim needs",
        _example("Three-month periods", "payment-calendar.yaml"),
    )
    def post(self, request: Request) -> Response:
        return super().post(request)
