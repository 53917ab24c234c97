"""SQL of protection cases."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, case, func, literal, tuple_, update
from sqlmodel import Session, col, select

from shouhu.platform.columns import UtcDateTime
from shouhu.platform.db import after_keyset
from shouhu.platform.percentiles import percentile_cont
from shouhu.registry.cases.clocks import SPANS
from shouhu.registry.cases.deadlines import Deadlines, Step
from shouhu.registry.intakes.repository import next_receipt
from shouhu.registry.models import (
    CaseAttachment,
    CaseResponse,
    CaseStep,
    Child,
    GuardianshipIntervention,
    ProtectionCase,
)


def add(session: Session, row: object) -> None:
    session.add(row)


def next_number(session: Session, prefix: str, year: int) -> int:
    """The next case number of (prefix, year), from the receipt numbers' sequence table."""
    return next_receipt(session, prefix, year)


def get(session: Session, case_id: str) -> ProtectionCase | None:
    return session.get(ProtectionCase, case_id)


def lock(session: Session, case_id: str) -> ProtectionCase | None:
    """The case, locked until the transaction ends: its steps happen one at a time."""
    found = session.exec(
        select(ProtectionCase).where(ProtectionCase.id == case_id).with_for_update()
    ).first()
    if found is not None:
        session.refresh(found)  # as it is under the lock
    return found


def steps_of(session: Session, case_ids: Sequence[str]) -> Sequence[CaseStep]:
    """The timelines of many cases, oldest step first."""
    return session.exec(
        select(CaseStep)
        .where(col(CaseStep.case_id).in_(case_ids))
        .order_by(col(CaseStep.case_id), col(CaseStep.seq))
    ).all()


def responses_of(session: Session, case_ids: Sequence[str]) -> Sequence[CaseResponse]:
    return session.exec(
        select(CaseResponse)
        .where(col(CaseResponse.case_id).in_(case_ids))
        .order_by(col(CaseResponse.case_id), col(CaseResponse.at))
    ).all()


# Everything of an attachment but its content, which is read alone.
_ATTACHMENT_COLUMNS = (
    "id",
    "case_id",
    "filename",
    "media_type",
    "size",
    "uploaded_by",
    "uploaded_at",
)


def attachments_of(session: Session, case_ids: Sequence[str]) -> Sequence[Any]:
    """The attachments of many cases without their content, oldest first."""
    columns = [col(getattr(CaseAttachment, name)) for name in _ATTACHMENT_COLUMNS]
    return session.exec(
        select(*columns)
        .where(col(CaseAttachment.case_id).in_(case_ids))
        .order_by(col(CaseAttachment.case_id), col(CaseAttachment.uploaded_at))
    ).all()


def count_attachments(session: Session, case_id: str) -> int:
    return int(
        session.exec(select(func.count()).where(col(CaseAttachment.case_id) == case_id)).one()
    )


def attachment(session: Session, attachment_id: str) -> CaseAttachment | None:
    return session.get(CaseAttachment, attachment_id)


def interventions_of_cases(
    session: Session, case_ids: Sequence[str]
) -> Sequence[GuardianshipIntervention]:
    return session.exec(
        select(GuardianshipIntervention)
        .where(col(GuardianshipIntervention.case_id).in_(case_ids))
        .order_by(col(GuardianshipIntervention.created_at))
    ).all()


def interventions_of_child(session: Session, child_id: str) -> Sequence[GuardianshipIntervention]:
    return session.exec(
        select(GuardianshipIntervention)
        .where(col(GuardianshipIntervention.child_id) == child_id)
        .order_by(col(GuardianshipIntervention.created_at))
    ).all()


def intervention(session: Session, intervention_id: str) -> GuardianshipIntervention | None:
    return session.get(GuardianshipIntervention, intervention_id)


def lock_intervention(session: Session, intervention_id: str) -> GuardianshipIntervention | None:
    found = session.exec(
        select(GuardianshipIntervention)
        .where(GuardianshipIntervention.id == intervention_id)
        .with_for_update()
    ).first()
    if found is not None:
        session.refresh(found)
    return found


