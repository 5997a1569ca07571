"""API for profiles, jobs and matching runs.

- A job seeker keeps their own profile (``/profiles/me/``), gives opt-in group data, lets employers
  see their name, and asks for matching jobs.
- A professional keeps the profiles of their area, the jobs of their area's employers, and runs
  job → people, person → jobs and pool assignment over their area's pool.
- An employer keeps their organisation's jobs and task inventory, and sees pseudonymised candidates
  for their own jobs, among people who chose to be shown to employers.
- An analyst reads fairness reports (aggregates). An administrator may do everything.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from pydantic import BaseModel
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kohtaanto.core.language import LANGUAGES
from kohtaanto.matching.schema import JobSpecIn, ProfileIn
from kohtaanto.web.accounts import permissions
from kohtaanto.web.accounts.http import signed_in
from kohtaanto.web.accounts.models import EmploymentArea, Organisation, User
from kohtaanto.web.api.errors import content_language
from kohtaanto.web.api.schemas import model_schema
from kohtaanto.web.api.serializers import ErrorSerializer
from kohtaanto.web.core.concurrency import etag, parse_version
from kohtaanto.web.core.roles import Role
from kohtaanto.web.matching import redaction, runs, services
from kohtaanto.web.matching.models import GroupDimension, JobPosting, MatchingRun, SeekerProfile

IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    location=OpenApiParameter.HEADER,
    required=False,
    description="The ETag of the version you read; a newer version answers 412 and changes nothing.",
)
CONFLICT = {412: OpenApiResponse(ErrorSerializer, description="Changed by someone else since you read it")}
LANG = OpenApiParameter("lang", str, enum=list(LANGUAGES), description="Language of the explanations.")
TOP = OpenApiParameter("top", int, description="How many results (1-200, default 20).")
OBJECT = OpenApiResponse(OpenApiTypes.OBJECT)
LIST = OpenApiResponse({"type": "array", "items": {"type": "object", "additionalProperties": True}})
ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="A field is missing or not valid"),
    403: OpenApiResponse(ErrorSerializer, description="Not allowed for your role"),
    404: OpenApiResponse(ErrorSerializer, description="Not found or not visible to you"),
}


def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return model_schema(model)


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": schema}


def _body(request: Request) -> dict[str, Any]:
    if not isinstance(request.data, dict):
        raise ValidationError({"non_field_errors": ["the body must be a JSON object"]})
    return dict(request.data)


def _language(request: Request) -> str:
    return content_language(request)


def _top(request: Request) -> int:
    raw = request.query_params.get("top", "20")
    if not raw.isdigit() or not 1 <= int(raw) <= 200:
        raise ValidationError({"top": ["a whole number from 1 to 200"]})
    return int(raw)


def _flag(body: dict[str, Any], name: str) -> dict[str, bool]:
    if name not in body:
        return {}
    if not isinstance(body[name], bool):
        raise ValidationError({name: ["true or false"]})
    return {name: body[name]}


def _flags(body: dict[str, Any]) -> dict[str, bool]:
    out: dict[str, bool] = {}
    for name in services.PROFILE_FLAGS:
        out.update(_flag(body, name))
    return out


def _profile_json(profile: SeekerProfile) -> dict[str, Any]:
    return {
        "id": profile.pk,
        "pseudonym": profile.pseudonym,
        "area": profile.area_id,
        "person": profile.person_id,
        "looking": profile.looking,
        "open_to_employers": profile.open_to_employers,
        "share_accommodations": profile.share_accommodations,
        "share_with_coach": profile.share_with_coach,
        "spec": profile.spec,
        "version": profile.version,
        "updated_at": profile.updated_at.isoformat(),
    }


def _job_json(job: JobPosting) -> dict[str, Any]:
    return {
        "id": job.pk,
        "organisation": job.organisation_id,
        "organisation_name": job.organisation.name,
        "title": job.title,
        "description": job.description,
        "kind": job.kind,
        "status": job.status,
        "headcount": job.headcount,
        "spec": job.spec,
        "version": job.version,
        "updated_at": job.updated_at.isoformat(),
    }


def _if_match(request: Request) -> int | None:
    """The version the writer read, from ``If-Match`` (the ``ETag`` of a GET); None when not sent."""
    try:
        return parse_version(request.headers.get("If-Match"))
    except ValueError:
        raise ValidationError({"If-Match": ['the ETag of the version you read, for example "3"']}) from None


def _tagged(data: dict[str, Any], version: int, status: int = 200) -> Response:
    return Response(data, status=status, headers={"ETag": etag(version), "Cache-Control": "no-store"})


def _int(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError({field: ["an id (whole number)"]})
    return value


PROFILE_REQUEST = _json(
    {
        "type": "object",
        "properties": {
            "spec": _schema(ProfileIn),
            "person": {"type": "integer", "description": "The job seeker's user id (professionals)."},
            "area": {"type": "integer", "description": "Employment area (administrators)."},
            "looking": {"type": "boolean"},
            "open_to_employers": {"type": "boolean"},
            "share_accommodations": {"type": "boolean"},
            "share_with_coach": {"type": "boolean"},
        },
    }
)
JOB_REQUEST = _json(
    {
        "type": "object",
        "properties": {
            "organisation": {"type": "integer", "description": "Needed unless you are an employer user."},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "kind": {"type": "string", "enum": ["ordinary", "carved"]},
            "status": {"type": "string", "enum": ["open", "closed"]},
            "headcount": {"type": "integer", "minimum": 1},
            "spec": _schema(JobSpecIn),
        },
    }
)


# -- profiles -------------------------------------------------------------------------------------
class ProfileListView(APIView):
    @extend_schema(
        summary="Profiles you may see", operation_id="profiles_list", responses={200: LIST}, tags=["matching"]
    )
    def get(self, request: Request) -> Response:
        profiles = list(services.profiles_for(signed_in(request)).order_by("pk"))
        services.log_views(signed_in(request), profiles, "api")
        return Response([_profile_json(p) for p in profiles])

    @extend_schema(
        summary="Add a job seeker's profile",
        request=PROFILE_REQUEST,
        responses={201: OBJECT, **ERRORS},
        tags=["matching"],
    )
    def post(self, request: Request) -> Response:
        body = _body(request)
        person = None
        if body.get("person") is not None:
            person = (
                permissions.people_for(signed_in(request)).filter(pk=_int(body["person"], "person")).first()
            )
            if person is None:
                raise ValidationError({"person": ["no such person in your reach"]})
        area = None
        if body.get("area") is not None:
            area = EmploymentArea.objects.filter(pk=_int(body["area"], "area")).first()
            if area is None:
                raise ValidationError({"area": ["no such employment area"]})
        profile = services.create_profile(
            signed_in(request), spec=body.get("spec", {}), person=person, area=area, **_flags(body)
        )
        return _tagged(_profile_json(profile), profile.version, 201)


class ProfileDetailView(APIView):
    def _get(self, request: Request, pk: int) -> SeekerProfile:
        return get_object_or_404(services.profiles_for(signed_in(request)), pk=pk)

    @extend_schema(summary="One profile", responses={200: OBJECT, **ERRORS}, tags=["matching"])
    def get(self, request: Request, pk: int) -> Response:
        profile = self._get(request, pk)
        services.log_views(signed_in(request), [profile], "api")
        return _tagged(_profile_json(profile), profile.version)

    @extend_schema(
        summary="Change a profile (send If-Match with the ETag you read to refuse a concurrent change)",
        request=PROFILE_REQUEST,
        parameters=[IF_MATCH],
        responses={200: OBJECT, **ERRORS, **CONFLICT},
        tags=["matching"],
    )
    def patch(self, request: Request, pk: int) -> Response:
        body = _body(request)
        profile = services.update_profile(
            signed_in(request),
            self._get(request, pk),
            spec=body.get("spec"),
            expected_version=_if_match(request),
            **_flags(body),
        )
        return _tagged(_profile_json(profile), profile.version)


def own_profile(request: Request) -> SeekerProfile | None:
    """The signed-in job seeker's own profile (None before they make one); anyone else is refused."""
    if signed_in(request).role != Role.JOB_SEEKER:
        raise PermissionDenied("Only a job seeker has their own profile.")
    return SeekerProfile.objects.filter(person=signed_in(request)).first()


