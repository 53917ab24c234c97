"""Events of the workforce on the registry topic (documented in docs/events-registry-care.md)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

WORKER_ASSIGNED = "registry.workforce.assigned"
ASSIGNMENT_ENDED = "registry.workforce.ended"


class WorkerAssigned(Camel):
    """`registry.workforce.assigned` v1: someone holds a post from `since` (任职)."""

    member_id: str
    division_code: str
    post: str
    role: str
    username: str | None
    name: str
    phone: str
    since: date


class AssignmentEnded(Camel):
    """`registry.workforce.ended` v1: a holder's term ended on `until` (离任)."""

    member_id: str
    division_code: str
    post: str
    role: str
    username: str | None
    until: date


# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {
    (WORKER_ASSIGNED, 1): WorkerAssigned,
    (ASSIGNMENT_ENDED, 1): AssignmentEnded,
}
