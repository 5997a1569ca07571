"""The rules engine as the web shell sees it: one engine per process, with the configured packs."""

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


def links(sources: list[str]) -> list[tuple[str, str]]:
    """A source's address (its first word) and its whole text, for a link."""
    return [(source.split()[0], source) for source in sources]
