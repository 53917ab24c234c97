"""Opening and reading children's files: rules, scope and bad input."""

from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from shouhu.platform.events import OutboxRow
from shouhu.platform.testing import identity_number
from shouhu.registry.models import Child

VILLAGE = "110109001001"
BIRTH = date(2013, 4, 9)


def _input(**overrides):
    data = {
        "name": "王小红",
        "gender": "FEMALE",
        "birthDate": BIRTH.isoformat(),
        "idNumber": identity_number(BIRTH, male=False, seq=7),
        "residenceDivisionCode": VILLAGE,
    }
    data.update(overrides)
    return data


def _rows(registry, model):
    with Session(registry.app.state.engine) as session:
        return session.exec(select(model)).all()


def test_registering_writes_the_file_and_its_event_together(registry, as_user):
    response = registry.post("/children", json=_input(), headers=as_user("clerk.110109001"))
    assert response.status_code == 201, response.text
    child = response.json()
    assert child["idNumber"] == _input()["idNumber"]
    assert child["residenceDivisionCode"] == VILLAGE
    (stored,) = _rows(registry, Child)
    assert stored.id_number_cipher and _input()["idNumber"] not in stored.id_number_cipher
    events = [r for r in _rows(registry, OutboxRow) if r.key == child["id"]]
    assert [e.event_type for e in events] == ["registry.child.registered"]
    assert events[0].topic == "shouhu.registry"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": "   "}, "name", "姓名不能为空"),
        (
            {"birthDate": (date.today() + timedelta(days=2)).isoformat(), "idNumber": None},
            "birthDate",
            "出生日期不能晚于今天",
        ),
        ({"birthDate": "2000-01-01", "idNumber": None}, "birthDate", "已满18周岁，不属于保障范围"),
        ({"gender": "MALE"}, "idNumber", "身份证号码中的性别与性别不一致"),
        ({"residenceDivisionCode": "110109999999"}, "residenceDivisionCode", None),
        ({"residenceDivisionCode": "110109001"}, "residenceDivisionCode", None),
        ({"birthDate": "2013-02-30"}, "birthDate", None),
        ({"gender": "OTHER"}, "gender", "取值不在允许范围内"),
    ],
    ids=[
        "empty-name",
        "future-birth",
        "adult",
        "gender-mismatch",
        "unknown-village",
        "town-not-village",
        "impossible-date",
        "unknown-gender",
    ],
)
def test_bad_input_is_validation_failed_and_writes_nothing(
    registry, as_user, overrides, field, message
):
    response = registry.post(
        "/children", json=_input(**overrides), headers=as_user("clerk.district")
    )
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["code"] == "VALIDATION_FAILED"
    assert field in body["fields"]
    if message:
        assert body["fields"][field] == message
    assert _rows(registry, Child) == []
    assert _rows(registry, OutboxRow) == []


@pytest.mark.parametrize(
    "username",
    ["police.district", "education.district", "auditor.district", "reporter.school.110109001"],
)
def test_roles_that_do_not_keep_files_may_not_register(registry, as_user, username):
    response = registry.post("/children", json=_input(), headers=as_user(username))
    assert response.status_code == 403
    assert response.json()["code"] == "FORBIDDEN"
    assert _rows(registry, Child) == []


@pytest.mark.parametrize(
    ("username", "allowed"),
    [
        ("admin.district", True),
        ("clerk.district", True),
        ("clerk.110109001", True),
        ("worker.110109001", True),
        ("supervisor.110109001001", True),
        ("worker.110109101", False),
        ("supervisor.110109101001", False),
    ],
)
def test_writers_register_only_within_their_division(registry, as_user, username, allowed):
    response = registry.post("/children", json=_input(), headers=as_user(username))
    assert response.status_code == (201 if allowed else 403), response.text
    assert len(_rows(registry, Child)) == (1 if allowed else 0)


def test_the_same_identity_number_twice_is_duplicate(registry, as_user):
    first = registry.post("/children", json=_input(), headers=as_user("clerk.district")).json()
    again = registry.post("/children", json=_input(), headers=as_user("clerk.district"))
    assert again.status_code == 409
    assert again.json() == {
        "code": "DUPLICATE",
        "message": "该身份证号码已登记",
        "existingId": first["id"],
    }
    assert len(_rows(registry, Child)) == 1


@pytest.mark.parametrize(
    ("username", "status", "id_number"),
    [
        ("admin.district", 200, "full"),
        ("worker.110109001", 200, "full"),
        ("supervisor.110109001001", 200, "masked"),
        ("police.district", 200, "full"),
        ("education.district", 200, "masked"),
        ("health.district", 200, "masked"),
        ("worker.110109101", 404, None),
        ("supervisor.110109101001", 404, None),
        ("auditor.district", 403, None),
        ("reporter.school.110109001", 403, None),
    ],
)
def test_reading_a_file_follows_scope_and_field_policy(
    registry, as_user, username, status, id_number
):
    child = registry.post("/children", json=_input(), headers=as_user("clerk.district")).json()
    response = registry.get(f"/children/{child['id']}", headers=as_user(username))
    assert response.status_code == status, response.text
    if id_number == "full":
        assert response.json()["idNumber"] == _input()["idNumber"]
    elif id_number == "masked":
        number = _input()["idNumber"]
        assert response.json()["idNumber"] == f"{number[:6]}************"


def test_an_unknown_child_is_not_found(registry, as_user):
    response = registry.get("/children/nope", headers=as_user("admin.district"))
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"


def test_no_token_is_unauthenticated(registry):
    response = registry.post("/children", json=_input())
    assert response.status_code == 401
    assert response.json()["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "王\x00小红"),  # NUL
        ("name", "王小红\x1b[2J"),  # an escape sequence
        ("name", "\u202e红小王"),  # right-to-left override: reads one way, sorts another
        ("notes", "见\u2066附件\u2069"),  # an isolate
        ("notes", "\x7f"),
    ],
)
def test_text_with_control_characters_is_refused_naming_the_field(
    registry, as_user, child_input, field, value
):
    body = {**child_input(seq=41), field: value}
    response = registry.post("/children", json=body, headers=as_user("clerk.district"))
    assert response.status_code == 422, response.text
    assert response.json()["fields"] == {field: "不能包含控制字符、空字符或文字方向控制符"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"42", "应为 JSON 对象"),
        ('"王小红"'.encode(), "应为 JSON 对象"),
        (b"[]", "应为 JSON 对象"),
        (b"{bad", "请求体不是有效的 JSON"),
    ],
    ids=["number", "string", "list", "unparsable"],
)
def test_a_body_that_is_no_json_object_is_refused_naming_the_body(registry, as_user, body, message):
    headers = {**as_user("clerk.district"), "content-type": "application/json"}
    response = registry.post("/children", content=body, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json() == {
        "code": "VALIDATION_FAILED",
        "message": "输入有误",
        "fields": {"body": message},
    }


def test_multi_line_notes_stay_allowed(registry, as_user, child_input):
    body = {**child_input(seq=43), "notes": "第一行\n第二行\r\n\t缩进"}
    response = registry.post("/children", json=body, headers=as_user("clerk.district"))
    assert response.status_code == 201, response.text
