"""API shapes of the overdue list: a child's file beside its latest visit.

Apart from `schemas.py` because a file (`ChildOut`) carries its visits: these shapes sit above
children's, the visit's own below them.
"""

from __future__ import annotations

from datetime import date

from shouhu.platform.schemas import Camel, PageInfo
from shouhu.registry.children.schemas import ChildOut
from shouhu.registry.visits.schemas import VisitOut


class OverdueVisitOut(Camel):
    """An active child whose visit is overdue, since `due_on`."""

    child: ChildOut
    due_on: date
    days_overdue: int
    last_visit: VisitOut | None


class OverdueEdge(Camel):
    cursor: str
    node: OverdueVisitOut


class OverduePage(Camel):
    """A page of overdue visits, ordered by village then child."""

    division_code: str
    edges: list[OverdueEdge]
    page_info: PageInfo
    total_count: int
