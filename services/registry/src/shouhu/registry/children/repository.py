"""SQL of children's files."""

from sqlmodel import Session, select

from shouhu.registry.models import Child


def get(session: Session, child_id: str) -> Child | None:
    return session.get(Child, child_id)


def by_id_hash(session: Session, id_hash: str) -> Child | None:
    return session.exec(select(Child).where(Child.id_number_hash == id_hash)).first()


def add(session: Session, child: Child) -> None:
    session.add(child)
