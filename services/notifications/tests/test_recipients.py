"""Recipients: posts resolved to whoever holds them, up when nobody does; state per person."""

from sqlmodel import Session, select

from shouhu.notifications.models import Delivery, Notification, PostHolder
from shouhu.notifications.notify import notify
from shouhu.notifications.recipients.service import To
from shouhu.platform.events import Envelope

REGISTERED = {"childName": "王小红", "birthDate": "2015-01-01", "divisionName": "东辛房社区"}
HIGH_RISK = {"childName": "王小红", "divisionName": "东辛房社区", "visitDate": "2026-11-29"}


def _rows(client, model):
    with Session(client.app.state.engine) as session:
        return session.exec(select(model)).all()


def test_the_workforce_events_keep_the_holders(notifications, deliver, holders):
    deliver(
        Envelope(
            type="registry.workforce.ended",
            source="registry",
            subject="m-3",
            data={
                "memberId": "m-3",
                "divisionCode": "110109001001",
                "post": "SUPERVISOR",
                "role": "village_supervisor",
                "username": "supervisor.110109001001",
                "until": "2024-01-01",
            },
        )
    )
    ended = {h.member_id: h.until for h in _rows(notifications, PostHolder)}
    assert str(ended["m-3"]) == "2024-01-01" and ended["m-1"] is None


def test_a_village_without_a_supervisor_reaches_the_towns_worker(
    notifications, as_user, deliver, holders, registered
):
    # 110109001002 has nobody in the post: the notification goes up to 大峪's social worker.
    deliver(registered("110109001002", 1))
    (row,) = _rows(notifications, Notification)
    assert (row.recipient_role, row.recipient_division) == ("town_social_worker", "110109001")
    assert row.addressed_post == "village_supervisor@110109001002"
    worker = notifications.get("/notifications", headers=as_user("worker.110109001")).json()
    assert [e["node"]["childId"] for e in worker["edges"]] == ["child-1"]


def test_with_nobody_in_the_town_either_the_district_hears(
    notifications, as_user, deliver, registered
):
    deliver(registered("110109001001", 1))  # no holders at all
    (row,) = _rows(notifications, Notification)
    assert (row.recipient_role, row.recipient_division) == ("civil_affairs", "110109")
    admin = notifications.get("/notifications", headers=as_user("admin.district")).json()
    assert admin["totalCount"] == 1


def test_read_state_is_each_persons_own(
    notifications, as_user, as_role, deliver, holders, registered
):
    deliver(registered("110109001001", 1))
    one, other = as_user("supervisor.110109001001"), as_role("village_supervisor", "110109001001")
    node = notifications.get("/notifications", headers=one).json()["edges"][0]["node"]
    assert notifications.post(f"/notifications/{node['id']}/read", headers=one).status_code == 200
    mine = notifications.get("/notifications", params={"unreadOnly": True}, headers=one).json()
    theirs = notifications.get("/notifications", params={"unreadOnly": True}, headers=other)
    assert mine["totalCount"] == 0
    assert theirs.json()["totalCount"] == 1  # the post's other holder has not read it


def test_a_person_hears_what_is_addressed_to_them_alone(notifications, as_user, holders):
    with Session(notifications.app.state.engine) as session:
        notify(
            session,
            To.person("worker.110109001"),
            kind="CHILD_REGISTERED",
            variables=REGISTERED,
            source_event_id="e-1",
        )
        session.commit()
    assert (
        notifications.get("/notifications", headers=as_user("worker.110109001")).json()[
            "totalCount"
        ]
        == 1
    )
    # The other town's worker holds the same role elsewhere and sees nothing.
    assert (
        notifications.get("/notifications", headers=as_user("worker.110109101")).json()[
            "totalCount"
        ]
        == 0
    )


def test_an_sms_goes_to_each_mobile_of_the_post_and_never_to_a_landline(
    notifications, holders, deliver, assign
):
    deliver(assign("m-9", "110109001", "town_social_worker", None, "13900000009"))
    with Session(notifications.app.state.engine) as session:
        notify(
            session,
            To.post("town_social_worker", "110109001"),
            kind="VISIT_HIGH_RISK",
            variables=HIGH_RISK,
            source_event_id="e-1",
        )
        notify(
            session,
            To.post("town_social_worker", "110109101"),
            kind="VISIT_HIGH_RISK",
            variables=HIGH_RISK,
            source_event_id="e-2",
        )
        session.commit()
    addresses = sorted(d.address for d in _rows(notifications, Delivery))
    # 110109101's worker has a landline only (010-60861101): no SMS is planned for it.
    assert addresses == ["13601100101", "13900000009"]


def test_the_weekly_digest_reaches_each_supervisor_and_the_towns_worker(
    notifications, as_user, deliver, holders
):
    deliver(
        Envelope(
            type="registry.visits.overdue_digest",
            source="registry",
            subject="110109001",
            data={
                "week": "2026-W49",
                "townDivisionCode": "110109001",
                "villages": [
                    {"villageDivisionCode": "110109001001", "overdueCount": 3, "oldestDays": 40},
                    {"villageDivisionCode": "110109001002", "overdueCount": 2, "oldestDays": 90},
                ],
            },
        )
    )
    supervisor = notifications.get(
        "/notifications", headers=as_user("supervisor.110109001001")
    ).json()
    assert [e["node"]["kind"] for e in supervisor["edges"]] == ["VISITS_OVERDUE_DIGEST"]
    assert "3名儿童" in supervisor["edges"][0]["node"]["body"]
    worker = notifications.get("/notifications", headers=as_user("worker.110109001")).json()
    # Its own digest (5 in the town), and 110109001002's, which has no supervisor.
    bodies = sorted(e["node"]["body"] for e in worker["edges"])
    assert len(bodies) == 2 and any("5名儿童" in b and "90天" in b for b in bodies)


def test_a_post_filled_within_the_batch_is_reached_in_the_same_transaction(notifications):
    # The answer "nobody holds it" is kept for the transaction; an assignment forgets it.
    from datetime import date

    from shouhu.notifications.recipients import service as recipients
    from shouhu.notifications.recipients.schemas import WorkerAssigned

    village = To.post("village_supervisor", "110109001002")
    with Session(notifications.app.state.engine) as session:
        assert recipients.resolve(session, village).role == "civil_affairs"
        recipients.assigned(
            session,
            WorkerAssigned(
                member_id="m-9",
                division_code="110109001002",
                post="SUPERVISOR",
                role="village_supervisor",
                username="supervisor.110109001002",
                name="赵督导",
                phone="13800000009",
                since=date(2020, 1, 1),
            ),
        )
        assert recipients.resolve(session, village) == village
