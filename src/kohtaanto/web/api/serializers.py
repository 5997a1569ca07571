from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kohtaanto.web.accounts.models import EmploymentArea, Language, Municipality, Organisation, User
from kohtaanto.web.audit.models import AuditEvent


class MunicipalitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Municipality
        fields = ["id", "code", "name_fi", "name_sv"]


class EmploymentAreaSerializer(serializers.ModelSerializer):
    municipalities = MunicipalitySerializer(many=True, read_only=True)

    class Meta:
        model = EmploymentArea
        fields = ["id", "name_fi", "name_sv", "municipalities"]


class OrganisationSerializer(serializers.ModelSerializer):
    employment_area = serializers.IntegerField(source="municipality.area_id", read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "business_id",
            "legal_form",
            "size_class",
            "sector",
            "municipality",
            "employment_area",
            "description_fi",
            "description_sv",
            "description_en",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "employment_area", "created_at", "updated_at"]
        # Uniqueness and all other model rules are checked by the service in its transaction.
        extra_kwargs = {"business_id": {"validators": []}}


class MeSerializer(serializers.ModelSerializer):
    role = serializers.CharField(read_only=True)
    email = serializers.CharField(read_only=True, help_text="E-mail address; empty when none is stored.")
    language = serializers.ChoiceField(choices=Language.choices)

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "first_name",
            "last_name",
            "email",
            "role",
            "language",
            "organisation",
            "employment_area",
        ]
        read_only_fields = [
            "id",
            "username",
            "first_name",
            "last_name",
            "email",
            "role",
            "organisation",
            "employment_area",
        ]


class AuditEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = AuditEvent
        fields = [
            "sequence",
            "timestamp",
            "actor_id",
            "actor_username",
            "actor_role",
            "action",
            "object_type",
            "object_id",
            "request_id",
            "data",
            "prev_hash",
            "hash",
        ]
        read_only_fields = fields


class CredentialsSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=512, style={"input_type": "password"}, trim_whitespace=False)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()
    expires = serializers.DateTimeField(help_text="The token stops working at this time.")


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    fields = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()

    def to_representation(self, instance: Any) -> Any:  # documentation only
        return instance