class MyProfileView(APIView):
    @extend_schema(summary="Your own profile", responses={200: OBJECT, **ERRORS}, tags=["matching"])
    def get(self, request: Request) -> Response:
        profile = own_profile(request)
        if profile is None:
            raise NotFound("You have no profile yet.")
        return _tagged(_profile_json(profile), profile.version)

    @extend_schema(
        summary="Create or replace your own profile (If-Match refuses a concurrent change)",
        request=PROFILE_REQUEST,
        parameters=[IF_MATCH],
        responses={200: OBJECT, 201: OBJECT, **ERRORS, **CONFLICT},
        tags=["matching"],
    )
    def put(self, request: Request) -> Response:
        body = _body(request)
        profile = own_profile(request)
        expected = _if_match(request)
        if profile is None:
            created = services.create_profile(signed_in(request), spec=body.get("spec", {}), **_flags(body))
            return _tagged(_profile_json(created), created.version, 201)
        updated = services.update_profile(
            signed_in(request), profile, spec=body.get("spec", {}), expected_version=expected, **_flags(body)
        )
        return _tagged(_profile_json(updated), updated.version)


class MyGroupsView(APIView):
    @extend_schema(
        summary="Give or withdraw opt-in group data for fairness reports (never used in matching)",
        request=_json(
            {
                "type": "object",
                "properties": {
                    "dimension": {"type": "string", "enum": GroupDimension.values},
                    "value": {"type": ["string", "null"], "description": "null withdraws it"},
                },
                "required": ["dimension"],
            }
        ),
        responses={204: None, **ERRORS},
        tags=["matching"],
    )
    def put(self, request: Request) -> Response:
        body = _body(request)
        profile = own_profile(request)
        if profile is None:
            raise NotFound("You have no profile yet.")
        value = body.get("value")
        if value is not None and not isinstance(value, str):
            raise ValidationError({"value": ["a short text, or null to withdraw"]})
        services.set_group(signed_in(request), profile, str(body.get("dimension", "")), value)
        return Response(status=204)


