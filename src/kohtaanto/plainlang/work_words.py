"""The core words of work for a carved job's language kit.

Each word is in plain Finnish and Swedish with a one-line explanation short enough to print under a
picture, and a gloss in English, Russian, Estonian, Arabic, Ukrainian and Somali (``data/work_words.yaml``).
A job's words are those of its tasks' skill domains and functional demands, then the general words of any
workplace. The glosses are drafts until a native speaker has reviewed them (``review``); the kit suggests
and glosses and never claims a selkokieli certification.

>>> [w.id for w in words_for(attributes={"environment.noise"}, skills={"kitchen.wash_dishes"})][:4]
['hygiene', 'hand_washing', 'dishwasher', 'kitchen']
>>> GLOSS_LANGUAGES, is_rtl("ar")
(('en', 'ru', 'et', 'ar', 'uk', 'so'), True)
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Final

import yaml
from pydantic import Field, model_validator

from kohtaanto.core.vocabulary import StrictModel

PATH = Path(__file__).with_name("data") / "work_words.yaml"
GLOSS_LANGUAGES: Final[tuple[str, ...]] = ("en", "ru", "et", "ar", "uk", "so")
NAMES: Final[dict[str, str]] = {  # each language's name in itself
    "en": "English",
    "ru": "русский",
    "et": "eesti",
    "ar": "العربية",
    "uk": "українська",
    "so": "Soomaali",
}
_RTL: Final[frozenset[str]] = frozenset({"ar"})


def is_rtl(language: str) -> bool:
    """Whether ``language`` is written right to left."""
    return language in _RTL


class WordText(StrictModel):
    word: str = Field(min_length=1, max_length=60)
    explain: str = Field(min_length=1, max_length=120)


class WorkWord(StrictModel):
    id: str = Field(pattern=r"^[a-z][a-z_]*$")
    always: bool = False
    attributes: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    fi: WordText
    sv: WordText
    gloss: dict[str, str]

    @model_validator(mode="after")
    def _complete(self) -> WorkWord:
        if sorted(self.gloss) != sorted(GLOSS_LANGUAGES):
            raise ValueError(f"{self.id}: a gloss in each of {', '.join(GLOSS_LANGUAGES)}")
        if not (self.always or self.attributes or self.skills):
            raise ValueError(f"{self.id}: say when the word is chosen (always, attributes or skills)")
        return self

    def text(self, language: str) -> WordText:
        """The word and its explanation in Swedish for ``sv``, else in Finnish."""
        return self.sv if language == "sv" else self.fi


class WorkWords(StrictModel):
    version: int
    languages: tuple[str, ...]
    review: dict[str, str]
    words: list[WorkWord]

    @model_validator(mode="after")
    def _unique(self) -> WorkWords:
        ids = [w.id for w in self.words]
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate word id")
        if tuple(self.languages) != GLOSS_LANGUAGES or sorted(self.review) != sorted(GLOSS_LANGUAGES):
            raise ValueError("languages and review must list the gloss languages")
        return self


@cache
def work_words(path: Path = PATH) -> WorkWords:
    return WorkWords.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def find_word(word_id: str) -> WorkWord | None:
    """A word of the list by its id, or None."""
    return next((w for w in work_words().words if w.id == word_id), None)


def words_for(*, attributes: Iterable[str], skills: Iterable[str], limit: int = 24) -> list[WorkWord]:
    """The words of a job whose tasks have ``attributes`` (demands of level 1 or more) and ``skills``
    (skill ids such as ``kitchen.wash_dishes``): the skill domains' words first, then the demands', then
    the general words, at most ``limit``, each once."""
    wanted_attributes = set(attributes)
    domains = {skill.split(".", 1)[0] for skill in skills}
    chosen: list[WorkWord] = []
    for test in (
        lambda w: bool(domains & set(w.skills)),
        lambda w: bool(wanted_attributes & set(w.attributes)),
        lambda w: w.always,
    ):
        chosen += [w for w in work_words().words if test(w) and w not in chosen]
    return chosen[:limit]
