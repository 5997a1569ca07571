"""Matching runs: job → people, person → jobs (with carving opportunities), pool assignment.

Every run is recorded (who, when, a digest of the inputs, the weights, what came out) with one audit
event in the same transaction. Scores come from :mod:`kohtaanto.matching`, whose inputs have no
protected characteristics; the people's names and group data are never read here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Hashable
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import structlog
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kohtaanto.core.language import pick
from kohtaanto.matching.explain import Reader
from kohtaanto.matching.fairness import GroupRate, disparity
from kohtaanto.matching.places import distance_km
from kohtaanto.matching.profiles import Candidate, Job
from kohtaanto.matching.report import miss_row, ranked, result_row
from kohtaanto.matching.schema import JobIn, JobSpecIn
from kohtaanto.matching.score import Finding, NoRelations, Scored, SkillRelations, Weights, score
from kohtaanto.taxonomy.vocabulary import skill_label
from kohtaanto.web.accounts import permissions
from kohtaanto.web.accounts.models import EmploymentArea
from kohtaanto.web.audit.services import record
from kohtaanto.web.core.errors import PermissionDenied
from kohtaanto.web.core.roles import Role
from kohtaanto.web.matching import mappers, redaction
from kohtaanto.web.matching import pool as live
from kohtaanto.web.matching.models import (
    AreaWeights,
    GroupDatum,
    IdentityReveal,
    JobPosting,
    MatchingRun,
    RunKind,
    SeekerProfile,
    WorkplaceInventory,
)
from kohtaanto.web.matching.services import digest, jobs_for, open_jobs, profiles_for

log = structlog.get_logger("kohtaanto.matching")
Clock = Callable[[], dt.datetime]
DEFAULT_COMMUTE_KM = 60.0


class RunError(ValueError):
    """A run that cannot be made as asked (for example a fairness report of a person → jobs run)."""


def decision_support_notice() -> str:
    return _(
        "These are suggestions to support a decision, not a decision. A person reads them, talks with the "
        "people concerned and decides. Scores use only skills, capacity, hours, place, working language and "
        "the person's own wishes."
    )


# -- taxonomy, weights ----------------------------------------------------------------------------
@cache
def _store(version: str) -> Any:
    from kohtaanto.taxonomy.relations import StoreRelations
    from kohtaanto.taxonomy.store import TaxonomyStore, store_path

    return StoreRelations(TaxonomyStore(store_path(Path(settings.DATA_DIR) / "taxonomy", version)))


def relations() -> SkillRelations | None:
    """Taxonomy relations for partial credit, when a taxonomy has been imported."""
    from kohtaanto.taxonomy.store import available_versions

    versions = available_versions(Path(settings.DATA_DIR) / "taxonomy")
    return _store(versions[-1]) if versions else None


def label_for(rel: Any) -> Callable[[str, str], str]:
    if rel is None:
        return skill_label

    def label(skill: str, language: str) -> str:
        if skill.startswith("http"):
            return str(rel.store.label(skill, language) or rel.store.label(skill, "en") or skill)
        return skill_label(skill, language)

    return label


def weights_for(area: EmploymentArea | None) -> Weights:
    if area is None:
        return Weights()
    stored = AreaWeights.objects.filter(area=area).values_list("weights", flat=True).first()
    return Weights(**stored) if stored else Weights()


# -- helpers --------------------------------------------------------------------------------------
def _role(user: Any) -> str | None:
    if user is None:
        return None
    return str(user.role)


def _job(posting: JobPosting) -> Job:
    return JobSpecIn.model_validate(posting.spec).to_job(posting.ref)


def view_for(actor: Any, profile: SeekerProfile, organisation: Any) -> str:
    """The view of a person an actor may use: an employer sees the person's capacities only when the
    person shares their adjustments with employers, or with this organisation."""
    if _role(actor) != Role.EMPLOYER or profile.share_accommodations:
        return live.FULL
    shared = IdentityReveal.objects.filter(
        profile=profile, organisation=organisation, share_accommodations=True
    ).exists()
    return live.FULL if shared else live.EMPLOYERS


def _with_adjustments(
    public: Scored, candidate: Candidate, job: Job, weights: Weights, rel: SkillRelations | None
) -> tuple[Scored, list[str]]:
    """A person who shares their adjustments with this one employer: the adjustments the job needs for
    them are listed, while the score stays the one every employer sees (their ranking cannot differ)."""
    full = score(candidate, job, weights, rel or NoRelations(), distance_km)
    if isinstance(full, Scored):
        return replace(public, accommodations=full.accommodations), []
    attribute = dict(full.finding.params).get("attribute")
    if full.finding.code != "demand" or attribute is None:
        return public, []  # only capacities differ between the two views
    finding = Finding.of("adjustment_short", attribute=attribute)
    return replace(public, findings=(*public.findings, finding)), [str(attribute)]


def _neighbours(job: Job, rel: Any) -> dict[str, dict[str, float]]:
    if rel is None:
        return {}
    return {need.skill: rel.neighbours(need.skill) for need in job.skills if need.skill.startswith("http")}


def _segments(actor: Any, area: EmploymentArea | None) -> Collection[Hashable] | None:
    """Whose profiles a viewer's query may consider: None means everyone (administrators, the CLI).
    An employer sees only the people of the job's employment area who chose to be shown to employers
    there (the consent text says "employers in my employment area")."""
    role = _role(actor)
    if role == Role.PROFESSIONAL:
        return {(actor.employment_area_id, True), (actor.employment_area_id, False)}
    if role == Role.EMPLOYER:
        return {(area.pk, True)} if area is not None else set()
    if role in (None, Role.ADMINISTRATOR):
        return None
    raise PermissionDenied("this role does not match people to jobs")


def _save(
    actor: Any,
    kind: str,
    clock: Clock,
    *,
    inputs: Any,
    weights: Weights,
    considered: list[str],
    results: list[dict[str, Any]],
    language: str,
    job: JobPosting | None = None,
    profile: SeekerProfile | None = None,
    area: EmploymentArea | None = None,
    job_shape: str = "",
    demands_digest: str = "",
    probe: bool = False,
) -> MatchingRun:
    with transaction.atomic():
        run = MatchingRun.objects.create(
            kind=kind,
            actor=actor,
            actor_username=actor.get_username() if actor is not None else "cli",
            actor_role=getattr(actor, "role", "") if actor is not None else "",
            created_at=clock(),
            job=job,
            profile=profile,
            area=area,
            inputs_digest=digest(inputs),
            weights=asdict(weights),
            considered=considered,
            results=results,
            language=language,
            job_shape=job_shape,
            demands_digest=demands_digest,
            probe=probe,
        )
        data: dict[str, Any] = {"kind": kind, "results": len(results), "considered": len(considered)}
        if probe:
            data["probe"] = True
        record(actor=actor, action="matching_run.recorded", obj=run, data=data, clock=clock)
    return run


@dataclass(frozen=True)
class RunView:
    run: MatchingRun
    results: list[dict[str, Any]]
    excluded: list[dict[str, Any]]
    extra: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        with translation.override(self.run.language):  # the notice in the language of the results
            notice = decision_support_notice()
        return {
            "run": self.run.pk,
            "kind": self.run.kind,
            "created_at": self.run.created_at.isoformat(),
            "inputs_digest": self.run.inputs_digest,
            "weights": self.run.weights,
            "considered": len(self.run.considered),
            "notice": notice,
            **self.extra,
            "results": self.results,
            "excluded": self.excluded,
        }


# -- job → people ---------------------------------------------------------------------------------
def job_view_again(actor: Any, posting: JobPosting, run_id: int) -> RunView | None:
    """A search this actor ran for this job, shown again as the actor may see it now: a person who has
    since withdrawn from employers' view, or taken back their name, is not shown from the old run."""
    run = MatchingRun.objects.filter(pk=run_id, job=posting, actor=actor).first()
    if run is None:
        return None
    extra = {"job": {"id": posting.pk, "title": posting.title, "organisation": posting.organisation.name}}
    return RunView(run, redaction.present(run, actor), [], extra)


