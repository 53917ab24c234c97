"""What every part of the schema shares: the resolver info type, pages, inputs as JSON."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Any, TypeVar, cast

import strawberry
from strawberry.types import Info
from strawberry.types.lazy_type import LazyType
from strawberry.types.nodes import SelectedField

from shouhu.gateway.context import Context

Ctx = Info[Context, None]
T = TypeVar("T")


@strawberry.type(description="Relay page information")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> PageInfo:
        return cls(has_next_page=row["hasNextPage"], end_cursor=row["endCursor"])


def connection(
    cls: Callable[..., T],
    page: dict[str, Any],
    edge: Callable[..., Any],
    node: Callable[[dict[str, Any]], Any],
    **more: Any,
) -> T:
    """A service's page (edges of rows and their cursors, pageInfo) as a schema connection."""
    return cls(
        edges=[edge(cursor=e["cursor"], node=node(e["node"])) for e in page["edges"]],
        page_info=PageInfo.from_row(page["pageInfo"]),
        **more,
    )


@strawberry.type(description="A file for download (an export, a receipt), base64-encoded")
class ExportFile:
    filename: str
    media_type: str
    content_base64: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ExportFile:
        return cls(
            filename=row["filename"],
            media_type=row["mediaType"],
            content_base64=row["contentBase64"],
        )


def deferred(awaitable: Awaitable[T]) -> T:
    """A resolver's answer that is not at hand yet, typed as the answer it becomes.

    graphql-core awaits whatever a resolver returns that is awaitable, so a field can answer at
    once when its value came with its record and costs no task, and only await when it must.
    """
    return cast(T, awaitable)


@functools.cache
def lazy(module: str, name: str) -> Any:
    """Another domain's type, imported when first used: cross-domain fields make no circle."""
    return LazyType(name, module).resolve_type()


def operation_name(info: Ctx) -> str:
    """The GraphQL operation's name, else the field's: what the access log records."""
    operation = info.operation.name.value if info.operation and info.operation.name else None
    return operation or info.field_name


def _fields(selections: list[Any]) -> list[SelectedField]:
    """The fields of a selection set, through fragment spreads and inline fragments."""
    found: list[SelectedField] = []
    for selection in selections:
        if isinstance(selection, SelectedField):
            found.append(selection)
        else:
            found += _fields(selection.selections)
    return found


def selected(info: Ctx, *path: str) -> set[str]:
    """The names of the fields selected under this one, or under `path` below it."""
    level = [
        child for field in _fields(info.selected_fields) for child in _fields(field.selections)
    ]
    for name in path:
        level = [
            child for field in level if field.name == name for child in _fields(field.selections)
        ]
    return {field.name for field in level}


def to_json(value: Any) -> Any:
    """A Strawberry input as the services' camelCase JSON; UNSET fields left out."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if hasattr(value, "__strawberry_definition__"):
        out = {}
        for name, item in vars(value).items():
            if item is strawberry.UNSET:
                continue
            head, *rest = name.split("_")
            out[head + "".join(p.title() for p in rest)] = to_json(item)
        return out
    return value


def to_date(value: str | None) -> datetime.date | None:
    """An optional ISO date of a service's answer."""
    return datetime.date.fromisoformat(value) if value else None


def to_datetime(value: str | None) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(value) if value else None
