"""A server-rendered, accessible API reference built from the OpenAPI schema.

Swagger UI and Redoc need inline scripts and styles (against our CSP) and fail axe checks
(missing ``lang``, nested interactive controls, low contrast); this page has none of that.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from drf_spectacular.generators import SchemaGenerator

_CACHE: dict[str, dict[str, Any]] = {}
METHODS = ("get", "post", "put", "patch", "delete")


def _ref_name(schema: dict[str, Any] | None) -> str:
    if not schema:
        return ""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"[{_ref_name(schema.get('items'))}]"
    if schema.get("allOf"):
        return _ref_name(schema["allOf"][0])
    return str(schema.get("type", ""))


def _json_schema(content: dict[str, Any] | None) -> dict[str, Any] | None:
    if not content:
        return None
    media = content.get("application/json") or next(iter(content.values()), {})
    return media.get("schema")


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    operations = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            operations.append(
                {
                    "id": op.get("operationId", f"{method}-{path}"),
                    "method": method.upper(),
                    "path": path,
                    "tag": (op.get("tags") or ["api"])[0],
                    "description": op.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "type": _ref_name(p.get("schema")),
                            "description": p.get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "request": _ref_name(_json_schema(op.get("requestBody", {}).get("content"))),
                    "responses": [
                        {
                            "code": code,
                            "description": r.get("description", ""),
                            "schema": _ref_name(_json_schema(r.get("content"))),
                        }
                        for code, r in sorted(op.get("responses", {}).items())
                    ],
                    "auth": bool(op.get("security")) and {} not in op.get("security", []),
                }
            )
    return operations


def _components(schema: dict[str, Any]) -> list[dict[str, Any]]:
    components = []
    for name, body in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(body.get("required", []))
        components.append(
            {
                "name": name,
                "enum": body.get("enum"),
                "description": body.get("description", ""),
                "properties": [
                    {
                        "name": prop,
                        "type": _ref_name(spec),
                        "required": prop in required,
                        "read_only": spec.get("readOnly", False),
                        "title": spec.get("title", ""),
                        "max_length": spec.get("maxLength"),
                    }
                    for prop, spec in body.get("properties", {}).items()
                ],
            }
        )
    return components


def reference(language: str) -> dict[str, Any]:
    if language not in _CACHE:
        schema = SchemaGenerator().get_schema(request=None, public=True)
        _CACHE[language] = {
            "info": schema["info"],
            "operations": _operations(schema),
            "components": _components(schema),
        }
    return _CACHE[language]


@require_GET
def api_reference(request: HttpRequest) -> HttpResponse:
    return render(request, "api/reference.html", reference(get_language() or "fi"))
