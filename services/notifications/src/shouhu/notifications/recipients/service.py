"""Who a notification reaches: a person, whoever holds a post now, or an outside contact."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from shouhu.notifications.mobile import is_mobile
from shouhu.notifications.models import PostHolder
from shouhu.notifications.recipients import repository
from shouhu.notifications.recipients.schemas import AssignmentEnded, WorkerAssigned
from shouhu.notifications.rules import rules
from shouhu.platform.clock import today

HELD = "shouhu.notifications.held_posts"  # session.info key: the transaction's answers


@dataclass(frozen=True)
class To:
    """A recipient: a person (username), a post (role in a division) or a contact (mobile)."""

    username: str | None = None
    role: str | None = None
    division: str | None = None
    mobile: str | None = None

    @classmethod
    def person(cls, username: str) -> To:
        return cls(username=username)

    @classmethod
    def post(cls, role: str, division: str) -> To:
        return cls(role=role, division=division)

    @classmethod
    def contact(cls, mobile: str) -> To:
        return cls(mobile=mobile)

    @property
    def label(self) -> str:
        if self.username:
            return self.username
        if self.role:
            return f"{self.role}@{self.division}"
        return "contact"


def resolve(session: Session, to: To) -> To:
    """A post nobody holds goes up (a village without a supervisor reaches the town's worker).

    Only posts the workforce knows can be found empty; any other post is taken as held.
    """
    held_posts = rules().held_posts
    while to.role in held_posts and to.division:
        if _held(session, to.role, to.division):
            return to
        up = held_posts[to.role]
        to = To.post(up.role, up.division(to.division))
    return to


def _held(session: Session, role: str, division: str) -> bool:
    """Whether anybody holds the post today, asked once per transaction: a fan-out of thousands
    to the same villages asks the database once per village."""
    held: dict[tuple[str, str, date], bool] = session.info.setdefault(HELD, {})
    key = (role, division, today())
    if key not in held:
        with session.no_autoflush:
            held[key] = bool(repository.holders(session, role, division, key[2]))
    return held[key]


def _forget_held(session: Session) -> None:
    # Flushed now: the posts are asked without autoflush, not to break the batch's inserts.
    session.flush()
    session.info.pop(HELD, None)


def mobiles(session: Session, to: To) -> list[str]:
    """The mobile numbers an SMS to this recipient goes to (landlines cannot take one)."""
    now = today()
    if to.mobile:
        found = [to.mobile]
    elif to.username:
        found = [h.phone for h in repository.by_username(session, to.username, now)]
    elif to.role and to.division:
        found = [h.phone for h in repository.holders(session, to.role, to.division, now)]
        # A post the workforce does not record (a station's chief, a duty officer): its number
        # is deployment data.
        found = found or [rules().post_mobiles.get(to.label, "")]
    else:
        found = []
    return sorted({m for m in found if is_mobile(m)})


def assigned(session: Session, event: WorkerAssigned) -> None:
    """Project `registry.workforce.assigned`: the member holds the post from `since`."""
    holder = repository.get(session, event.member_id) or PostHolder(
        member_id=event.member_id,
        role=event.role,
        division_code=event.division_code,
        name=event.name,
        phone=event.phone,
        since=event.since,
    )
    holder.username, holder.name, holder.phone = event.username, event.name, event.phone
    repository.add(session, holder)
    _forget_held(session)


def ended(session: Session, event: AssignmentEnded) -> None:
    """Project `registry.workforce.ended`; one that comes before its start is parked."""
    holder = repository.get(session, event.member_id)
    if holder is None:
        raise LookupError(f"no assignment {event.member_id} to end")
    holder.until = event.until
    repository.add(session, holder)
    _forget_held(session)


def emails(to: To) -> list[str]:
    """The email addresses of a post (the rules' duty officers); persons and contacts: none."""
    address = rules().post_emails.get(to.label) if to.role else None
    return [address] if address else []
