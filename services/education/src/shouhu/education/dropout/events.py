"""Events of the dropout watch on the education topic (documented in docs/events-education.md).

Notifications turns them into the town's social worker's and the education department's notices
and escalates an overdue one; keyed by the child, so one child's events stay in order.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

DROPOUT_RISK_OPENED = "education.dropout_risk.opened"
DROPOUT_RISK_CLOSED = "education.dropout_risk.closed"
DROPOUT_RISK_OVERDUE = "education.dropout_risk.overdue"


class DropoutRiskOpened(Camel):
    """`education.dropout_risk.opened` v1: a child of compulsory-school age is out of school (or
    long absent); the town's social worker and the department have until `dueOn`."""

    risk_id: str
    child_id: str
    reason: str
    opened_on: date
    due_on: date
    residence_division_code: str
    town_division_code: str


class DropoutRiskClosed(Camel):
    """`education.dropout_risk.closed` v1: resolved (enrolled, back at school), exempted, or
    closed (the child left the age or the registry)."""

    risk_id: str
    child_id: str
    reason: str
    status: str
    outcome: str
    opened_on: date
    closed_on: date
    exemption_reason: str | None
    residence_division_code: str
    town_division_code: str
    closed_by: str


class DropoutRiskOverdue(Camel):
    """`education.dropout_risk.overdue` v1: still open the day after its deadline (told once)."""

    risk_id: str
    child_id: str
    reason: str
    opened_on: date
    due_on: date
    residence_division_code: str
    town_division_code: str


# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {
    (DROPOUT_RISK_OPENED, 1): DropoutRiskOpened,
    (DROPOUT_RISK_CLOSED, 1): DropoutRiskClosed,
    (DROPOUT_RISK_OVERDUE, 1): DropoutRiskOverdue,
}
