"""Every GraphQL error carries its API code; unexpected ones leak nothing."""

import strawberry

from shouhu.gateway.errors import ErrorCodes
from shouhu.gateway.schema import build_schema
from shouhu.platform.errors import Duplicate, ValidationFailed


@strawberry.type
class Query:
    @strawberry.field
    def duplicate(self) -> str:
        raise Duplicate("该身份证号码已登记", existing_id="c-1")

    @strawberry.field
    def invalid(self) -> str:
        raise ValidationFailed(fields={"idNumber": "身份证号码格式或校验位不正确"})

    @strawberry.field
    def crash(self) -> str:
        raise RuntimeError("password=hunter2 at db host 10.0.0.1")


schema = strawberry.Schema(query=Query, extensions=[ErrorCodes])


def test_domain_errors_carry_code_and_details():
    result = schema.execute_sync("{ duplicate }")
    (error,) = result.errors
    assert error.message == "该身份证号码已登记"
    assert error.extensions == {"code": "DUPLICATE", "existingId": "c-1"}
    (error,) = schema.execute_sync("{ invalid }").errors
    assert error.extensions == {
        "code": "VALIDATION_FAILED",
        "fields": {"idNumber": "身份证号码格式或校验位不正确"},
    }


def test_unexpected_errors_are_internal_and_say_nothing():
    (error,) = schema.execute_sync("{ crash }").errors
    assert error.extensions == {"code": "INTERNAL"}
    assert "hunter2" not in error.message
    assert error.message == "内部错误"


def test_a_malformed_query_is_validation_failed():
    (error,) = schema.execute_sync("{ nosuchfield }").errors
    assert error.extensions["code"] == "VALIDATION_FAILED"


def test_deep_queries_are_refused():
    deep = "{ divisions { " + "parent { " * 12 + "code" + " }" * 12 + " } }"
    result = build_schema(max_depth=10).execute_sync(deep)
    assert result.errors
    assert result.errors[0].extensions["code"] == "VALIDATION_FAILED"
    assert "exceeds maximum operation depth" in result.errors[0].message
