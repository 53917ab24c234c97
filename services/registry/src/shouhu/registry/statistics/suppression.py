"""Small-cell suppression (小数抑制): counts under a threshold hidden, and none subtracted back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# A total and the cells that add up to it (an equality is a total with one part).
Sum = tuple[str, Sequence[str]]


def suppressed(values: Mapping[str, int], sums: Sequence[Sum], threshold: int) -> set[str]:
    """The cells to hide: those of 1 to threshold-1 children, then, wherever a sum would have
    exactly one hidden cell (found by subtraction), the smallest other non-zero cell too."""
    hidden = {cell for cell, value in values.items() if 0 < value < threshold}
    changed = True
    while changed:
        changed = False
        for total, parts in sums:
            cells = [total, *parts]
            if sum(cell in hidden for cell in cells) != 1:
                continue
            shown = [cell for cell in cells if cell not in hidden and values[cell] > 0]
            if shown:
                hidden.add(min(shown, key=lambda cell: (values[cell], cell)))
                changed = True
    return hidden