class MyRevealView(APIView):
    @extend_schema(
        summary="Let an employer see your name (or take it back)",
        request=_json(
            {
                "type": "object",
                "properties": {"organisation": {"type": "integer"}, "reveal": {"type": "boolean"}},
                "required": ["organisation"],
            }
        ),
        responses={204: None, **ERRORS},
        tags=["matching"],
    )
    def post(self, request: Request) -> Response:
        body = _body(request)
        profile = own_profile(request)
        if profile is None:
            raise NotFound("You have no profile yet.")
        organisation = Organisation.objects.filter(pk=_int(body.get("organisation"), "organisation")).first()
        if organisation is None:
            raise ValidationError({"organisation": ["no such organisation"]})
        reveal = _flag(body, "reveal").get("reveal", True)
        services.reveal_identity(signed_in(request), profile, organisation, reveal)
        return Response(status=204)


class ProfileMatchesView(APIView):
    @extend_schema(
        summary="Jobs for a person, explained, with workplaces where a fitting job could be carved",
        request=None,
        parameters=[TOP, LANG],
        responses={200: OBJECT, **ERRORS},
        tags=["matching"],
    )
    def post(self, request: Request, pk: int | None = None) -> Response:
        if pk is None:
            profile = own_profile(request)
            if profile is None:
                raise NotFound("You have no profile yet.")
        else:
            profile = get_object_or_404(services.profiles_for(signed_in(request)), pk=pk)
        view = runs.match_person(signed_in(request), profile, _top(request), _language(request))
        return Response(view.as_dict())