def open_intervention_of(session: Session, child_id: str) -> GuardianshipIntervention | None:
    return session.exec(
        select(GuardianshipIntervention).where(
            col(GuardianshipIntervention.child_id) == child_id,
            col(GuardianshipIntervention.status) == "OPEN",
        )
    ).first()


def petitions_due(
    session: Session, opened_by: date, limit: int
) -> Sequence[GuardianshipIntervention]:
    """Open interventions opened on or before `opened_by` whose petition was not yet prompted."""
    return session.exec(
        select(GuardianshipIntervention)
        .where(
            col(GuardianshipIntervention.status) == "OPEN",
            col(GuardianshipIntervention.opened_on) <= opened_by,
            col(GuardianshipIntervention.petition_due_at).is_(None),
        )
        .order_by(col(GuardianshipIntervention.opened_on), col(GuardianshipIntervention.id))
        .limit(limit)
    ).all()


def mark_petition_due(session: Session, intervention_id: str, at: datetime, reason: str) -> bool:
    """Set when the petition was prompted, once: False when another worker did it first."""
    result = session.exec(
        update(GuardianshipIntervention)
        .where(
            col(GuardianshipIntervention.id) == intervention_id,
            col(GuardianshipIntervention.petition_due_at).is_(None),
        )
        .values(petition_due_at=at, petition_due_reason=reason, updated_at=at)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)


def children_of(session: Session, child_ids: Sequence[str]) -> dict[str, Child]:
    rows = session.exec(select(Child).where(col(Child.id).in_(child_ids))).all()
    return {row.id: row for row in rows}


def cases(
    session: Session,
    *,
    scope: ColumnElement[bool] | None,
    status: str | None,
    kind: str | None,
    division_code: str | None,
    child_id: str | None,
    after: tuple[datetime, str] | None,
    limit: int,
    urgent: bool | None = None,
) -> Sequence[ProtectionCase]:
    """A page of cases within `scope` (a condition the service builds), newest first."""
    reported, row_id = col(ProtectionCase.reported_at), col(ProtectionCase.id)
    conditions: list[ColumnElement[bool]] = []
    if scope is not None:
        conditions.append(scope)
    if status is not None:
        conditions.append(col(ProtectionCase.status) == status)
    if kind is not None:
        conditions.append(col(ProtectionCase.kind) == kind)
    if division_code is not None:
        conditions.append(col(ProtectionCase.division_code).startswith(division_code))
    if child_id is not None:
        conditions.append(col(ProtectionCase.child_id) == child_id)
    if urgent is not None:
        conditions.append(col(ProtectionCase.urgent) == urgent)
    keyset = after_keyset(reported, row_id, after)
    if keyset is not None:
        conditions.append(keyset)
    return session.exec(
        select(ProtectionCase)
        .where(*conditions)
        .order_by(reported.desc(), row_id.desc())
        .limit(limit)
    ).all()


def in_division(division_code: str) -> ColumnElement[bool]:
    """Cases that happened within a division."""
    return col(ProtectionCase.division_code).startswith(division_code)


def reported_by(username: str) -> ColumnElement[bool]:
    return col(ProtectionCase.reporter) == username


def of_children_in(division_code: str) -> ColumnElement[bool]:
    """Cases of children who live within a division."""
    living = select(Child.id).where(col(Child.residence_division_code).startswith(division_code))
    return col(ProtectionCase.child_id).in_(living)


# ---- accountability (追责) ----------------------------------------------------------------------

StepFigures = tuple[int, float | None, float | None, int]
"""Of one step: how many ended, median and worst hours of those, how many ran past the limit."""
DISTRICT_KEY = "*"


GROUPINGS = ("all", "town", "reporter")
"""The cases together, by town, by who reported them (an institution, else the reporter's role)."""


def _hours(postgres: bool, begin: Any, end: Any) -> Any:
    if postgres:  # date_part is double precision; extract() would be numeric, many times slower
        return func.date_part("epoch", end - begin) / 3600.0
    return (func.julianday(end) - func.julianday(begin)) * 24.0


