"""The words someone wrote, in the language they wrote them, with any translations.

Stored as ``{"language": "sv", "text": "...", "translations": {"fi": "..."}}``. Older rows kept
only ``{"fi": "..."}`` (whatever the language typed); :meth:`Written.from_stored` reads both.

>>> w = Written.from_stored({"language": "sv", "text": "Bageri", "translations": {"fi": "Leipomo"}})
>>> w.get("fi"), w.get("sv"), w.get("en")
('Leipomo', 'Bageri', 'Bageri')
>>> Written.from_stored({"fi": "Leipomo"}).language
'fi'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kohtaanto.core.language import LANGUAGES, Language, is_language, resolve


@dataclass(frozen=True, slots=True)
class Written:
    language: Language
    text: str
    translations: Mapping[Language, str] = field(default_factory=dict)

    def get(self, language: str | None) -> str:
        """The text in ``language``: the original, a translation, else the original as written."""
        wanted = resolve(language)
        if wanted == self.language:
            return self.text
        return self.translations.get(wanted) or self.text

    def to_stored(self) -> dict[str, Any]:
        return {"language": self.language, "text": self.text, "translations": dict(self.translations)}

    @classmethod
    def from_stored(cls, data: Mapping[str, Any] | str | None, *, language: str = "fi") -> Written:
        """From the stored form; a bare string or a legacy ``{code: text}`` map is read too."""
        if data is None:
            return cls(language=resolve(language), text="")
        if isinstance(data, str):
            return cls(language=resolve(language), text=data)
        if "text" in data:
            translations = {
                code: str(value)
                for code, value in dict(data.get("translations") or {}).items()
                if is_language(code) and value
            }
            return cls(
                language=resolve(data.get("language")), text=str(data["text"]), translations=translations
            )
        present = [code for code in LANGUAGES if data.get(code)]
        if not present:
            return cls(language=resolve(language), text="")
        first = present[0]
        return cls(
            language=first,
            text=str(data[first]),
            translations={code: str(data[code]) for code in present[1:]},
        )
