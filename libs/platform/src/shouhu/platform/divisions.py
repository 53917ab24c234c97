"""Names of the district's divisions (reference data), for texts and exports of any service.

The registry owns the divisions (it seeds its table from its own copy of this file); services
that only print a name read this one.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def names() -> dict[str, str]:
    """Division code → name: the district, its towns and villages (statistical codes of 2023)."""
    source = resources.files("shouhu.platform") / "data" / "mentougou-divisions.csv"
    with source.open(encoding="utf-8") as handle:
        return {row["code"]: row["name"] for row in csv.DictReader(handle)}


def name(code: str) -> str:
    return names().get(code, code)
