"""Volunteers' notices. A volunteer's record check (侵害未成年人违法犯罪信息查询) to be renewed
tells the federation acting for their organisation; one that ran out (their pairings suspended)
tells that federation and the social worker of each town where a paired child lives; a renewed
one (the suspended pairings resumed) tells those towns' social workers again.

Every notification is about `volunteer-vetting:<volunteerId>:<checkValidUntil>` (`subjectRef`).
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from shouhu.notifications.notify import notify
from shouhu.notifications.recipients.service import To
from shouhu.platform.auth import Role
from shouhu.platform.events import Envelope
from shouhu.platform.worker import EventHandler

VETTING_EXPIRING = "volunteers.vetting.expiring"
VETTING_EXPIRED = "volunteers.vetting.expired"
VETTING_RENEWED = "volunteers.vetting.renewed"
DISTRICT = 6


def _variables(data: dict[str, object]) -> dict[str, object]:
    return {
        "volunteerName": data["volunteerName"],
        "organisationName": data["organisationName"],
        "validUntil": f"{date.fromisoformat(str(data['checkValidUntil'])):%Y年%m月%d日}",
    }


def _ref(data: dict[str, object]) -> str:
    return f"volunteer-vetting:{data['volunteerId']}:{data['checkValidUntil']}"


def _federation(data: dict[str, object]) -> To:
    """The federation's post at the district (it acts for the organisation's records)."""
    return To.post(str(data["actingRole"]), str(data["divisionCode"])[:DISTRICT])


def on_expiring(session: Session, envelope: Envelope) -> None:
    """The organisation's federation, to have the check renewed in time."""
    data = envelope.data
    notify(
        session,
        _federation(data),
        kind="VETTING_EXPIRING",
        variables=_variables(data),
        subject_ref=_ref(data),
        source_event_id=envelope.id,
    )


def on_expired(session: Session, envelope: Envelope) -> None:
    """The federation, and the social worker of each town with a child whose pairing stopped."""
    data = envelope.data
    towns = [str(t) for t in data.get("towns") or []]
    for to in [_federation(data), *(To.post(Role.TOWN_SOCIAL_WORKER.value, t) for t in towns)]:
        notify(
            session,
            to,
            kind="VETTING_EXPIRED",
            variables=_variables(data),
            subject_ref=_ref(data),
            source_event_id=envelope.id,
        )


def on_renewed(session: Session, envelope: Envelope) -> None:
    """The social worker of each town with a child whose suspended pairing resumed."""
    data = envelope.data
    for town in [str(t) for t in data.get("towns") or []]:
        notify(
            session,
            To.post(Role.TOWN_SOCIAL_WORKER.value, town),
            kind="PAIRING_RESUMED",
            variables=_variables(data),
            subject_ref=_ref(data),
            source_event_id=envelope.id,
        )


HANDLERS: dict[str, EventHandler] = {
    VETTING_EXPIRING: on_expiring,
    VETTING_EXPIRED: on_expired,
    VETTING_RENEWED: on_renewed,
}
