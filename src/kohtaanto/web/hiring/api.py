"""API for job carving. Nothing is stored or logged: people's capacities are health-related data."""

from __future__ import annotations

import json
from typing import Any

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from pydantic import BaseModel
from pydantic import ValidationError as PydanticError
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kohtaanto.carving.schema import CarveRequest, PoolRequest, WorkplaceFile
from kohtaanto.carving.schema import field_errors as pydantic_errors
from kohtaanto.carving.solver import SolverSettings
from kohtaanto.core.language import LANGUAGES
from kohtaanto.web.api.errors import content_language
from kohtaanto.web.api.schemas import model_schema
from kohtaanto.web.api.serializers import ErrorSerializer
from kohtaanto.web.core.roles import Role
from kohtaanto.web.core.rules import engine, field_errors

LANG = OpenApiParameter("lang", str, enum=list(LANGUAGES), description="Language of names and reasons.")


class CanCarve(BasePermission):
    """Employers carve at their workplace; professionals and administrators for their clients."""

    message = "Job carving is for employers, employment-service professionals and administrators."

    def has_permission(self, request: Any, view: Any) -> bool:
        return getattr(request.user, "role", None) in {Role.EMPLOYER, Role.PROFESSIONAL, Role.ADMINISTRATOR}


def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return model_schema(model)


def _parse(request: Request, model: type[BaseModel]) -> Any:
    if not isinstance(request.data, dict):
        raise ValidationError({"non_field_errors": ["the body must be a JSON object"]})
    try:
        return model.model_validate(json.loads(json.dumps(request.data)))
    except PydanticError as exc:
        raise ValidationError(field_errors(pydantic_errors(exc))) from None


def _language(request: Request) -> str:
    return content_language(request)


def _jsonable(value: Any) -> Any:
    from kohtaanto.carving.proposal import json_default

    return json.loads(json.dumps(value, default=json_default))


RESPONSES = {
    200: OpenApiResponse(OpenApiTypes.OBJECT, description="Carve proposals with reasons for excluded tasks"),
    400: OpenApiResponse(ErrorSerializer, description="A field is missing or not valid"),
    403: OpenApiResponse(ErrorSerializer, description="The role may not carve jobs"),
}


class CarveView(APIView):
    permission_classes = [IsAuthenticated, CanCarve]

    @extend_schema(
        summary="Carve the best new job for each person at one workplace",
        request={"application/json": _schema(CarveRequest)},
        parameters=[LANG],
        responses=RESPONSES,
        tags=["carving"],
    )
    def post(self, request: Request) -> Response:
        from kohtaanto.carving.service import carve_workplace

        language = _language(request)
        body: CarveRequest = _parse(request, CarveRequest)
        settings = body.settings
        on = settings.on or timezone.localdate()
        source = WorkplaceFile(workplace=body.workplace, accommodations=body.accommodations)
        results = carve_workplace(
            source,
            body.people,
            body.accommodations,
            settings,
            engine(),
            on,
            SolverSettings(time_limit=body.time_limit),
            body.alternatives,
            language,
        )
        return Response(_jsonable({"people": [r.as_dict() for r in results]}))


class CarvePoolView(APIView):
    permission_classes = [IsAuthenticated, CanCarve]

    @extend_schema(
        summary="Carve jobs for a talent pool: one job per person, one new holder per task",
        request={"application/json": _schema(PoolRequest)},
        parameters=[LANG],
        responses=RESPONSES,
        tags=["carving"],
    )
    def post(self, request: Request) -> Response:
        from kohtaanto.carving.service import carve_talent_pool

        language = _language(request)
        body: PoolRequest = _parse(request, PoolRequest)
        ids = [w.workplace.id for w in body.workplaces]
        if len(set(ids)) != len(ids):
            raise ValidationError({"workplaces": ["workplace ids must be unique"]})
        sources = [
            WorkplaceFile(workplace=w.workplace, accommodations=w.accommodations) for w in body.workplaces
        ]
        on = body.settings.on or timezone.localdate()
        result = carve_talent_pool(
            sources,
            body.people,
            body.settings,
            engine(),
            on,
            SolverSettings(time_limit=body.time_limit),
            language,
        )
        return Response(_jsonable(result.as_dict()))
