"""The projection rebuilt from the registry's pages: every file as the registry has it, once."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, select

from shouhu.education.models import ChildProjection
from shouhu.education.rebuild import rebuild

ON = date(2026, 11, 1)


def _file(child_id: str, **change: Any) -> dict[str, Any]:
    return {
        "id": child_id,
        "name": f"儿童{child_id}",
        "birthDate": "2015-09-01",
        "residenceDivisionCode": "110109001001",
        "hukouDivisionCode": "130102",
        "status": "ACTIVE",
        "exitedOn": None,
        "primaryCategory": "HARDSHIP",
        "leftBehind": True,
        "classifications": [
            {"group": "ILLNESS_DISABILITY", "subtype": "DISABLED", "since": "2024-01-01"},
            {
                "group": "POVERTY",
                "subtype": "LOW_INCOME_FAMILY",
                "since": "2020-01-01",
                "until": "2023-01-01",
            },
        ],
        **change,
    }


class Registry:
    """The registry's search route, as pages of two."""

    def __init__(self, files: list[dict[str, Any]]) -> None:
        self.files, self.asked = files, []

    def __call__(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        assert path == "/children/search" and body["include"] == ["classifications"]
        self.asked.append(body["after"])
        start = int(body["after"] or 0)
        page = self.files[start : start + 2]
        more = start + 2 < len(self.files)
        return {
            "edges": [{"cursor": str(start + i + 1), "node": f} for i, f in enumerate(page)],
            "pageInfo": {"hasNextPage": more, "endCursor": str(start + 2) if more else None},
        }


def test_every_page_is_written_with_hukou_and_the_running_classifications(education):
    engine = education.app.state.engine
    registry = Registry(
        [
            _file("a"),
            _file("b", status="EXITED", exitedOn="2026-06-01"),
            _file("c", classifications=[], primaryCategory="NONE", leftBehind=False),
        ]
    )
    assert rebuild(engine, registry, ON) == 3
    assert registry.asked == [None, "2"]
    with Session(engine) as session:
        rows = {r.child_id: r for r in session.exec(select(ChildProjection)).all()}
    a = rows["a"]
    assert (a.hukou_division_code, a.town_code, a.left_behind, a.disabled) == (
        "130102",
        "110109001",
        True,
        True,
    )
    assert [c["subtype"] for c in a.classifications] == ["DISABLED"]
    assert (rows["b"].status, rows["b"].exited_on) == ("EXITED", date(2026, 6, 1))
    assert (rows["c"].primary_category, rows["c"].disabled) == ("NONE", False)


def test_running_it_twice_changes_nothing_more(education):
    engine = education.app.state.engine
    registry = Registry([_file("a"), _file("b")])
    rebuild(engine, registry, ON)
    with Session(engine) as session:
        first = [
            r.model_dump(exclude={"updated_at"}) for r in session.exec(select(ChildProjection))
        ]
    rebuild(engine, registry, ON)
    with Session(engine) as session:
        again = [
            r.model_dump(exclude={"updated_at"}) for r in session.exec(select(ChildProjection))
        ]
    assert first == again and len(again) == 2
