"""Rules of divisions: reference data, readable by every signed-in principal."""

from sqlmodel import Session

from shouhu.platform.errors import NotFound
from shouhu.registry.divisions import repository
from shouhu.registry.divisions.schemas import DivisionLevel, DivisionOut
from shouhu.registry.models import Division

DISTRICT_CODE = "110109"


def to_out(division: Division) -> DivisionOut:
    return DivisionOut(
        code=division.code,
        name=division.name,
        level=DivisionLevel(division.level),
        parent_code=division.parent_code,
    )


def list_children(session: Session, parent_code: str | None) -> list[DivisionOut]:
    """The divisions under a parent; without one, the district's towns."""
    return [to_out(d) for d in repository.children_of(session, parent_code or DISTRICT_CODE)]


def every(session: Session) -> list[DivisionOut]:
    """The whole network (318 rows), for the gateway's per-process copy."""
    return [to_out(d) for d in repository.every(session)]


def get(session: Session, code: str) -> DivisionOut:
    division = repository.get(session, code)
    if division is None:
        raise NotFound("区划不存在")
    return to_out(division)


def batch(session: Session, codes: list[str]) -> list[DivisionOut]:
    """Many divisions at once, for the gateway's DataLoader."""
    return [to_out(d) for d in repository.by_codes(session, codes)]
