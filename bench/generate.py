"""Realistic synthetic children: names, valid identity numbers, villages weighted like Mentougou's,
classifications in plausible shares. Loads a registry database with COPY, or writes a ledger file.

    uv run python bench/generate.py --count 1000 --xlsx /tmp/ledger.xlsx
"""

from __future__ import annotations

import argparse
import random
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

from shouhu.platform import divisions
from shouhu.platform.identity import IdentityKeys
from shouhu.platform.testing import identity_number
from shouhu.registry.children.service import eighteenth_birthday, initials
from shouhu.registry.classifications.taxonomy import (
    GROUP_OF,
    SUBTYPE_NAMES,
    ClassificationSubtype,
    derive,
)

S = ClassificationSubtype
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
)
GIVEN = "子梓浩宇轩欣怡涵晨雨佳一诺萱铭泽睿博文思嘉俊杰明华丽芳强伟敏静秀英娜婷雪琳"
# Shares of the ledger: about half watched without a classification, a third left-behind.
HARDSHIP_SUBTYPES = {
    S.MINIMUM_SUBSISTENCE_FAMILY: 35,
    S.LOW_INCOME_FAMILY: 25,
    S.DISABLED: 15,
    S.SERIOUSLY_ILL: 8,
    S.DE_FACTO_UNSUPPORTED: 5,
    S.ORPHAN: 4,
    S.TEMPORARILY_WITHOUT_FAMILY_SUPPORT: 4,
    S.ABANDONED_INFANT: 1,
    S.STREET_CHILD: 0.5,
    S.HIV_AFFECTED: 0.5,
    S.TRAFFICKING_RESCUED: 0.2,
}


@dataclass(frozen=True)
class Village:
    code: str
    town: str
    weight: float


def villages() -> list[Village]:
    """Mentougou's villages; urban communities (社区) weigh three times a rural village."""
    rows = [r for r in divisions.rows() if r["level"] == "village"]
    return [Village(r["code"], r["parent_code"], 3.0 if "社区" in r["name"] else 1.0) for r in rows]


@dataclass
class SyntheticChild:
    id: str
    name: str
    gender: str
    birth_date: date
    id_number: str
    village: Village
    registered_on: date
    subtypes: list[ClassificationSubtype]


def children(
    count: int, seed: int = 20171229, today: date | None = None, birthplace: str = "110109"
) -> Iterator[SyntheticChild]:
    """`count` children; identity numbers unique within the run (and across birthplaces)."""
    rng = random.Random(seed)
    now = today or date.today()
    places = villages()
    weights = [v.weight for v in places]
    hardship, hardship_weights = list(HARDSHIP_SUBTYPES), list(HARDSHIP_SUBTYPES.values())
    used: set[str] = set()
    for _ in range(count):
        birth = now - timedelta(days=rng.randrange(30, 18 * 365 - 30))
        male = rng.random() < 0.52
        number = ""
        while not number or number in used:
            number = identity_number(
                birth, male=male, seq=rng.randrange(0, 500), division=birthplace
            )
        used.add(number)
        roll = rng.random()
        subtypes: list[ClassificationSubtype] = []
        if roll < 0.30:
            subtypes.append(rng.choices(hardship, hardship_weights)[0])
            if rng.random() < 0.10:
                subtypes.append(S.BOTH_PARENTS_AWAY)
        elif roll < 0.62:
            subtypes.append(
                S.BOTH_PARENTS_AWAY if rng.random() < 0.8 else S.ONE_AWAY_OTHER_INCAPABLE
            )
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2, 2))))
        registered = max(birth, now - timedelta(days=rng.randrange(0, 3 * 365)))
        yield SyntheticChild(
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            name=name,
            gender="MALE" if male else "FEMALE",
            birth_date=birth,
            id_number=number,
            village=rng.choices(places, weights)[0],
            registered_on=registered,
            subtypes=subtypes,
        )


@cache
def _initials(name: str) -> str:
    return initials(name)


