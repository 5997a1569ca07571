"""The API's JSON parser: DRF's, with input it cannot store reported as a parse error (a 400 with the
usual JSON body) instead of a crash: documents nested too deeply for the decoder, and text with a NUL
character (PostgreSQL's text cannot hold it) or an unpaired surrogate (not encodable as UTF-8)."""

from __future__ import annotations

import re
from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _unstorable(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _UNSTORABLE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


class SafeJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - the document is nested too deeply") from None
        if _unstorable(data):
            raise ParseError(
                "JSON parse error - text must not contain a NUL character (\\u0000) or an unpaired "
                "surrogate (\\ud800-\\udfff)"
            )
        return data
