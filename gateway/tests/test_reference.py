"""Reference data per process: one fetch for many callers at once, fetched again when stale."""

from __future__ import annotations

import asyncio

from shouhu.gateway.reference import DivisionTree, ReferenceCache

ROWS = [
    {"code": "110109", "name": "门头沟区", "level": "DISTRICT", "parentCode": None},
    {"code": "110109002", "name": "城子街道", "level": "TOWN", "parentCode": "110109"},
    {"code": "110109001", "name": "大峪街道", "level": "TOWN", "parentCode": "110109"},
    {"code": "110109001001", "name": "村", "level": "VILLAGE", "parentCode": "110109001"},
]


async def test_concurrent_misses_wait_for_one_fetch() -> None:
    cache: ReferenceCache[int] = ReferenceCache(ttl_seconds=60)
    fetches = 0

    async def fetch() -> int:
        nonlocal fetches
        fetches += 1
        await asyncio.sleep(0.05)  # long enough for every caller to miss first
        return 42

    values = await asyncio.gather(*(cache.get(fetch) for _ in range(50)))
    assert values == [42] * 50
    assert fetches == 1


async def test_a_stale_value_is_fetched_again_and_invalidate_forces_it() -> None:
    cache: ReferenceCache[int] = ReferenceCache(ttl_seconds=0.05)
    answers = iter([1, 2, 3])

    async def fetch() -> int:
        return next(answers)

    assert await cache.get(fetch) == 1
    assert await cache.get(fetch) == 1
    assert cache.peek() == 1
    await asyncio.sleep(0.06)
    assert cache.peek() is None
    assert await cache.get(fetch) == 2
    cache.invalidate()
    assert await cache.get(fetch) == 3


def test_the_tree_knows_each_division_and_what_is_below_it_in_code_order() -> None:
    tree = DivisionTree.from_rows(ROWS)
    assert tree.by_code["110109001"]["name"] == "大峪街道"
    assert [r["code"] for r in tree.below["110109"]] == ["110109001", "110109002"]
    assert [r["code"] for r in tree.below["110109001"]] == ["110109001001"]
    assert "110109001001" not in tree.below
