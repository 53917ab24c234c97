"""Month rules of entitlements: when a grant starts, when it ends, what a change does.

- a first grant starts on the first day of the month of the decision (that month is paid in full);
- when the winner of an exclusive group changes, the old entitlement ends at the end of the month
  and the new one starts on the first of the next, so no month pays both;
- when a child exits, every entitlement ends at the end of the month of the exit.
Pure: the callers bring the day and the entitlements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from shouhu.benefits.rules.engine import Outcome, OutcomeKind
from shouhu.benefits.rules.schema import ProgrammeCode, Rules


class EntitlementStatus(StrEnum):
    """Where an entitlement stands on a day (待遇状态)."""

    SCHEDULED = "SCHEDULED"
    ACTIVE = "ACTIVE"
    ENDED = "ENDED"


class ChangeKind(StrEnum):
    """What happened to an entitlement (待遇变动)."""

    GRANTED = "GRANTED"
    ENDING = "ENDING"
    CANCELLED = "CANCELLED"
    RESUMED = "RESUMED"
    SHARE_CHANGED = "SHARE_CHANGED"
    STARTED = "STARTED"
    ENDED = "ENDED"


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month_start(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def month_end(day: date) -> date:
    return next_month_start(day) - timedelta(days=1)


def status_on(starts_on: date, ends_on: date | None, day: date) -> EntitlementStatus:
    """SCHEDULED before the start, ENDED after the end (or when it never started), else ACTIVE."""
    if ends_on is not None and (ends_on < day or ends_on < starts_on):
        return EntitlementStatus.ENDED
    if starts_on > day:
        return EntitlementStatus.SCHEDULED
    return EntitlementStatus.ACTIVE


@dataclass(frozen=True)
class Held:
    """An entitlement as the month rules see it."""

    id: str
    programme: ProgrammeCode
    starts_on: date
    ends_on: date | None
    share_percent: int

    def covers_month_of(self, day: date) -> bool:
        """Paid for at least one day of `day`'s month (hence for that whole month)."""
        if self.ends_on is not None and self.ends_on < self.starts_on:
            return False
        return self.starts_on <= month_end(day) and (
            self.ends_on is None or self.ends_on >= month_start(day)
        )


@dataclass(frozen=True)
class Change:
    """One change to one entitlement; `entitlement_id` is None for a new grant."""

    kind: ChangeKind
    programme: ProgrammeCode
    entitlement_id: str | None
    starts_on: date
    ends_on: date | None
    share_percent: int
    reason: str


def _ending_reason(outcome: Outcome | None, rules: Rules, end: date) -> str:
    if outcome is not None and outcome.superseded_by is not None:
        by = rules.programme(outcome.superseded_by).name
        if outcome.kind is OutcomeKind.SUPERSEDED:
            return f"择高原则，由{by}替代，待遇至{end.isoformat()}止"
        return f"与{by}不同时享受，待遇至{end.isoformat()}止"
    if outcome is not None and outcome.kind is OutcomeKind.PILOT_NOT_ENABLED:
        return f"试点停止，待遇至{end.isoformat()}止"
    return f"不再符合条件，待遇至{end.isoformat()}止"


def plan(
    rules: Rules,
    on: date,
    outcomes: Sequence[Outcome],
    held: Sequence[Held],
    exited_on: date | None,
) -> list[Change]:
    """The changes a decision made on `on` brings to the child's entitlements."""
    changes: list[Change] = []
    current = [h for h in held if h.ends_on is None or h.ends_on >= on]
    if exited_on is not None:
        end = month_end(exited_on)
        for h in current:
            if h.starts_on > end:
                if h.ends_on is None or h.ends_on >= h.starts_on:
                    cancel = h.starts_on - timedelta(days=1)
                    reason = f"儿童已退出保障范围（{exited_on.isoformat()}），待遇未开始即取消"
                    changes.append(
                        _change(ChangeKind.CANCELLED, h, cancel, h.share_percent, reason)
                    )
            elif h.ends_on is None or h.ends_on > end:
                reason = f"儿童已退出保障范围（{exited_on.isoformat()}），待遇至{end.isoformat()}止"
                changes.append(_change(ChangeKind.ENDING, h, end, h.share_percent, reason))
        return changes
    by_code = {o.programme: o for o in outcomes}
    granted = {o.programme: o for o in outcomes if o.granted}
    after: list[Held] = [h for h in held if h not in current]
    kept: set[ProgrammeCode] = set()
    for h in current:
        outcome = by_code.get(h.programme)
        if outcome is not None and outcome.granted and h.programme not in kept:
            kept.add(h.programme)
            never_started = h.ends_on is not None and h.ends_on < h.starts_on
            if h.ends_on is not None:
                reason = (
                    "重新符合条件，待遇继续" if not never_started else "重新符合条件，待遇照常开始"
                )
                changes.append(_change(ChangeKind.RESUMED, h, None, outcome.share_percent, reason))
            elif h.share_percent != outcome.share_percent:
                reason = f"补贴比例由{h.share_percent}%调整为{outcome.share_percent}%"
                changes.append(
                    _change(ChangeKind.SHARE_CHANGED, h, None, outcome.share_percent, reason)
                )
            after.append(Held(h.id, h.programme, h.starts_on, None, outcome.share_percent))
            continue
        if h.ends_on is not None:
            after.append(h)
            continue
        if h.starts_on > on:
            cancel = h.starts_on - timedelta(days=1)
            reason = _ending_reason(outcome, rules, cancel).replace(
                f"待遇至{cancel.isoformat()}止", "待遇未开始即取消"
            )
            changes.append(_change(ChangeKind.CANCELLED, h, cancel, h.share_percent, reason))
            after.append(Held(h.id, h.programme, h.starts_on, cancel, h.share_percent))
        else:
            end = month_end(on)
            reason = _ending_reason(outcome, rules, end)
            changes.append(_change(ChangeKind.ENDING, h, end, h.share_percent, reason))
            after.append(Held(h.id, h.programme, h.starts_on, end, h.share_percent))
    for code, outcome in granted.items():
        if code in kept:
            continue
        clash = any(rules.conflicts(code, h.programme) and h.covers_month_of(on) for h in after)
        start = next_month_start(on) if clash else month_start(on)
        reason = (
            f"自{start.isoformat()}起享受（本月由原待遇发放至月底）"
            if clash
            else f"自{start.isoformat()}起享受"
        )
        changes.append(
            Change(ChangeKind.GRANTED, code, None, start, None, outcome.share_percent, reason)
        )
        after.append(Held("", code, start, None, outcome.share_percent))
    return changes


def _change(kind: ChangeKind, h: Held, ends_on: date | None, share: int, reason: str) -> Change:
    return Change(kind, h.programme, h.id, h.starts_on, ends_on, share, reason)
