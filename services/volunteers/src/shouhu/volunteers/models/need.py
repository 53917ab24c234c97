"""Needs (需求) of children and offers (资源) of organisations, matched one need to one offer."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import timestamp


class Offer(SQLModel, table=True):
    """What an organisation offers (tutoring hours, goods, places at a camp), in units."""

    id: str = Field(primary_key=True, max_length=36)
    organisation_id: str = Field(foreign_key="organisation.id", index=True, max_length=36)
    kind: str = Field(max_length=20)
    description: str = Field(max_length=200)
    division_code: str = Field(index=True, max_length=12)
    quantity: int
    matched: int = 0
    status: str = Field(max_length=20)
    created_by: str
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class Need(SQLModel, table=True):
    """A need raised for a child or a division, open until matched with an offer and closed."""

    id: str = Field(primary_key=True, max_length=36)
    division_code: str = Field(index=True, max_length=12)
    child_id: str | None = Field(default=None, index=True, max_length=36)
    kind: str = Field(max_length=20)
    description: str = Field(max_length=200)
    source: str = Field(max_length=20)
    # Raised by an event: its key (one need per task or plan measure) and the volunteer's skill
    # it calls for (a pairing of a volunteer with it closes a plan's need).
    source_ref: str | None = Field(default=None, unique=True, max_length=80)
    skill: str | None = Field(default=None, max_length=20)
    status: str = Field(max_length=20)
    offer_id: str | None = Field(default=None, foreign_key="offer.id", max_length=36)
    matched_at: datetime | None = None
    closed_at: datetime | None = None
    close_note: str | None = Field(default=None, max_length=200)
    version: int = 1
    raised_by: str
    raised_at: datetime = timestamp()
    updated_at: datetime = timestamp()
