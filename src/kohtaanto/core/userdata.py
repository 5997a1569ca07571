"""Reading YAML and JSON documents that users give (situations, workplaces, settings files), and the
CSV files they upload (:func:`csv_reader`), and CSV files made for people to open (:func:`csv_writer`).

Such a document is data, not a program: anchors and aliases are refused (a few lines of aliases can
expand to billions of values when validated), nesting deeper than the decoder can follow is an error, not a
crash, and documents over ``MAX_BYTES`` are refused before parsing. Every failure is a
:class:`DocumentError` with a one-line reason.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import yaml

MAX_BYTES = 5_000_000


class DocumentError(ValueError):
    pass


class _DataLoader(yaml.SafeLoader):
    """YAML's safe loader without anchors and aliases."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise DocumentError(f"anchors and aliases are not allowed (line {mark.line + 1})")
        return super().compose_node(parent, index)


def load(text: str, json_only: bool = False) -> Any:
    """The document's value; JSON is valid YAML, so one reader serves both unless ``json_only``."""
    if len(text) > MAX_BYTES:
        raise DocumentError(f"the document is over {MAX_BYTES // 1_000_000} MB")
    try:
        if json_only:
            return json.loads(text)
        return yaml.load(text, Loader=_DataLoader)  # noqa: S506 - a SafeLoader subclass
    except RecursionError:
        raise DocumentError("the document is nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise DocumentError(f"not valid JSON at line {exc.lineno}, column {exc.colno}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise DocumentError(f"not valid YAML or JSON{where}") from None


def csv_reader(data: bytes, error: type[Exception]) -> csv.DictReader[str]:
    """Rows of an uploaded CSV file (UTF-8, with or without a BOM; comma, semicolon or tab), by header.
    Line breaks inside quoted fields are kept as data. A file that is not UTF-8 raises ``error``; a
    malformed row raises :class:`csv.Error` while reading, which the caller turns into ``error``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error("the file is not UTF-8 text") from None
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)


_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: object) -> object:
    """A cell for a CSV file a person opens in a spreadsheet: text that a spreadsheet would run as a
    formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, so a name
    like ``=HYPERLINK(...)`` typed into kohtaanto stays text. Numbers are left as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def csv_writer(out: Any) -> Any:
    """``csv.writer`` whose rows go through :func:`csv_cell`."""
    writer = csv.writer(out)

    class Safe:
        def writerow(self, row: Any) -> Any:
            return writer.writerow([csv_cell(v) for v in row])

    return Safe()