def match_job(
    actor: Any, posting: JobPosting, top: int = 20, language: str = "fi", clock: Clock = timezone.now
) -> RunView:
    """Rank the pool for a job. Employers get pseudonyms (names only where the person agreed)."""
    if actor is not None:
        permissions.require(jobs_for(actor).filter(pk=posting.pk).exists(), "not your job")
    area = posting.organisation.municipality.area
    extra = {"job": {"id": posting.pk, "title": posting.title, "organisation": posting.organisation.name}}
    return _people_for(actor, _job(posting), posting.spec, area, top, language, clock, posting, extra)


def _probe_check(actor: Any, posting: JobPosting | None, clock: Clock) -> dict[str, Any]:
    """The run's job shape and whether it looks like a probe (employers; may refuse, see ``probes``)."""
    from kohtaanto.web.matching import probes

    if posting is None:
        return {}
    shape, probe = probes.check(actor, posting.organisation_id, posting.spec, clock())
    if probe:
        log.warning("matching.probe_suspected", organisation=posting.organisation_id, job=posting.pk)
    return {"job_shape": shape.job, "demands_digest": shape.demands, "probe": probe}


def match_job_spec(
    actor: Any, spec: JobIn, top: int = 20, language: str = "fi", clock: Clock = timezone.now
) -> RunView:
    """Rank the whole database pool for a job that is not stored (the command line's job files)."""
    permissions.require(actor is None or _role(actor) == Role.ADMINISTRATOR, "administrators only")
    values = spec.model_dump(mode="json")
    extra = {"job": {"id": None, "title": spec.ref, "organisation": ""}}
    return _people_for(actor, spec.to_job(), values, None, top, language, clock, None, extra)


