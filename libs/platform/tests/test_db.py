"""Sessions: a read of several statements sees one moment of the database."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from sqlalchemy import Column, Engine, Integer, MetaData, Table, insert, text
from sqlmodel import Session

from shouhu.platform.db import make_engine, pipelined, read_as_of_one_moment

THING = Table("thing", MetaData(), Column("n", Integer))


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
    else:
        server = request.getfixturevalue("postgres")
        url = server.create_database(f"db_{secrets.token_hex(4)}")
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE thing (n INTEGER)"))
    yield engine
    engine.dispose()


def _count(session: Session) -> int:
    return int(session.execute(text("SELECT count(*) FROM thing")).scalar_one())


def _write_elsewhere(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO thing VALUES (1)"))


def test_a_snapshot_does_not_see_a_write_committed_half_way(engine):
    with Session(engine) as session:
        read_as_of_one_moment(session)
        before = _count(session)
        _write_elsewhere(engine)
        assert _count(session) == before == 0
    with Session(engine) as session:
        assert _count(session) == 1  # the next request sees it


def test_without_it_the_second_read_sees_the_write(engine):
    with Session(engine) as session:
        assert _count(session) == 0
        _write_elsewhere(engine)
        assert _count(session) == 1  # why reads across tables need the snapshot


def test_statements_sent_in_a_pipeline_land_in_order(engine):
    with Session(engine) as session:
        with pipelined(session):
            for n in (1, 2, 3):
                session.execute(text("INSERT INTO thing VALUES (:n)"), {"n": n})
            session.execute(insert(THING), [{"n": 4}, {"n": 5}])
        session.commit()
    with Session(engine) as session:
        found = session.execute(text("SELECT n FROM thing ORDER BY n")).scalars().all()
        assert found == [1, 2, 3, 4, 5]


def test_a_failure_in_a_pipeline_is_raised_by_the_block_and_nothing_lands(engine):
    with engine.begin() as connection:
        connection.execute(text("CREATE UNIQUE INDEX thing_n ON thing (n)"))
    with Session(engine) as session:
        with pytest.raises(Exception, match=r"(?i)unique"), pipelined(session):
            session.execute(text("INSERT INTO thing VALUES (1)"))
            session.execute(text("INSERT INTO thing VALUES (1)"))
            session.execute(text("INSERT INTO thing VALUES (2)"))
        session.rollback()
    with Session(engine) as session:
        assert _count(session) == 0


def test_one_row_with_a_generated_key_goes_in_a_pipeline_when_inline(engine):
    numbered = Table(
        "numbered", MetaData(), Column("seq", Integer, primary_key=True), Column("n", Integer)
    )
    numbered.create(engine)
    with Session(engine) as session:
        with pipelined(session):
            session.execute(insert(numbered).inline(), [{"n": 7}])
            session.execute(insert(numbered).inline(), [{"n": 8}, {"n": 9}])
        session.commit()
    with Session(engine) as session:
        rows = session.execute(text("SELECT seq, n FROM numbered ORDER BY seq")).all()
        assert [tuple(r) for r in rows] == [(1, 7), (2, 8), (3, 9)]
