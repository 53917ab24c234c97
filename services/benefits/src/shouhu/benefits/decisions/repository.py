"""SQL of the projection, decisions, eligibility and entitlements.

Re-deciding reads and writes thousands of rows per transaction, so this module works with plain
rows and statements that carry many rows at once, not with one ORM object per row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, delete, insert, or_, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col

from shouhu.benefits.models import (
    CalendarDay,
    ChildFacts,
    Decision,
    DecisionContent,
    Eligibility,
    Entitlement,
    Intervention,
)

FACTS = ChildFacts.__table__  # type: ignore[attr-defined]
DECISIONS = Decision.__table__  # type: ignore[attr-defined]
CONTENTS = DecisionContent.__table__  # type: ignore[attr-defined]
ENTITLEMENTS = Entitlement.__table__  # type: ignore[attr-defined]
HEAD = ("id", "decided_on", "rule_version", "facts_digest", "outcomes_digest", "conditions_met")
STORED = (
    "id",
    "child_id",
    "decided_on",
    "decided_at",
    "rule_version",
    "trigger",
    "facts_digest",
    "outcomes_digest",
    "conditions_met",
)


@dataclass
class FactsRow:
    """A child of the projection, as the rules read it."""

    child_id: str
    name: str
    birth_date: date
    residence_division_code: str
    town_code: str
    status: str
    exited_on: date | None
    classifications: list[dict[str, Any]]
    guardian_present: bool
    decision_id: str | None


@dataclass
class DecisionRow:
    """A stored decision (the current one, or one of the history)."""

    id: str
    child_id: str
    decided_on: date
    decided_at: datetime
    rule_version: str
    trigger: str
    facts: dict[str, Any]
    outcomes: list[dict[str, Any]]
    facts_digest: str
    outcomes_digest: str
    conditions_met: str


@dataclass
class DecisionHead:
    """What re-deciding needs of the current decision: its day and digests, no JSON."""

    id: str
    decided_on: date
    rule_version: str
    facts_digest: str
    outcomes_digest: str
    conditions_met: str


@dataclass
class EntitlementRow:
    """An entitlement, changed in place by a decision and written back in bulk."""

    id: str
    child_id: str
    programme: str
    kind: str
    administered_elsewhere: bool
    share_percent: int
    starts_on: date
    ends_on: date | None
    end_reason: str | None
    decision_id: str
    published_status: str
    created_at: datetime
    updated_at: datetime


def add(session: Session, row: object) -> None:
    session.add(row)


def facts(session: Session, child_id: str) -> ChildFacts | None:
    """The projection's row as an ORM object, for the event handlers' small updates."""
    return session.get(ChildFacts, child_id)


def _facts(session: Session, child_ids: Collection[str], *, lock: bool) -> list[FactsRow]:
    if not child_ids:
        return []
    query = select(*(FACTS.c[f] for f in FactsRow.__dataclass_fields__)).where(
        FACTS.c.child_id.in_(child_ids)
    )
    if lock:
        query = query.order_by(FACTS.c.child_id).with_for_update()
    return [FactsRow(*r) for r in session.execute(query)]


def facts_for_update(session: Session, child_ids: Collection[str]) -> list[FactsRow]:
    """The children's rows, locked in id order until the transaction ends (PostgreSQL)."""
    return _facts(session, child_ids, lock=True)


def facts_many(session: Session, child_ids: Collection[str]) -> list[FactsRow]:
    return _facts(session, child_ids, lock=False)


def intervention(session: Session, case_id: str) -> Intervention | None:
    return session.get(Intervention, case_id)


def interventions_of(session: Session, child_ids: Collection[str]) -> dict[str, list[Intervention]]:
    found: dict[str, list[Intervention]] = defaultdict(list)
    if not child_ids:
        return found
    rows = session.execute(
        select(Intervention).where(col(Intervention.child_id).in_(child_ids))
    ).scalars()
    for row in rows:
        found[row.child_id].append(row)
    return found


def heads(session: Session, ids: Collection[str]) -> dict[str, DecisionHead]:
    if not ids:
        return {}
    query = select(*(DECISIONS.c[f] for f in HEAD)).where(DECISIONS.c.id.in_(ids))
    return {r.id: DecisionHead(*r) for r in session.execute(query)}


def _with_contents() -> Any:
    facts, outcomes = CONTENTS.alias("facts"), CONTENTS.alias("outcomes")
    return (
        select(*(DECISIONS.c[f] for f in STORED[:6]), facts.c.body, outcomes.c.body)
        .add_columns(*(DECISIONS.c[f] for f in STORED[6:]))
        .join(facts, facts.c.digest == DECISIONS.c.facts_digest)
        .join(outcomes, outcomes.c.digest == DECISIONS.c.outcomes_digest)
    )


def decisions(session: Session, ids: Collection[str]) -> dict[str, DecisionRow]:
    """Decisions with their facts and outcomes."""
    if not ids:
        return {}
    query = _with_contents().where(DECISIONS.c.id.in_(ids))
    return {r.id: DecisionRow(*r) for r in session.execute(query)}


def history(session: Session, child_id: str, limit: int) -> list[DecisionRow]:
    query = (
        _with_contents()
        .where(DECISIONS.c.child_id == child_id)
        .order_by(DECISIONS.c.decided_at.desc(), DECISIONS.c.id.desc())
        .limit(limit)
    )
    return [DecisionRow(*r) for r in session.execute(query)]


