"""Percentiles as the database works them out, for where it cannot (SQLite)."""

from __future__ import annotations

import math
from collections.abc import Iterable


def percentile_cont(values: Iterable[float], q: float) -> float | None:
    """The q-quantile (0 ≤ q ≤ 1) by linear interpolation, as PostgreSQL's percentile_cont."""
    if not 0 <= q <= 1:
        raise ValueError(f"q must lie between 0 and 1, not {q}")
    ordered = sorted(values)
    if not ordered:
        return None
    # The same definition as the database's, so that a figure does not depend on where it was
    # worked out (SQLite has no percentile_cont; PostgreSQL does).
    position = q * (len(ordered) - 1)
    below, above = math.floor(position), math.ceil(position)
    fraction = position - below
    return ordered[below] + (ordered[above] - ordered[below]) * fraction
