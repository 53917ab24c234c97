"""Wire conventions every module of the registry shares: camelCase, cursor pages."""

from __future__ import annotations

from shouhu.platform.schemas import Camel as Camel
from shouhu.platform.schemas import Input as Input


class PageInfo(Camel):
    has_next_page: bool
    end_cursor: str | None
