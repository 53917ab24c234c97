"""Wire conventions every service shares: camelCase, cursor pages, strict input without controls."""

from __future__ import annotations

import re
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    GetCoreSchemaHandler,
    field_validator,
)
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError, core_schema

# C0 controls but tab, line feed and carriage return; DEL and C1; the bidirectional embeddings,
# overrides and isolates (a name that reads one way and sorts another).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CONTROL_MESSAGE = "不能包含控制字符、空字符或文字方向控制符"

# The scalars JSON carries as themselves: a caller's `true` is no number and `"12"` no integer.
_STRICT_TYPES = frozenset({"int", "float", "bool"})


class Camel(BaseModel):
    """camelCase on the wire."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


class PageInfo(Camel):
    """Where a cursor page ends (Relay's page info)."""

    has_next_page: bool
    end_cursor: str | None


def plain_text(value: Any) -> Any:
    """A caller's text, or `VALIDATION_FAILED` naming the field when it hides control characters."""
    texts = value if isinstance(value, list | tuple) else [value]
    if any(isinstance(text, str) and _CONTROL.search(text) for text in texts):
        raise PydanticCustomError("control_characters", CONTROL_MESSAGE)
    return value


def _strict_scalars(schema: Any) -> Any:
    """A copy of a core schema whose integers, numbers and booleans take only themselves."""
    if isinstance(schema, dict):
        copied = {key: _strict_scalars(value) for key, value in schema.items()}
        if copied.get("type") in _STRICT_TYPES:
            copied["strict"] = True
        return copied
    if isinstance(schema, list):
        return [_strict_scalars(item) for item in schema]
    return schema


class Input(Camel):
    """What a caller sends: strict scalars, and text without NUL, controls or bidi controls.

    FastAPI validates the parsed JSON in Python mode, where pydantic's lax mode turns `true` into
    1 and `"12"` into 12. Integers, numbers and booleans here take only themselves; dates and
    enums still parse from their JSON text, as pydantic's strict JSON mode would (its strict
    Python mode would refuse every date and enum, which JSON can only carry as text).
    """

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[BaseModel], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        schema: core_schema.CoreSchema = _strict_scalars(handler(source))
        return schema

    @field_validator("*", mode="after")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        return plain_text(value)
