"""ESF+ projects: all-or-nothing import, classification with evidence, manual override, linking the people
a project funds, and the project's participant and outcome report (groups under five suppressed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import pgettext

from kohtaanto.web.accounts import permissions
from kohtaanto.web.accounts.models import User
from kohtaanto.web.audit.services import record
from kohtaanto.web.coaching.models import CaseloadEntry
from kohtaanto.web.core.errors import InvalidInput
from kohtaanto.web.core.roles import Role
from kohtaanto.web.esf import classify, sources
from kohtaanto.web.esf.models import Project
from kohtaanto.web.hiring.models import HiringCase
from kohtaanto.web.outcomes.figures import SMALL

EDITORS = (Role.ANALYST, Role.ADMINISTRATOR)


def may_view(actor: User | None) -> bool:
    return getattr(actor, "role", None) in (*EDITORS, Role.PROFESSIONAL) and bool(
        getattr(actor, "is_active", False)
    )


def may_edit(actor: User | None) -> bool:
    return getattr(actor, "role", None) in EDITORS and bool(getattr(actor, "is_active", False))


@dataclass
class ProjectImport:
    source: str = ""
    created: int = 0
    updated: int = 0
    rejected: list[sources.RejectedProject] = field(default_factory=list)


def import_projects(actor: User | None, data: bytes, encoder: Any | None = None) -> ProjectImport:
    """All or nothing. Each project is classified; a project classified by hand keeps its labels."""
    permissions.require(may_edit(actor), "only analysts and administrators import projects")
    source, rows, rejected = sources.read(data)
    report = ProjectImport(source=source, rejected=rejected)
    if rejected:
        return report
    existing = {p.code: p for p in Project.objects.filter(code__in=[r.values["code"] for r in rows])}
    with transaction.atomic():
        for row in rows:
            values = {k: v for k, v in row.values.items() if k in {f.name for f in Project._meta.fields}}
            project = existing.get(str(values["code"])) or Project(code=str(values["code"]))
            created = project.pk is None
            for key, value in values.items():
                setattr(
                    project,
                    key,
                    "" if value is None and key not in ("starts_on", "ends_on", "eu_funding") else value,
                )
            project.source = source
            if not project.manual:
                found = classify.classify(f"{project.name}. {project.summary}", encoder)
                project.methods, project.target_groups, project.evidence = (
                    found.methods,
                    found.target_groups,
                    found.evidence,
                )
            project.save()
            report.created += created
            report.updated += not created
        record(
            actor=actor,
            action="esf.projects_imported",
            object_type="esf.project",
            data={"source": source, "created": report.created, "updated": report.updated},
        )
    return report


def override(actor: User | None, project: Project, methods: list[str], target_groups: list[str]) -> Project:
    permissions.require(may_edit(actor), "only analysts and administrators classify projects")
    if set(methods) - set(classify.METHODS) or set(target_groups) - set(classify.TARGET_GROUPS):
        raise InvalidInput({"methods": [pgettext("esf", "Choose from the list.")]})
    with transaction.atomic():
        project.methods = [m for m in classify.METHODS if m in methods]
        project.target_groups = [g for g in classify.TARGET_GROUPS if g in target_groups]
        project.manual = True
        project.save()
        record(
            actor=actor,
            action="esf.project_classified",
            obj=project,
            data={"methods": project.methods, "target_groups": project.target_groups},
        )
    return project


def report(project: Project) -> dict[str, Any]:
    """Participants and outcomes of the people the project funds. Counts under five are not shown."""
    entries = list(CaseloadEntry.objects.filter(project=project).select_related("profile"))
    profiles = {e.profile_id for e in entries}
    hired = set(
        HiringCase.objects.filter(decision="hired", hired_id__in=profiles).values_list("hired_id", flat=True)
    )
    counts = {
        "participants": len(entries),
        "in_work_trial": sum(1 for e in entries if e.status == "work_trial"),
        "employed": len({e.profile_id for e in entries if e.status in ("employed", "follow_up")} | hired),
        "hired_through_kohtaanto": len(hired),
    }
    shown = {k: (v if v == 0 or v >= SMALL else None) for k, v in counts.items()}
    return {"counts": counts, "shown": shown, "small": SMALL}
