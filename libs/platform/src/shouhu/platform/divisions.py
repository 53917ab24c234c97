"""Names of the district's divisions (reference data), for texts and exports of any service.

The registry owns the divisions (it seeds its table from this file, once); services that only
print a name read it here.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


def rows() -> list[dict[str, str]]:
    """The shipped rows: `code`, `name`, `level`, `parent_code` (statistical codes of 2023)."""
    source = resources.files("shouhu.platform") / "data" / "mentougou-divisions.csv"
    with source.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@cache
def names() -> dict[str, str]:
    """Division code → name: the district, its towns and villages."""
    return {row["code"]: row["name"] for row in rows()}


def name(code: str) -> str:
    return names().get(code, code)
