"""Errors that carry the public error codes of API.md."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    """The public error codes (API.md "Errors")."""

    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    VALIDATION_FAILED = "VALIDATION_FAILED"
    CONFLICT = "CONFLICT"
    DUPLICATE = "DUPLICATE"
    RATE_LIMITED = "RATE_LIMITED"
    INTERNAL = "INTERNAL"


HTTP_STATUS: dict[ErrorCode, int] = {
    ErrorCode.UNAUTHENTICATED: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.VALIDATION_FAILED: 422,
    ErrorCode.CONFLICT: 409,
    ErrorCode.DUPLICATE: 409,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.INTERNAL: 500,
}


class ShouhuError(Exception):
    """A failure the caller should see, with its API code and a message in Chinese."""

    code: ErrorCode = ErrorCode.INTERNAL
    default_message = "内部错误"

    def __init__(
        self,
        message: str | None = None,
        *,
        fields: dict[str, str] | None = None,
        existing_id: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.message = message or self.default_message
        self.fields = fields or {}
        self.existing_id = existing_id
        self.extra = extra or {}
        super().__init__(self.message)

    @property
    def http_status(self) -> int:
        return HTTP_STATUS[self.code]

    def to_dict(self) -> dict[str, Any]:
        """The JSON body a service answers with, and the gateway's error extensions."""
        body: dict[str, Any] = {"code": self.code.value, "message": self.message}
        if self.fields:
            body["fields"] = self.fields
        if self.existing_id is not None:
            body["existingId"] = self.existing_id
        body.update(self.extra)
        return body

    @classmethod
    def from_dict(cls, body: dict[str, Any]) -> ShouhuError:
        """Rebuild an error a service answered with."""
        code = ErrorCode(body.get("code", ErrorCode.INTERNAL))
        error_class = _BY_CODE.get(code, Internal)
        known = {"code", "message", "fields", "existingId"}
        return error_class(
            body.get("message"),
            fields=body.get("fields"),
            existing_id=body.get("existingId"),
            extra={k: v for k, v in body.items() if k not in known},
        )


class Unauthenticated(ShouhuError):
    """No valid token (未认证)."""

    code = ErrorCode.UNAUTHENTICATED
    default_message = "未登录或令牌无效"


class Forbidden(ShouhuError):
    """The principal may not do this (无权限)."""

    code = ErrorCode.FORBIDDEN
    default_message = "无权执行此操作"


class NotFound(ShouhuError):
    """Nothing there, or nothing the principal may see (不存在)."""

    code = ErrorCode.NOT_FOUND
    default_message = "记录不存在"


class ValidationFailed(ShouhuError):
    """Bad input, with a message per field (校验失败)."""

    code = ErrorCode.VALIDATION_FAILED
    default_message = "输入有误"


class Conflict(ShouhuError):
    """A stale version (版本冲突)."""

    code = ErrorCode.CONFLICT
    default_message = "记录已被他人修改，请刷新后重试"


class Duplicate(ShouhuError):
    """The record exists already (重复)."""

    code = ErrorCode.DUPLICATE
    default_message = "记录已存在"


class RateLimited(ShouhuError):
    """Too many requests (请求过多)."""

    code = ErrorCode.RATE_LIMITED
    default_message = "请求过于频繁，请稍后再试"


class Internal(ShouhuError):
    """Anything unexpected; no detail leaks (内部错误)."""

    code = ErrorCode.INTERNAL


_BY_CODE: dict[ErrorCode, type[ShouhuError]] = {
    cls.code: cls
    for cls in (
        Unauthenticated,
        Forbidden,
        NotFound,
        ValidationFailed,
        Conflict,
        Duplicate,
        RateLimited,
        Internal,
    )
}
