"""Events of protection cases on the registry topic (documented in docs/events-cases.md)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

CASE_REPORTED = "registry.case.reported"
CASE_ACCEPTED = "registry.case.accepted"
CASE_RESPONDED = "registry.case.responded"
MISSING_ALERT_OPENED = "registry.case.missing_alert_opened"
MISSING_ALERT_CLOSED = "registry.case.missing_alert_closed"
TOWN_NOTIFIED = "registry.case.town_notified"
CASE_ASSESSED = "registry.case.assessed"
INTERVENTION_OPENED = "registry.case.intervention_opened"
INTERVENTION_CLOSED = "registry.case.intervention_closed"
PETITION_DUE = "registry.case.petition_due"
PETITION_FILED = "registry.case.petition_filed"
PETITION_DECIDED = "registry.case.petition_decided"
CASE_CLOSED = "registry.case.closed"


class CaseEvent(Camel):
    """What every event of a case carries: the case, where it happened, the child if known."""

    case_id: str
    case_number: str
    kind: str
    urgent: bool
    division_code: str
    town_division_code: str | None
    child_id: str | None
    actor: str
    at: datetime


class CaseReported(CaseEvent):
    """`registry.case.reported` v1: a mandatory report was filed (强制报告)."""

    occurred_on: date | None
    found_at: datetime
    reporter_role: str
    institution: str | None


class CaseAccepted(CaseEvent):
    """`registry.case.accepted` v1: the police accepted the report (受理)."""


class CaseResponded(CaseEvent):
    """`registry.case.responded` v1: a police response or emergency measure (出警、处置)."""

    measure: str
    note: str | None


class MissingAlert(CaseEvent):
    """`registry.case.missing_alert_opened` / `_closed` v1: a missing-child search opened, or
    the child was found."""

    child_name: str | None
    note: str | None


class TownNotified(CaseEvent):
    """`registry.case.town_notified` v1: the police notified the town (通报); the town's social
    worker assesses by `assessmentDueAt`."""

    assessment_due_at: datetime
    note: str | None


class CaseAssessed(CaseEvent):
    """`registry.case.assessed` v1: the town's assessment, its highest risk only (no findings)."""

    highest_risk: str


class CaseClosed(CaseEvent):
    """`registry.case.closed` v1: the case was closed (结案)."""

    outcome: str


class InterventionEvent(Camel):
    """An intervention's event: the child, the case where one is linked (its fields null
    otherwise), where the child lives."""

    intervention_id: str
    child_id: str
    residence_division_code: str
    case_number: str | None
    kind: str | None
    urgent: bool | None
    division_code: str | None
    town_division_code: str | None
    actor: str
    at: datetime


class InterventionOpened(InterventionEvent):
    """`registry.case.intervention_opened` v1: a guardianship intervention opened (监护干预).

    `caseId` is the linked case, or the intervention's own id when none is: benefits counts
    interventions by it.
    """

    case_id: str
    reason: str
    opened_on: date
    measures: list[str]


class InterventionClosed(InterventionEvent):
    """`registry.case.intervention_closed` v1; `caseId` as in `intervention_opened`."""

    case_id: str
    reason: str
    closed_on: date
    outcome: str


class PetitionEvent(InterventionEvent):
    """An event of the petition to revoke guardianship; `caseId` null when no case is linked."""

    case_id: str | None
    intervention_reason: str


class PetitionDue(PetitionEvent):
    """`registry.case.petition_due` v1: the petition to the court is due (six months open, or
    serious harm): the town worker and civil affairs are to be prompted."""

    reason: str
    opened_on: date


class PetitionFiled(PetitionEvent):
    """`registry.case.petition_filed` v1: the petition was filed with the court."""

    filed_on: date
    court: str


class PetitionDecided(PetitionEvent):
    """`registry.case.petition_decided` v1: the court decided."""

    decided_on: date
    outcome: str
    note: str | None


# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {
    (CASE_REPORTED, 1): CaseReported,
    (CASE_ACCEPTED, 1): CaseAccepted,
    (CASE_RESPONDED, 1): CaseResponded,
    (MISSING_ALERT_OPENED, 1): MissingAlert,
    (MISSING_ALERT_CLOSED, 1): MissingAlert,
    (TOWN_NOTIFIED, 1): TownNotified,
    (CASE_ASSESSED, 1): CaseAssessed,
    (INTERVENTION_OPENED, 1): InterventionOpened,
    (INTERVENTION_CLOSED, 1): InterventionClosed,
    (PETITION_DUE, 1): PetitionDue,
    (PETITION_FILED, 1): PetitionFiled,
    (PETITION_DECIDED, 1): PetitionDecided,
    (CASE_CLOSED, 1): CaseClosed,
}