# -- jobs -----------------------------------------------------------------------------------------
def _visible_jobs(user: User) -> Any:
    if user.role in (Role.JOB_SEEKER, Role.ANALYST):
        return services.open_jobs()
    return services.jobs_for(user)


class JobListView(APIView):
    @extend_schema(
        summary="Jobs you may see", operation_id="jobs_list", responses={200: LIST}, tags=["matching"]
    )
    def get(self, request: Request) -> Response:
        return Response([_job_json(j) for j in _visible_jobs(signed_in(request)).order_by("pk")])

    @extend_schema(
        summary="Add a job", request=JOB_REQUEST, responses={201: OBJECT, **ERRORS}, tags=["matching"]
    )
    def post(self, request: Request) -> Response:
        body = _body(request)
        if signed_in(request).role == Role.EMPLOYER:
            organisation = signed_in(request).organisation
        else:
            found = permissions.organisations_for(signed_in(request)).filter(
                pk=_int(body.get("organisation"), "organisation")
            )
            organisation = found.first()
            if organisation is None:
                raise ValidationError({"organisation": ["no such organisation in your reach"]})
        values = {k: body[k] for k in services.JOB_FIELDS if k in body}
        extra = set(body) - set(services.JOB_FIELDS) - {"spec", "organisation"}
        if extra:
            raise ValidationError({name: ["unknown field"] for name in sorted(extra)})
        job = services.create_job(signed_in(request), organisation, spec=body.get("spec", {}), **values)
        return Response(_job_json(job), status=201)


class JobDetailView(APIView):
    @extend_schema(summary="One job", responses={200: OBJECT, **ERRORS}, tags=["matching"])
    def get(self, request: Request, pk: int) -> Response:
        job = get_object_or_404(_visible_jobs(signed_in(request)), pk=pk)
        return _tagged(_job_json(job), job.version)

    @extend_schema(
        summary="Change a job (If-Match refuses a concurrent change)",
        request=JOB_REQUEST,
        parameters=[IF_MATCH],
        responses={200: OBJECT, **ERRORS, **CONFLICT},
        tags=["matching"],
    )
    def patch(self, request: Request, pk: int) -> Response:
        job = get_object_or_404(services.jobs_for(signed_in(request)), pk=pk)
        body = _body(request)
        extra = set(body) - set(services.JOB_FIELDS) - {"spec"}
        if extra:
            raise ValidationError({name: ["unknown field"] for name in sorted(extra)})
        values = {k: body[k] for k in services.JOB_FIELDS if k in body}
        expected = _if_match(request)
        updated = services.update_job(
            signed_in(request), job, spec=body.get("spec"), expected_version=expected, **values
        )
        return _tagged(_job_json(updated), updated.version)


class JobMatchesView(APIView):
    @extend_schema(
        summary="People for a job, ranked and explained (employers: pseudonyms only)",
        request=None,
        parameters=[TOP, LANG],
        responses={200: OBJECT, **ERRORS},
        tags=["matching"],
    )
    def post(self, request: Request, pk: int) -> Response:
        if signed_in(request).role not in (Role.EMPLOYER, Role.PROFESSIONAL, Role.ADMINISTRATOR):
            raise PermissionDenied("Matching people to jobs is for employers and professionals.")
        job = get_object_or_404(services.jobs_for(signed_in(request)), pk=pk)
        return Response(runs.match_job(signed_in(request), job, _top(request), _language(request)).as_dict())


class InventoryView(APIView):
    @extend_schema(
        summary="Store an organisation's roles and tasks (kohtaanto.carving/1) for carving opportunities",
        request=OpenApiTypes.OBJECT,
        responses={200: OBJECT, **ERRORS},
        tags=["matching"],
    )
    def put(self, request: Request, pk: int) -> Response:
        organisation = get_object_or_404(permissions.organisations_for(signed_in(request)), pk=pk)
        inventory = services.save_inventory(signed_in(request), organisation, _body(request))
        return Response({"organisation": organisation.pk, "updated_at": inventory.updated_at.isoformat()})


