"""SQL of the education statistics: one GROUP BY over the projection, whatever its size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Integer, and_, case, func, literal_column, not_, or_, select
from sqlmodel import Session, col

from shouhu.education.models import ChildProjection, DropoutRisk, Enrolment

EXITED = "EXITED"
TOWN_LENGTH, VILLAGE_LENGTH = 9, 12


@dataclass(frozen=True)
class Group:
    """The children of one town, Beijing or not, of compulsory-school age or not, at one stage
    (None: no open enrolment), and how many of them have an open dropout risk."""

    town_code: str
    non_beijing: bool
    of_age: bool
    stage: str | None
    children: int
    open_risks: int


def groups(
    session: Session,
    division_code: str,
    born_after: date,
    born_up_to: date,
    beijing_prefixes: tuple[str, ...],
) -> list[Group]:
    """The children of the division (not exited) counted per group in one statement: each has
    at most one open enrolment and one open risk (unique indexes), so the joins add no rows."""
    c, e, r = ChildProjection, Enrolment, DropoutRisk
    hukou = col(c.hukou_division_code)
    outside = and_(
        hukou.is_not(None),
        hukou != "",
        not_(or_(*[hukou.like(f"{p}%") for p in beijing_prefixes])),
    )
    # Constants as SQL text and the groups by their output names: PostgreSQL would take two
    # copies of an expression with bound parameters for two different expressions.
    one, zero = literal_column("1", Integer), literal_column("0", Integer)
    non_beijing = case((outside, one), else_=zero).label("non_beijing")
    of_age = case(
        (and_(col(c.birth_date) > born_after, col(c.birth_date) <= born_up_to), one), else_=zero
    ).label("of_age")
    query = (
        select(
            col(c.town_code),
            non_beijing,
            of_age,
            col(e.stage),
            func.count().label("children"),
            func.count(col(r.id)).label("open_risks"),
        )
        .select_from(c)
        .outerjoin(e, and_(col(e.child_id) == col(c.child_id), col(e.ended_on).is_(None)))
        .outerjoin(r, and_(col(r.child_id) == col(c.child_id), col(r.status) == "OPEN"))
        .where(col(c.status) != EXITED)
    )
    if len(division_code) == VILLAGE_LENGTH:
        query = query.where(col(c.residence_division_code) == division_code)
    elif len(division_code) == TOWN_LENGTH:
        query = query.where(col(c.town_code) == division_code)
    else:
        query = query.where(col(c.residence_division_code).like(f"{division_code}%"))
    query = query.group_by(
        col(c.town_code), literal_column("non_beijing"), literal_column("of_age"), col(e.stage)
    )
    return [
        Group(
            town_code=row[0],
            non_beijing=bool(row[1]),
            of_age=bool(row[2]),
            stage=row[3],
            children=int(row[4]),
            open_risks=int(row[5]),
        )
        for row in session.execute(query).all()
    ]
