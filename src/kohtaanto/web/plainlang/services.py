"""Rule toggles and the check itself for the web: every change is audited; texts are never stored."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from kohtaanto.plainlang import TextReport
from kohtaanto.plainlang.check import check, rule_ids
from kohtaanto.web.accounts import permissions
from kohtaanto.web.accounts.models import Organisation
from kohtaanto.web.audit.services import record
from kohtaanto.web.plainlang.models import RuleSettings

MAX_CHARACTERS = 100_000


class InvalidRules(ValueError):
    pass


def _clean(rules: Any) -> list[str]:
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        raise InvalidRules("give a list of rule ids")
    unknown = sorted(set(rules) - set(rule_ids()))
    if unknown:
        raise InvalidRules(f"unknown rule {unknown[0]!r}")
    return sorted(set(rules))


def disabled_for(user: Any) -> list[str]:
    """The rules the user and their organisation switched off."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    rules: set[str] = set()
    mine = RuleSettings.objects.filter(user=user).values_list("disabled", flat=True).first()
    rules.update(mine or [])
    if getattr(user, "organisation_id", None):
        theirs = RuleSettings.objects.filter(organisation_id=user.organisation_id).values_list(
            "disabled", flat=True
        )
        rules.update(theirs.first() or [])
    return sorted(rules)


def organisation_disabled(organisation: Organisation) -> list[str]:
    found = RuleSettings.objects.filter(organisation=organisation).values_list("disabled", flat=True).first()
    return list(found or [])


def user_disabled(user: Any) -> list[str]:
    found = RuleSettings.objects.filter(user=user).values_list("disabled", flat=True).first()
    return list(found or [])


def set_user_rules(actor: Any, rules: Any) -> list[str]:
    chosen = _clean(rules)
    with transaction.atomic():
        RuleSettings.objects.update_or_create(user=actor, defaults={"disabled": chosen})
        record(actor=actor, action="plainlang_rules.set", obj=actor, data={"disabled": chosen})
    return chosen


def set_organisation_rules(actor: Any, organisation: Organisation, rules: Any) -> list[str]:
    permissions.require(
        permissions.can_change_organisation(actor, organisation), "you may not change this organisation"
    )
    chosen = _clean(rules)
    with transaction.atomic():
        RuleSettings.objects.update_or_create(organisation=organisation, defaults={"disabled": chosen})
        record(actor=actor, action="plainlang_rules.set", obj=organisation, data={"disabled": chosen})
    return chosen


def warm_up() -> None:
    """Load the checker's lexicons and morphology for every language (seconds, once per process)."""
    samples = {
        "fi": "Työvuoron päätyttyä suoritetaan siivoaminen.",
        "sv": "Efter arbetspasset städar man golvet.",
        "en": "After the shift, the floor is cleaned.",
    }
    for language, text in samples.items():
        check(text, "instructions", language)
        check(text, "job-ad", "auto")


def check_for(
    user: Any, text: str, profile: str, language: str, fmt: str, messages: str | None
) -> TextReport:
    """Check with the user's and organisation's switched-off rules. Nothing is stored or logged."""
    if len(text) > MAX_CHARACTERS:
        raise ValueError(f"the text is over {MAX_CHARACTERS:,} characters")
    return check(text, profile, language, fmt, disabled_for(user), messages)  # type: ignore[arg-type]


def report_word(*, actor: Any, word: str, language: str, suggestion: str, comment: str) -> Any:
    """Record that a word of the language kit looks wrong in ``language``, keeping the word as shown."""
    from kohtaanto.plainlang.work_words import GLOSS_LANGUAGES, find_word
    from kohtaanto.web.core.errors import InvalidInput
    from kohtaanto.web.plainlang.models import WordReport

    found = find_word(word)
    if found is None or language not in GLOSS_LANGUAGES:
        raise InvalidInput({"word": ["no such word in that language"]})
    with transaction.atomic():
        report = WordReport.objects.create(
            word=word,
            language=language,
            shown=found.gloss[language],
            suggestion=suggestion.strip()[:120],
            comment=comment.strip()[:300],
            reported_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        record(
            actor=actor,
            action="language_kit.word_reported",
            obj=report,
            data={"word": word, "language": language},
        )
    return report


def report_translation(*, actor: Any, language: str, page: str, shown: str, suggestion: str) -> Any:
    """Record that the interface says something wrong in ``language``, as the person saw it and where."""
    from django.conf import settings

    from kohtaanto.web.core.errors import InvalidInput
    from kohtaanto.web.plainlang.models import TranslationReport

    errors: dict[str, list[str]] = {}
    if language not in dict(settings.LANGUAGES):
        errors["language"] = ["unknown language"]
    if not shown.strip():
        errors["shown"] = ["write what the page says"]
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        report = TranslationReport.objects.create(
            language=language,
            page=page.strip()[:200],
            shown=shown.strip()[:300],
            suggestion=suggestion.strip()[:300],
            reported_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        record(actor=actor, action="translation.reported", obj=report, data={"language": language})
    return report