def insert_decisions(session: Session, rows: Sequence[DecisionRow]) -> None:
    """The decisions, and each facts and outcomes body not kept yet."""
    if not rows:
        return
    bodies: dict[str, Any] = {}
    for row in rows:
        bodies[row.facts_digest] = row.facts
        bodies[row.outcomes_digest] = row.outcomes
    known = set(
        session.execute(select(CONTENTS.c.digest).where(CONTENTS.c.digest.in_(bodies))).scalars()
    )
    new = [{"digest": d, "body": b} for d, b in bodies.items() if d not in known]
    if new:
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        session.execute(dialect.insert(CONTENTS).on_conflict_do_nothing(), new)
    session.execute(insert(DECISIONS), [{f: getattr(r, f) for f in STORED} for r in rows])


def point_to_decisions(session: Session, pairs: Sequence[tuple[str, str, datetime]]) -> None:
    """Make each (child, decision) the child's current decision."""
    if pairs:
        session.execute(
            update(FACTS)
            .where(FACTS.c.child_id == bindparam("b_child"))
            .values(decision_id=bindparam("b_decision"), updated_at=bindparam("b_at")),
            [{"b_child": c, "b_decision": d, "b_at": at} for c, d, at in pairs],
        )


def eligibility_of(session: Session, child_ids: Collection[str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    if not child_ids:
        return found
    rows = session.execute(
        select(col(Eligibility.child_id), col(Eligibility.programme)).where(
            col(Eligibility.child_id).in_(child_ids)
        )
    )
    for child_id, programme in rows:
        found[child_id].add(programme)
    return found


def change_eligibility(
    session: Session, added: Sequence[tuple[str, str]], removed: Sequence[tuple[str, str]]
) -> None:
    """Add and remove (programme, child) pairs, each set in one statement."""
    if removed:
        session.execute(
            delete(Eligibility).where(
                tuple_(col(Eligibility.programme), col(Eligibility.child_id)).in_(removed)
            )
        )
    if added:
        session.execute(insert(Eligibility), [{"programme": p, "child_id": c} for p, c in added])


def entitlements_of(
    session: Session, child_ids: Collection[str]
) -> dict[str, list[EntitlementRow]]:
    found: dict[str, list[EntitlementRow]] = defaultdict(list)
    if not child_ids:
        return found
    query = (
        select(*(ENTITLEMENTS.c[f] for f in EntitlementRow.__dataclass_fields__))
        .where(ENTITLEMENTS.c.child_id.in_(child_ids))
        .order_by(ENTITLEMENTS.c.starts_on, ENTITLEMENTS.c.created_at)
    )
    for r in session.execute(query):
        row = EntitlementRow(*r)
        found[row.child_id].append(row)
    return found


def insert_entitlements(session: Session, rows: Sequence[EntitlementRow]) -> None:
    if rows:
        session.execute(insert(ENTITLEMENTS), [vars(r).copy() for r in rows])


def update_entitlements(session: Session, rows: Sequence[EntitlementRow]) -> None:
    """Write back what a decision may change of each entitlement."""
    if rows:
        session.execute(
            update(ENTITLEMENTS)
            .where(ENTITLEMENTS.c.id == bindparam("b_id"))
            .values(
                share_percent=bindparam("b_share"),
                ends_on=bindparam("b_ends"),
                end_reason=bindparam("b_reason"),
                decision_id=bindparam("b_decision"),
                published_status=bindparam("b_published"),
                updated_at=bindparam("b_at"),
            ),
            [
                {
                    "b_id": r.id,
                    "b_share": r.share_percent,
                    "b_ends": r.ends_on,
                    "b_reason": r.end_reason,
                    "b_decision": r.decision_id,
                    "b_published": r.published_status,
                    "b_at": r.updated_at,
                }
                for r in rows
            ],
        )


def eligible_ids(
    session: Session,
    programmes: Collection[str],
    *,
    after: str | None = None,
    up_to: str | None = None,
) -> list[str]:
    """Children who meet the conditions of any of the programmes, in id order, in a range."""
    conditions: list[ColumnElement[bool]] = [col(Eligibility.programme).in_(programmes)]
    if after is not None:
        conditions.append(col(Eligibility.child_id) > after)
    if up_to is not None:
        conditions.append(col(Eligibility.child_id) <= up_to)
    query = (
        select(col(Eligibility.child_id))
        .where(*conditions)
        .distinct()
        .order_by(col(Eligibility.child_id))
    )
    return list(session.execute(query).scalars())


def child_ids_after(session: Session, after: str | None, limit: int) -> list[str]:
    """A page of every known child's id, in id order."""
    query = select(FACTS.c.child_id).order_by(FACTS.c.child_id).limit(limit)
    if after is not None:
        query = query.where(FACTS.c.child_id > after)
    return list(session.execute(query).scalars())


def transitions_due(session: Session, on: date, limit: int) -> list[EntitlementRow]:
    """Entitlements that started or ended since the last event told of them."""
    e = ENTITLEMENTS.c
    query = (
        select(*(e[f] for f in EntitlementRow.__dataclass_fields__))
        .where(
            or_(
                and_(e.published_status == "SCHEDULED", e.starts_on <= on),
                and_(e.published_status != "ENDED", e.ends_on.is_not(None), e.ends_on < on),
            )
        )
        .order_by(e.child_id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return [EntitlementRow(*r) for r in session.execute(query)]


def calendar_done(session: Session, day: date) -> bool:
    """Whether the calendar's work of `day` is done."""
    return session.get(CalendarDay, day) is not None


def finish_calendar(session: Session, day: date, changed: int, at: datetime) -> None:
    """Record the calendar's work of `day` as done."""
    session.add(CalendarDay(day=day, changed=changed, finished_at=at))
