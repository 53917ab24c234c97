"""Small-cell suppression as pure logic: no hidden cell can be subtracted back."""

import random

from shouhu.registry.statistics.suppression import suppressed


def test_small_cells_are_hidden_and_zero_is_not():
    values = {"total": 12, "a": 3, "b": 9, "c": 0}
    hidden = suppressed(values, [("total", ["a", "b", "c"])], 5)
    assert "a" in hidden and "c" not in hidden
    # With only `a` hidden, 12 - 9 - 0 would give it back: `b` goes too.
    assert hidden == {"a", "b"}


def test_an_equality_hides_both_sides():
    hidden = suppressed({"leftBehind": 3, "group": 3, "x": 7}, [("leftBehind", ["group"])], 5)
    assert hidden == {"leftBehind", "group"}


def test_no_sum_is_left_with_exactly_one_hidden_cell():
    rng = random.Random(7)
    for _ in range(500):
        rows = [[rng.choice([0, 0, 1, 2, 3, 4, 6, 9, 15, 40]) for _ in range(3)] for _ in range(4)]
        values = {f"{r}.{c}": n for r, row in enumerate(rows) for c, n in enumerate(row)}
        values |= {f"{r}.t": sum(row) for r, row in enumerate(rows)}
        values |= {f"all.{c}": sum(row[c] for row in rows) for c in range(3)}
        values["all.t"] = sum(values[f"{r}.t"] for r in range(4))
        sums = [(f"{r}.t", [f"{r}.{c}" for c in range(3)]) for r in range(4)]
        sums += [(f"all.{c}", [f"{r}.{c}" for r in range(4)]) for c in range(3)]
        sums += [("all.t", [f"{r}.t" for r in range(4)]), ("all.t", [f"all.{c}" for c in range(3)])]
        hidden = suppressed(values, sums, 5)
        assert all(cell in hidden for cell, n in values.items() if 0 < n < 5)
        for total, parts in sums:
            assert sum(cell in hidden for cell in [total, *parts]) != 1, (rows, total)
