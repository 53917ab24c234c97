"""The payloads of the registry's child events as published: the hukou (added to v1, optional)
in `registry.child.registered` and `registry.child.updated`, and the committed schemas that say
so without breaking a consumer of the first v1."""

import json
from datetime import date
from pathlib import Path

from sqlmodel import Session, select

from shouhu.platform.contracts import incompatibilities
from shouhu.platform.events import OutboxRow
from shouhu.platform.testing import identity_number
from shouhu.registry.children.events import CHILD_REGISTERED, CHILD_UPDATED, EVENTS

SCHEMAS = Path(__file__).resolve().parents[1] / "events"
CLERK = "clerk.110109001"
BIRTH = date(2016, 3, 1)
HEBEI = "130102"


def _register(registry, as_user, seq: int, **extra) -> dict:
    data = {
        "name": "赵小燕",
        "gender": "FEMALE",
        "birthDate": BIRTH.isoformat(),
        "idNumber": identity_number(BIRTH, male=False, seq=seq),
        "residenceDivisionCode": "110109001001",
        **extra,
    }
    response = registry.post("/children", json=data, headers=as_user(CLERK))
    assert response.status_code == 201, response.text
    child: dict = response.json()
    return child


def _events(registry, child_id: str, event_type: str) -> list[dict]:
    with Session(registry.app.state.engine) as session:
        rows = session.exec(
            select(OutboxRow).where(OutboxRow.key == child_id, OutboxRow.event_type == event_type)
        ).all()
    return [json.loads(r.payload)["data"] for r in rows]


def test_registered_carries_the_hukou_or_null(registry, as_user):
    outside = _register(registry, as_user, 11, hukouDivisionCode=HEBEI)
    (event,) = _events(registry, outside["id"], CHILD_REGISTERED)
    assert event["hukouDivisionCode"] == HEBEI
    unknown = _register(registry, as_user, 12)
    (event,) = _events(registry, unknown["id"], CHILD_REGISTERED)
    assert "hukouDivisionCode" in event and event["hukouDivisionCode"] is None


def test_updated_carries_the_hukou_after_the_change(registry, as_user):
    child = _register(registry, as_user, 13)
    response = registry.patch(
        f"/children/{child['id']}",
        params={"version": child["version"]},
        json={"hukouDivisionCode": HEBEI, "reason": "户籍核实"},
        headers=as_user(CLERK),
    )
    assert response.status_code == 200, response.text
    (event,) = _events(registry, child["id"], CHILD_UPDATED)
    assert event["hukouDivisionCode"] == HEBEI and "hukouDivisionCode" in event["changed"]
    # Another change keeps telling the hukou as it stands.
    response = registry.patch(
        f"/children/{child['id']}",
        params={"version": child["version"] + 1},
        json={"name": "赵燕", "reason": "更名"},
        headers=as_user(CLERK),
    )
    assert response.status_code == 200, response.text
    assert [e["hukouDivisionCode"] for e in _events(registry, child["id"], CHILD_UPDATED)] == [
        HEBEI,
        HEBEI,
    ]


def test_the_hukou_is_optional_in_the_committed_schemas_and_v1_stays_compatible():
    for event_type in (CHILD_REGISTERED, CHILD_UPDATED):
        published = json.loads((SCHEMAS / f"{event_type}.v1.json").read_text(encoding="utf-8"))
        assert "hukouDivisionCode" in published["properties"]
        assert "hukouDivisionCode" not in published["required"]
        current = EVENTS[(event_type, 1)].model_json_schema(by_alias=True)
        assert incompatibilities(published, current) == []
        # A payload of the first v1, without the field, is still a valid one.
        assert (
            EVENTS[(event_type, 1)]
            .model_validate(
                {k: "x" if k != "changed" else [] for k in published["required"]}
                | {"birthDate": "2016-03-01"}
            )
            .hukou_division_code
            is None
        )
