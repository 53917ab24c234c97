"""Compatibility of event payload schemas: a published version may grow, never break."""

from __future__ import annotations

from typing import Any


def _shape(prop: dict[str, Any]) -> Any:
    """What a consumer relies on in a property: its type and format (or its reference)."""
    return {k: prop.get(k) for k in ("type", "format", "$ref", "anyOf", "items", "enum")}


def incompatibilities(published: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """Why `current` would break a consumer written against `published`; empty when it would not."""
    problems: list[str] = []
    old_props: dict[str, Any] = published.get("properties", {})
    new_props: dict[str, Any] = current.get("properties", {})
    new_required = set(current.get("required", []))
    for name in published.get("required", []):
        if name not in new_props:
            problems.append(f"required field {name} was removed")
        elif name not in new_required:
            problems.append(f"required field {name} became optional")
    for name, prop in old_props.items():
        if name in new_props and _shape(prop) != _shape(new_props[name]):
            problems.append(f"field {name} changed type")
    added_required = new_required - set(published.get("required", []))
    problems.extend(f"new field {name} is required" for name in sorted(added_required))
    return problems
