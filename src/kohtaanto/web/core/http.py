"""Request types for type-checking views (Django builds the requests; these only describe them), and
the one way a view hands over a file (CSV, JSON, PDF)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django_htmx.middleware import HtmxDetails


class HtmxRequest(HttpRequest):
    """A request that passed django-htmx's middleware: ``htmx`` says whether htmx sent it."""

    htmx: HtmxDetails


CONTENT_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".pdf": "application/pdf",
}


def download(
    body: str | bytes, filename: str, *, inline: bool = False, spreadsheet: bool = False
) -> HttpResponse:
    """A file to save (or, ``inline``, to open in the browser), typed by its name's ending. A CSV meant
    for a ``spreadsheet`` starts with UTF-8's byte-order mark: without it Excel reads the file in the
    machine's legacy code page and shows "Ã¤" for "ä". Files for another system to read go without it."""
    from pathlib import PurePath

    if spreadsheet and isinstance(body, str):
        body = "\ufeff" + body
    response = HttpResponse(body, content_type=CONTENT_TYPES[PurePath(filename).suffix])
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    return response


def json_download(data: object, filename: str) -> HttpResponse:
    """``data`` as an indented UTF-8 JSON file to save."""
    import json

    return download(json.dumps(data, ensure_ascii=False, indent=2), filename)
