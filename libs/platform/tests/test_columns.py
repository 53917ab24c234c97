"""Timestamp columns: written in UTC, read back in UTC with their zone, SQLite included."""

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import Engine
from sqlmodel import Field, Session, SQLModel, select

from shouhu.platform.columns import timestamp


class Stamped(SQLModel, table=True):
    __tablename__ = "stamped"

    id: int = Field(primary_key=True)
    at: datetime = timestamp()
    maybe: datetime | None = timestamp(nullable=True)


def test_a_moment_reads_back_as_the_same_moment_in_utc(engine: Engine) -> None:
    SQLModel.metadata.create_all(engine, tables=[Stamped.__table__])  # type: ignore[list-item]
    beijing = timezone(timedelta(hours=8))
    written = datetime(2026, 11, 30, 20, 15, tzinfo=beijing)
    with Session(engine) as session:
        session.add(Stamped(id=1, at=written))
        session.commit()
    with Session(engine) as session:
        row = session.exec(select(Stamped)).one()
    assert row.at == written and row.at.tzinfo is UTC
    assert row.at.isoformat() == "2026-11-30T12:15:00+00:00"
    assert row.maybe is None


def test_a_moment_compares_in_utc_whatever_zone_it_is_asked_in(engine: Engine) -> None:
    SQLModel.metadata.create_all(engine, tables=[Stamped.__table__])  # type: ignore[list-item]
    beijing = timezone(timedelta(hours=8))
    with Session(engine) as session:
        session.add(Stamped(id=1, at=datetime(2026, 11, 30, 12, 15, tzinfo=UTC)))
        session.commit()

    def after(moment: datetime) -> list[int]:
        with Session(engine) as session:
            return [r.id for r in session.exec(select(Stamped).where(Stamped.at > moment))]

    assert after(datetime(2026, 11, 30, 20, 0, tzinfo=beijing)) == [1]  # 12:00 UTC
    assert after(datetime(2026, 11, 30, 20, 30, tzinfo=beijing)) == []  # 12:30 UTC
