"""Read carving files (YAML or JSON); every error names the file and the field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kohtaanto.carving.schema import CarvingPeopleFile, CatalogueFile, WorkplaceFile, field_errors
from kohtaanto.core import userdata

Model = TypeVar("Model", bound=BaseModel)


class CarvingInputError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def parse(data: Any, model: type[Model], where: str = "") -> Model:
    prefix = f"{where}: " if where else ""
    if not isinstance(data, dict):
        raise CarvingInputError([f"{prefix}expected a mapping at the top"])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise CarvingInputError([prefix + line for line in field_errors(exc)]) from None


def read(path: Path, model: type[Model]) -> Model:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CarvingInputError([f"{path}: cannot read ({exc.__class__.__name__})"]) from None
    try:
        data = userdata.load(text, json_only=path.suffix == ".json")
    except userdata.DocumentError as exc:
        raise CarvingInputError([f"{path}: {exc}"]) from None
    return parse(data, model, str(path))


def read_workplace(path: Path) -> WorkplaceFile:
    return read(path, WorkplaceFile)


def read_people(path: Path) -> CarvingPeopleFile:
    return read(path, CarvingPeopleFile)


def read_catalogue(path: Path) -> CatalogueFile:
    return read(path, CatalogueFile)


def read_pool(folder: Path) -> tuple[list[WorkplaceFile], CarvingPeopleFile]:
    """A pool folder: ``people.yaml`` (or .json) and one file per workplace."""
    files = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml", ".json"))
    people_files = [p for p in files if p.stem == "people"]
    if not people_files:
        raise CarvingInputError([f"{folder}: no people.yaml in the pool folder"])
    workplaces = [read_workplace(p) for p in files if p.stem != "people"]
    if not workplaces:
        raise CarvingInputError([f"{folder}: no workplace files in the pool folder"])
    ids = [w.workplace.id for w in workplaces]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise CarvingInputError([f"{folder}: workplace ids used twice: {', '.join(twice)}"])
    return workplaces, read_people(people_files[0])
