"""The duplicate review queue (疑似重复审核) of the town social worker; never commits."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlmodel import Session

from shouhu.platform.auth import Principal
from shouhu.platform.errors import NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.identity import KeyRing
from shouhu.platform.schemas import Camel
from shouhu.registry import policy
from shouhu.registry.children import repository
from shouhu.registry.children import service as children
from shouhu.registry.children.schemas import RegisterChild
from shouhu.registry.models import DuplicateReview


class ReviewDecision(StrEnum):
    """The same child (nothing is opened) or a different child (the file is opened)."""

    SAME_CHILD = "SAME_CHILD"
    DIFFERENT_CHILD = "DIFFERENT_CHILD"


class DuplicateReviewOut(Camel):
    id: str
    town_code: str
    matched_child_id: str
    name: str
    birth_date: date
    residence_division_code: str
    submitted_by: str
    submitted_at: datetime
    status: str
    decided_by: str | None
    registered_child_id: str | None


def to_out(review: DuplicateReview) -> DuplicateReviewOut:
    submitted: dict[str, Any] = review.submitted
    return DuplicateReviewOut(
        id=review.id,
        town_code=review.town_code,
        matched_child_id=review.matched_child_id,
        name=submitted["name"],
        birth_date=date.fromisoformat(submitted["birthDate"]),
        residence_division_code=submitted["residenceDivisionCode"],
        submitted_by=review.submitted_by,
        submitted_at=review.submitted_at,
        status=review.status,
        decided_by=review.decided_by,
        registered_child_id=review.registered_child_id,
    )


def pending(session: Session, principal: Principal) -> list[DuplicateReviewOut]:
    """Held-back registrations in the principal's division, oldest first."""
    policy.require(principal, policy.REVIEW_ROLES, "无权处理疑似重复登记")
    prefix = principal.division_code[:9]
    return [to_out(r) for r in repository.reviews_in(session, prefix, "PENDING")]


def decide(
    session: Session,
    principal: Principal,
    review_id: str,
    decision: ReviewDecision,
    keys: KeyRing,
) -> DuplicateReviewOut:
    """Close a review; a different child gets its file opened now, under the submitter's name."""
    policy.require(principal, policy.REVIEW_ROLES, "无权处理疑似重复登记")
    review = repository.get_review(session, review_id)
    if review is None or not principal.sees(review.town_code):
        raise NotFound("审核记录不存在")
    if review.status != "PENDING":
        raise ValidationFailed(fields={"status": "该记录已处理"})
    if decision is ReviewDecision.DIFFERENT_CHILD:
        data = RegisterChild.model_validate(review.submitted)
        checked = children.check_registration(session, principal, data)
        child = children.open_file(session, review.submitted_by, data, checked, keys)
        review.registered_child_id = child.id
    review.status = decision.value
    review.decided_by, review.decided_at = principal.username, utcnow()
    repository.add_review(session, review)
    return to_out(review)
