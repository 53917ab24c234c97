"""SQL of pairings and suggestions: the filtering and the scoring of suggestions in SQL, so that
20,000 volunteers answer in milliseconds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Text,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    true,
    update,
)
from sqlmodel import Session, col, select

from shouhu.volunteers.models import (
    ChildFacts,
    Organisation,
    Pairing,
    PairingVisit,
    Volunteer,
    VolunteerArea,
)
from shouhu.volunteers.volunteers.repository import vetted_on

ENDED = "ENDED"
ACTIVE = "ACTIVE"
DISTRICT_CODE_LENGTH = 6
VILLAGE_CODE_LENGTH = 12


def pairing(session: Session, pairing_id: str) -> Pairing | None:
    return session.get(Pairing, pairing_id)


def add(session: Session, row: Pairing | PairingVisit) -> None:
    session.add(row)


def flush(session: Session) -> None:
    session.flush()


def lock_volunteer(session: Session, volunteer_id: str) -> Volunteer | None:
    """The volunteer's row, locked until the transaction ends: two pairings of one volunteer at
    once would both see the load under the limit."""
    query = select(Volunteer).where(col(Volunteer.id) == volunteer_id).with_for_update()
    # Read afresh: the load is moved by UPDATE statements the session's copy does not see.
    return session.exec(query.execution_options(populate_existing=True)).first()


def count_live(session: Session, volunteer_id: str, change: int) -> None:
    """The volunteer's load moved by one statement (a pairing started or ended)."""
    session.execute(
        update(Volunteer)
        .where(col(Volunteer.id) == volunteer_id)
        .values(live_pairings=col(Volunteer.live_pairings) + change)
        .execution_options(synchronize_session=False)
    )


def live(session: Session, volunteer_id: str, child_id: str) -> Pairing | None:
    query = select(Pairing).where(
        col(Pairing.volunteer_id) == volunteer_id,
        col(Pairing.child_id) == child_id,
        col(Pairing.status) != ENDED,
    )
    return session.exec(query).first()


def of_child(session: Session, child_id: str) -> Sequence[Pairing]:
    query = select(Pairing).where(col(Pairing.child_id) == child_id)
    return session.exec(query.order_by(col(Pairing.started_on).desc(), col(Pairing.id))).all()


def of_volunteer(session: Session, volunteer_id: str) -> Sequence[Pairing]:
    query = select(Pairing).where(col(Pairing.volunteer_id) == volunteer_id)
    return session.exec(query.order_by(col(Pairing.started_on).desc(), col(Pairing.id))).all()


def of_volunteers(session: Session, volunteer_ids: Sequence[str], status: str) -> Sequence[Pairing]:
    if not volunteer_ids:
        return []
    query = select(Pairing).where(
        col(Pairing.volunteer_id).in_(list(volunteer_ids)), col(Pairing.status) == status
    )
    return session.exec(query.order_by(col(Pairing.id))).all()


def visits(session: Session, pairing_ids: Sequence[str]) -> Sequence[PairingVisit]:
    if not pairing_ids:
        return []
    query = select(PairingVisit).where(col(PairingVisit.pairing_id).in_(list(pairing_ids)))
    return session.exec(
        query.order_by(col(PairingVisit.visited_on).desc(), col(PairingVisit.recorded_at).desc())
    ).all()


def children(session: Session, child_ids: Sequence[str]) -> dict[str, ChildFacts]:
    if not child_ids:
        return {}
    query = select(ChildFacts).where(col(ChildFacts.child_id).in_(list(child_ids)))
    return {c.child_id: c for c in session.exec(query).all()}


def _mentions(column: Any, code: str) -> ColumnElement[bool]:
    """A JSON list of codes (the skills) holds `code`."""
    return cast(column, Text).like(f'%"{code}"%')


@dataclass(frozen=True)
class Weights:
    skills: float
    village: float
    town: float
    district: float
    load: float
    continuity: float


@dataclass(frozen=True)
class Candidate:
    """A volunteer left after the filters, with the parts of the score."""

    volunteer_id: str
    score: float
    skills_met: int
    nearness: str  # VILLAGE, TOWN or DISTRICT
    load: int
    before: bool


def _in_town(column: Any, town: str) -> ColumnElement[bool]:
    """A division code within the town (the town or one of its villages), as a range: a prefix
    LIKE cannot use the index under PostgreSQL's collation, a range of digit codes can."""
    return and_(column >= town, column <= town + "9" * (VILLAGE_CODE_LENGTH - len(town)))


