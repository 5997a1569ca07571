"""The rules engine as the web shell configures it (the rule packs in settings), built once per process, and
its input problems as form fields. Every feature that asks the rules (supports, hiring, matching, outreach)
uses this one engine."""

from __future__ import annotations

from functools import cache

from django.conf import settings

from kohtaanto.rules import RulesEngine, build_engine


@cache
def engine() -> RulesEngine:
    return build_engine(settings.CONFIG.rule_packs)


def field_errors(problems: list[str]) -> dict[str, list[str]]:
    """``'job.monthly_wage: Input should be…'`` → ``{'job.monthly_wage': ['Input should be…']}``."""
    fields: dict[str, list[str]] = {}
    for problem in problems:
        field, _, message = problem.partition(": ")
        fields.setdefault(field or "non_field_errors", []).append(message or problem)
    return fields