def load(
    url: str,
    count: int,
    data_key: str,
    batch: int = 50_000,
    given: Iterable[SyntheticChild] | None = None,
) -> None:
    """COPY `count` children (or those `given`) with classifications and category periods into a
    migrated registry."""
    import psycopg

    keys = IdentityKeys.from_secret(data_key)
    now = datetime.now(UTC)
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=False) as connection:
        child_rows: list[tuple[Any, ...]] = []
        class_rows: list[tuple[Any, ...]] = []
        period_rows: list[tuple[Any, ...]] = []

        def flush() -> None:
            with connection.cursor() as cursor:
                with cursor.copy(
                    "COPY child (id, version, name, name_initials, gender, birth_date, "
                    "id_number_hash, id_number_cipher, id_number_key_id, residence_division_code, "
                    "town_code, status, primary_category, left_behind, registered_on, created_at, "
                    "created_by, updated_at) FROM STDIN"
                ) as copy:
                    for row in child_rows:
                        copy.write_row(row)
                with cursor.copy(
                    "COPY classification (id, child_id, group_code, subtype, since, recorded_by, "
                    "recorded_at) FROM STDIN"
                ) as copy:
                    for row in class_rows:
                        copy.write_row(row)
                with cursor.copy(
                    "COPY category_period (child_id, residence_division_code, town_code, "
                    "primary_category, left_behind, groups, subtypes, from_date, to_date) "
                    "FROM STDIN"
                ) as copy:
                    for row in period_rows:
                        copy.write_row(row)
            connection.commit()
            child_rows.clear()
            class_rows.clear()
            period_rows.clear()

        for n, child in enumerate(given if given is not None else children(count), start=1):
            categories = derive(child.subtypes)
            child_rows.append(
                (
                    child.id,
                    1,
                    child.name,
                    _initials(child.name),
                    child.gender,
                    child.birth_date,
                    keys.lookup_hash(child.id_number),
                    keys.encrypt(child.id_number),
                    keys.key_id,
                    child.village.code,
                    child.village.town,
                    "ACTIVE",
                    categories.primary.value,
                    categories.left_behind,
                    child.registered_on,
                    now,
                    "bench",
                    now,
                )
            )
            for subtype in child.subtypes:
                class_rows.append(
                    (
                        str(uuid.uuid4()),
                        child.id,
                        GROUP_OF[subtype].value,
                        subtype.value,
                        child.registered_on,
                        "bench",
                        now,
                    )
                )
            period_rows.append(
                (
                    child.id,
                    child.village.code,
                    child.village.town,
                    categories.primary.value,
                    categories.left_behind,
                    ",".join(categories.groups),
                    ",".join(categories.subtypes),
                    child.registered_on,
                    eighteenth_birthday(child.birth_date),
                )
            )
            if n % batch == 0:
                flush()
                print(f"  loaded {n:,} children", flush=True)
        flush()
        with connection.cursor() as cursor:
            connection.autocommit = True
            cursor.execute("VACUUM ANALYZE")


LEDGER_HEADERS = (
    "姓名",
    "性别",
    "出生日期",
    "身份证号",
    "居住地区划代码",
    "户籍地区划代码",
    "学校",
    "备注",
    "分类",
    "分类起始日期",
)


def ledger_rows(count: int, seed: int) -> Iterator[list[Any]]:
    """Rows of a village ledger (台账); born in Beijing's Xicheng, so no number meets the load's."""
    for child in children(count, seed=seed, birthplace="110102"):
        yield [
            child.name,
            "男" if child.gender == "MALE" else "女",
            child.birth_date.isoformat(),
            child.id_number,
            child.village.code,
            "",
            "",
            "",
            "；".join(SUBTYPE_NAMES[s] for s in child.subtypes),
            child.registered_on.isoformat() if child.subtypes else "",
        ]


def write_xlsx(path: str, count: int, seed: int = 7) -> None:
    """A ledger spreadsheet written row by row (openpyxl's write-only mode)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("台账")
    sheet.append(list(LEDGER_HEADERS))
    for row in ledger_rows(count, seed):
        sheet.append(row)
    workbook.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--xlsx", help="write a ledger spreadsheet here")
    parser.add_argument("--database-url", help="COPY into this migrated registry database")
    parser.add_argument("--data-key", default="bench-data-key")
    args = parser.parse_args()
    if args.xlsx:
        write_xlsx(args.xlsx, args.count)
    if args.database_url:
        load(args.database_url, args.count, args.data_key)


if __name__ == "__main__":
    main()