# -- runs -----------------------------------------------------------------------------------------
class MatchingPoolView(APIView):
    @extend_schema(
        summary="Assign an area's people to its open jobs (headcounts), maximising the total score",
        request=_json(
            {
                "type": "object",
                "properties": {
                    "area": {"type": "integer"},
                    "min_score": {"type": "number", "minimum": 0, "maximum": 1},
                },
            }
        ),
        parameters=[LANG],
        responses={200: OBJECT, **ERRORS},
        tags=["matching"],
    )
    def post(self, request: Request) -> Response:
        body = _body(request)
        area_id = body.get("area", signed_in(request).employment_area_id)
        area = (
            EmploymentArea.objects.filter(pk=_int(area_id, "area")).first() if area_id is not None else None
        )
        if area is None:
            raise ValidationError({"area": ["choose an employment area"]})
        min_score = body.get("min_score", 0.0)
        if isinstance(min_score, bool) or not isinstance(min_score, int | float) or not 0 <= min_score <= 1:
            raise ValidationError({"min_score": ["a number from 0 to 1"]})
        return Response(
            runs.match_pool(signed_in(request), area, float(min_score), _language(request)).as_dict()
        )


def _run_json(run: MatchingRun, full: bool, viewer: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": run.pk,
        "kind": run.kind,
        "actor": run.actor_username,
        "created_at": run.created_at.isoformat(),
        "job": run.job_id,
        "profile": run.profile_id,
        "area": run.area_id,
        "inputs_digest": run.inputs_digest,
        "weights": run.weights,
        "considered": len(run.considered),
        "results": len(run.results),
    }
    if getattr(viewer, "role", None) == Role.ANALYST:
        for name in ("actor", "job", "profile"):  # analysts read aggregates: no person, no actor
            out.pop(name)
    if full:
        out["results"] = redaction.present(run, viewer)
    return out


class RunListView(APIView):
    @extend_schema(
        summary="Matching runs (yours; all for analysts and administrators)",
        operation_id="matching_runs_list",
        responses={200: LIST},
        tags=["matching"],
    )
    def get(self, request: Request) -> Response:
        return Response(
            [_run_json(r, False, signed_in(request)) for r in runs.runs_for(signed_in(request))[:200]]
        )


class RunDetailView(APIView):
    @extend_schema(
        summary="One recorded run with its results", responses={200: OBJECT, **ERRORS}, tags=["matching"]
    )
    def get(self, request: Request, pk: int) -> Response:
        run = get_object_or_404(runs.runs_for(signed_in(request)), pk=pk)
        if signed_in(request).role == Role.ANALYST:
            return Response(_run_json(run, False, signed_in(request)))  # analysts read aggregates only
        return Response(_run_json(run, True, signed_in(request)))


class FairnessView(APIView):
    @extend_schema(
        summary="Recommendation rates across opt-in groups for a run (analysts)",
        parameters=[OpenApiParameter("dimension", str, enum=GroupDimension.values, required=True)],
        responses={200: OBJECT, **ERRORS},
        tags=["matching"],
    )
    def get(self, request: Request, pk: int) -> Response:
        run = get_object_or_404(
            runs.runs_for(signed_in(request)), pk=pk
        )  # another's run: 404 before anything
        dimension = request.query_params.get("dimension", "")
        if dimension not in GroupDimension.values:
            raise ValidationError({"dimension": [f"choose one of {', '.join(GroupDimension.values)}"]})
        try:
            rates = runs.fairness(signed_in(request), run, dimension)
        except runs.RunError as exc:
            raise ValidationError({"non_field_errors": [str(exc)]}) from None
        return Response({"run": run.pk, "dimension": dimension, "groups": [asdict(r) for r in rates]})
