"""The live stream: what was missed, then what is new; another post's never; cleanup; shutdown."""

from __future__ import annotations

import itertools
import json
import os
import random
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from sqlmodel import Session

from shouhu.notifications.handlers import on_child_registered
from shouhu.notifications.inapp import service as inapp
from shouhu.notifications.live import service as live_service
from shouhu.notifications.live.service import Gaps, Hub
from shouhu.notifications.recipients.service import To
from shouhu.notifications.testing import registered as _registered
from shouhu.platform.auth import Principal
from shouhu.platform.events import Envelope
from shouhu.platform.idp import DEMO_USERS
from shouhu.platform.testing import eventually, free_port

VILLAGE = "110109001001"
OTHER_VILLAGE = "110109101001"
SUPERVISOR = "supervisor.110109001001"


def _deliver(app: Any, *envelopes: Envelope) -> None:
    """Apply events as the consumer does: the handler, then one commit."""
    with Session(app.state.engine) as session:
        for envelope in envelopes:
            on_child_registered(session, envelope)
        session.commit()


class Events:
    """The events of a Server-Sent Events response, read one at a time."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self._lines = response.iter_lines()

    def next(self) -> dict[str, str]:
        """The next event or comment, as its fields (a comment as `comment`)."""
        fields: dict[str, str] = {}
        for line in self._lines:
            if not line:
                if fields:
                    return fields
                continue
            name, _, value = line.partition(":")
            fields[name or "comment"] = value.removeprefix(" ")
        raise EOFError("the stream ended")

    def subscribed(self) -> None:
        """Wait for the comment that says the stream is subscribed."""
        assert "comment" in self.next()

    def notification(self) -> tuple[str, dict[str, Any]]:
        """The next notification event: its id and its data, comments skipped."""
        while True:
            fields = self.next()
            if "data" in fields:
                return fields["id"], json.loads(fields["data"])

    def ended(self) -> bool:
        try:
            while True:
                self.next()
        except EOFError:
            return True


@contextmanager
def stream(url: str, headers: dict[str, str], after: str | None = None) -> Iterator[Events]:
    params = {"after": after} if after else {}
    with (
        httpx.Client(timeout=httpx.Timeout(20.0)) as client,
        client.stream("GET", f"{url}/notifications/stream", params=params, headers=headers) as r,
    ):
        assert r.status_code == 200, r.read()
        assert r.headers["content-type"].startswith("text/event-stream")
        yield Events(r)


def _cursor_of_newest(url: str, headers: dict[str, str]) -> str:
    page = httpx.get(f"{url}/notifications", params={"first": 1}, headers=headers).json()
    cursor: str = page["edges"][0]["cursor"]
    return cursor


def test_the_stream_sends_what_was_missed_then_what_is_new(live, as_user):
    headers = as_user(SUPERVISOR)
    _deliver(live.app, _registered(VILLAGE, 1))
    seen = _cursor_of_newest(live.url, headers)
    _deliver(live.app, _registered(VILLAGE, 2))  # while away
    with stream(live.url, headers, after=seen) as events:
        cursor, missed = events.notification()
        assert missed["childId"] == "child-2"
        assert missed["kind"] == "CHILD_REGISTERED"
        assert cursor == missed["cursor"]
        _deliver(live.app, _registered(VILLAGE, 3))
        _, new = events.notification()
        assert new["childId"] == "child-3"


def test_without_a_cursor_only_new_ones_come(live, as_user):
    headers = as_user(SUPERVISOR)
    _deliver(live.app, _registered(VILLAGE, 1))
    with stream(live.url, headers) as events:
        events.subscribed()
        _deliver(live.app, _registered(VILLAGE, 2))
        _, first = events.notification()
        assert first["childId"] == "child-2"


def test_another_posts_notification_is_not_sent(live, as_user):
    with (
        stream(live.url, as_user(SUPERVISOR)) as mine,
        stream(live.url, as_user("supervisor.110109101001")) as theirs,
    ):
        mine.subscribed()
        theirs.subscribed()
        # In seq order: had the other village's been sent here, it would come first.
        _deliver(live.app, _registered(OTHER_VILLAGE, 1))
        _deliver(live.app, _registered(VILLAGE, 2))
        assert mine.notification()[1]["childId"] == "child-2"
        assert theirs.notification()[1]["childId"] == "child-1"


def test_a_long_absence_comes_back_page_by_page_in_order(live, as_user, monkeypatch):
    monkeypatch.setattr(live_service, "PAGE", 2)
    headers = as_user(SUPERVISOR)
    _deliver(live.app, _registered(VILLAGE, 0))
    seen = _cursor_of_newest(live.url, headers)
    _deliver(live.app, *(_registered(VILLAGE, n) for n in range(1, 6)))
    with stream(live.url, headers, after=seen) as events:
        missed = [events.notification()[1]["childId"] for _ in range(5)]
        assert missed == [f"child-{n}" for n in range(1, 6)]
        _deliver(live.app, *(_registered(VILLAGE, n) for n in range(6, 11)))
        new = [events.notification()[1]["childId"] for _ in range(5)]
        assert new == [f"child-{n}" for n in range(6, 11)]


def test_a_disconnected_stream_is_let_go(live, as_user):
    with stream(live.url, as_user(SUPERVISOR)) as events:
        events.subscribed()
        assert live.hub.streams == 1
    eventually(lambda: live.hub.streams == 0, timeout=10)


def test_draining_ends_every_stream(live, as_user):
    with stream(live.url, as_user(SUPERVISOR)) as events:
        events.subscribed()
        live.hub.drain_soon()
        assert events.ended()
    eventually(lambda: live.hub.streams == 0, timeout=10)


def test_a_stream_ends_when_its_token_expires(live, idp):
    user = next(u for u in DEMO_USERS if u.username == SUPERVISOR)
    headers = {"Authorization": f"Bearer {idp.issue(user, 'shouhu-console', lifetime=1)}"}
    with stream(live.url, headers) as events:
        assert events.ended()


def test_a_bad_cursor_or_no_token_is_refused_before_streaming(live, as_user):
    bad = httpx.get(
        f"{live.url}/notifications/stream", params={"after": "garbage"}, headers=as_user(SUPERVISOR)
    )
    assert bad.status_code == 422
    assert bad.json()["code"] == "VALIDATION_FAILED"
    assert "after" in bad.json()["fields"]
    anonymous = httpx.get(f"{live.url}/notifications/stream")
    assert anonymous.status_code == 401
    assert anonymous.json()["code"] == "UNAUTHENTICATED"


def test_the_hub_hands_out_exactly_what_visible_since_shows(notifications):
    """The hub's one query for all principals and `visible_since` apply one rule: visible_to."""
    rng = random.Random(10)
    roles = ["village_supervisor", "town_social_worker", "civil_affairs", "police"]
    divisions = ["110109", "110109001", "110109001001", "110109101001"]
    engine = notifications.app.state.engine
    with Session(engine) as session:
        for n in range(300):
            to = (
                To.person(rng.choice(["someone", "another"]))
                if n % 5 == 0
                else To.post(rng.choice(roles), rng.choice(divisions))
            )
            inapp.leave(
                session,
                to,
                kind="CHILD_REGISTERED",
                urgent=False,
                requires_ack=False,
                title="新登记儿童",
                body="正文",
                child_id=None,
                subject_ref=None,
                source_event_id=f"event-{n}",
            )
        session.commit()
    held = [frozenset(c) for k in range(3) for c in itertools.combinations(roles, k)]
    principals = [
        Principal(subject=f"{sorted(r)}@{d}", username="someone", roles=r, division_code=d)
        for r in held
        for d in divisions
    ]
    conditions = {p: inapp.visible_to(p) for p in principals}
    with Session(engine) as session:
        shares = Hub._shares(session, 0, 300, conditions)
        for principal in principals:
            shown = [n.cursor for n in inapp.visible_since(session, principal, None, 1000)]
            assert [n.cursor for _, n in shares[principal]] == shown, principal
    assert sum(map(len, shares.values())) > 300  # most notifications are seen, some twice


