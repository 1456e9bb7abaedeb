"""Every input is bounded in the published schema (issue #17 item 4, review M1–M3): each string a
route takes — path, query, header, cookie or body, nested at any depth — has a maximum length,
an enumeration, a fixed format or an anchored pattern without open repetition; each list a
maximum number of items; each map keys from an enumeration or a maximum number of keys. A
route added without a cap fails here, naming the route and the field."""

from __future__ import annotations

import re
from typing import Any

import pytest

from services import registry
from shared.openapi_export import openapi_document

BOUNDED_FORMATS = {"uuid", "date", "date-time", "binary"}

BOUNDED_ELSEWHERE = {
    ("intake", "POST /information", "summary"): "the request's size limit (413) caps the body",
}
"""Fields bounded by something the schema does not show, and why."""

OPEN_REPETITION = re.compile(r"(?<!\\)[*+]|\{\d+,\}")


def _bounded_pattern(pattern: str) -> bool:
    return pattern.startswith("^") and pattern.endswith("$") and not OPEN_REPETITION.search(pattern)


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def unbounded(document: dict[str, Any], schema: dict[str, Any], where: str) -> list[str]:
    """The places under `schema` that take input without a cap."""
    schema = _resolve(document, schema)
    found = [
        place
        for key in ("anyOf", "oneOf", "allOf")
        for sub in schema.get(key, [])
        for place in unbounded(document, sub, where)
    ]
    kind = schema.get("type")
    if kind == "string":
        capped = (
            "maxLength" in schema
            or "enum" in schema
            or "const" in schema
            or schema.get("format") in BOUNDED_FORMATS
            or _bounded_pattern(schema.get("pattern", ""))
        )
        if not capped:
            found.append(where)
    elif kind == "array":
        if "maxItems" not in schema:
            found.append(f"{where}[]")
        found += unbounded(document, schema.get("items", {}), f"{where}[]")
    elif kind == "object" or "properties" in schema:
        for name, sub in schema.get("properties", {}).items():
            found += unbounded(document, sub, f"{where}.{name}")
        values = schema.get("additionalProperties")
        if isinstance(values, dict):
            keys = _resolve(document, schema.get("propertyNames", {}))
            if "maxProperties" not in schema and "enum" not in keys:
                found.append(f"{where}{{}}")
            found += unbounded(document, values, f"{where}{{}}")
    return found


def inputs_of(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(route, where, schema) for every parameter and request body of every operation."""
    taken = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            route = f"{method.upper()} {path}"
            for parameter in operation.get("parameters", []):
                where = f"{parameter['in']}:{parameter['name']}"
                taken.append((route, where, parameter.get("schema", {})))
            for content in operation.get("requestBody", {}).get("content", {}).values():
                taken.append((route, "body", content.get("schema", {})))
    return taken


@pytest.mark.parametrize("service", registry.NAMES)
def test_every_input_of_every_route_is_bounded(service: str) -> None:
    document = openapi_document(service)
    problems = [
        f"{route} {place}"
        for route, where, schema in inputs_of(document)
        for place in unbounded(document, schema, where)
        if (service, route, place.removeprefix("body.")) not in BOUNDED_ELSEWHERE
    ]
    assert document["paths"], f"{service} publishes no routes"
    assert problems == []


def test_the_walk_finds_what_is_unbounded() -> None:
    """The check itself: an unbounded string, list, map or open pattern is found, nested."""
    document: dict[str, Any] = {
        "components": {"schemas": {"Inner": {"type": "object", "properties": {
            "free": {"type": "string"},
            "tags": {"type": "array", "items": {"type": "string", "maxLength": 5}},
            "open": {"type": "string", "pattern": "^a+$"},
            "notes": {"type": "object", "additionalProperties": {"type": "string"}},
            "capped": {"type": "string", "maxLength": 9},
            "kind": {"type": "string", "enum": ["a"]},
            "fixed": {"type": "string", "pattern": "^(19|20)\\d{2}-Q[1-4]$"},
        }}}}
    }  # fmt: skip
    schema = {"anyOf": [{"$ref": "#/components/schemas/Inner"}, {"type": "null"}]}
    assert unbounded(document, schema, "body") == [
        "body.free", "body.tags[]", "body.open", "body.notes{}", "body.notes{}",
    ]  # fmt: skip
