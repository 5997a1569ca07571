"""Plain-language reasons, in Finnish, Swedish and English, for tasks left out of a carved job."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kohtaanto.taxonomy.vocabulary import demands, starter

MESSAGES = Path(__file__).with_name("messages.yaml")


@dataclass(frozen=True)
class Reason:
    code: str
    params: tuple[tuple[str, Any], ...] = ()

    def __init__(self, code: str, /, **params: Any) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", tuple(sorted(params.items())))

    def text(self, language: str = "fi", names: dict[str, str] | None = None) -> str:
        """The reason as a sentence; ``names`` maps task ids to their names in ``language``."""
        params = dict(self.params)
        names = names or {}
        for key in ("task", "other"):
            if key in params:
                params[key] = names.get(params[key], params[key])
        if "attribute" in params:
            params["attribute"] = attribute_label(params["attribute"], language)
        if "skill" in params:
            params["skill"] = skill_label(params["skill"], language)
        return str(_messages()[self.code][_lang(language)].format(**params))


def _lang(language: str) -> str:
    return language if language in ("fi", "sv", "en") else "fi"


@cache
def _messages() -> dict[str, dict[str, str]]:
    with MESSAGES.open(encoding="utf-8") as handle:
        data: dict[str, dict[str, str]] = yaml.safe_load(handle)
    return data


def number(value: Any, language: str) -> str:
    """A plain number without trailing zeros, with a decimal comma in Finnish and Swedish."""
    text = f"{Decimal(str(value)).normalize():f}"
    return text.replace(".", ",") if language in ("fi", "sv") else text


def message(code: str, language: str, **params: Any) -> str:
    return str(_messages()[code][_lang(language)].format(**params))


@cache
def _attribute_labels() -> dict[str, Any]:
    return {a.id: a.labels for a in demands().attributes}


def attribute_label(attribute: str, language: str) -> str:
    labels = _attribute_labels().get(attribute)
    return labels.get(_lang(language)).lower() if labels else attribute


@cache
def _skill_labels() -> dict[str, Any]:
    return {s.id: s.labels for s in starter().skills}


def skill_label(skill: str, language: str) -> str:
    labels = _skill_labels().get(skill)
    return labels.get(_lang(language)) if labels else skill
