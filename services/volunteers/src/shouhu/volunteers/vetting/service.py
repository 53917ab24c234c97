"""Rules of vetting: who records a check, what makes a volunteer vetted, the checks ending on a
day; writes events, never commits."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session

from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.identity import KeyRing
from shouhu.volunteers import policy
from shouhu.volunteers.models import Vetting, Volunteer
from shouhu.volunteers.organisations import service as organisation_service
from shouhu.volunteers.pairing import service as pairing_service
from shouhu.volunteers.publish import emit
from shouhu.volunteers.vetting import repository
from shouhu.volunteers.vetting.events import VOLUNTEER_VETTED, VolunteerVetted
from shouhu.volunteers.vetting.rules import load
from shouhu.volunteers.vetting.schemas import VettingInput, VettingKind
from shouhu.volunteers.volunteers import repository as volunteers
from shouhu.volunteers.volunteers import service as volunteer_service
from shouhu.volunteers.volunteers.schemas import VolunteerOut

RECORD_CHECK = VettingKind.MINOR_PROTECTION_RECORD_CHECK.value
TRAINING = VettingKind.TRAINING.value


def standing(checks: Sequence[Vetting]) -> tuple[date | None, bool]:
    """(the record check's last valid day, trained) from a volunteer's whole history.

    The latest record check decides (a failed one after a passed one means a record has come to
    light); any passed training counts."""
    record_checks = [c for c in checks if c.kind == RECORD_CHECK]
    latest = max(record_checks, key=lambda c: (c.checked_on, c.recorded_at), default=None)
    valid_until = latest.valid_until if latest is not None and latest.passed else None
    trained = any(c.kind == TRAINING and c.passed for c in checks)
    return valid_until, trained


def record(
    session: Session,
    principal: Principal,
    keys: KeyRing,
    volunteer_id: str,
    data: VettingInput,
) -> VolunteerOut:
    """One check of a volunteer, kept; `vetted` worked out again from the whole history."""
    policy.require(principal, policy.VETTING_ROLES, "无权记录志愿者审核")
    row = volunteers.volunteer(session, volunteer_id)
    if row is None:
        raise NotFound(volunteer_service.UNKNOWN)
    organisation = organisation_service.get(session, row.organisation_id)
    if not policy.writes_for(principal, organisation.acting_role):
        raise Forbidden("只能审核本单位负责的组织的志愿者")
    if data.checked_on < row.birth_date:
        message = "审核日期不能早于出生日期"
        raise ValidationFailed(message, fields={"checkedOn": message})
    rules, on = load(), today()
    passed_check = data.kind is VettingKind.MINOR_PROTECTION_RECORD_CHECK and data.passed
    check = Vetting(
        id=str(uuid.uuid4()),
        volunteer_id=row.id,
        kind=data.kind.value,
        passed=data.passed,
        checked_on=data.checked_on,
        valid_until=rules.valid_until(data.checked_on) if passed_check else None,
        rule_version=rules.version,
        note=data.note,
        recorded_by=principal.username,
        recorded_at=utcnow(),
    )
    history = [check, *repository.of_volunteers(session, [row.id]).get(row.id, [])]
    was = volunteer_service.vetted(row, on)
    row.check_valid_until, row.trained = standing(history)
    row.version += 1
    row.updated_at = check.recorded_at
    repository.add(session, check)
    volunteers.add(session, row)
    now_vetted = volunteer_service.vetted(row, on)
    if now_vetted != was:
        emit(session, VOLUNTEER_VETTED, row.id, _vetted(row, organisation.id, on, check))
    if now_vetted:  # pairings suspended when a check ran out carry on (unless ended meanwhile)
        pairing_service.resume_of(session, row, principal.username, on)
    history.sort(key=lambda c: (c.checked_on, c.recorded_at), reverse=True)
    # The whole volunteer, as `volunteer` answers it (hours and account too), not a partial one.
    return volunteer_service.view(session, principal, keys, row, history)


def _vetted(
    row: Volunteer, organisation_id: str, on: date, check: Vetting | None
) -> VolunteerVetted:
    return VolunteerVetted(
        volunteer_id=row.id,
        organisation_id=organisation_id,
        division_code=row.division_code,
        vetted=volunteer_service.vetted(row, on),
        trained=row.trained,
        check_valid_until=row.check_valid_until,
        kind=check.kind if check else None,
        on=on,
        changed_by=check.recorded_by if check else "volunteers",
    )


@dataclass(frozen=True)
class EndingChecks:
    """The record checks a day's job acts on: those to remind of, those that ran out."""

    day: date
    expiring: list[Volunteer]  # their check's reminder falls on the day
    expired: list[Volunteer]  # the day is the first their check is no longer current


def checks_ending(session: Session, day: date) -> EndingChecks:
    """The volunteers whose current record check is to be reminded of, or ran out, on `day`.

    Reminding the organisation (notifications) and suspending pairings come with the daily job
    of a later slice; it calls this once a day."""
    rules = load()
    reminder_for = day + timedelta(days=rules.record_check.reminder_days)
    return EndingChecks(
        day=day,
        expiring=list(volunteers.with_check_ending(session, reminder_for)),
        expired=list(volunteers.with_check_ending(session, day - timedelta(days=1))),
    )
