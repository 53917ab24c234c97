"""The children's projection: each registry event changes what it says, once."""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Session, select

from shouhu.education.models import ChildProjection

OTHER_TOWN_VILLAGE = "110109101001"


def _facts(harness, child_id: str) -> ChildProjection | None:
    with Session(harness.engine) as session:
        return session.get(ChildProjection, child_id)


def test_a_registered_child_is_known_with_birth_date_and_residence(harness, ev):
    child_id = str(uuid.uuid4())
    harness.deliver(ev.registered(child_id, birth=date(2015, 9, 1), name="王小红"))
    row = _facts(harness, child_id)
    assert row is not None
    assert (row.name, row.birth_date, row.status) == ("王小红", date(2015, 9, 1), "ACTIVE")
    assert (row.residence_division_code, row.town_code) == ("110109001001", "110109001")
    assert (row.primary_category, row.left_behind, row.disabled) == ("NONE", False, False)


def test_an_update_moves_the_child_and_renames_it(harness, ev):
    child_id = harness.child()
    harness.deliver(ev.updated(child_id, village=OTHER_TOWN_VILLAGE, name="李小明"))
    row = _facts(harness, child_id)
    assert row is not None
    assert (row.name, row.residence_division_code, row.town_code) == (
        "李小明",
        OTHER_TOWN_VILLAGE,
        "110109101",
    )


def test_classifications_give_category_left_behind_and_disability(harness, ev):
    child_id = harness.child()
    harness.deliver(ev.classified(child_id, ["DISABLED", "ORPHAN"], left_behind=True))
    row = _facts(harness, child_id)
    assert row is not None
    assert [c["subtype"] for c in row.classifications] == ["DISABLED", "ORPHAN"]
    assert (row.primary_category, row.left_behind, row.disabled) == ("HARDSHIP", True, True)
    harness.deliver(ev.classified(child_id, []))
    row = _facts(harness, child_id)
    assert row is not None
    assert (row.classifications, row.primary_category, row.disabled) == ([], "NONE", False)


def test_a_classification_before_the_registration_is_still_taken(harness, ev):
    # Another consumer's order is not ours to assume: the classification carries the identity.
    child_id = str(uuid.uuid4())
    harness.deliver(ev.classified(child_id, ["SERIOUSLY_ILL"]))
    row = _facts(harness, child_id)
    assert row is not None and row.primary_category == "HARDSHIP" and not row.disabled


def test_an_exit_is_recorded_and_an_unknown_child_s_is_ignored(harness, ev):
    child_id = harness.child()
    harness.deliver(ev.exited(child_id, date(2026, 6, 1)))
    row = _facts(harness, child_id)
    assert row is not None and (row.status, row.exited_on) == ("EXITED", date(2026, 6, 1))
    harness.deliver(ev.exited(str(uuid.uuid4()), date(2026, 6, 1)))
    with Session(harness.engine) as session:
        assert len(session.exec(select(ChildProjection)).all()) == 1


def test_a_redelivered_event_changes_nothing(harness, ev):
    child_id = str(uuid.uuid4())
    first = ev.registered(child_id, name="第一次")
    harness.deliver(first)
    harness.deliver(ev.updated(child_id, name="改过"))
    harness.deliver(first)  # the same event id again: the inbox has it
    row = _facts(harness, child_id)
    assert row is not None and row.name == "改过"