def _people_for(
    actor: Any,
    job: Job,
    spec: dict[str, Any],
    area: EmploymentArea | None,
    top: int,
    language: str,
    clock: Clock,
    posting: JobPosting | None,
    extra: dict[str, Any],
) -> RunView:
    employer = _role(actor) == Role.EMPLOYER
    shape = _probe_check(actor, posting, clock)
    view = live.EMPLOYERS if employer else live.FULL
    segments = _segments(actor, area)
    weights = weights_for(area)
    rel = relations()
    pool = live.live_pool(view)
    hits = pool.top(job, top, weights, _neighbours(job, rel), distance_km, segments)
    profiles = {
        p.pseudonym: p
        for p in SeekerProfile.objects.select_related("person").filter(pseudonym__in=[h.ref for h in hits])
    }
    shared_with: set[str] = set()  # people who share their adjustments with this one employer
    if employer and posting is not None:
        shared_with = set(
            IdentityReveal.objects.filter(
                profile__in=profiles.values(), organisation=posting.organisation, share_accommodations=True
            ).values_list("profile__pseudonym", flat=True)
        )
    label = label_for(rel)
    rows = []
    for hit in hits:
        profile = profiles.get(hit.ref)
        if profile is None:  # deleted between the index's refresh and this read
            continue
        candidate = mappers.candidate(profile, view)
        result = score(candidate, job, weights, rel or NoRelations(), distance_km)
        if not isinstance(result, Scored) or result.score != hit.score:
            # the profile changed between the index's refresh and this read: the scorer's answer stands
            log.info("matching.index_race", person=hit.ref)
            if not isinstance(result, Scored):
                continue
        short: list[str] = []
        if hit.ref in shared_with and not profile.share_accommodations:
            result, short = _with_adjustments(result, mappers.candidate(profile), job, weights, rel)
        rows.append(result_row(result, language, label))
        if short:
            rows[-1]["adjustments_short"] = short
        if not employer:
            rows[-1]["profile"] = profile.pk
    rows.sort(key=lambda r: (-r["score"], r["person"]))
    considered = sorted(pool.members(segments))
    run = _save(
        actor,
        RunKind.JOB,
        clock,
        inputs={
            "job": spec,
            "people": [live.digest_of(r, view) for r in considered],
            "weights": asdict(weights),
        },
        weights=weights,
        considered=considered,
        results=rows,
        language=language,
        job=posting,
        area=area,
        **shape,
    )
    return RunView(run, redaction.present(run, actor, rows), [], extra)


