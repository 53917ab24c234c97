"""What every part of the schema shares: the resolver info type, pages, calls with context."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info
from strawberry.types.nodes import SelectedField

from shouhu.gateway.context import Context

Ctx = Info[Context, None]


@strawberry.type(description="Relay page information")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> PageInfo:
        return cls(has_next_page=row["hasNextPage"], end_cursor=row["endCursor"])


def operation_name(info: Ctx) -> str:
    """The GraphQL operation's name, else the field's: what the access log records."""
    operation = info.operation.name.value if info.operation and info.operation.name else None
    return operation or info.field_name


def selected(info: Ctx) -> set[str]:
    """The names of the fields selected directly under this one, through fragments too."""
    names: set[str] = set()

    def walk(selections: list[Any]) -> None:
        for selection in selections:
            if isinstance(selection, SelectedField):
                names.add(selection.name)
            else:  # a fragment spread or an inline fragment
                walk(selection.selections)

    for field in info.selected_fields:
        walk(field.selections)
    return names
