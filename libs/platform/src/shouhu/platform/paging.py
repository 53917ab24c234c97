"""Opaque Relay cursors: a kind and a value, base64url-encoded."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

from shouhu.platform.errors import ValidationFailed


def encode_cursor(kind: str, value: str) -> str:
    """The cursor of a row: its kind and its position."""
    return base64.urlsafe_b64encode(f"{kind}:{value}".encode()).decode()


def decode_cursor(kind: str, cursor: str) -> str:
    """The position a cursor of this kind names; `VALIDATION_FAILED` on `after` otherwise."""
    try:
        found, _, value = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
    except (ValueError, binascii.Error) as exc:
        raise ValidationFailed(fields={"after": "游标无效"}) from exc
    if found != kind or not value:
        raise ValidationFailed(fields={"after": "游标无效"})
    return value


def decode_seq_cursor(kind: str, cursor: str) -> int:
    """A cursor whose position is a sequence number."""
    value = decode_cursor(kind, cursor)
    if not value.isdigit():
        raise ValidationFailed(fields={"after": "游标无效"})
    return int(value)


def encode_moment_cursor(kind: str, at: datetime, row_id: str) -> str:
    """The cursor of a row of a page newest first: its moment and its id."""
    return encode_cursor(kind, f"{at.isoformat()}|{row_id}")


def decode_moment_cursor(kind: str, cursor: str | None) -> tuple[datetime, str] | None:
    """The moment and id an `encode_moment_cursor` cursor names (None for no cursor)."""
    if cursor is None:
        return None
    at, _, row_id = decode_cursor(kind, cursor).partition("|")
    try:
        return datetime.fromisoformat(at), row_id
    except ValueError as exc:
        raise ValidationFailed(fields={"after": "游标无效"}) from exc
