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
BOUNDS = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}


def _decimal_strings(node: dict[str, Any]) -> dict[str, Any]:
    options = node.get("anyOf")
    if not isinstance(options, list):
        return node
    numbers = [o for o in options if isinstance(o, dict) and o.get("type") == "number"]
    if not numbers:
        return node
    if any(set(n) & BOUNDS for n in numbers):
        # a bounded decimal: a string cannot carry the bound, so the document names numbers only (the
        # API still takes a decimal string, as a convenience it does not promise)
        kept = [o for o in options if not (isinstance(o, dict) and o.get("type") == "string")]
        return (
            {**node, "anyOf": kept}
            if len(kept) > 1
            else {**{k: v for k, v in node.items() if k != "anyOf"}, **kept[0]}
        )
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
    return inline(schema, schema.get("$defs", {}))


def require_request_bodies(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular post-processing hook: a request body whose schema has required fields is itself
    required (an empty request is a 400 naming them, as the document now says)."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            body = operation.get("requestBody") if isinstance(operation, dict) else None
            if not body:
                continue
            for media in body.get("content", {}).values():
                schema = media.get("schema", {})
                if "$ref" in schema:
                    schema = (
                        result.get("components", {})
                        .get("schemas", {})
                        .get(schema["$ref"].rsplit("/", 1)[-1], {})
                    )
                if schema.get("required"):
                    body["required"] = True
    return result