def accountability(
    session: Session,
    start: datetime,
    end: datetime,
    now: datetime,
    town: str | None,
    limits: Deadlines,
) -> dict[str, dict[str, tuple[int, dict[Step, StepFigures]]]]:
    """Per grouping (`GROUPINGS`) and its key, of the cases reported in [start, end): how many,
    and per step the ended count, median and worst hours, and how many ran late (ended past the
    limit, or past it still running, or when the case closed), as `clocks.clocks` counts them."""
    case_ = ProtectionCase
    postgres = session.get_bind().dialect.name == "postgresql"
    moment = bindparam("now", now, type_=UtcDateTime())
    conditions = [col(case_.reported_at) >= start, col(case_.reported_at) < end]
    if town is not None:
        conditions.append(col(case_.town_code) == town)
    # Each case's spans once, in a subquery; every grouping aggregates the same rows.
    columns: list[Any] = [
        func.coalesce(col(case_.town_code), "").label("town"),
        func.coalesce(col(case_.institution), "role:" + col(case_.reporter_role)).label("reporter"),
    ]
    for i, (step, (begin_name, end_name)) in enumerate(SPANS.items()):
        begin, finish = getattr(case_, begin_name), getattr(case_, end_name)
        limit = limits.steps[step]
        hours_limit = case(
            (col(case_.urgent), (limit.urgent_hours or limit.hours)), else_=limit.hours
        )
        so_far = _hours(postgres, begin, func.coalesce(finish, col(case_.closed_at), moment))
        columns += [
            _hours(postgres, begin, finish).label(f"span{i}"),
            and_(begin.is_not(None), so_far > hours_limit).label(f"late{i}"),
        ]
    spans = select(*columns).where(*conditions).subquery("spans")
    figures: list[Any] = [func.count()]
    for i in range(len(SPANS)):
        span = spans.c[f"span{i}"]
        figures += [
            func.count(span),
            func.max(span),
            func.count().filter(spans.c[f"late{i}"]),
            # The median in the same pass where the database can (SQLite: in Python).
            func.percentile_cont(0.5).within_group(span) if postgres else literal(None),
        ]
    keys = {"all": literal(DISTRICT_KEY), "town": spans.c.town, "reporter": spans.c.reporter}
    if postgres:  # one scan and one aggregation for the three groupings
        grouping = func.grouping(spans.c.town, spans.c.reporter)
        rows = session.exec(
            select(grouping, spans.c.town, spans.c.reporter, *figures).group_by(
                func.grouping_sets(tuple_(), tuple_(spans.c.town), tuple_(spans.c.reporter))
            )
        ).all()
        # grouping(): a bit set per column left out of the row's grouping.
        which = {3: "all", 1: "town", 2: "reporter"}
        grouped = [(which[row[0]], row[1] if row[0] == 1 else row[2], row[3:]) for row in rows]
        medians: dict[tuple[str, str, Step], float | None] = {}
    else:
        grouped = [
            (by, row[0], row[1:])
            for by, key in keys.items()
            for row in session.exec(select(key, *figures).group_by(key)).all()
        ]
        medians = _medians_in_python(session, spans)
    found: dict[str, dict[str, tuple[int, dict[Step, StepFigures]]]] = {by: {} for by in GROUPINGS}
    for by, key_value, values in grouped:
        if by == "all":
            key_value = DISTRICT_KEY
        steps: dict[Step, StepFigures] = {}
        for i, step in enumerate(SPANS):
            ended, worst, late, median = values[1 + 4 * i : 5 + 4 * i]
            if not postgres:
                median = medians.get((by, key_value, step))
            steps[step] = (ended, median, worst, late)
        found[by][key_value] = (values[0], steps)
    return found


def _medians_in_python(session: Session, spans: Any) -> dict[tuple[str, str, Step], float | None]:
    """SQLite has no percentile_cont: the same interpolation over the hours, in Python."""
    hours: dict[tuple[str, str, Step], list[float]] = {}
    names = [f"span{i}" for i in range(len(SPANS))]
    for row in session.exec(
        select(spans.c.town, spans.c.reporter, *(spans.c[n] for n in names))
    ).all():
        town, reporter, values = row[0], row[1], row[2:]
        for step, value in zip(SPANS, values, strict=True):
            if value is None:
                continue
            for by, key in (("all", DISTRICT_KEY), ("town", town), ("reporter", reporter)):
                hours.setdefault((by, key, step), []).append(float(value))
    return {k: percentile_cont(v, 0.5) for k, v in hours.items()}
