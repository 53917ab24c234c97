"""Reading files with their parts: the children's own parts, the visits and the plan.

Above the children's, visits' and plans' modules, so none of them imports another's rules. Each
part asked for is read for all the files of a request in one query, never file by file: the
gateway asks for a page of files, or a batch of its DataLoader, at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlmodel import Session

from shouhu.platform.auth import Principal
from shouhu.platform.errors import ValidationFailed
from shouhu.platform.identity import KeyRing
from shouhu.platform.schemas import PageInfo
from shouhu.registry import policy
from shouhu.registry.access import service as access
from shouhu.registry.children import service as children
from shouhu.registry.children.schemas import ChildEdge, ChildFilter, ChildOut, ChildPage
from shouhu.registry.models import Child
from shouhu.registry.plans import service as plans
from shouhu.registry.visits import service as visits

# The parts a reader may ask for (`include`); "identity" is always read.
PARTS = children.PARTS | {"visits", "plan"}
MAX_BATCH = 100


def check_parts(include: Iterable[str]) -> frozenset[str]:
    """The parts asked for, or `VALIDATION_FAILED` naming those that do not exist."""
    parts = frozenset(include)
    unknown = parts - PARTS
    if unknown:
        raise ValidationFailed(fields={"include": f"未知的档案部分：{','.join(sorted(unknown))}"})
    return parts


def with_parts(
    session: Session,
    principal: Principal,
    keys: KeyRing,
    rows: Sequence[Child],
    parts: frozenset[str],
) -> list[ChildOut]:
    """Files the principal may read, shaped with the parts asked for: one query per part.

    Each part only as the principal's view allows (policy.FILE_VIEW), as the single routes do.
    """
    outs = children.to_outs(session, rows, principal, keys, parts=parts)
    ids = [out.id for out in outs]
    view = policy.view(principal)
    if ids and "visits" in parts and policy.Part.VISITS in view:
        found_visits = visits.visits_of(session, ids)
        for out in outs:
            out.visits = found_visits[out.id]
    if ids and "plan" in parts and view & plans.PLAN_PARTS:
        found_plans = plans.plans_of(session, principal, ids)
        for out in outs:
            out.plan = found_plans[out.id]
    return outs


def get_child(
    session: Session,
    principal: Principal,
    child_id: str,
    keys: KeyRing,
    *,
    include: Iterable[str],
    operation: str,
) -> ChildOut:
    """A file with the parts asked for; the read is logged."""
    parts = check_parts(include) | {"identity"}
    child = children.load(session, principal, child_id)
    access.log_reads(session, principal, [child.id], parts=parts, operation=operation)
    return with_parts(session, principal, keys, [child], parts)[0]


def batch(
    session: Session,
    principal: Principal,
    child_ids: Sequence[str],
    keys: KeyRing,
    *,
    include: Iterable[str],
    operation: str,
) -> list[ChildOut]:
    """The files among these the principal may read, in the order asked; each read logged.

    Unknown files and files out of scope are left out alike, so the answer reveals neither.
    """
    if len(child_ids) > MAX_BATCH:
        raise ValidationFailed(fields={"ids": f"一次最多读取{MAX_BATCH}份儿童档案"})
    parts = check_parts(include) | {"identity"}
    rows = children.load_many(session, principal, child_ids)
    access.log_reads(session, principal, [c.id for c in rows], parts=parts, operation=operation)
    return with_parts(session, principal, keys, rows, parts)


def search(
    session: Session,
    principal: Principal,
    f: ChildFilter,
    keys: KeyRing,
    *,
    first: int,
    after: str | None,
    with_total: bool,
    include: Iterable[str],
    operation: str,
) -> ChildPage:
    """A page of files matching the filter, with the parts asked for; every read logged."""
    parts = check_parts(include)
    found = children.search(
        session, principal, f, keys, first=first, after=after, with_total=with_total
    )
    access.log_reads(
        session,
        principal,
        [c.id for c in found.rows],
        parts=parts | {"summary"},
        operation=operation,
    )
    outs = with_parts(session, principal, keys, found.rows, parts | {"identity"})
    edges = [
        ChildEdge(cursor=children.child_cursor(child), node=out)
        for child, out in zip(found.rows, outs, strict=True)
    ]
    return ChildPage(
        edges=edges,
        page_info=PageInfo.of(edges, more=found.has_next_page),
        total_count=found.total_count,
    )
