"""API for the plain-language checker. Texts are checked in memory and never stored or logged."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kohtaanto.core.language import LANGUAGES
from kohtaanto.plainlang.check import report_dict, rule_ids, rules
from kohtaanto.web.accounts import permissions
from kohtaanto.web.api.serializers import ErrorSerializer
from kohtaanto.web.plainlang import services


class CheckRequest(serializers.Serializer):
    text = serializers.CharField(max_length=services.MAX_CHARACTERS, trim_whitespace=False)
    profile = serializers.ChoiceField(["instructions", "job-ad"], default="instructions")
    language = serializers.ChoiceField(["auto", *LANGUAGES], default="auto")
    format = serializers.ChoiceField(["auto", "text", "markdown", "html"], default="auto")
    messages = serializers.ChoiceField(list(LANGUAGES), required=False, help_text="Language of messages.")


class FindingSerializer(serializers.Serializer):
    rule = serializers.CharField()
    severity = serializers.ChoiceField(["suggestion", "warning", "problem"])
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    text = serializers.CharField()
    message = serializers.CharField()
    suggestion = serializers.CharField(allow_null=True)
    source = serializers.CharField()
    category = serializers.CharField()


class ReportSerializer(serializers.Serializer):
    score = serializers.IntegerField(min_value=0, max_value=100)
    band = serializers.ChoiceField(["easy", "fairly_easy", "fairly_hard", "hard"])
    band_label = serializers.CharField()
    reasons = serializers.ListField(child=serializers.CharField())
    language = serializers.CharField()
    mode = serializers.ChoiceField(["voikko", "heuristic"])
    profile = serializers.CharField()
    format = serializers.CharField()
    lix = serializers.FloatField()
    stats = serializers.DictField(child=serializers.FloatField())
    disclaimer = serializers.CharField()
    disabled = serializers.ListField(child=serializers.CharField())
    findings = FindingSerializer(many=True)


class RulesRequest(serializers.Serializer):
    disabled = serializers.ListField(
        child=serializers.CharField(max_length=64),
        max_length=100,
        help_text="Rule ids to switch off (see GET /api/v1/plainlang/settings/).",
    )


RULE_IDS = {"type": "array", "items": {"type": "string", "enum": sorted(rule_ids())}, "maxItems": 100}
RULES_REQUEST = {
    "application/json": {
        "type": "object",
        "properties": {"disabled": RULE_IDS},
        "required": ["disabled"],
    }
}


ERRORS = {400: OpenApiResponse(ErrorSerializer, description="A field is missing or not valid")}


class CheckView(APIView):
    @extend_schema(
        summary="Check a text for plain language (nothing is stored)",
        request=CheckRequest,
        responses={200: ReportSerializer, **ERRORS},
        tags=["plain language"],
    )
    def post(self, request: Request) -> Response:
        form = CheckRequest(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        report = services.check_for(
            request.user,
            data["text"],
            data["profile"],
            data["language"],
            data["format"],
            data.get("messages"),
        )
        return Response({**report_dict(report), "disabled": services.disabled_for(request.user)})


def _rules_json(user: Any) -> dict[str, Any]:
    org = getattr(user, "organisation", None)
    return {
        "disabled": services.user_disabled(user),
        "organisation_disabled": services.organisation_disabled(org) if org is not None else [],
        "rules": [
            {"id": rule, "severity": spec["severity"], "category": spec["category"]}
            for rule, spec in rules().items()
        ],
    }


RULE_SETTINGS = OpenApiResponse(
    {
        "type": "object",
        "properties": {
            "disabled": {"type": "array", "items": {"type": "string"}},
            "organisation_disabled": {"type": "array", "items": {"type": "string"}},
            "rules": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "severity": {"type": "string"},
                        "category": {"type": "string"},
                    },
                },
            },
        },
    },
    description="The settings",
)


class RuleSettingsView(APIView):
    @extend_schema(
        summary="Your switched-off rules, your organisation's, and all rules",
        request=None,
        responses={200: RULE_SETTINGS},
        tags=["plain language"],
    )
    def get(self, request: Request) -> Response:
        return Response(_rules_json(request.user))

    @extend_schema(
        summary="Switch rules off for yourself",
        request=RULES_REQUEST,
        responses={200: RULE_SETTINGS, **ERRORS},
        tags=["plain language"],
    )
    def put(self, request: Request) -> Response:
        form = RulesRequest(data=request.data)
        form.is_valid(raise_exception=True)
        try:
            services.set_user_rules(request.user, form.validated_data["disabled"])
        except services.InvalidRules as exc:
            raise ValidationError({"disabled": [str(exc)]}) from None
        return Response(_rules_json(request.user))


class OrganisationRuleSettingsView(APIView):
    @extend_schema(
        summary="Switch rules off for an organisation (its employer users and professionals)",
        request=RULES_REQUEST,
        responses={200: OpenApiResponse(description="The organisation's switched-off rules"), **ERRORS},
        tags=["plain language"],
    )
    def put(self, request: Request, pk: int) -> Response:
        organisation = get_object_or_404(permissions.organisations_for(request.user), pk=pk)
        form = RulesRequest(data=request.data)
        form.is_valid(raise_exception=True)
        try:
            chosen = services.set_organisation_rules(
                request.user, organisation, form.validated_data["disabled"]
            )
        except services.InvalidRules as exc:
            raise ValidationError({"disabled": [str(exc)]}) from None
        return Response({"organisation": organisation.pk, "disabled": chosen, "known": rule_ids()})
