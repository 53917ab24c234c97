"""The live hub: one per process, it finds what has committed and hands each stream its share."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import signal
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

import jwt
from opentelemetry import trace
from opentelemetry.instrumentation.utils import suppress_instrumentation
from sqlalchemy import ColumnElement, Engine
from sqlmodel import Session

from shouhu.notifications.inapp import service as inapp
from shouhu.notifications.inapp.schemas import NotificationOut
from shouhu.notifications.live import repository
from shouhu.platform.auth import Principal
from shouhu.platform.paging import decode_seq_cursor

log = logging.getLogger(__name__)
tracer = trace.get_tracer("shouhu.notifications.live")

PAGE = 500  # notifications per `visible_since` call
PROBE = 1000  # seqs settled per look at most; a full look is followed by another at once
CONDITIONS = 500  # principals' conditions per query of a look (PostgreSQL: 1,664 columns)
MAX_PENDING = 1000  # held for one slow stream; past it, the stream reads what it missed itself
RETRY_SECONDS = 1.0  # after a failed look (the database away), not every poll

Seen = tuple[int, NotificationOut]


def seq_of(notification: NotificationOut) -> int:
    return decode_seq_cursor("notification", notification.cursor)


def token_expiry(token: str) -> float | None:
    """When a verified token expires (epoch seconds), read from its claims; None if it says not."""
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return None
    exp = claims.get("exp")
    return float(exp) if isinstance(exp, int | float) else None


class Gaps:
    """Where committed seqs run without a hole, a hole allowed `grace` seconds to fill."""

    # PostgreSQL hands out seqs when rows are inserted, not when they commit: 11 may be visible
    # while 10 is still committing. Moving past 10 at once would lose it for every stream, so the
    # hub stops at a hole until it fills, or until it is older than the grace (a rolled-back
    # insert leaves a hole for good). SQLite writes one transaction at a time: no holes.

    def __init__(self, grace: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.grace = grace
        self.clock = clock
        self._seen_at: dict[int, float] = {}  # a hole's first seq → when it was first seen

    def settle(self, settled: int, seqs: Sequence[int]) -> int:
        """The last seq up to which every notification has committed (or never will)."""
        now = self.clock()
        for seq in seqs:
            if seq <= settled:
                continue
            if seq != settled + 1:
                since = self._seen_at.setdefault(settled + 1, now)
                if now - since < self.grace:
                    break
                log.info("notification seqs %d-%d never committed; moving on", settled + 1, seq - 1)
            settled = seq
        self._seen_at = {hole: at for hole, at in self._seen_at.items() if hole > settled}
        return settled


@dataclass(eq=False)
class Subscriber:
    """One open stream: what the hub holds for it, up to which seq, and whether it must read."""

    principal: Principal  # without its token: the streams of one person share their reads
    queued_to: int  # everything up to here is sent or in `pending`, unless `hole`
    hole: bool  # it must read (queued_to, settled] itself: it is new, or it fell behind
    pending: list[NotificationOut] = field(default_factory=list)
    wake: asyncio.Event = field(default_factory=asyncio.Event)


@dataclass
class _Look:
    """What one look found: the seqs now settled, and each streaming principal's share."""

    after: int
    upto: int
    shares: dict[Principal, list[Seen]]
    full: bool


