"""Children's names and villages (the registry's files, projected) and posts' names, for texts."""

from __future__ import annotations

from sqlmodel import Session

from shouhu.notifications.models import ChildCard
from shouhu.platform.divisions import name as division_name

UNKNOWN_CHILD = "（未登记姓名）"
ROLE_NAMES = {
    "village_supervisor": "儿童福利督导员",
    "town_social_worker": "儿童社会工作者",
    "civil_affairs": "民政部门",
    "police": "公安派出所",
}


def keep(
    session: Session,
    child_id: str,
    name: str,
    residence_division_code: str,
    applicant_mobile: str | None = None,
) -> None:
    """Record a file's name and village as the registry announces them, and the mobile of the
    family's latest application at the single window."""
    with session.no_autoflush:  # the batch's notifications go in at its commit, together
        card = session.get(ChildCard, child_id)
    card = card or ChildCard(
        child_id=child_id, name=name, residence_division_code=residence_division_code
    )
    card.name, card.residence_division_code = name, residence_division_code
    card.applicant_mobile = applicant_mobile or card.applicant_mobile
    session.add(card)


def applicant_of(session: Session, child_id: str) -> str | None:
    card = _card(session, child_id)
    return card.applicant_mobile if card else None


def name_of(session: Session, child_id: str | None) -> str:
    card = _card(session, child_id)
    return card.name if card else UNKNOWN_CHILD


def village_of(session: Session, child_id: str | None, default: str) -> str:
    card = _card(session, child_id)
    return division_name(card.residence_division_code if card else default)


def _card(session: Session, child_id: str | None) -> ChildCard | None:
    if not child_id:
        return None
    with session.no_autoflush:
        return session.get(ChildCard, child_id)


def post_name(role: str | None, division: str) -> str:
    """A post as people say it: 大峪街道儿童社会工作者."""
    return f"{division_name(division)}{ROLE_NAMES.get(role or '', role or '')}"
