"""API for skill extraction and job-title normalisation over the imported taxonomy."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kohtaanto.core.language import LANGUAGES
from kohtaanto.web.api.serializers import ErrorSerializer


class TaxonomyMissing(APIException):
    status_code = 503
    default_code = "taxonomy_not_imported"
    default_detail = "No taxonomy has been imported yet (kohtaanto taxonomy import)."


class ExtractRequest(serializers.Serializer):
    text = serializers.CharField(max_length=5000, trim_whitespace=True)
    language = serializers.ChoiceField(choices=["auto", *LANGUAGES], default="auto")
    top = serializers.IntegerField(min_value=1, max_value=50, default=10)


class EvidenceSerializer(serializers.Serializer):
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    text = serializers.CharField()


class SkillSerializer(serializers.Serializer):
    uri = serializers.CharField()
    label = serializers.CharField()
    score = serializers.FloatField()
    evidence = EvidenceSerializer(allow_null=True)


class ExtractResponse(serializers.Serializer):
    language = serializers.CharField()
    skills = SkillSerializer(many=True)


class TitleRequest(serializers.Serializer):
    title = serializers.CharField(max_length=300, trim_whitespace=True)
    language = serializers.ChoiceField(choices=["auto", *LANGUAGES], default="auto")
    top = serializers.IntegerField(min_value=1, max_value=50, default=5)


class OccupationSerializer(serializers.Serializer):
    uri = serializers.CharField()
    label = serializers.CharField(
        help_text="The occupation's name in the title's language, where it has one."
    )
    label_language = serializers.CharField(help_text="The language of label: another one only as a fallback.")
    matched = serializers.CharField(help_text="The label or title the occupation was found by.")
    score = serializers.FloatField()


def _taxonomy_dir() -> Path:
    return Path(settings.DATA_DIR) / "taxonomy"


@cache
def _services(version: str, language: str) -> Any:
    from kohtaanto.skills.service import SkillsService
    from kohtaanto.taxonomy.store import TaxonomyStore, store_path

    store = TaxonomyStore(store_path(_taxonomy_dir(), version))
    return SkillsService(store, language)


def service_for(text: str, language: str) -> Any:
    from kohtaanto.skills.text import detect_language
    from kohtaanto.taxonomy.store import available_versions

    versions = available_versions(_taxonomy_dir())
    if not versions:
        raise TaxonomyMissing()
    chosen = detect_language(text) if language == "auto" else language
    return chosen, _services(versions[-1], chosen)


class ExtractView(APIView):
    @extend_schema(
        request=ExtractRequest,
        responses={200: ExtractResponse, 400: ErrorSerializer, 503: ErrorSerializer},
        examples=[
            OpenApiExample(
                "Finnish",
                request_only=True,
                value={"text": "olen tehnyt kaupan kassalla töitä ja täyttänyt hyllyjä"},
            )
        ],
        tags=["skills"],
    )
    def post(self, request: Request) -> Response:
        form = ExtractRequest(data=request.data)
        form.is_valid(raise_exception=True)
        language, service = service_for(form.validated_data["text"], form.validated_data["language"])
        results = service.skills.extract(form.validated_data["text"], k=form.validated_data["top"])
        return Response(
            {
                "language": language,
                "skills": [
                    {
                        "uri": r.uri,
                        "label": r.label,
                        "score": round(r.score, 4),
                        "evidence": {
                            "start": r.evidence.start,
                            "end": r.evidence.end,
                            "text": r.evidence.text,
                        }
                        if r.evidence
                        else None,
                    }
                    for r in results
                ],
            }
        )


class NormaliseTitleView(APIView):
    @extend_schema(
        request=TitleRequest,
        responses={200: OccupationSerializer(many=True), 400: ErrorSerializer, 503: ErrorSerializer},
        tags=["skills"],
    )
    def post(self, request: Request) -> Response:
        form = TitleRequest(data=request.data)
        form.is_valid(raise_exception=True)
        language, service = service_for(form.validated_data["title"], form.validated_data["language"])
        ranked = service.titles.rank_title(form.validated_data["title"], k=form.validated_data["top"])
        rows = []
        for r in ranked:
            label, label_language = service.store.label_in(r.uri, language) or (r.label, language)
            rows.append(
                {
                    "uri": r.uri,
                    "label": label,
                    "label_language": label_language,
                    "matched": r.label,
                    "score": round(r.score, 4),
                }
            )
        return Response(rows)


class SuggestQuery(serializers.Serializer):
    q = serializers.CharField(max_length=100, trim_whitespace=True, help_text="What has been typed so far.")
    language = serializers.ChoiceField(choices=list(LANGUAGES), required=False)
    top = serializers.IntegerField(min_value=1, max_value=30, default=10)


class SuggestionSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="Starter skill URN or ESCO concept URI.")
    name = serializers.CharField()
    matched = serializers.CharField(help_text="The label or synonym the input matched.")
    score = serializers.FloatField()
    source = serializers.ChoiceField(choices=["starter", "esco"])


@cache
def _starter_suggester(language: str) -> Any:
    from kohtaanto.skills.suggest import starter_suggester

    return starter_suggester(language)


def suggester_for(language: str) -> Any:
    from kohtaanto.taxonomy.store import available_versions

    versions = available_versions(_taxonomy_dir())
    if not versions:
        return _starter_suggester(language)
    return _services(versions[-1], language).suggester


class SuggestView(APIView):
    @extend_schema(
        parameters=[SuggestQuery],
        responses={200: SuggestionSerializer(many=True), 400: ErrorSerializer},
        tags=["skills"],
        description="Skill names for a profile form while the person types. Works before any taxonomy "
        "import (starter vocabulary); imported ESCO labels in the same language follow.",
    )
    def get(self, request: Request) -> Response:
        form = SuggestQuery(data=request.query_params)
        form.is_valid(raise_exception=True)
        language = form.validated_data.get("language") or getattr(request.user, "language", "fi") or "fi"
        found = suggester_for(language).suggest(form.validated_data["q"], k=form.validated_data["top"])
        return Response([vars(s) for s in found])
