"""Rules of volunteers' accounts: a username and a one-time password at registration, the
account made after the commit by the worker, disabling; writes, never commits (but the job)."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable

from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.platform.auth import Principal, Role
from shouhu.platform.clock import today
from shouhu.platform.errors import Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.identity import KeyRing
from shouhu.volunteers import policy
from shouhu.volunteers.accounts import repository
from shouhu.volunteers.accounts.directory import Accounts, NewAccount
from shouhu.volunteers.accounts.events import (
    VOLUNTEER_DISABLED,
    VOLUNTEER_ENABLED,
    VolunteerDisabled,
    VolunteerEnabled,
)
from shouhu.volunteers.accounts.schemas import AccountOut, AccountStatus
from shouhu.volunteers.models import Volunteer, VolunteerAccount
from shouhu.volunteers.organisations import service as organisations
from shouhu.volunteers.publish import emit
from shouhu.volunteers.volunteers import repository as volunteers

log = logging.getLogger(__name__)

USERNAME_PREFIX = "vol."
USERNAME_DIGITS = 8
# No 0/O, 1/l/I: the clerk reads the password out or writes it down for the volunteer.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
PASSWORD_GROUPS = 3  # three groups of four and two dashes: 14 characters, over the realm's 12
NO_ACCOUNT = "该志愿者没有账号"


def new_username() -> str:
    """`vol.` and 8 random digits: says nothing about the person, unlike a phone or a name."""
    return f"{USERNAME_PREFIX}{secrets.randbelow(10**USERNAME_DIGITS):0{USERNAME_DIGITS}d}"


def new_password() -> str:
    """A one-time password (some 68 bits), changed at the first sign-in."""
    groups = ("".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(PASSWORD_GROUPS))
    return "-".join(groups)


def free_usernames(session: Session, count: int, held: set[str] | None = None) -> list[str]:
    """`count` usernames no account holds, nor `held`."""
    held = set(held or ())
    found: list[str] = []
    while len(found) < count:
        wanted = {new_username() for _ in range(count - len(found))} - held
        wanted -= repository.taken(session, wanted)
        found.extend(sorted(wanted))
        held |= wanted
    return found


def status(row: VolunteerAccount) -> AccountStatus:
    if not row.enabled:
        return AccountStatus.DISABLED
    return AccountStatus.PENDING if row.made_at is None else AccountStatus.ACTIVE


def out(row: VolunteerAccount, initial_password: str | None = None) -> AccountOut:
    return AccountOut(
        username=row.username,
        status=status(row),
        initial_password=initial_password,
        made_at=row.made_at,
        disabled_reason=row.disabled_reason,
        disabled_by=row.disabled_by,
        disabled_at=row.disabled_at,
    )


def plan(
    session: Session, keys: KeyRing, volunteer: Volunteer, username: str | None = None
) -> AccountOut:
    """The volunteer's account, to be made after the commit: its username on the volunteer at
    once, the one-time password sealed until the worker has made it; answered once."""
    username = username or free_usernames(session, 1)[0]
    password = new_password()
    now = utcnow()
    row = VolunteerAccount(
        volunteer_id=volunteer.id,
        username=username,
        name=volunteer.name,
        division_code=volunteer.division_code,
        enabled=True,
        synced=False,
        password_cipher=keys.current.encrypt(password),
        password_key_id=keys.current.key_id,
        attempts=0,
        created_at=now,
        updated_at=now,
    )
    repository.add(session, row)
    volunteer.username = username
    return out(row, password)


def _account_of(
    session: Session, principal: Principal, volunteer_id: str, roles: frozenset[Role], verb: str
) -> tuple[Volunteer, VolunteerAccount]:
    """The volunteer and their account, if the caller may disable (or enable) them."""
    policy.require(principal, roles, f"无权{verb}志愿者")
    volunteer = volunteers.volunteer(session, volunteer_id)
    if volunteer is None:
        raise NotFound("志愿者不存在")
    organisation = organisations.get(session, volunteer.organisation_id)
    if not policy.writes_for(principal, organisation.acting_role):
        raise Forbidden(f"只能{verb}本单位负责的组织的志愿者")
    row = repository.account(session, volunteer_id)
    if row is None:
        raise ValidationFailed(NO_ACCOUNT, fields={"id": NO_ACCOUNT})
    return volunteer, row


def _switch(
    session: Session,
    volunteer: Volunteer,
    row: VolunteerAccount,
    reason: str | None,
    by: str | None,
) -> None:
    """The account disabled (with why and by whom) or, `by` None, enabled; for the worker."""
    now = utcnow()
    row.enabled = by is None
    row.synced = False
    row.disabled_reason, row.disabled_by = reason, by
    row.disabled_at = now if by is not None else None
    row.updated_at = now
    volunteer.version += 1
    volunteer.updated_at = now
    repository.add(session, row)


def disable(session: Session, principal: Principal, volunteer_id: str, reason: str) -> None:
    """Disable a volunteer's account (the worker disables it in the provider and ends its
    sessions); by whoever may register the volunteer. Disabling twice keeps the first reason."""
    volunteer, row = _account_of(session, principal, volunteer_id, policy.DISABLE_ROLES, "停用")
    if not row.enabled:
        return
    why = reason.strip()
    _switch(session, volunteer, row, why, principal.username)
    emit(
        session,
        VOLUNTEER_DISABLED,
        volunteer.id,
        VolunteerDisabled(
            volunteer_id=volunteer.id,
            organisation_id=volunteer.organisation_id,
            division_code=volunteer.division_code,
            username=row.username,
            reason=why,
            disabled_on=today(),
            disabled_by=principal.username,
        ),
    )


def enable(session: Session, principal: Principal, volunteer_id: str) -> None:
    """Enable a disabled volunteer's account again (the worker enables it in the provider); by
    whoever may disable them. Enabling an enabled one leaves it as it is."""
    volunteer, row = _account_of(session, principal, volunteer_id, policy.ENABLE_ROLES, "启用")
    if row.enabled:
        return
    # The account is in use again: the last disabling is in the events, not on the account.
    _switch(session, volunteer, row, None, None)
    emit(
        session,
        VOLUNTEER_ENABLED,
        volunteer.id,
        VolunteerEnabled(
            volunteer_id=volunteer.id,
            organisation_id=volunteer.organisation_id,
            division_code=volunteer.division_code,
            username=row.username,
            enabled_on=today(),
            enabled_by=principal.username,
        ),
    )


def of_volunteers(session: Session, ids: Iterable[str]) -> dict[str, AccountOut]:
    return {k: out(v) for k, v in repository.of_volunteers(session, list(ids)).items()}


def backfill(
    session: Session, keys: KeyRing, limit: int
) -> tuple[list[tuple[Volunteer, AccountOut]], int]:
    """Accounts planned for up to `limit` registered volunteers without one (registered before
    accounts existed, or by a path that skipped them), each with its one-time password, and the
    accounts that failed to be made put first in the worker's queue again: (planned, retried).
    Run again, it plans nothing twice: a volunteer with an account row is left alone."""
    rows = repository.without_account(session, limit)
    names = free_usernames(session, len(rows))
    planned = [(row, plan(session, keys, row, name)) for row, name in zip(rows, names, strict=True)]
    return planned, repository.retry_failed(session)


# ---- the worker's job ---------------------------------------------------------------------


def sync(engine: Engine, keys: KeyRing, accounts: Accounts, batch: int) -> int:
    """Make the accounts still to make and apply disablings, a batch at a time; how many went
    through. A provider that is down leaves them for the next round: nothing is lost."""
    done = 0
    with Session(engine) as session:
        rows = repository.unsynced(session, batch)
        if not rows:
            return 0
        seen = {r.volunteer_id: r.updated_at for r in rows}
        to_make = [r for r in rows if r.made_at is None]
        to_change = [r for r in rows if r.made_at is not None]
        news = []
        for r in to_make:
            if r.password_cipher is None:  # cannot happen: sealed until made
                repository.mark_failed(session, r.volunteer_id, "no initial password")
                continue
            password = keys.open(r.password_cipher, r.password_key_id)
            news.append(NewAccount(r.username, r.name, r.division_code, password, r.enabled))
        try:
            outcomes = accounts.create(news) if news else {}
        except Exception as exc:  # the provider is unreachable: all of them wait
            log.warning("accounts not made (%d waiting): %s", len(news), exc)
            outcomes = {a.username: str(exc) or type(exc).__name__ for a in news}
        now = utcnow()
        for r in to_make:
            error = outcomes.get(r.username, "not tried")
            if error is None:
                repository.mark_synced(session, r.volunteer_id, seen[r.volunteer_id], now, True)
                done += 1
            else:
                repository.mark_failed(session, r.volunteer_id, error)
        for r in to_change:
            try:
                accounts.set_enabled(r.username, r.enabled)
            except Exception as exc:
                log.warning("account %s not changed: %s", r.username, exc)
                repository.mark_failed(session, r.volunteer_id, str(exc) or type(exc).__name__)
                continue
            repository.mark_synced(session, r.volunteer_id, seen[r.volunteer_id], now, False)
            done += 1
        session.commit()
    return done


def sync_all(
    engine: Engine, keys: KeyRing, accounts: Accounts, batch: int, rounds: int = 50
) -> int:
    """Rounds of `sync` until a round has nothing left to do (or fails entirely), at most
    `rounds` of them, so that a stopping worker is not held up by a long roster."""
    total = 0
    for _ in range(rounds):
        done = sync(engine, keys, accounts, batch)
        if done == 0:
            break
        total += done
    return total
