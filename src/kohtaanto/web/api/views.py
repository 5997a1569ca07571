from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import AuthenticationFailed, NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kohtaanto.web.accounts import permissions, services, tokens
from kohtaanto.web.accounts.http import signed_in
from kohtaanto.web.accounts.models import Organisation
from kohtaanto.web.api import serializers as s
from kohtaanto.web.audit import selectors as audit_selectors
from kohtaanto.web.audit.export import parse_since
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.errors import PermissionDenied as ShellPermissionDenied

ERRORS = {
    400: OpenApiResponse(s.ErrorSerializer, description="Validation error with per-field messages"),
    401: OpenApiResponse(s.ErrorSerializer, description="Not signed in"),
    403: OpenApiResponse(s.ErrorSerializer, description="Not allowed"),
    404: OpenApiResponse(s.ErrorSerializer, description="Not found or not visible to you"),
}


def _errors(*codes: int) -> dict[int, OpenApiResponse]:
    return {code: ERRORS[code] for code in codes}


class TokenView(APIView):
    """Exchange a user name and password for an API token (failed attempts are throttled)."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    throttle_scope = "token"

    def get_authenticate_header(self, request: Request) -> str:
        return "Token"

    @extend_schema(request=s.CredentialsSerializer, responses={200: s.TokenSerializer, **_errors(400, 401)})
    def post(self, request: Request) -> Response:
        form = s.CredentialsSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        user = authenticate(
            request._request,
            username=form.validated_data["username"],
            password=form.validated_data["password"],
        )
        if user is None or not user.is_active:
            raise AuthenticationFailed("Wrong user name or password.")
        with transaction.atomic():
            Token.objects.filter(user=user, created__lte=timezone.now() - tokens.lifetime()).delete()
            token, created = Token.objects.get_or_create(user=user)
            if created:
                record(actor=user, action="api_token.issued", obj=user)
        return Response({"token": token.key, "expires": tokens.expires(token).isoformat()})


class MyTokensView(APIView):
    """The owner's API tokens: when each was issued and ends (never the key itself), and revoking them."""

    @extend_schema(
        responses={200: OpenApiResponse({"type": "array", "items": {"type": "object"}}), **_errors(401)}
    )
    def get(self, request: Request) -> Response:
        return Response(
            [
                {
                    "prefix": t.key[:4],
                    "created": t.created.isoformat(),
                    "expires": tokens.expires(t).isoformat(),
                }
                for t in Token.objects.filter(user=signed_in(request))
            ]
        )

    @extend_schema(request=None, responses={204: None, **_errors(401)})
    def delete(self, request: Request) -> Response:
        with transaction.atomic():
            if Token.objects.filter(user=signed_in(request)).delete()[0]:
                record(actor=signed_in(request), action="api_token.revoked", obj=signed_in(request))
        return Response(status=204)


class MeView(APIView):
    @extend_schema(responses={200: s.MeSerializer, **_errors(401)})
    def get(self, request: Request) -> Response:
        return Response(s.MeSerializer(signed_in(request)).data)

    @extend_schema(request=s.MeSerializer, responses={200: s.MeSerializer, **_errors(400, 401)})
    def patch(self, request: Request) -> Response:
        form = s.MeSerializer(signed_in(request), data=request.data, partial=True)
        form.is_valid(raise_exception=True)
        if "language" in form.validated_data:
            services.set_language(signed_in(request), form.validated_data["language"])
        return Response(s.MeSerializer(signed_in(request)).data)


@extend_schema_view(
    list=extend_schema(responses={200: s.EmploymentAreaSerializer(many=True), **_errors(400, 401)}),
    retrieve=extend_schema(responses={200: s.EmploymentAreaSerializer, **_errors(401, 404)}),
)
class EmploymentAreaViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.EmploymentAreaSerializer
    lookup_value_regex = r"\d{1,18}"

    def get_queryset(self) -> Any:
        return permissions.areas_for(self.request.user).order_by("name_fi")


@extend_schema_view(
    list=extend_schema(responses={200: s.OrganisationSerializer(many=True), **_errors(400, 401)}),
    retrieve=extend_schema(responses={200: s.OrganisationSerializer, **_errors(401, 404)}),
    create=extend_schema(responses={201: s.OrganisationSerializer, **_errors(400, 401, 403)}),
    partial_update=extend_schema(responses={200: s.OrganisationSerializer, **_errors(400, 401, 403, 404)}),
)
class OrganisationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = s.OrganisationSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]
    lookup_value_regex = r"\d{1,18}"

    def get_queryset(self) -> Any:
        return permissions.organisations_for(self.request.user).order_by("name")

    def perform_create(self, serializer: s.OrganisationSerializer) -> None:
        try:
            serializer.instance = services.create_organisation(
                signed_in(self.request), **serializer.validated_data
            )
        except ShellPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from None

    def perform_update(self, serializer: s.OrganisationSerializer) -> None:
        instance: Organisation = serializer.instance  # type: ignore[assignment]
        if not permissions.can_change_organisation(signed_in(self.request), instance):
            raise PermissionDenied("You may not change this organisation.")
        try:
            serializer.instance = services.update_organisation(
                signed_in(self.request), instance, **serializer.validated_data
            )
        except ShellPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from None


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "since",
                {
                    "type": "string",
                    "pattern": r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?$",
                },
                description="ISO date or time; events at or after it",
            ),
            OpenApiParameter("action", str, description="exact action name, e.g. organisation.updated"),
        ],
        responses={200: s.AuditEventSerializer(many=True), **_errors(400, 401, 403)},
    ),
    retrieve=extend_schema(responses={200: s.AuditEventSerializer, **_errors(401, 403, 404)}),
)
class AuditEventViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.AuditEventSerializer
    lookup_field = "sequence"
    lookup_value_regex = r"\d{1,18}"

    def get_queryset(self) -> Any:
        if not audit_selectors.can_view_trail(self.request.user):
            raise PermissionDenied("Only administrators read the audit trail.")
        events = audit_selectors.events_for(self.request.user).order_by("sequence")
        params = self.request.query_params
        if params.get("since"):
            try:
                events = events.filter(timestamp__gte=parse_since(params["since"]))
            except ValueError as exc:
                raise ValidationError({"since": [str(exc)]}) from None
        if params.get("action"):
            events = events.filter(action=params["action"][:64])
        return events


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@permission_classes([AllowAny])
def not_found(request: Request) -> Response:
    raise NotFound()