class Hub:
    """Looks for new notifications every `poll_seconds`; each stream gets those it may see."""

    # One look per process and poll, whoever listens: one index range scan when nothing is new.
    # When something is, one query reads the new notifications and one more says, for every
    # distinct principal streaming, which of them it may see (`visible_to`, the rule
    # `visible_since` reads by, as a column per principal); then each stream is handed its
    # share in memory. Each replica looks at the database itself, so a notification written
    # anywhere reaches the streams of every replica.

    def __init__(
        self,
        engine: Engine,
        *,
        poll_seconds: float = 0.05,
        gap_grace_seconds: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._engine = engine
        self.poll_seconds = poll_seconds
        self.settled = 0
        self.closing = False
        self._gaps = Gaps(gap_grace_seconds, clock)
        self._subscribers: set[Subscriber] = set()
        # Each streaming principal's `visible_to`, built once: a look asks it of every one.
        self._conditions: dict[Principal, ColumnElement[bool]] = {}
        self._streams_of: Counter[Principal] = Counter()
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop = asyncio.Event()
        self._signals: dict[int, tuple[Any, Any]] = {}

    @property
    def streams(self) -> int:
        return len(self._subscribers)

    async def start(self) -> None:
        """Begin after the last committed notification; drain when the process is told to stop."""
        self._loop = asyncio.get_running_loop()
        self.settled = await asyncio.to_thread(self._last_seq)
        self._task = asyncio.create_task(self._run(), name="notifications-live-hub")
        self._drain_on_signals()

    async def stop(self) -> None:
        self.drain()
        for signum, (ours, previous) in self._signals.items():
            if signal.getsignal(signum) is ours:
                signal.signal(signum, previous)
        self._signals.clear()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def drain(self) -> None:
        """End every stream: the process is stopping, and its callers resume elsewhere."""
        self.closing = True
        self._stop.set()
        for subscriber in self._subscribers:
            subscriber.wake.set()

    def drain_soon(self) -> None:
        """`drain`, from any thread or a signal handler."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self.drain)

    def _drain_on_signals(self) -> None:
        # uvicorn lets open responses finish before the app's shutdown runs, and a stream never
        # finishes: so the streams end when the server is told to stop (its own handler runs
        # too). Only the main thread can listen; tests running the app in a thread do not.
        if threading.current_thread() is not threading.main_thread():
            return
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous = signal.getsignal(signum)

            def handler(number: int, frame: FrameType | None, previous: Any = previous) -> None:
                self.drain_soon()
                if callable(previous):
                    previous(number, frame)
                elif previous == signal.SIG_DFL:
                    signal.signal(number, signal.SIG_DFL)
                    signal.raise_signal(number)

            signal.signal(signum, handler)
            self._signals[signum] = (handler, previous)

    def subscribe(self, principal: Principal, after_seq: int | None) -> Subscriber:
        """A stream of what `principal` may see after `after_seq` (None: from now on)."""
        start = self.settled if after_seq is None else after_seq
        subscriber = Subscriber(
            principal=dataclasses.replace(principal, token=""),
            queued_to=start,
            hole=start < self.settled,
        )
        self._subscribers.add(subscriber)
        if subscriber.principal not in self._conditions:
            self._conditions[subscriber.principal] = inapp.visible_to(subscriber.principal)
        self._streams_of[subscriber.principal] += 1
        return subscriber

    def unsubscribe(self, subscriber: Subscriber) -> None:
        if subscriber not in self._subscribers:
            return
        self._subscribers.discard(subscriber)
        self._streams_of[subscriber.principal] -= 1
        if self._streams_of[subscriber.principal] <= 0:
            del self._streams_of[subscriber.principal]
            del self._conditions[subscriber.principal]

    async def catch_up(self, subscriber: Subscriber) -> AsyncIterator[list[NotificationOut]]:
        """What the subscriber missed up to the settled seq, a page at a time."""
        after, upto = subscriber.queued_to, self.settled
        # From here the hub queues what settles after `upto`; it is sent after these pages.
        subscriber.hole = False
        subscriber.queued_to = max(after, upto)
        while after < upto:
            page = await asyncio.to_thread(self._read, subscriber.principal, after, upto)
            if page:
                yield [notification for _, notification in page]
            if len(page) < PAGE:
                return
            after = page[-1][0]

    def _read(self, principal: Principal, after: int, upto: int) -> list[Seen]:
        with Session(self._engine) as session:
            page = inapp.visible_since(session, principal, after, PAGE)
        return [(seq, n) for n in page if (seq := seq_of(n)) <= upto]

    def _last_seq(self) -> int:
        with Session(self._engine) as session:
            return repository.last_seq(session)

    async def _run(self) -> None:
        while not self.closing:
            wait = self.poll_seconds
            try:
                if await self._look_and_hand_out():
                    wait = 0.0
            except Exception:
                log.exception("looking for new notifications failed")
                wait = RETRY_SECONDS
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(wait):
                    await self._stop.wait()

    async def _look_and_hand_out(self) -> bool:
        """One look; True when it was full and the next should follow at once."""
        look = await asyncio.to_thread(self._look, self.settled, dict(self._conditions))
        if look is None:
            return False
        self.settled = look.upto
        self._hand_out(look)
        return look.full

    def _look(self, settled: int, principals: dict[Principal, ColumnElement[bool]]) -> _Look | None:
        # The poll would be ten spans a second of nothing; a look that finds something is one.
        with suppress_instrumentation(), Session(self._engine) as session:
            seqs = repository.seqs_after(session, settled, PROBE)
            upto = self._gaps.settle(settled, seqs)
            if upto == settled:
                return None
        attributes = {"shouhu.live.seqs": upto - settled, "shouhu.live.principals": len(principals)}
        with (
            tracer.start_as_current_span("notifications live hand-out", attributes=attributes),
            suppress_instrumentation(),
            Session(self._engine) as session,
        ):
            shares = self._shares(session, settled, upto, principals)
        return _Look(settled, upto, shares, full=len(seqs) == PROBE)

    @staticmethod
    def _shares(
        session: Session, after: int, upto: int, principals: dict[Principal, ColumnElement[bool]]
    ) -> dict[Principal, list[Seen]]:
        """What each principal may see in (after, upto], oldest first, by its condition."""
        shares: dict[Principal, list[Seen]] = {p: [] for p in principals}
        if not principals:
            return shares
        rows = [(n.seq or 0, inapp.to_out(n)) for n in repository.between(session, after, upto)]
        listed = list(principals.items())
        for start in range(0, len(listed), CONDITIONS):
            chunk = listed[start : start + CONDITIONS]
            met = repository.meeting(session, after, upto, [c for _, c in chunk])
            for seq, notification in rows:
                for (principal, _), sees in zip(chunk, met.get(seq, ()), strict=False):
                    if sees:
                        shares[principal].append((seq, notification))
        return shares

    def _hand_out(self, look: _Look) -> None:
        for subscriber in self._subscribers:
            if subscriber.hole or subscriber.queued_to >= look.upto:
                continue
            share = look.shares.get(subscriber.principal)
            if (
                share is None  # it came while the hub looked: it reads this itself
                or subscriber.queued_to < look.after
                or len(subscriber.pending) + len(share) > MAX_PENDING
            ):
                subscriber.hole = True
                subscriber.wake.set()
                continue
            fresh = [n for seq, n in share if seq > subscriber.queued_to]
            subscriber.queued_to = look.upto
            if fresh:
                subscriber.pending.extend(fresh)
                subscriber.wake.set()


async def follow(
    hub: Hub,
    principal: Principal,
    after_seq: int | None,
    *,
    heartbeat_seconds: float,
    expires_at: float | None,
) -> AsyncIterator[list[NotificationOut]]:
    """What `principal` may see after `after_seq` as it commits; [] once subscribed, and idle."""
    subscriber = hub.subscribe(principal, after_seq)
    try:
        yield []  # subscribed: from here nothing is missed, and the caller may be told so
        while not hub.closing:
            subscriber.wake.clear()
            if subscriber.pending:
                rows, subscriber.pending = subscriber.pending, []
                yield rows
            elif subscriber.hole:
                async for rows in hub.catch_up(subscriber):
                    yield rows
            else:
                wait = heartbeat_seconds
                if expires_at is not None:
                    # A stream lives no longer than its token: the caller comes back with a new one.
                    wait = min(wait, expires_at - time.time())
                    if wait <= 0:
                        return
                try:
                    async with asyncio.timeout(wait):
                        await subscriber.wake.wait()
                except TimeoutError:
                    yield []
    finally:
        hub.unsubscribe(subscriber)
