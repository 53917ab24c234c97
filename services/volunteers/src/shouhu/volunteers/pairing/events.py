"""Events of pairing on the volunteers topic (documented in docs/events-volunteers.md)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

PAIRING_STARTED = "volunteers.pairing.started"
PAIRING_ENDED = "volunteers.pairing.ended"
PAIRING_SUSPENDED = "volunteers.pairing.suspended"
PAIRING_RESUMED = "volunteers.pairing.resumed"
TASK_UPDATED = "volunteers.task.updated"
VETTING_EXPIRING = "volunteers.vetting.expiring"
VETTING_EXPIRED = "volunteers.vetting.expired"
VETTING_RENEWED = "volunteers.vetting.renewed"


class PlanMeasure(Camel):
    """The measure the registry keeps on the child's support plan (一策), by `sourceRef`."""

    source_ref: str
    department: str
    kind: str
    description: str
    status: str


class PairingChanged(Camel):
    """`volunteers.pairing.started` / `.suspended` / `.resumed` / `.ended` v1: a volunteer paired
    with a child (一对一帮扶), the pairing suspended (the volunteer's record check ran out),
    resumed (vetted again) or ended; `planMeasure` is what the child's plan shows."""

    pairing_id: str
    volunteer_id: str
    child_id: str
    organisation_id: str
    status: str
    started_on: date
    ended_on: date | None
    reason: str | None
    actor: str
    plan_measure: PlanMeasure


class TaskUpdated(Camel):
    """`volunteers.task.updated` v1: volunteers finished a single-window task (a pairing
    started), in the shape of `education.task.updated` (the registry reads both alike)."""

    task_id: str
    intake_id: str
    child_id: str
    status: str
    outcome: str
    actor: str


class VettingEnding(Camel):
    """`volunteers.vetting.expiring` / `.expired` / `.renewed` v1: a volunteer's record check is to
    be renewed (`reminder_days` before its last valid day: notifications tells the organisation's
    role), ran out (their pairings suspended: notifications tells the social workers of `towns`,
    the towns of the children paired) or was renewed (the suspended pairings resumed: the social
    workers of their children's `towns` are told; `checkValidUntil` the new check's last day)."""

    volunteer_id: str
    volunteer_name: str
    organisation_id: str
    organisation_name: str
    acting_role: str
    division_code: str
    check_valid_until: date
    towns: list[str]
    on: date


EVENTS: dict[tuple[str, int], type[BaseModel]] = {
    (PAIRING_STARTED, 1): PairingChanged,
    (PAIRING_ENDED, 1): PairingChanged,
    (PAIRING_SUSPENDED, 1): PairingChanged,
    (PAIRING_RESUMED, 1): PairingChanged,
    (TASK_UPDATED, 1): TaskUpdated,
    (VETTING_EXPIRING, 1): VettingEnding,
    (VETTING_EXPIRED, 1): VettingEnding,
    (VETTING_RENEWED, 1): VettingEnding,
}
