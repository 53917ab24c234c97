"""Demo children for embedded mode (演示数据): a few files in the demo users' villages."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Engine
from sqlmodel import Session, select

from shouhu.platform.auth import Principal, Role
from shouhu.platform.clock import today
from shouhu.platform.identity import KeyRing
from shouhu.registry.children import service as children
from shouhu.registry.children.schemas import (
    ChildOut,
    ClassificationIn,
    ClassifyChild,
    Gender,
    RegisterChild,
)
from shouhu.registry.classifications import service as classifications
from shouhu.registry.classifications.taxonomy import GROUP_OF, ClassificationSubtype
from shouhu.registry.models import Child

S = ClassificationSubtype
# Name, gender, birth date, village, subtypes: invented people, never real ones.
DEMO_CHILDREN: tuple[tuple[str, Gender, date, str, tuple[ClassificationSubtype, ...]], ...] = (
    ("张小明", Gender.MALE, date(2014, 3, 7), "110109001001", (S.BOTH_PARENTS_AWAY,)),
    ("李思琪", Gender.FEMALE, date(2012, 9, 21), "110109001001", (S.MINIMUM_SUBSISTENCE_FAMILY,)),
    ("王浩然", Gender.MALE, date(2016, 1, 30), "110109001001", (S.DISABLED, S.BOTH_PARENTS_AWAY)),
    ("赵雨涵", Gender.FEMALE, date(2010, 6, 2), "110109001002", (S.ORPHAN,)),
    ("刘子轩", Gender.MALE, date(2015, 11, 11), "110109001003", ()),
    ("陈欣怡", Gender.FEMALE, date(2013, 4, 18), "110109101001", (S.ONE_AWAY_OTHER_INCAPABLE,)),
    ("杨博文", Gender.MALE, date(2011, 12, 5), "110109101001", (S.LOW_INCOME_FAMILY,)),
    ("周佳怡", Gender.FEMALE, date(2017, 7, 14), "110109101002", (S.SERIOUSLY_ILL,)),
    ("吴俊杰", Gender.MALE, date(2009, 2, 27), "110109106201", (S.DE_FACTO_UNSUPPORTED,)),
    ("孙诗涵", Gender.FEMALE, date(2018, 8, 8), "110109106201", (S.BOTH_PARENTS_AWAY,)),
)
SEEDER = Principal(
    subject="demo-seed",
    username="demo-seed",
    roles=frozenset({Role.CIVIL_AFFAIRS.value}),
    division_code="110109",
)


def seed_demo_children(engine: Engine, keys: KeyRing) -> int:
    """Open and classify the demo files once, through the same rules as the API."""
    with Session(engine) as session:
        if session.exec(select(Child).limit(1)).first() is not None:
            return 0
        since = today() - timedelta(days=200)
        for name, gender, born, village, subtypes in DEMO_CHILDREN:
            data = RegisterChild(
                name=name, gender=gender, birth_date=born, residence_division_code=village
            )
            child = children.register_child(session, SEEDER, data, keys)
            assert isinstance(child, ChildOut)
            session.flush()
            if subtypes:
                items = [
                    ClassificationIn(group=GROUP_OF[s], subtype=s, since=since) for s in subtypes
                ]
                classifications.classify_child(
                    session,
                    SEEDER,
                    child.id,
                    child.version,
                    ClassifyChild(classifications=items),
                    keys,
                )
        session.commit()
        return len(DEMO_CHILDREN)
