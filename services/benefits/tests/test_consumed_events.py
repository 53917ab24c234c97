"""What benefits reads of the registry's events is in their published schemas, as required."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shouhu.benefits.app import HANDLERS

EVENTS = Path(__file__).resolve().parents[2] / "registry" / "events"
# The fields each handler reads (nested: list field → fields of its items).
READS: dict[str, dict[str, set[str] | None]] = {
    "registry.child.registered": {
        k: None
        for k in ("childId", "name", "birthDate", "residenceDivisionCode", "townDivisionCode")
    },
    "registry.child.updated": {
        k: None
        for k in ("childId", "name", "birthDate", "residenceDivisionCode", "townDivisionCode")
    },
    "registry.child.classified": {
        "childId": None,
        "birthDate": None,
        "residenceDivisionCode": None,
        "townDivisionCode": None,
        "classifications": {"group", "subtype", "since", "until"},
    },
    "registry.child.exited": {k: None for k in ("childId", "exitedOn", "residenceDivisionCode")},
    "registry.child.guardianship_changed": {
        "childId": None,
        "guardians": {"isGuardian", "capacity"},
    },
    "registry.case.intervention_opened": {k: None for k in ("childId", "caseId", "openedOn")},
    "registry.case.intervention_closed": {k: None for k in ("childId", "caseId", "closedOn")},
    "registry.intake.task_created": {
        k: None for k in ("taskId", "intakeId", "childId", "department", "need")
    },
}


@pytest.mark.parametrize("event_type", sorted(READS))
def test_every_field_read_is_required_by_the_published_schema(event_type):
    assert event_type in HANDLERS
    schema = json.loads((EVENTS / f"{event_type}.v1.json").read_text(encoding="utf-8"))
    for name, items in READS[event_type].items():
        assert name in schema["required"], name
        if items:
            ref = schema["properties"][name]["items"]["$ref"].rsplit("/", 1)[-1]
            item = schema["$defs"][ref]
            assert items <= set(item["properties"]), (name, items)
            assert items - {"until"} <= set(item["required"]), (name, items)


def test_the_cases_events_are_accepted_before_the_registry_publishes_them():
    assert {"registry.case.intervention_opened", "registry.case.intervention_closed"} <= set(
        HANDLERS
    )
