"""Reading the official ESCO CSV download (any version from 1.0, any language).

A source is a zip, a folder of CSV files, or a folder of zips (as the ESCO portal ships the
classification and the relations separately). EscoConcept files carry the language in their name
(``skills_fi.csv``); relation files may or may not (``occupationSkillRelations.csv``).
Every format problem names the file, the line and the column.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

# The longest field of ESCO 1.2 is a few kilobytes; these bounds keep a damaged or hostile file (a
# small zip that expands to one line of hundreds of megabytes) from using memory in proportion to it.
MAX_FIELD = 1_000_000  # characters in one field
MAX_LINE = 2_000_000  # characters in one physical line
csv.field_size_limit(MAX_FIELD)

_NAME = re.compile(r"^(?P<base>[A-Za-z]+?)(?:_(?P<lang>[a-z]{2,3}(?:-[A-Za-z]+)?))?\.csv$")
_VERSION = re.compile(r"v?(\d+\.\d+(?:\.\d+)?)")

CONCEPT_FILES = {
    "skills": ("conceptUri", "preferredLabel"),
    "occupations": ("conceptUri", "preferredLabel"),
    "ISCOGroups": ("conceptUri", "preferredLabel"),
    "skillGroups": ("conceptUri", "preferredLabel"),
}
RELATION_FILES = {
    "occupationSkillRelations": ("occupationUri", "relationType", "skillUri"),
    "skillSkillRelations": ("originalSkillUri", "relationType", "relatedSkillUri"),
    "broaderRelationsOccPillar": ("conceptUri", "broaderUri"),
    "broaderRelationsSkillPillar": ("conceptUri", "broaderUri"),
}
IGNORED = {"conceptSchemes", "skillsHierarchy"}


class EscoFormatError(ValueError):
    """A file of the download is not in the ESCO CSV format."""


@dataclass(frozen=True)
class CsvFile:
    name: str  # shown in errors, e.g. "esco-v1.1.1-classification-en-csv.zip:skills_en.csv"
    base: str
    language: str | None
    open: Callable[[], IO[bytes]]


@dataclass(frozen=True)
class EscoConcept:
    uri: str
    kind: str  # skill, knowledge, occupation, isco_group, skill_group
    code: str = ""
    isco_group: str = ""
    reuse_level: str = ""
    status: str = ""


@dataclass
class LanguageData:
    preferred: dict[str, str] = field(default_factory=dict)
    alternative: dict[str, list[str]] = field(default_factory=dict)
    hidden: dict[str, list[str]] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)


def _opener(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], IO[bytes]]:
    def open_member() -> IO[bytes]:
        return archive.open(info)

    return open_member


def _file_opener(path: Path) -> Callable[[], IO[bytes]]:
    def open_file() -> IO[bytes]:
        return path.open("rb")

    return open_file


def _files_in_zip(path: Path) -> Iterator[CsvFile]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise EscoFormatError(f"{path}: not a zip file") from None
    for info in archive.infolist():
        inner = Path(info.filename).name
        match = _NAME.match(inner)
        if info.is_dir() or not match:
            continue
        yield CsvFile(f"{path.name}:{inner}", match["base"], match["lang"], _opener(archive, info))


def find_files(source: Path) -> list[CsvFile]:
    """Every ESCO CSV in a zip or folder (recursively, zips included)."""
    source = Path(source)
    if not source.exists():
        raise EscoFormatError(f"{source}: no such file or folder")
    paths = [source] if source.is_file() else sorted(p for p in source.rglob("*") if p.is_file())
    found: list[CsvFile] = []
    for path in paths:
        if path.suffix.lower() == ".zip":
            found.extend(_files_in_zip(path))
        elif (match := _NAME.match(path.name)) is not None:
            found.append(CsvFile(str(path), match["base"], match["lang"], _file_opener(path)))
    known = [
        f
        for f in found
        if f.base in CONCEPT_FILES or f.base in RELATION_FILES or f.base.endswith("Collection")
    ]
    if not known:
        raise EscoFormatError(f"{source}: no ESCO CSV files found (expected e.g. skills_en.csv)")
    return known


def source_version(source: Path) -> str | None:
    """The ESCO version of a download: from its path ("v1.1.1"), or from a README beside or inside it
    that names one ("Version: ESCO v1.1.0"), as the Finnish occupations pack does."""
    found = guess_version(source)
    if found:
        return found
    folder = source if source.is_dir() else source.parent
    readme = folder / "README.md"
    if readme.is_file():
        match = re.search(r"ESCO v?(\d+\.\d+\.\d+)", readme.read_text(encoding="utf-8", errors="replace"))
        if match:
            return match.group(1)
    return None


def guess_version(source: Path) -> str | None:
    for part in reversed(Path(source).resolve().parts):
        match = _VERSION.search(part)
        if match:
            return match.group(1)
    return None


def _bounded_lines(text: IO[str], name: str) -> Iterator[str]:
    """The file's lines, none read further than ``MAX_LINE`` characters."""
    number = 0
    while True:
        line = text.readline(MAX_LINE + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE:
            raise EscoFormatError(f"{name}:{number}: a line longer than {MAX_LINE} characters")
        yield line


def _rows(file: CsvFile, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    with file.open() as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        reader = csv.DictReader(_bounded_lines(text, file.name), strict=True)
        try:
            header = reader.fieldnames or []
            missing = [column for column in required if column not in header]
            if missing:
                raise EscoFormatError(f"{file.name}:1: missing column {missing[0]!r}")
            for row in reader:
                if None in row:
                    raise EscoFormatError(
                        f"{file.name}:{reader.line_num}: more fields than the header has columns "
                        f"({len(header)})"
                    )
                yield reader.line_num, row
        except csv.Error as exc:
            raise EscoFormatError(f"{file.name}:{reader.line_num}: {exc}") from None
        except UnicodeDecodeError as exc:
            raise EscoFormatError(f"{file.name}:{reader.line_num}: not UTF-8 ({exc.reason})") from None


def _uri(file: CsvFile, line: int, row: dict[str, str], column: str, header: list[str] | None = None) -> str:
    value = (row.get(column) or "").strip()
    if not value.startswith(("http://", "https://")):
        index = list(row).index(column) + 1 if column in row else "?"
        raise EscoFormatError(
            f"{file.name}:{line}: column {index} ({column}): {value!r} is not a concept URI"
        )
    return value


def _split(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").split("\n") if item.strip()]


def _kind(base: str, row: dict[str, str]) -> str:
    if base == "skills":
        return "knowledge" if row.get("skillType", "").strip() == "knowledge" else "skill"
    return {"occupations": "occupation", "ISCOGroups": "isco_group", "skillGroups": "skill_group"}[base]


def read_concepts(file: CsvFile) -> Iterator[tuple[EscoConcept, str, str, list[str], list[str], str]]:
    """(concept, language, preferred, alternative, hidden, description) for each row of a concept file."""
    language = file.language or "en"
    for line, row in _rows(file, CONCEPT_FILES[file.base]):
        uri = _uri(file, line, row, "conceptUri")
        preferred = (row.get("preferredLabel") or "").strip()
        if not preferred:
            index = list(row).index("preferredLabel") + 1
            raise EscoFormatError(f"{file.name}:{line}: column {index} (preferredLabel): empty label")
        concept = EscoConcept(
            uri,
            _kind(file.base, row),
            (row.get("code") or "").strip(),
            (row.get("iscoGroup") or "").strip(),
            (row.get("reuseLevel") or "").strip(),
            (row.get("status") or "").strip(),
        )
        yield (
            concept,
            language,
            preferred,
            _split(row.get("altLabels")),
            _split(row.get("hiddenLabels")),
            (row.get("description") or row.get("definition") or "").strip(),
        )


def read_relations(file: CsvFile) -> Iterator[tuple[str, str, str]]:
    """(source URI, relation, target URI) for each row of a relation file."""
    required = RELATION_FILES[file.base]
    for line, row in _rows(file, required):
        if file.base == "occupationSkillRelations":
            yield (
                _uri(file, line, row, "occupationUri"),
                f"{row['relationType'].strip() or 'related'}_skill",
                _uri(file, line, row, "skillUri"),
            )
        elif file.base == "skillSkillRelations":
            yield (
                _uri(file, line, row, "originalSkillUri"),
                f"{row['relationType'].strip() or 'related'}_related",
                _uri(file, line, row, "relatedSkillUri"),
            )
        else:
            yield _uri(file, line, row, "conceptUri"), "broader", _uri(file, line, row, "broaderUri")


def read_collection(file: CsvFile) -> Iterator[str]:
    for line, row in _rows(file, ("conceptUri",)):
        yield _uri(file, line, row, "conceptUri")
