"""Plain-language reasons, in Finnish, Swedish and English, for tasks left out of a carved job."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kohtaanto.core import messages
from kohtaanto.core.formatting import weekday
from kohtaanto.taxonomy.vocabulary import attribute_label, level_text, skill_label

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
            for level in ("demand", "capacity"):
                if level in params:
                    params[f"{level}_text"] = level_text(params["attribute"], params[level], language)
            params["attribute"] = attribute_label(params["attribute"], language)
        if "day" in params:
            params["day"] = weekday(params["day"], language)
        if "skill" in params:
            params["skill"] = skill_label(params["skill"], language)
        return messages.load(MESSAGES).render(self.code, language, **params)


def message(code: str, language: str, **params: Any) -> str:
    return messages.load(MESSAGES).render(code, language, **params)
