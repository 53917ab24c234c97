"""Volunteers (志愿者) and their vetting (审核) history."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import json_column, timestamp


class Volunteer(SQLModel, table=True):
    """A registered volunteer; one per identity number (kept encrypted, found by keyed hash)."""

    id: str = Field(primary_key=True, max_length=36)
    name: str = Field(max_length=50)
    id_number_hash: str = Field(max_length=64, unique=True)
    id_number_cipher: str
    id_number_key_id: str = Field(max_length=16)
    birth_date: date
    gender: str = Field(max_length=10)
    phone: str = Field(max_length=11)
    skills: list[str] = json_column()
    division_code: str = Field(index=True, max_length=12)
    organisation_id: str = Field(foreign_key="organisation.id", index=True, max_length=36)
    availability: list[str] = json_column()
    # The record's copy; `VolunteerArea` holds the same codes, indexed, for suggestions.
    service_area: list[str] = json_column()
    # What vetting has established so far, kept here so that a list filters on it in SQL:
    # `vetted` on a day is `trained and check_valid_until >= day`.
    check_valid_until: date | None = None
    trained: bool = False
    # Pairings not ended (active or suspended): the load, kept here so that suggestions read it
    # with the row; changed only with the row locked or by one UPDATE (pairing's repository).
    live_pairings: int = 0
    username: str | None = Field(default=None, max_length=100)
    version: int = 1
    registered_by: str
    registered_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class Vetting(SQLModel, table=True):
    """One check recorded for a volunteer (a record check or a training); kept, never changed."""

    id: str = Field(primary_key=True, max_length=36)
    volunteer_id: str = Field(foreign_key="volunteer.id", index=True, max_length=36)
    kind: str = Field(max_length=40)
    passed: bool
    checked_on: date
    # A passed record check's last valid day under the rules of `rule_version`.
    valid_until: date | None = None
    rule_version: str = Field(max_length=40)
    note: str | None = Field(default=None, max_length=500)
    recorded_by: str
    recorded_at: datetime = timestamp()


class VolunteerArea(SQLModel, table=True):
    """One division a volunteer serves in: the service area indexed by division, so that
    suggestions find the volunteers serving a child's village, town or district by the index
    (a JSON column could only be scanned)."""

    __tablename__ = "volunteer_area"

    division_code: str = Field(primary_key=True, max_length=12)
    volunteer_id: str = Field(
        primary_key=True, foreign_key="volunteer.id", index=True, max_length=36
    )
