"""Rules of classifying a child (dynamic management, policy 二 and 四(三)); never commits."""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Session

from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.identity import KeyRing
from shouhu.registry import history, policy
from shouhu.registry.children import repository
from shouhu.registry.children import service as children
from shouhu.registry.children.events import (
    CHILD_CLASSIFIED,
    ActiveClassification,
    ChildClassified,
)
from shouhu.registry.children.schemas import (
    ChildOut,
    ChildStatus,
    ClassificationIn,
    ClassifyChild,
)
from shouhu.registry.classifications.periods import Interval, active_on
from shouhu.registry.classifications.taxonomy import GROUP_OF, ClassificationSubtype, derive
from shouhu.registry.models import Child, Classification


def check(data: ClassifyChild, *, born: date) -> None:
    """Each item's subtype under its group, days in order and from birth on, no subtype twice."""
    fields: dict[str, str] = {}
    seen: set[str] = set()
    now = today()
    for index, item in enumerate(data.classifications):
        path = f"classifications.{index}"
        if GROUP_OF[item.subtype] is not item.group:
            fields[f"{path}.subtype"] = f"分类细项{item.subtype.value}不属于{item.group.value}"
        if item.until is not None and item.until < item.since:
            fields[f"{path}.until"] = "结束日期不能早于起始日期"
        if item.since > now:
            fields[f"{path}.since"] = "起始日期不能晚于今天"
        elif item.since < born:
            fields[f"{path}.since"] = "起始日期不能早于儿童出生日期"
        if item.subtype.value in seen:
            fields[f"{path}.subtype"] = "同一分类细项不能重复"
        seen.add(item.subtype.value)
    if fields:
        raise ValidationFailed(fields=fields)


def _as_they_stand(
    current: dict[str, Classification], wanted: dict[str, ClassificationIn]
) -> dict[str, ClassificationIn]:
    """A role without health detail sends a health entry back as it was shown it (HIV-affected
    as seriously ill, without its note): the entry it stands for keeps its subtype and note, and
    only its dates change; ending what it was shown ends that entry."""
    kept = dict(wanted)
    for subtype, row in current.items():
        shown = policy.DISCLOSED_AS.get(subtype, subtype)
        if row.group not in policy.HEALTH_GROUPS or shown not in wanted:
            continue
        kept[subtype] = wanted[shown].model_copy(
            update={"subtype": ClassificationSubtype(subtype), "note": row.note}
        )
        if shown != subtype and shown not in current:
            kept.pop(shown, None)  # it was the shown face of this entry, not a new one
    return kept


def classify_child(
    session: Session,
    principal: Principal,
    child_id: str,
    version: int,
    data: ClassifyChild,
    keys: KeyRing,
) -> ChildOut:
    """Make the given set the child's complete active set; what is left out ends today."""
    child = children.load_for_change(session, principal, child_id, version, policy.WRITE_ROLES)
    if child.status == ChildStatus.EXITED.value:
        raise ValidationFailed(fields={"status": "已退出的儿童不能变更分类"})
    check(data, born=child.birth_date)
    now, at = today(), utcnow()
    rows = list(repository.classifications_of(session, child.id))
    current = {r.subtype: r for r in rows if r.until is None or r.until > now}
    before = {s: _describe(r) for s, r in current.items()}
    wanted = {item.subtype.value: item for item in data.classifications}
    if not policy.sees_health_details(principal):
        wanted = _as_they_stand(current, wanted)
    for subtype, row in current.items():
        if subtype not in wanted:
            row.until = now
            repository.add(session, row)
    for subtype, item in wanted.items():
        found = current.get(subtype)
        if found is not None:
            row = found
        else:
            row = Classification(
                id=str(uuid.uuid4()),
                child_id=child.id,
                group=item.group.value,
                subtype=subtype,
                since=item.since,
                recorded_by=principal.username,
                recorded_at=at,
            )
            rows.append(row)
        row.since, row.until, row.note = item.since, item.until, item.note
        row.recorded_by, row.recorded_at = principal.username, at
        repository.add(session, row)
    apply_categories(session, child, rows)
    after = {r.subtype: _describe(r) for r in rows if r.subtype in wanted}
    history.record(
        session,
        child_id=child.id,
        actor=principal.username,
        operation="CLASSIFIED",
        reason=data.reason,
        before={"classifications": before},
        after={"classifications": {s: after[s] for s in sorted(after)}},
    )
    active = [r for r in rows if r.since <= now and (r.until is None or r.until > now)]
    children.emit(
        session,
        CHILD_CLASSIFIED,
        child.id,
        ChildClassified(
            child_id=child.id,
            classifications=[
                ActiveClassification(group=r.group, subtype=r.subtype, since=r.since, until=r.until)
                for r in sorted(active, key=lambda r: r.subtype)
            ],
            primary_category=child.primary_category,
            left_behind=child.left_behind,
            birth_date=child.birth_date,
            residence_division_code=child.residence_division_code,
            town_division_code=child.town_code,
            classified_by=principal.username,
        ),
    )
    return children.to_out(
        session,
        child,
        principal,
        keys,
        parts=frozenset({"identity", "classifications"}),
        classifications=rows,
    )


def apply_categories(session: Session, child: Child, rows: list[Classification]) -> None:
    """Derive today's categories onto the file and rebuild its periods."""
    intervals = [Interval(ClassificationSubtype(r.subtype), r.since, r.until) for r in rows]
    categories = derive(active_on(intervals, today()))
    child.primary_category = categories.primary.value
    child.left_behind = categories.left_behind
    child.updated_at = utcnow()
    repository.add(session, child)
    children.refresh_periods(session, child, rows)


def _describe(row: Classification) -> dict[str, str | None]:
    return {
        "group": row.group,
        "since": row.since.isoformat(),
        "until": row.until.isoformat() if row.until else None,
        "note": row.note,
    }
