"""Rules of programmes and standards: who sets them, within what bounds; never commits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlmodel import Session

from shouhu.benefits import policy
from shouhu.benefits.decisions.ranges import request_redecision
from shouhu.benefits.models import BenefitStandard, ProgrammeSetting, StandardChange
from shouhu.benefits.programmes import repository
from shouhu.benefits.programmes.events import (
    PROGRAMME_ENABLED_CHANGED,
    STANDARD_SET,
    ProgrammeEnabledChanged,
    StandardSet,
)
from shouhu.benefits.programmes.schemas import (
    FIRST_YEAR,
    MAX_MONTHLY_FEN,
    ExclusiveGroupOut,
    ProgrammeOut,
    SetEnabled,
    SetStandard,
    StandardOut,
)
from shouhu.benefits.publish import emit
from shouhu.benefits.rules.schema import ProgrammeCode, Rules, load
from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import Forbidden, ValidationFailed
from shouhu.platform.events import utcnow

SYSTEM = "system"


def seed(session: Session, rules: Rules | None = None) -> None:
    """A setting row for every programme of the rules, enabled as the rules say by default."""
    rules = rules or load()
    known = {s.code for s in repository.settings(session)}
    repository.add_settings_if_missing(
        session,
        [
            ProgrammeSetting(
                code=programme.code.value,
                enabled=programme.enabled_by_default,
                updated_by=SYSTEM,
                updated_at=utcnow(),
            )
            for programme in rules.programmes
            if programme.code.value not in known
        ],
    )


def standards_for(
    session: Session, year: int, rules: Rules | None = None
) -> dict[ProgrammeCode, int]:
    """Each programme's standard in a year: the latest set up to it, else the rules' placeholder."""
    rules = rules or load()
    amounts = {p.code: p.default_monthly_fen for p in rules.programmes}
    for row in repository.standards_up_to(session, year):
        amounts[ProgrammeCode(row.programme)] = row.monthly_amount_fen
    return amounts


def enabled_map(session: Session, rules: Rules | None = None) -> dict[ProgrammeCode, bool]:
    """Whether each programme runs; a programme without a setting row runs as the rules say."""
    rules = rules or load()
    enabled = {p.code: p.enabled_by_default for p in rules.programmes}
    for row in repository.settings(session):
        enabled[ProgrammeCode(row.code)] = row.enabled
    return enabled


def to_out(
    session: Session,
    rules: Rules,
    code: ProgrammeCode,
    year: int,
    enabled: Mapping[ProgrammeCode, bool],
    set_rows: Sequence[BenefitStandard] | None = None,
) -> ProgrammeOut:
    programme = rules.programme(code)
    rows = list(set_rows if set_rows is not None else repository.standards_of(session, code.value))
    effective = [r for r in rows if r.year <= year]
    current = effective[-1] if effective else None
    group = rules.group_of(code)
    return ProgrammeOut(
        code=code,
        name=programme.name,
        kind=programme.kind,
        category=programme.category,
        basis=programme.basis,
        administered_elsewhere=programme.administered_elsewhere,
        paid_in_batches=programme.paid_in_batches,
        pilot=programme.pilot,
        enabled=enabled[code],
        exclusive_group=(
            ExclusiveGroupOut(
                code=group.code,
                name=group.name,
                basis=group.basis,
                members=list(group.members),
                stacks_with=[e.programme for e in group.stacks_with],
            )
            if group
            else None
        ),
        year=year,
        monthly_amount_fen=current.monthly_amount_fen if current else programme.default_monthly_fen,
        placeholder=current is None,
        standards=[
            StandardOut(
                year=r.year,
                monthly_amount_fen=r.monthly_amount_fen,
                placeholder=False,
                set_by=r.set_by,
                set_at=r.set_at,
            )
            for r in rows
        ],
        rule_version=rules.version,
    )


def list_programmes(session: Session, principal: Principal) -> list[ProgrammeOut]:
    """Every programme with this year's standard; programmes are no one's personal data."""
    if not principal.roles:
        raise Forbidden("无权查看保障项目")
    rules, year = load(), today().year
    enabled = enabled_map(session, rules)
    return [to_out(session, rules, p.code, year, enabled) for p in rules.programmes]


def set_standard(
    session: Session, principal: Principal, code: ProgrammeCode, year: int, data: SetStandard
) -> ProgrammeOut:
    """Set a programme's monthly standard for a year; this year's is decided again by the worker."""
    policy.require_district(principal, policy.STANDARD_ROLES, "只有区民政局可以设定保障标准")
    fields: dict[str, str] = {}
    this_year = today().year
    if not FIRST_YEAR <= year <= this_year + 1:
        fields["year"] = f"年度应在{FIRST_YEAR}年至{this_year + 1}年之间"
    if not 0 <= data.monthly_amount_fen <= MAX_MONTHLY_FEN:
        fields["monthlyAmountFen"] = (
            f"月标准应为0至{MAX_MONTHLY_FEN}分（10万元）之间的整数（单位：分）"
        )
    if fields:
        raise ValidationFailed(fields=fields)
    rules, now = load(), utcnow()
    row = repository.standard(session, code.value, year)
    previous = row.monthly_amount_fen if row is not None else None
    if previous != data.monthly_amount_fen:
        if row is None:
            row = BenefitStandard(
                programme=code.value,
                year=year,
                monthly_amount_fen=data.monthly_amount_fen,
                set_by=principal.username,
                set_at=now,
            )
        row.monthly_amount_fen, row.set_by, row.set_at = (
            data.monthly_amount_fen,
            principal.username,
            now,
        )
        repository.add(session, row)
        repository.add(
            session,
            StandardChange(
                programme=code.value,
                year=year,
                previous_fen=previous,
                monthly_amount_fen=data.monthly_amount_fen,
                set_by=principal.username,
                set_at=now,
            ),
        )
        event = emit(
            session,
            STANDARD_SET,
            code.value,
            StandardSet(
                programme=code.value,
                year=year,
                monthly_amount_fen=data.monthly_amount_fen,
                previous_fen=previous,
                set_by=principal.username,
            ),
        )
        session.flush()
        if year == this_year:
            # A past year's standard changes only batches not yet run; a coming year's is
            # decided by the calendar on its first day.
            request_redecision(session, rules.affected_by(code), today(), STANDARD_SET, event.id)
    return to_out(session, rules, code, this_year, enabled_map(session, rules))


def set_enabled(
    session: Session, principal: Principal, code: ProgrammeCode, data: SetEnabled
) -> ProgrammeOut:
    """Switch a pilot on or off; the worker re-decides the children it concerns."""
    policy.require_district(principal, policy.STANDARD_ROLES, "只有区民政局可以启用或停用试点项目")
    rules = load()
    if not rules.programme(code).pilot:
        raise ValidationFailed(fields={"programme": "只有试点项目可以启用或停用"})
    setting = repository.setting(session, code.value)
    if setting is None:
        setting = ProgrammeSetting(
            code=code.value, enabled=not data.enabled, updated_by=SYSTEM, updated_at=utcnow()
        )
    if setting.enabled != data.enabled:
        setting.enabled, setting.updated_by, setting.updated_at = (
            data.enabled,
            principal.username,
            utcnow(),
        )
        repository.add(session, setting)
        event = emit(
            session,
            PROGRAMME_ENABLED_CHANGED,
            code.value,
            ProgrammeEnabledChanged(
                programme=code.value, enabled=data.enabled, changed_by=principal.username
            ),
        )
        session.flush()
        request_redecision(
            session, rules.affected_by(code), today(), PROGRAMME_ENABLED_CHANGED, event.id
        )
    return to_out(session, rules, code, today().year, enabled_map(session, rules))