def test_a_hole_in_the_seqs_is_waited_for_then_passed():
    now = [0.0]
    gaps = Gaps(grace=5, clock=lambda: now[0])
    assert gaps.settle(10, [11, 12, 14, 15]) == 12  # 13 may still be committing
    now[0] = 4
    assert gaps.settle(12, [14, 15]) == 12
    assert gaps.settle(12, [13, 14, 15]) == 15  # it committed
    assert gaps.settle(15, [17]) == 15
    now[0] = 10
    assert gaps.settle(15, [17, 18]) == 18  # 16 never will


@pytest.fixture
def jwks_server(idp) -> Iterator[str]:
    """The test provider's keys over HTTP, for a service in its own process."""
    body = json.dumps(idp.jwks()).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/certs"
    server.shutdown()


def test_the_service_stops_on_sigterm_with_a_stream_open(tmp_path, jwks_server, as_user):
    port = free_port()
    env = {
        **os.environ,
        "SHOUHU_DATABASE_URL": f"sqlite:///{tmp_path / 'n.db'}",
        "SHOUHU_OIDC_JWKS_URL": jwks_server,
        "SHOUHU_RUN_WORKER": "false",
    }
    command = ["-m", "uvicorn", "--factory", "shouhu.notifications.app:create_app"]
    log = tmp_path / "uvicorn.log"
    process = subprocess.Popen(
        [sys.executable, *command, "--port", str(port)],
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        eventually(lambda: _answers(f"{url}/healthz"), timeout=60)
        with stream(url, as_user(SUPERVISOR)) as events:
            events.subscribed()
            process.send_signal(signal.SIGTERM)
            assert events.ended()
        # uvicorn shuts down, then raises the signal again as the process's own exit.
        assert process.wait(timeout=30) == -signal.SIGTERM
        assert "Application shutdown complete" in log.read_text()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False
