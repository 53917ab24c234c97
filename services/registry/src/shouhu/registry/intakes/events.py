"""Events of the single window on the registry topic (documented in docs/events-intake.md)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

INTAKE_SUBMITTED = "registry.intake.submitted"
TASK_CREATED = "registry.intake.task_created"
TASK_ACCEPTED = "registry.intake.task_accepted"
MATERIALS_REQUESTED = "registry.intake.materials_requested"
MATERIALS_RECEIVED = "registry.intake.materials_received"
TASK_COMPLETED = "registry.intake.task_completed"
TASK_DECLINED = "registry.intake.task_declined"
INTAKE_COMPLETED = "registry.intake.completed"
INTAKE_WITHDRAWN = "registry.intake.withdrawn"


class SubmittedTask(Camel):
    task_id: str
    department: str
    need: str
    due_at: datetime


class IntakeSubmitted(Camel):
    """`registry.intake.submitted` v1: an application was taken at the window (受理)."""

    intake_id: str
    receipt_number: str
    child_id: str
    child_name: str
    division_code: str
    clerk: str
    clerk_division_code: str
    applicant_name: str
    applicant_relation: str
    applicant_phone: str
    needs: list[str]
    submitted_at: datetime
    tasks: list[SubmittedTask]


class IntakeTaskChanged(Camel):
    """A department's task was created or moved; one payload for every step of a task."""

    task_id: str
    intake_id: str
    receipt_number: str
    child_id: str
    division_code: str
    department: str
    need: str
    status: str
    due_at: datetime | None
    actor: str
    at: datetime
    note: str | None
    clerk: str
    applicant_phone: str


class FinishedTask(Camel):
    """A task as it stood when its application completed or was withdrawn."""

    task_id: str
    department: str
    need: str
    status: str
    outcome: str | None


class IntakeCompleted(Camel):
    """`registry.intake.completed` v1: every task of an application is done or declined."""

    intake_id: str
    receipt_number: str
    child_id: str
    division_code: str
    clerk: str
    applicant_phone: str
    at: datetime
    tasks: list[FinishedTask]


class IntakeWithdrawn(Camel):
    """`registry.intake.withdrawn` v1: the application was withdrawn at the window (撤回)."""

    intake_id: str
    receipt_number: str
    child_id: str
    division_code: str
    clerk: str
    applicant_phone: str
    at: datetime
    tasks: list[FinishedTask]


# The step of a task each of these events tells of.
TASK_EVENTS = (
    TASK_CREATED,
    TASK_ACCEPTED,
    MATERIALS_REQUESTED,
    MATERIALS_RECEIVED,
    TASK_COMPLETED,
    TASK_DECLINED,
)

# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {
    (INTAKE_SUBMITTED, 1): IntakeSubmitted,
    **{(event_type, 1): IntakeTaskChanged for event_type in TASK_EVENTS},
    (INTAKE_COMPLETED, 1): IntakeCompleted,
    (INTAKE_WITHDRAWN, 1): IntakeWithdrawn,
}