def suggestions(
    session: Session,
    *,
    child: ChildFacts,
    needs: Sequence[str],
    on: date,
    born_by: date,
    max_load: int,
    weights: Weights,
    acting_roles: frozenset[str] | None,
    first: int,
) -> list[Candidate]:
    """The best `first` volunteers for a child: vetted adults whose service area covers the
    child's division, of an organisation whose area does, under the load limit; scored in SQL.

    The candidates come from the service areas' index (the rows of the child's district and
    town), each volunteer then read by its key: a tenth of the volunteers at most, not all."""
    village, town = child.residence_division_code, child.town_code
    district = village[:DISTRICT_CODE_LENGTH]
    prefixes = sorted({district, town, village})
    code = col(VolunteerArea.division_code)
    # One row a volunteer serving the child's district or any of its town: whether the area
    # holds the child (the district, the town or the village itself) and how near it comes.
    area = (
        select(
            col(VolunteerArea.volunteer_id).label("volunteer_id"),
            func.max(case((code == village, 2), (_in_town(code, town), 1), else_=0)).label("near"),
        )
        .where(or_(code == district, _in_town(code, town)))
        .group_by(col(VolunteerArea.volunteer_id))
        .having(func.max(case((code.in_(prefixes), 1), else_=0)) == 1)
        .subquery("area")
    )
    people = select(  # type: ignore[call-overload]
        col(Volunteer.id).label("id"),
        col(Volunteer.skills).label("skills"),
        col(Volunteer.division_code).label("division_code"),
        col(Volunteer.organisation_id).label("organisation_id"),
        col(Volunteer.live_pairings).label("load"),
    ).where(vetted_on(on), col(Volunteer.birth_date) <= born_by)
    if session.get_bind().dialect.name == "postgresql":
        # Each candidate read by its key (LATERAL, OFFSET 0 so it is not flattened): otherwise
        # the planner hashes every vetted volunteer (four in five) to join a tenth of them.
        v = people.where(col(Volunteer.id) == area.c.volunteer_id).offset(0).lateral("v")
        joined = area.join(v, true())
    else:
        v = people.subquery("v")
        joined = area.join(v, v.c.id == area.c.volunteer_id)
    before = select(col(Pairing.volunteer_id)).where(col(Pairing.child_id) == child.child_id)
    met = sum(
        (case((_mentions(v.c.skills, n), 1), else_=0) for n in needs),
        start=literal(0),
    )
    nearness = case(
        (or_(area.c.near == 2, v.c.division_code == village), 2),
        (or_(area.c.near == 1, v.c.division_code.startswith(town)), 1),
        else_=0,
    )
    parts = (
        select(  # type: ignore[call-overload]
            v.c.id.label("id"),
            met.label("met"),
            nearness.label("near"),
            v.c.load.label("load"),
            case((v.c.id.in_(before), 1), else_=0).label("before"),
        )
        .select_from(joined)
        .join(Organisation, col(Organisation.id) == v.c.organisation_id)
        .where(col(Organisation.division_code).in_(prefixes))
    )
    if acting_roles is not None:
        parts = parts.where(col(Organisation.acting_role).in_(sorted(acting_roles)))
    # OFFSET 0 keeps the planner from inlining the parts into the score (each counted once).
    c = parts.offset(0).subquery()
    near_points = case(
        (c.c.near == 2, weights.village), (c.c.near == 1, weights.town), else_=weights.district
    )
    score = (
        cast(c.c.met, Float) * (weights.skills / max(len(needs), 1))
        + near_points
        + cast(max_load - c.c.load, Float) * (weights.load / max_load)
        + c.c.before * weights.continuity
    ).label("score")
    query = (
        select(c.c.id, score, c.c.met, c.c.near, c.c.load, c.c.before)  # type: ignore[call-overload]
        .where(c.c.load < max_load)
        .order_by(score.desc(), c.c.id)
        .limit(first)
    )
    nearness_names = {2: "VILLAGE", 1: "TOWN", 0: "DISTRICT"}
    return [
        Candidate(
            volunteer_id=r[0],
            score=round(float(r[1]), 2),
            skills_met=int(r[2]),
            nearness=nearness_names[int(r[3])],
            load=int(r[4]),
            before=bool(r[5]),
        )
        for r in session.exec(query).all()
    ]


def volunteers_of(session: Session, ids: Sequence[str]) -> dict[str, Volunteer]:
    if not ids:
        return {}
    query = select(Volunteer).where(col(Volunteer.id).in_(list(ids)))
    return {v.id: v for v in session.exec(query).all()}


def serves(organisation: Organisation, division_code: str) -> bool:
    """The organisation's area (its division and below) holds the division."""
    return division_code.startswith(organisation.division_code)