# -- person → jobs --------------------------------------------------------------------------------
def _reachable(candidate: Candidate, municipality: str) -> bool:
    if not municipality or not candidate.municipality or municipality == candidate.municipality:
        return True
    km = distance_km(candidate.municipality, municipality)
    return km is None or km <= (candidate.max_commute_km or DEFAULT_COMMUTE_KM)


def carving_opportunities(
    profile: SeekerProfile, candidate: Candidate, language: str, on: dt.date, time_limit: float = 2.0
) -> list[dict[str, Any]]:
    """Workplaces whose tasks could be carved into a job that fits this person."""
    from kohtaanto.carving.schema import SettingsIn, WorkplaceFile
    from kohtaanto.carving.service import carve_workplace
    from kohtaanto.carving.solver import SolverSettings
    from kohtaanto.web.core.rules import engine

    if candidate.remote == "only":
        return []
    person = mappers.carving_person(profile, candidate)
    out = []
    inventories = WorkplaceInventory.objects.select_related("organisation").order_by("organisation__name")
    for inventory in inventories:
        source = WorkplaceFile.model_validate(inventory.payload)
        where = source.workplace.municipality
        if not _reachable(candidate, where):
            continue
        local = person.model_copy(update={"reach": [where] if where else []})
        found = carve_workplace(
            source,
            [local],
            source.accommodations,
            SettingsIn(),
            engine(),
            on,
            SolverSettings(time_limit=time_limit),
            1,
            language,
        )[0]
        for proposal in mappers.json_safe(found.proposals):
            out.append(
                {
                    "organisation": inventory.organisation.name,
                    "organisation_id": inventory.organisation_id,
                    "workplace": source.workplace.name,
                    "hours_per_week": proposal["hours_per_week"],
                    "tasks": [t["name"] for t in proposal["tasks"]],
                    "skill_gaps": proposal["skill_gaps"],
                    "training": proposal["training_path"]["text"],
                    "description": pick(proposal["job_description"], language),
                }
            )
    return out


def match_person(
    actor: Any,
    profile: SeekerProfile,
    top: int = 20,
    language: str = "fi",
    clock: Clock = timezone.now,
    carving: bool = True,
) -> RunView:
    """Open jobs ranked for one person, with the reasons, and workplaces where a job could be carved."""
    if actor is not None:
        permissions.require(profiles_for(actor).filter(pk=profile.pk).exists(), "not a profile you may see")
    candidate = mappers.candidate(profile)
    rel = relations()
    label = label_for(rel)
    postings = list(open_jobs())
    weights = {p.pk: weights_for(p.organisation.municipality.area) for p in postings}
    results = [score(candidate, _job(p), weights[p.pk], rel or NoRelations(), distance_km) for p in postings]
    by_ref = {p.ref: p for p in postings}
    hits, misses = ranked(results, top)
    reader: Reader = "you" if actor is not None and actor.pk == profile.person_id else "other"
    rows = []
    for hit in hits:
        posting = by_ref[hit.job]
        row = result_row(hit, language, label, reader)
        row.update(
            {
                "job_id": posting.pk,
                "title": posting.title,
                "organisation": posting.organisation.name,
                "kind": posting.kind,
            }
        )
        rows.append(row)
    excluded = [
        {**miss_row(m, language, label, reader), "job_id": by_ref[m.job].pk, "title": by_ref[m.job].title}
        for m in misses
    ]
    opportunities = carving_opportunities(profile, candidate, language, clock().date()) if carving else []
    run = _save(
        actor,
        RunKind.PERSON,
        clock,
        inputs={"profile": profile.digest, "jobs": {p.ref: p.spec for p in postings}},
        weights=weights_for(profile.area),
        considered=sorted(by_ref),
        results=rows + [{"carving": o} for o in opportunities],
        language=language,
        profile=profile,
        area=profile.area,
    )
    return RunView(
        run, rows, excluded, {"profile": profile.pseudonym, "carving_opportunities": opportunities}
    )


