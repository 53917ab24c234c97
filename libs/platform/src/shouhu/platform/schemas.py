"""Wire conventions every service shares: camelCase, cursor pages, strict input, plausible days."""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Protocol

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    GetCoreSchemaHandler,
    StringConstraints,
    ValidationError,
    field_validator,
)
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError, core_schema

from shouhu.platform.clock import birthday, today
from shouhu.platform.mobile import MOBILE_ERROR

# C0 controls but tab, line feed and carriage return; DEL and C1; the bidirectional embeddings,
# overrides and isolates (a name that reads one way and sorts another).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CONTROL_MESSAGE = "不能包含控制字符、空字符或文字方向控制符"

# The scalars JSON carries as themselves: a caller's `true` is no number and `"12"` no integer.
_STRICT_TYPES = frozenset({"int", "float", "bool"})

EARLIEST_DAY = date(1900, 1, 1)  # no record of this network is older
FUTURE_YEARS = 10  # how far ahead a planned day may lie


class Camel(BaseModel):
    """camelCase on the wire."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


class Edge(Protocol):
    """A page's edge: what its cursor is."""

    @property
    def cursor(self) -> str: ...


class PageInfo(Camel):
    """Where a cursor page ends (Relay's page info)."""

    has_next_page: bool
    end_cursor: str | None

    @classmethod
    def of(cls, edges: Sequence[Edge], *, more: bool) -> PageInfo:
        """The page info of a page's edges; `more` when a row beyond them was read."""
        return cls(has_next_page=more, end_cursor=edges[-1].cursor if edges else None)


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


# ---- bounds said in a field's own words ---------------------------------------------------

# The errors of a bound declared with `Field` (and so in the OpenAPI document): a range, a length,
# a number of items, a pattern.
_BOUND_ERRORS = frozenset(
    {
        "greater_than",
        "greater_than_equal",
        "less_than",
        "less_than_equal",
        "string_too_short",
        "string_too_long",
        "string_pattern_mismatch",
        "too_short",
        "too_long",
    }
)
CURSOR_MAX_LENGTH = 200  # an opaque cursor of ours is well under it
DIVISION_CODE = r"^\d{6}(\d{3}){0,2}$"  # the district, a town or a village (API.md)
DIVISION_CODE_SAID = "区划代码应为6、9或12位数字"


@dataclass(frozen=True)
class Said:
    """A bound's refusal in the field's own words, as `Annotated[int, Field(le=100), Said(...)]`.

    The bound stays a `Field` constraint, so the schema declares it; only its message changes.
    """

    message: str

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_wrap_validator_function(self._say, handler(source))

    def _say(self, value: Any, validate: core_schema.ValidatorFunctionWrapHandler) -> Any:
        try:
            return validate(value)
        except ValidationError as exc:
            if {error["type"] for error in exc.errors()} <= _BOUND_ERRORS:
                raise PydanticCustomError("out_of_bounds", self.message) from None
            raise


# A division code among many (a list's item), said in its own words.
DivisionCode = Annotated[str, StringConstraints(pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)]


# ---- days a caller gives ------------------------------------------------------------------


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _day_text(value: Any) -> Any:
    """A day as JSON carries it, YYYY-MM-DD (or a `date` from Python).

    Not a number, and not the other texts pydantic would read as a day: "0" (1970-01-01, a Unix
    time) or a midnight timestamp.
    """
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        return value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise PydanticCustomError("date_type", "日期格式应为 YYYY-MM-DD")


# A day as YYYY-MM-DD, with no bounds of its own (its reader checks them).
IsoDate = Annotated[date, BeforeValidator(_day_text)]


@dataclass(frozen=True)
class Day:
    """A day a caller gives, as ISO text, that can be true: from 1900 on, and not after today
    (or, `ahead`, at most ten years ahead); refused in words that name it (`label`).

    As `Annotated[date, Day("出生日期")]`; `PastDate` and `PlausibleDate` name none.
    """

    label: str = "日期"
    ahead: bool = False

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        checked = core_schema.no_info_after_validator_function(self.check, handler(source))
        return core_schema.no_info_before_validator_function(_day_text, checked)

    def check(self, day: date) -> date:
        """The day, or the reason it cannot be true."""
        said = {"label": self.label}
        if day < EARLIEST_DAY:
            raise PydanticCustomError("date_too_early", "{label}不能早于1900年1月1日", said)
        if not self.ahead and day > today():
            raise PydanticCustomError("date_in_future", "{label}不能晚于今天", said)
        if self.ahead and day > birthday(today(), FUTURE_YEARS):  # that day, ten years on
            raise PydanticCustomError(
                "date_too_late", f"{{label}}不能晚于{FUTURE_YEARS}年后的今天", said
            )
        return day


# A day that has happened: a birth, a visit, the start of a term (1900 to today).
PastDate = Annotated[date, Day()]
# A day that may lie ahead: a due date, a planned end (1900 to ten years from today).
PlausibleDate = Annotated[date, Day(ahead=True)]
# The error types above, each with its message in Chinese; `field_errors` says them as they are.
DATE_ERRORS = frozenset({"date_type", "date_too_early", "date_in_future", "date_too_late"})
# Every error type whose message the platform's validators wrote in Chinese themselves.
SAID_ERRORS = DATE_ERRORS | {"control_characters", "out_of_bounds", MOBILE_ERROR}


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
PDF = "application/pdf"


class ExportOut(Camel):
    """A file as JSON, for callers that carry no files (the gateway): base64 content."""

    filename: str
    media_type: str
    content_base64: str

    @classmethod
    def of(cls, filename: str, media_type: str, content: bytes) -> ExportOut:
        return cls(
            filename=filename,
            media_type=media_type,
            content_base64=base64.b64encode(content).decode(),
        )
