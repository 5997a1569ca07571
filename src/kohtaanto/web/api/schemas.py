"""OpenAPI request schemas from the pydantic models that validate the API's input, so the document
says what the API accepts.

pydantic's JSON schema is inlined (OpenAPI documents here carry no ``$defs``), and a decimal field,
which pydantic describes as "a number or any string", is described as "a number or a string of a
decimal number": the API refuses other strings, so the document must not promise them.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

DECIMAL_STRING = r"^[+-]?(\d+(\.\d*)?|\.\d+)$"


def _decimal_strings(node: dict[str, Any]) -> dict[str, Any]:
    options = node.get("anyOf")
    if not isinstance(options, list):
        return node
    numbers = any(isinstance(o, dict) and o.get("type") == "number" for o in options)
    if not numbers:
        return node
    fixed = [
        {**o, "pattern": DECIMAL_STRING}
        if isinstance(o, dict) and o.get("type") == "string" and not ({"pattern", "enum", "format"} & set(o))
        else o
        for o in options
    ]
    return {**node, "anyOf": fixed}


def inline(node: Any, defs: dict[str, Any]) -> Any:
    """``node`` with every ``$ref`` replaced by its definition (our models never recurse)."""
    if isinstance(node, dict):
        if "$ref" in node:
            return inline(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
        return _decimal_strings({key: inline(value, defs) for key, value in node.items() if key != "$defs"})
    if isinstance(node, list):
        return [inline(item, defs) for item in node]
    return node


def model_schema(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
    return inline(schema, schema.get("$defs", {}))  # type: ignore[no-any-return]
