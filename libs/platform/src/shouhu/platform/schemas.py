"""Wire conventions every service shares: camelCase, cursor pages, input text without controls."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

# C0 controls but tab, line feed and carriage return; DEL and C1; the bidirectional embeddings,
# overrides and isolates (a name that reads one way and sorts another).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CONTROL_MESSAGE = "不能包含控制字符、空字符或文字方向控制符"


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


class Input(Camel):
    """What a caller sends: every text field refuses NUL, control characters and bidi controls."""

    @field_validator("*", mode="after")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        return plain_text(value)
