"""Errors carry their API codes across the HTTP hop."""

import pytest

from shouhu.platform.errors import (
    Conflict,
    Duplicate,
    ErrorCode,
    Forbidden,
    ShouhuError,
    ValidationFailed,
)


def test_validation_failed_names_fields():
    error = ValidationFailed(fields={"idNumber": "身份证号码格式或校验位不正确"})
    body = error.to_dict()
    assert body == {
        "code": "VALIDATION_FAILED",
        "message": "输入有误",
        "fields": {"idNumber": "身份证号码格式或校验位不正确"},
    }
    assert error.http_status == 422


@pytest.mark.parametrize(
    "error",
    [Forbidden(), Conflict(), Duplicate(existing_id="abc"), ValidationFailed(fields={"a": "b"})],
)
def test_errors_round_trip(error):
    again = ShouhuError.from_dict(error.to_dict())
    assert type(again) is type(error)
    assert again.to_dict() == error.to_dict()


def test_unknown_bodies_become_internal():
    assert ShouhuError.from_dict({}).code is ErrorCode.INTERNAL
