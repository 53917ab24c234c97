"""What education reads of the registry's events is in their published schemas, as required."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shouhu.education.app import HANDLERS

EVENTS = Path(__file__).resolve().parents[2] / "registry" / "events"
IDENTITY = ("childId", "name", "birthDate", "residenceDivisionCode", "townDivisionCode")
# The fields each handler reads (nested: list field → fields of its items).
READS: dict[str, dict[str, set[str] | None]] = {
    "registry.child.registered": dict.fromkeys(IDENTITY),
    "registry.child.updated": dict.fromkeys(IDENTITY),
    "registry.child.classified": {
        "childId": None,
        "birthDate": None,
        "residenceDivisionCode": None,
        "townDivisionCode": None,
        "primaryCategory": None,
        "leftBehind": None,
        "classifications": {"group", "subtype", "since", "until"},
    },
    "registry.child.exited": dict.fromkeys(("childId", "exitedOn", "residenceDivisionCode")),
    # The single window's task, answered when it is the education department's aid.
    "registry.intake.task_created": dict.fromkeys(
        ("taskId", "intakeId", "childId", "department", "need")
    ),
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


def test_every_handler_is_listed_here():
    assert set(HANDLERS) == set(READS)
