"""In-app notifications: who sees which, pages, read state, redelivery."""

from datetime import datetime

from sqlmodel import Session, select

from shouhu.notifications.handlers import on_child_registered
from shouhu.notifications.models import Notification
from shouhu.notifications.testing import registered as _registered
from shouhu.platform.transport import Message
from shouhu.platform.worker import EventConsumer


def test_the_village_supervisor_sees_only_their_village(notifications, as_user, deliver, holders):
    deliver(_registered("110109001001", 1), _registered("110109101001", 2))
    mine = notifications.get("/notifications", headers=as_user("supervisor.110109001001")).json()
    assert [e["node"]["childId"] for e in mine["edges"]] == ["child-1"]
    assert mine["totalCount"] == 1
    assert mine["unreadCount"] == 1
    # A district user holds no village supervisor's post.
    theirs = notifications.get("/notifications", headers=as_user("admin.district")).json()
    assert theirs["edges"] == []


def test_pages_go_newest_first_with_cursors(notifications, as_user, deliver, holders):
    deliver(*(_registered("110109001001", n) for n in range(5)))
    headers = as_user("supervisor.110109001001")
    first = notifications.get("/notifications", params={"first": 2}, headers=headers).json()
    assert [e["node"]["childId"] for e in first["edges"]] == ["child-4", "child-3"]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = notifications.get(
        "/notifications",
        params={"first": 10, "after": first["pageInfo"]["endCursor"]},
        headers=headers,
    ).json()
    assert [e["node"]["childId"] for e in rest["edges"]] == ["child-2", "child-1", "child-0"]
    assert rest["pageInfo"] == {"hasNextPage": False, "endCursor": rest["edges"][-1]["cursor"]}


def test_bad_page_arguments_are_validation_failed(notifications, as_user):
    headers = as_user("supervisor.110109001001")
    for params in ({"first": 0}, {"first": 101}, {"after": "garbage"}):
        response = notifications.get("/notifications", params=params, headers=headers)
        assert response.status_code == 422
        assert response.json()["code"] == "VALIDATION_FAILED"


def test_marking_read(notifications, as_user, deliver, holders):
    deliver(_registered("110109001001", 1))
    headers = as_user("supervisor.110109001001")
    node = notifications.get("/notifications", headers=headers).json()["edges"][0]["node"]
    read = notifications.post(f"/notifications/{node['id']}/read", headers=headers)
    assert read.status_code == 200
    assert read.json()["readAt"] is not None
    unread = notifications.get("/notifications", params={"unreadOnly": True}, headers=headers)
    assert unread.json()["totalCount"] == 0
    # Someone else's notification is not found, and stays unread.
    other = notifications.post(
        f"/notifications/{node['id']}/read", headers=as_user("supervisor.110109101001")
    )
    assert other.status_code == 404


def test_a_redelivered_event_notifies_once(notifications, holders):
    consumer = EventConsumer(
        "notifications",
        notifications.app.state.engine,
        {"registry.child.registered": on_child_registered},
    )
    envelope = _registered("110109001001", 1)
    message = Message(topic="shouhu.registry", key="child-1", value=envelope.to_bytes())
    consumer.handle(message)
    consumer.handle(message)
    with Session(notifications.app.state.engine) as session:
        assert len(session.exec(select(Notification)).all()) == 1


def test_a_notification_reads_back_with_its_zone(notifications, as_user, deliver, holders):
    deliver(_registered("110109001001", 1))
    headers = as_user("supervisor.110109001001")
    (edge,) = notifications.get("/notifications", headers=headers).json()["edges"]
    assert datetime.fromisoformat(edge["node"]["createdAt"]).utcoffset() is not None
    read = notifications.post(f"/notifications/{edge['node']['id']}/read", headers=headers)
    assert read.status_code == 200, read.text
    (edge,) = notifications.get("/notifications", headers=headers).json()["edges"]
    assert datetime.fromisoformat(edge["node"]["readAt"]).utcoffset() is not None
