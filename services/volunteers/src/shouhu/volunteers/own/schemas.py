"""API shapes of the volunteer's own view: its pairings with the little of the child it needs."""

from __future__ import annotations

from datetime import date

from shouhu.platform.schemas import Camel
from shouhu.volunteers.pairing.schemas import PairingStatus, VisitMode
from shouhu.volunteers.volunteers.schemas import VolunteerSkill


class OwnVisitOut(Camel):
    """A visit of the pairing; the note only of the volunteer's own visits (a social worker's
    may tell of the family or the case)."""

    id: str
    visited_on: date
    minutes: int
    mode: VisitMode
    note: str | None
    by_volunteer: bool


class OwnPairingOut(Camel):
    """A pairing as its volunteer sees it (item 11): the child's name, village, age and needs,
    no identity number, health, case or family detail, no child id."""

    id: str
    child_name: str
    child_age: int
    village_name: str
    needs: list[VolunteerSkill]
    status: PairingStatus
    started_on: date
    ended_on: date | None
    visits: list[OwnVisitOut]
