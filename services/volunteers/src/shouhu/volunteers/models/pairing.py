"""The registry's children as pairing needs them, one-to-one pairings (一对一帮扶) and their
visits."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import json_column, timestamp


class ChildFacts(SQLModel, table=True):
    """A child as volunteers knows it from the registry's events (儿童事实投影): no identity
    number, health, case or family detail."""

    __tablename__ = "volunteer_child"

    child_id: str = Field(primary_key=True, max_length=36)
    name: str = Field(max_length=50)
    birth_date: date
    residence_division_code: str = Field(index=True, max_length=12)
    town_code: str = Field(max_length=12)
    status: str = Field(default="ACTIVE", max_length=20)
    # What the child needs of a volunteer (`VolunteerSkill` values), learned from the single
    # window's tasks by `pairing/pairing.yaml`.
    needs: list[str] = json_column()
    # The open VOLUNTEER_PAIRING task of the single window, answered when a pairing starts.
    pairing_task_id: str | None = Field(default=None, max_length=36)
    pairing_intake_id: str | None = Field(default=None, max_length=36)
    updated_at: datetime = timestamp()


class Pairing(SQLModel, table=True):
    """A volunteer paired with a child: ACTIVE, SUSPENDED (the vetting ran out) or ENDED."""

    id: str = Field(primary_key=True, max_length=36)
    volunteer_id: str = Field(foreign_key="volunteer.id", index=True, max_length=36)
    child_id: str = Field(index=True, max_length=36)
    organisation_id: str = Field(max_length=36)
    status: str = Field(max_length=20)
    started_on: date
    ended_on: date | None = None
    end_reason: str | None = Field(default=None, max_length=200)
    task_id: str | None = Field(default=None, max_length=36)
    version: int = 1
    created_by: str = Field(max_length=100)
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class PairingVisit(SQLModel, table=True):
    """One visit (or call) of a pairing, as logged; kept, never changed."""

    __tablename__ = "pairing_visit"

    id: str = Field(primary_key=True, max_length=36)
    pairing_id: str = Field(foreign_key="pairing.id", index=True, max_length=36)
    visited_on: date
    minutes: int
    mode: str = Field(max_length=20)
    note: str | None = Field(default=None, max_length=500)
    recorded_by: str = Field(max_length=100)
    recorded_at: datetime = timestamp()
