"""What a stored matching run may still show, and what is removed from it when a person withdraws a
consent or deletes their data.

Two layers, so that neither alone has to be right:

- **At read time** (:func:`present`) a stored run's rows are shown under the consents in force now:
  a deleted person's rows are gone, an employer sees only people who are still shown to employers (or
  who told that employer their name), a name comes from the person's identity reveal at this moment
  (runs never store names), and adjustments only while the person shares them.
- **At the change** (:func:`on_withdrawal`, :func:`on_erasure`) the stored rows are rewritten in the
  same transaction as the consent change, so the database itself no longer holds what the person took
  back: their rows in employers' runs, their adjustments, their pseudonym after deletion.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from kohtaanto.matching.explain import text
from kohtaanto.matching.score import Finding
from kohtaanto.taxonomy.vocabulary import attribute_label
from kohtaanto.web.core.roles import Role
from kohtaanto.web.matching.models import IdentityReveal, MatchingRun, SeekerProfile
from kohtaanto.web.matching.signals import person_erased


def _adjustment_lines(row: dict[str, Any], language: str) -> set[str]:
    """The sentences of a row's explanation that speak of the person's adjustments."""
    lines = set()
    for item in row.get("accommodations") or []:
        finding = Finding.of("accommodation", attribute=item["attribute"], levels=item["levels"])
        lines.add(text(finding, language, lambda s, _lang: s, attribute_label))
    for attribute in row.get("adjustments_short") or []:
        finding = Finding.of("adjustment_short", attribute=attribute)
        lines.add(text(finding, language, lambda s, _lang: s, attribute_label))
    return lines


def without_adjustments(row: dict[str, Any], language: str) -> dict[str, Any]:
    """The row with nothing about the person's adjustments: no list and no sentence. (The score and
    its parts stay as computed while the person shared them; every employer run of a person who does
    not share is scored without their capacities, so its functional part is always 1.)"""
    drop = _adjustment_lines(row, language)
    out = {k: v for k, v in row.items() if k != "adjustments_short"}
    out["accommodations"] = []
    out["explanation"] = [line for line in row.get("explanation", []) if line not in drop]
    return out


def _employer_run(run: MatchingRun) -> bool:
    return run.actor_role == Role.EMPLOYER


def present(run: MatchingRun, viewer: Any, rows: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The rows of a run as ``viewer`` may see them now (see the module's docstring)."""
    rows = run.results if rows is None else rows
    refs = [row["person"] for row in rows if isinstance(row, dict) and "person" in row]
    if not refs:
        return [dict(row) for row in rows]
    profiles = {
        p.pseudonym: p for p in SeekerProfile.objects.filter(pseudonym__in=refs).select_related("person")
    }
    employer = _employer_run(run) or getattr(viewer, "role", None) == Role.EMPLOYER
    organisation = run.job.organisation_id if run.job_id and run.job else None
    reveals: dict[str, bool] = {}
    if employer and organisation is not None:
        reveals = dict(
            IdentityReveal.objects.filter(
                profile__in=profiles.values(), organisation_id=organisation
            ).values_list("profile__pseudonym", "share_accommodations")
        )
    out = []
    for row in rows:
        ref = row.get("person") if isinstance(row, dict) else None
        if ref is None:
            out.append(dict(row))
            continue
        profile = profiles.get(ref)
        if profile is None:
            continue  # deleted: nothing of the person is shown
        shown = {k: v for k, v in row.items() if k != "name"}
        if employer:
            if ref not in reveals and not (profile.open_to_employers and profile.looking):
                continue
            shown.pop("profile", None)
            if ref in reveals and profile.person is not None:
                shown["name"] = profile.person.get_full_name()
            if not (profile.share_accommodations or reveals.get(ref)):
                shown = without_adjustments(shown, run.language)
        out.append(shown)
    return out


def _runs_about(pseudonym: str) -> Any:
    return MatchingRun.objects.filter(Q(results__icontains=pseudonym) | Q(considered__icontains=pseudonym))


def on_withdrawal(
    profile: SeekerProfile, *, shown: bool, adjustments: bool, organisation_id: int | None = None
) -> int:
    """Rewrite stored employer runs after the person took a consent back: ``shown`` (no longer shown to
    employers) removes their rows; ``adjustments`` removes their adjustments. With ``organisation_id``
    only that employer's runs change (a per-employer consent). Call inside the change's transaction.
    Returns how many runs were rewritten."""
    ref = profile.pseudonym
    changed = 0
    runs = _runs_about(ref).filter(actor_role=Role.EMPLOYER).select_for_update()
    if organisation_id is not None:
        runs = runs.filter(job__organisation_id=organisation_id)
    for run in runs:
        rows = []
        for row in run.results:
            if not isinstance(row, dict) or row.get("person") != ref:
                rows.append(row)
            elif shown:
                continue
            elif adjustments:
                rows.append(without_adjustments(row, run.language))
            else:
                rows.append(row)
        if rows != run.results:
            run.results = rows
            run.save(update_fields=["results"])
            changed += 1
    return changed


def on_erasure(profile: SeekerProfile) -> dict[str, int]:
    """Remove a deleted person from everything stored about matching and hiring: runs about them are
    deleted, their rows and pseudonym leave every other run, and hiring cases forget them. Call inside
    the deletion's transaction, before the profile row itself is deleted."""
    ref = profile.pseudonym
    deleted = MatchingRun.objects.filter(profile=profile).delete()[0]
    rewritten = 0
    for run in _runs_about(ref).select_for_update():
        results = [r for r in run.results if not (isinstance(r, dict) and r.get("person") == ref)]
        considered = [c for c in run.considered if c != ref]
        if results != run.results or considered != run.considered:
            run.results, run.considered = results, considered
            run.save(update_fields=["results", "considered"])
            rewritten += 1
    counts: dict[str, int] = {"runs_deleted": deleted, "runs_rewritten": rewritten}
    for _, answer in person_erased.send(sender=SeekerProfile, profile=profile, pseudonym=ref):
        for key, value in (answer or {}).items():
            counts[key] = counts.get(key, 0) + value
    return counts
