"""The project's own vocabularies, shipped as versioned YAML data with a schema:

- the plain-language **starter skill vocabulary** (entry-level and carvable work, fi/sv/en), which
  works before any ESCO import and links to ESCO concepts once one is imported;
- the **functional-demand vocabulary**: the attributes on which task demands and a person's
  capacities are rated 0-5, with anchored levels, imbalance types and O/T/B measures.

What a job seeker reads of them (skill names; the capacity questions, their levels, groups and the
adjustments) is also in the journey languages, from ``data/translations/<language>.yaml``.

Neither holds diagnoses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from kohtaanto.core.language import FALLBACK, JOURNEY_LANGUAGES, reader
from kohtaanto.core.vocabulary import Level

DATA = Path(__file__).parent / "data"
_ID = re.compile(r"^[a-z][a-z0-9_]*\.[a-z0-9_]+$")


class VocabularyError(ValueError):
    pass


class LabelTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    fi: str = Field(min_length=1)
    sv: str = Field(min_length=1)
    en: str = Field(min_length=1)
    ru: str = ""
    et: str = ""
    ar: str = ""
    uk: str = ""
    so: str = ""

    def get(self, language: str) -> str:
        return str(getattr(self, reader(language)) or getattr(self, FALLBACK))


class AltLabels(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    fi: list[str] = Field(default_factory=list)
    sv: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)


class StarterSkill(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    domain: str
    labels: LabelTexts
    descriptions: LabelTexts
    alt_labels: AltLabels = AltLabels()
    esco_hint: str = ""

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("an id is 'domain.name' in lower case")
        return value

    @model_validator(mode="after")
    def _domain_matches(self) -> StarterSkill:
        if self.id.split(".")[0] != self.domain:
            raise ValueError(f"id {self.id!r} does not start with its domain {self.domain!r}")
        return self

    @property
    def uri(self) -> str:
        return f"urn:kohtaanto:skill:{self.id}"


class StarterVocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int
    skills: list[StarterSkill]

    @model_validator(mode="after")
    def _unique(self) -> StarterVocabulary:
        seen: set[str] = set()
        for skill in self.skills:
            if skill.id in seen:
                raise ValueError(f"duplicate skill id {skill.id!r}")
            seen.add(skill.id)
        return self


Imbalance = Literal["motor", "visual", "auditory", "verbal", "cognitive", "energetic", "organic"]
Group = Literal[
    "physical",
    "sensory_communication",
    "cognitive",
    "work_style",
    "social",
    "task_structure",
    "environment",
    "organisation",
]


class Measure(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    type: Literal["O", "T", "B"]
    text: LabelTexts
    support: Literal["work_arrangement_tools", "work_arrangement_help", "none"] = "none"


class Exposure(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    share: str
    labels: LabelTexts


class Attribute(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    group: Group
    imbalance: Imbalance
    uses_exposure: bool = True
    safety: bool = False  # safety-relevant: the induction and the risk card name it
    labels: LabelTexts
    question: LabelTexts
    levels: dict[int, LabelTexts]
    measures: list[Measure] = Field(min_length=1)
    crosswalk: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _levels(self) -> Attribute:
        if sorted(self.levels) != [0, 1, 2, 3, 4, 5]:
            raise ValueError(f"{self.id}: levels must be exactly 0-5")
        if self.id.split(".")[0] != self.group:
            raise ValueError(f"{self.id}: the id must start with its group")
        unknown = set(self.crosswalk) - {"icf", "onet", "melba", "imba"}
        if unknown:
            raise ValueError(f"{self.id}: unknown crosswalk {sorted(unknown)[0]!r}")
        return self


class AttributeGroup(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: Group
    title: LabelTexts


class TaskQuestion(BaseModel):
    """A plain question an employer answers about a task; "how often" sets ``attribute`` at ``level``."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z][a-z_]*$")
    attribute: str
    level: Level = Field(ge=1)
    text: LabelTexts


class DemandVocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int
    levels_meaning: LabelTexts
    exposure: list[Exposure]
    groups: list[AttributeGroup]
    task_questions: list[TaskQuestion]
    attributes: list[Attribute]

    @model_validator(mode="after")
    def _unique(self) -> DemandVocabulary:
        ids = [a.id for a in self.attributes]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if duplicates:
            raise ValueError(f"duplicate attribute id {sorted(duplicates)[0]!r}")
        if sorted(g.id for g in self.groups) != sorted({a.group for a in self.attributes}):
            raise ValueError("groups must list each attribute group once")
        for question in self.task_questions:
            if question.attribute not in ids:
                raise ValueError(f"task question {question.id!r}: unknown attribute {question.attribute!r}")
        if len({q.id for q in self.task_questions}) != len(self.task_questions):
            raise ValueError("duplicate task question id")
        return self

    def group_title(self, group: str, language: str) -> str:
        return next(g.title.get(language) for g in self.groups if g.id == group)

    def task_question(self, question_id: str) -> TaskQuestion:
        for question in self.task_questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def attribute(self, attribute_id: str) -> Attribute:
        for attribute in self.attributes:
            if attribute.id == attribute_id:
                return attribute
        raise KeyError(attribute_id)