# -- pool assignment ------------------------------------------------------------------------------
def match_pool(
    actor: Any,
    area: EmploymentArea,
    min_score: float = 0.0,
    language: str = "fi",
    clock: Clock = timezone.now,
    shortlist: int = 50,
) -> RunView:
    """Assign the area's people to the area's open jobs (headcounts), maximising the total score."""
    from kohtaanto.matching.assign import assign

    role = _role(actor)
    permissions.require(
        role in (None, Role.ADMINISTRATOR)
        or (role == Role.PROFESSIONAL and actor.employment_area_id == area.pk),
        "pool assignment is for the area's professionals",
    )
    segments = {(area.pk, True), (area.pk, False)}
    weights = weights_for(area)
    rel = relations()
    postings = list(open_jobs().filter(organisation__municipality__area=area).order_by("pk"))
    pool = live.live_pool()
    edges = []
    for posting in postings:
        job = _job(posting)
        k = max(shortlist, 5 * posting.headcount)
        for hit in pool.top(job, k, weights, _neighbours(job, rel), distance_km, segments):
            edges.append((hit.ref, posting.ref, hit.score))
    result = assign(edges, {p.ref: p.headcount for p in postings}, min_score)
    by_ref = {p.ref: p for p in postings}
    profiles = {
        p.pseudonym: p.pk
        for p in SeekerProfile.objects.filter(pseudonym__in=[person for person, _, _ in result.pairs])
    }
    rows = [
        {
            "person": person,
            "profile": profiles.get(person),
            "job": ref,
            "job_id": by_ref[ref].pk,
            "title": by_ref[ref].title,
            "score": value,
        }
        for person, ref, value in result.pairs
    ]
    considered = sorted(pool.members(segments))
    run = _save(
        actor,
        RunKind.POOL,
        clock,
        inputs={
            "jobs": {p.ref: [p.spec, p.headcount] for p in postings},
            "people": [live.digest_of(r) for r in considered],
            "min_score": min_score,
        },
        weights=weights,
        considered=considered,
        results=rows,
        language=language,
        area=area,
    )
    extra = {
        "total_score": result.total,
        "jobs": len(postings),
        "places": sum(p.headcount for p in postings),
        "assigned": len(rows),
    }
    return RunView(run, rows, [], extra)


# -- fairness -------------------------------------------------------------------------------------
def runs_for(user: Any) -> Any:
    role = _role(user)
    if role in (Role.ADMINISTRATOR, Role.ANALYST):
        return MatchingRun.objects.all()
    return MatchingRun.objects.filter(actor_id=user.pk)


def fairness(actor: Any, run: MatchingRun, dimension: str) -> list[GroupRate]:
    """Recommendation rates across opt-in groups for a run; only aggregates leave this function."""
    role = _role(actor)
    permissions.require(role in (None, Role.ANALYST, Role.ADMINISTRATOR), "fairness reports are for analysts")
    if run.kind == RunKind.PERSON:
        raise RunError("a person → jobs run recommends jobs, not people: it has no group rates")
    groups = dict(
        GroupDatum.objects.filter(dimension=dimension, profile__pseudonym__in=run.considered).values_list(
            "profile__pseudonym", "value"
        )
    )
    recommended = [row["person"] for row in run.results]
    rates = disparity(run.considered, recommended, groups)
    log.info("matching.fairness_report", run=run.pk, dimension=dimension, groups=len(rates))
    return rates
