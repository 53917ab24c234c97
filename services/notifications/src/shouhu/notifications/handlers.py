"""What notifies whom: the events that make notifications (the table in docs/notifications.md)."""

from __future__ import annotations

from sqlmodel import Session

from shouhu.notifications.notify import notify
from shouhu.notifications.recipients.handlers import HANDLERS as WORKFORCE_HANDLERS
from shouhu.notifications.recipients.service import To
from shouhu.platform.auth import Role
from shouhu.platform.events import Envelope
from shouhu.platform.worker import EventHandler

CHILD_REGISTERED = "registry.child.registered"
VISIT_RECORDED = "registry.visit.recorded"
ENTITLEMENT_CHANGED = "benefits.entitlement.changed"
RISK_NAMES = {"HIGH": "高风险", "MEDIUM": "中风险", "LOW": "低风险"}


def on_child_registered(session: Session, envelope: Envelope) -> None:
    """The village's child welfare supervisor (儿童福利督导员) hears of a new file."""
    data = envelope.data
    notify(
        session,
        To.post(Role.VILLAGE_SUPERVISOR.value, data["residenceDivisionCode"]),
        kind="CHILD_REGISTERED",
        title="新登记儿童",
        body=f"本村（社区）新登记儿童{data['name']}（{data['birthDate']}出生），请及时走访建档。",
        child_id=data["childId"],
        source_event_id=envelope.id,
    )


def on_visit_recorded(session: Session, envelope: Envelope) -> None:
    """A high-risk family: the town's child social worker, at once, until acknowledged."""
    data = envelope.data
    if not data.get("highRisk"):
        return
    notify(
        session,
        To.post(Role.TOWN_SOCIAL_WORKER.value, data["townDivisionCode"]),
        kind="VISIT_HIGH_RISK",
        title="走访发现高风险家庭",
        body=(
            f"{data['visitedOn']}走访评估为{RISK_NAMES.get(data['riskLevel'], data['riskLevel'])}，"
            "请尽快核实并采取措施，处理后请确认。"
        ),
        child_id=data["childId"],
        subject_ref=data["visitId"],
        source_event_id=envelope.id,
    )


def on_entitlement_changed(session: Session, envelope: Envelope) -> None:
    """An entitlement that starts or ends paying: the village's supervisor.

    The share is left out of the text: it could tell health detail the supervisor may not see.
    """
    data = envelope.data
    kinds = {"STARTED": "ENTITLEMENT_STARTED", "ENDED": "ENTITLEMENT_ENDED"}
    if data["change"] not in kinds:
        return
    started = data["change"] == "STARTED"
    notify(
        session,
        To.post(Role.VILLAGE_SUPERVISOR.value, data["residenceDivisionCode"]),
        kind=kinds[data["change"]],
        title=f"{data['programmeName']}{'开始发放' if started else '停止发放'}",
        body=(
            f"本村（社区）一名儿童的{data['programmeName']}"
            + (f"自{data['startsOn']}起发放。" if started else f"于{data['endsOn']}停止。")
        ),
        child_id=data["childId"],
        subject_ref=data["entitlementId"],
        source_event_id=envelope.id,
    )


REGISTRY_HANDLERS: dict[str, EventHandler] = {
    CHILD_REGISTERED: on_child_registered,
    VISIT_RECORDED: on_visit_recorded,
    **WORKFORCE_HANDLERS,
}
BENEFITS_HANDLERS: dict[str, EventHandler] = {ENTITLEMENT_CHANGED: on_entitlement_changed}