def load_model(
    path: Path, model: type[BaseModel], translate: Callable[[Any], None] | None = None
) -> BaseModel:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise VocabularyError(f"{path}:{mark.line + 1 if mark else 1}: not valid YAML") from None
    if translate is not None and isinstance(data, dict):
        translate(data)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise VocabularyError(f"{path}: {where}: {first['msg']} ({exc.error_count()} problem(s))") from None


@cache
def translations(language: str) -> dict[str, Any]:
    """A journey language's texts of both vocabularies (empty when there are none)."""
    path = DATA / "translations" / f"{language}.yaml"
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise VocabularyError(f"{path}: a translation file is a mapping")
    return data


def _put(texts: Any, language: str, text: Any, where: str) -> None:
    if not isinstance(texts, dict) or not isinstance(text, str) or not text:
        raise VocabularyError(f"translations/{language}.yaml: {where}: no such text to translate")
    texts[language] = text


def _translate_skills(data: Any) -> None:
    skills = {s.get("id"): s for s in data.get("skills", []) if isinstance(s, dict)}
    for language in JOURNEY_LANGUAGES:
        for skill_id, label in (translations(language).get("skills") or {}).items():
            if skill_id not in skills:
                raise VocabularyError(f"translations/{language}.yaml: unknown skill {skill_id!r}")
            _put(skills[skill_id].get("labels"), language, label, str(skill_id))


def _translate_demands(data: Any) -> None:
    groups = {g.get("id"): g for g in data.get("groups", [])}
    exposure = {e.get("id"): e for e in data.get("exposure", [])}
    attributes = {a.get("id"): a for a in data.get("attributes", [])}
    for language in JOURNEY_LANGUAGES:
        texts = translations(language).get("demands") or {}
        if texts.get("levels_meaning"):
            _put(data.get("levels_meaning"), language, texts["levels_meaning"], "levels_meaning")
        for group, title in (texts.get("groups") or {}).items():
            _put(groups.get(group, {}).get("title"), language, title, f"group {group}")
        for item, label in (texts.get("exposure") or {}).items():
            _put(exposure.get(item, {}).get("labels"), language, label, f"exposure {item}")
        for attribute_id, parts in (texts.get("attributes") or {}).items():
            attribute = attributes.get(attribute_id)
            if attribute is None:
                raise VocabularyError(f"translations/{language}.yaml: unknown attribute {attribute_id!r}")
            for field in ("labels", "question"):
                if parts.get(field):
                    _put(attribute.get(field), language, parts[field], f"{attribute_id} {field}")
            for level, text in (parts.get("levels") or {}).items():
                _put(attribute["levels"].get(int(level)), language, text, f"{attribute_id} level {level}")
            for index, text in enumerate(parts.get("measures") or []):
                if index >= len(attribute["measures"]):
                    raise VocabularyError(f"translations/{language}.yaml: {attribute_id}: too many measures")
                _put(attribute["measures"][index].get("text"), language, text, f"{attribute_id} measure")


def load_starter(path: Path | None = None) -> StarterVocabulary:
    translate = _translate_skills if path is None else None
    return load_model(path or DATA / "starter_skills.yaml", StarterVocabulary, translate)  # type: ignore[return-value]


def load_demands(path: Path | None = None) -> DemandVocabulary:
    translate = _translate_demands if path is None else None
    return load_model(path or DATA / "functional_demands.yaml", DemandVocabulary, translate)  # type: ignore[return-value]


@cache
def starter() -> StarterVocabulary:
    return load_starter()


@cache
def demands() -> DemandVocabulary:
    return load_demands()


@cache
def _attribute_labels() -> dict[str, LabelTexts]:
    return {a.id: a.labels for a in demands().attributes}


def attribute_label(attribute: str, language: str) -> str:
    """An attribute's name in lower case, to stand inside a sentence (an unknown id stays as it is)."""
    labels = _attribute_labels().get(attribute)
    return labels.get(language).lower() if labels else attribute


def level_text(attribute: str, level: int, language: str) -> str:
    """What one level of an attribute means in plain words ("Up to 5 kg, for example a bag of shopping"),
    with the first letter in lower case to stand inside a sentence; the bare number for an unknown id."""
    try:
        text = demands().attribute(attribute).levels[level].get(language)
    except KeyError:
        return str(level)
    return text[:1].lower() + text[1:]


@cache
def _skill_labels() -> dict[str, LabelTexts]:
    return {s.id: s.labels for s in starter().skills}


def skill_label(skill: str, language: str) -> str:
    labels = _skill_labels().get(skill)
    return labels.get(language) if labels else skill
