"""Protection cases: a mandatory report, the police's response, the town's assessment, the
guardianship interventions that follow, and the case's timeline and attachments."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Index, LargeBinary
from sqlmodel import Column, Field, SQLModel

from shouhu.platform.columns import json_column, timestamp


class ProtectionCase(SQLModel, table=True):
    """A mandatory report (强制报告) and the case it opens, followed to its close."""

    __tablename__ = "protection_case"
    # Pages of cases newest first: the district's, a town's, a reporter's own.
    __table_args__ = (
        Index("ix_protection_case_reported", "reported_at", "id"),
        Index("ix_protection_case_town_reported", "town_code", "reported_at", "id"),
        Index("ix_protection_case_reporter", "reporter", "reported_at", "id"),
    )

    id: str = Field(primary_key=True, max_length=36)
    case_number: str = Field(unique=True, max_length=24)
    status: str = "REPORTED"
    kind: str
    urgent: bool = False
    # Where it happened (a town or a village) and its town: the scope of the case's readers.
    division_code: str = Field(max_length=12)
    town_code: str | None = Field(default=None, max_length=9)
    child_id: str | None = Field(default=None, foreign_key="child.id", index=True)
    child_name: str | None = None
    child_age: int | None = None
    occurred_on: date | None = None
    found_at: datetime = timestamp()
    description: str
    reporter: str
    reporter_role: str
    reporter_division_code: str
    institution: str | None = None
    on_behalf_of_name: str | None = None
    on_behalf_of_phone: str | None = None
    deadlines_version: str
    reported_at: datetime = timestamp()
    accepted_at: datetime | None = timestamp(nullable=True)
    accepted_by: str | None = None
    town_notified_at: datetime | None = timestamp(nullable=True)
    town_notified_by: str | None = None
    town_note: str | None = None
    assessment_due_at: datetime | None = timestamp(nullable=True)
    assessed_at: datetime | None = timestamp(nullable=True)
    assessed_by: str | None = None
    # The assessment as recorded: risk and notes per domain, summary, needs (AssessmentIn).
    assessment: dict[str, Any] | None = json_column(nullable=True)
    highest_risk: str | None = None
    supervisor_request: str | None = None
    # A missing-child alert open since (MISSING_SEARCH_OPENED), until the child is found.
    missing_alert_since: datetime | None = timestamp(nullable=True)
    closed_at: datetime | None = timestamp(nullable=True)
    closed_by: str | None = None
    outcome: str | None = None
    version: int = 1


class CaseStep(SQLModel, table=True):
    """One step of a case's timeline (办理记录); never changed."""

    __tablename__ = "case_step"

    seq: int | None = Field(default=None, primary_key=True)
    case_id: str = Field(foreign_key="protection_case.id", index=True)
    at: datetime = timestamp()
    actor: str
    action: str
    note: str | None = None


class CaseResponse(SQLModel, table=True):
    """A police response or emergency measure (出警、应急处置): what, when, who."""

    __tablename__ = "case_response"

    id: str = Field(primary_key=True, max_length=36)
    case_id: str = Field(foreign_key="protection_case.id", index=True)
    measure: str
    at: datetime = timestamp()
    note: str | None = None
    actor: str
    recorded_at: datetime = timestamp()


class CaseAttachment(SQLModel, table=True):
    """A photo or document filed with a case (附件), stored with it."""

    __tablename__ = "case_attachment"

    id: str = Field(primary_key=True, max_length=36)
    case_id: str = Field(foreign_key="protection_case.id", index=True)
    filename: str
    media_type: str
    size: int
    sha256: str = Field(max_length=64)
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    uploaded_by: str
    uploaded_at: datetime = timestamp()


class GuardianshipIntervention(SQLModel, table=True):
    """A guardianship intervention (监护干预), with its petition to the court if one follows."""

    __tablename__ = "guardianship_intervention"
    # The six-month job reads the open interventions, oldest first.
    __table_args__ = (Index("ix_guardianship_intervention_open", "status", "opened_on"),)

    id: str = Field(primary_key=True, max_length=36)
    child_id: str = Field(foreign_key="child.id", index=True)
    case_id: str | None = Field(default=None, foreign_key="protection_case.id", index=True)
    reason: str
    measures: list[str] = json_column()
    status: str = "OPEN"
    opened_on: date
    opened_by: str
    note: str | None = None
    closed_on: date | None = None
    closed_by: str | None = None
    outcome: str | None = None
    # When the town worker and civil affairs were prompted to petition (once), and why.
    petition_due_at: datetime | None = timestamp(nullable=True)
    petition_due_reason: str | None = None
    petition_filed_on: date | None = None
    court: str | None = None
    court_decided_on: date | None = None
    court_outcome: str | None = None
    court_note: str | None = None
    version: int = 1
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()
