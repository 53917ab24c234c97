"""Transfer requests (档案转移申请) the district decides; never commits.

A registration whose number is filed outside the registering person's division learns neither
the file nor its place: the request goes to the district's civil affairs, who moves the file to
the new village (a child who moved) or refuses (a mistaken number, a family not moved).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlmodel import Session

from shouhu.platform.auth import Principal
from shouhu.platform.errors import Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.identity import KeyRing
from shouhu.platform.schemas import Camel
from shouhu.registry import policy
from shouhu.registry.children import repository
from shouhu.registry.children import service as children
from shouhu.registry.children.schemas import UpdateChild
from shouhu.registry.models import TransferRequest

DISTRICT_CODE_LENGTH = 6


class TransferStatus(StrEnum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REFUSED = "REFUSED"


class TransferDecision(StrEnum):
    """Move the file to the new village, or refuse."""

    APPROVE = "APPROVE"
    REFUSE = "REFUSE"


class TransferOut(Camel):
    """A transfer request; the file's id only to the district that decides it."""

    id: str
    child_id: str | None
    to_village: str
    name: str
    requested_by: str
    requested_at: datetime
    status: TransferStatus
    decided_by: str | None
    decided_at: datetime | None
    reason: str | None


def deciders(principal: Principal) -> bool:
    """The district's civil affairs: the role, at the district level."""
    return (
        principal.has_role(*policy.TRANSFER_ROLES)
        and len(principal.division_code) == DISTRICT_CODE_LENGTH
    )


def to_out(transfer: TransferRequest, principal: Principal) -> TransferOut:
    return TransferOut(
        id=transfer.id,
        child_id=transfer.child_id if deciders(principal) else None,
        to_village=transfer.to_village,
        name=transfer.submitted["name"],
        requested_by=transfer.requested_by,
        requested_at=transfer.requested_at,
        status=TransferStatus(transfer.status),
        decided_by=transfer.decided_by,
        decided_at=transfer.decided_at,
        reason=transfer.reason,
    )


def listed(
    session: Session, principal: Principal, status: TransferStatus | None
) -> list[TransferOut]:
    """Every request for the district's civil affairs; one's own requests for anyone who files."""
    if deciders(principal):
        rows = repository.transfers(session, status.value if status else None, None)
    else:
        policy.require(principal, policy.WRITE_ROLES, "无权查看档案转移申请")
        rows = repository.transfers(session, status.value if status else None, principal.username)
    return [to_out(row, principal) for row in rows]


def decide(
    session: Session,
    principal: Principal,
    transfer_id: str,
    decision: TransferDecision,
    reason: str | None,
    keys: KeyRing,
) -> TransferOut:
    """Approve (the file moves to the requested village, with history and event) or refuse."""
    if not deciders(principal):
        raise Forbidden("档案转移由区民政局决定")
    transfer = repository.get_transfer(session, transfer_id)
    if transfer is None:
        raise NotFound("档案转移申请不存在")
    if transfer.status != TransferStatus.PENDING.value:
        raise ValidationFailed(fields={"status": "该申请已处理"})
    if decision is TransferDecision.REFUSE and not (reason and reason.strip()):
        raise ValidationFailed(fields={"reason": "不予转移须说明理由"})
    if decision is TransferDecision.APPROVE:
        child = repository.get(session, transfer.child_id)
        if child is None:
            raise NotFound("儿童档案不存在")
        moved = children.update_child(
            session,
            principal,
            child.id,
            child.version,
            UpdateChild(
                residence_division_code=transfer.to_village,
                reason=reason or f"档案转移申请{transfer.id}：迁入新居住地",
            ),
            keys,
        )
        assert not isinstance(moved, children.DuplicateFound)  # the number is not changed
        transfer.status = TransferStatus.APPROVED.value
    else:
        transfer.status = TransferStatus.REFUSED.value
    transfer.decided_by, transfer.decided_at = principal.username, utcnow()
    transfer.reason = reason
    repository.add_transfer(session, transfer)
    return to_out(transfer, principal)
