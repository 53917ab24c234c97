"""A number filed elsewhere: no existence oracle, a transfer request the district decides."""

from datetime import date

from sqlmodel import Session, select

from shouhu.platform.testing import identity_number
from shouhu.registry import policy
from shouhu.registry.models import Child, DuplicateAnswer, TransferRequest

OTHER_TOWN_VILLAGE = "110109101001"


def make_child_input(*, seq: int = 7, village: str = "110109001001") -> dict[str, str]:
    birth = date(2013, 4, 9)
    return {
        "name": "王小红",
        "gender": "FEMALE",
        "birthDate": birth.isoformat(),
        "idNumber": identity_number(birth, male=False, seq=seq),
        "residenceDivisionCode": village,
    }


def _rows(registry, model):
    with Session(registry.app.state.engine) as session:
        return session.exec(select(model)).all()


def _filed_in_another_town(registry, as_user):
    """A child filed by the other town's supervisor, registered again by this village's."""
    first = registry.post(
        "/children",
        json=make_child_input(village=OTHER_TOWN_VILLAGE),
        headers=as_user("supervisor.110109101001"),
    )
    assert first.status_code == 201, first.text
    again = registry.post(
        "/children", json=make_child_input(), headers=as_user("supervisor.110109001001")
    )
    return first.json(), again


def test_a_duplicate_out_of_scope_names_no_file_and_asks_the_district(registry, as_user):
    first, again = _filed_in_another_town(registry, as_user)
    assert again.status_code == 409
    body = again.json()
    assert body["code"] == "DUPLICATE" and "existingId" not in body
    assert first["id"] not in again.text and OTHER_TOWN_VILLAGE not in again.text
    assert "区民政局" in body["message"]
    (transfer,) = _rows(registry, TransferRequest)
    assert body["transferRequestId"] == transfer.id
    assert (transfer.child_id, transfer.to_village) == (first["id"], "110109001001")
    assert len(_rows(registry, Child)) == 1


def test_the_same_request_twice_is_one_transfer_request(registry, as_user):
    _filed_in_another_town(registry, as_user)
    again = registry.post(
        "/children", json=make_child_input(), headers=as_user("supervisor.110109001001")
    )
    assert again.status_code == 409
    assert len(_rows(registry, TransferRequest)) == 1


def test_the_requester_sees_the_request_without_the_file(registry, as_user):
    _filed_in_another_town(registry, as_user)
    mine = registry.get("/transfer-requests", headers=as_user("supervisor.110109001001")).json()
    assert [(t["status"], t["childId"]) for t in mine] == [("PENDING", None)]
    theirs = registry.get("/transfer-requests", headers=as_user("supervisor.110109101001"))
    assert theirs.json() == []


def test_the_district_approves_and_the_file_moves(registry, as_user):
    first, again = _filed_in_another_town(registry, as_user)
    transfer_id = again.json()["transferRequestId"]
    town = registry.post(
        f"/transfer-requests/{transfer_id}/decision",
        json={"decision": "APPROVE"},
        headers=as_user("worker.110109001"),
    )
    assert town.status_code == 403
    decided = registry.post(
        f"/transfer-requests/{transfer_id}/decision",
        json={"decision": "APPROVE"},
        headers=as_user("admin.district"),
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["status"] == "APPROVED"
    moved = registry.get(f"/children/{first['id']}", headers=as_user("supervisor.110109001001"))
    assert moved.status_code == 200
    assert moved.json()["residenceDivisionCode"] == "110109001001"
    gone = registry.get(f"/children/{first['id']}", headers=as_user("supervisor.110109101001"))
    assert gone.status_code == 404
    twice = registry.post(
        f"/transfer-requests/{transfer_id}/decision",
        json={"decision": "REFUSE", "reason": "重复"},
        headers=as_user("admin.district"),
    )
    assert twice.status_code == 422


def test_the_district_refuses_with_a_reason(registry, as_user):
    first, again = _filed_in_another_town(registry, as_user)
    transfer_id = again.json()["transferRequestId"]
    bare = registry.post(
        f"/transfer-requests/{transfer_id}/decision",
        json={"decision": "REFUSE"},
        headers=as_user("admin.district"),
    )
    assert bare.status_code == 422 and "reason" in bare.json()["fields"]
    refused = registry.post(
        f"/transfer-requests/{transfer_id}/decision",
        json={"decision": "REFUSE", "reason": "家庭未迁居"},
        headers=as_user("admin.district"),
    )
    assert refused.json()["status"] == "REFUSED"
    stays = registry.get(f"/children/{first['id']}", headers=as_user("supervisor.110109101001"))
    assert stays.json()["residenceDivisionCode"] == OTHER_TOWN_VILLAGE


def test_duplicate_answers_are_rate_limited_per_person(registry, as_user, register):
    register(seq=1)
    headers = as_user("clerk.district")
    for _ in range(policy.DUPLICATE_ANSWERS_PER_HOUR):
        assert (
            registry.post("/children", json=make_child_input(seq=1), headers=headers).status_code
            == 409
        )
    # Now any registration with a number is refused, so that success tells nothing either.
    limited = registry.post("/children", json=make_child_input(seq=2), headers=headers)
    assert limited.status_code == 429 and limited.json()["code"] == "RATE_LIMITED"
    assert len(_rows(registry, DuplicateAnswer)) == policy.DUPLICATE_ANSWERS_PER_HOUR
    other = registry.post(
        "/children", json=make_child_input(seq=2), headers=as_user("admin.district")
    )
    assert other.status_code == 201


def test_changing_a_number_to_one_filed_elsewhere_names_no_file(registry, as_user, register):
    elsewhere = registry.post(
        "/children",
        json=make_child_input(seq=1, village=OTHER_TOWN_VILLAGE),
        headers=as_user("supervisor.110109101001"),
    ).json()
    mine = register(seq=2, by="supervisor.110109001001")
    changed = registry.patch(
        f"/children/{mine['id']}",
        params={"version": mine["version"]},
        json={"idNumber": make_child_input(seq=1)["idNumber"]},
        headers=as_user("supervisor.110109001001"),
    )
    assert changed.status_code == 409
    assert "existingId" not in changed.json() and elsewhere["id"] not in changed.text
