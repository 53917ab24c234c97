"""Rules of aid: standards the district sets, each child's decision made again whenever its
facts or a standard change; writes decisions and events, never commits."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from shouhu.education import policy
from shouhu.education.aid import engine, repository
from shouhu.education.aid.events import AID_DECIDED, AidDecided, AidOutcome, PlanMeasure
from shouhu.education.aid.rules import AidProgramme, Rules, load
from shouhu.education.aid.schemas import (
    AidOut,
    AidProgrammeOut,
    SemesterShareOut,
    StandardInput,
    StandardOut,
)
from shouhu.education.children import repository as children
from shouhu.education.enrolments import stages as stages_file
from shouhu.education.models import AidDecision, AidStandard, ChildProjection, Enrolment
from shouhu.education.publish import emit
from shouhu.education.schools import repository as schools
from shouhu.education.schools.schemas import SchoolStage
from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.spreadsheets import yuan

BATCH = 500
EXITED = "EXITED"
SUSPENDED = "SUSPENDED"
NONE = "NONE"  # the primary category of a child neither in hardship nor left behind
STANDARD_TRIGGER = "education.aid.standard_set"
DEPARTMENT = "EDUCATION"
MEASURE_KIND = "教育资助"


# ---- standards ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Standard:
    """A programme's annual amount on a day: set by the district, or the placeholder."""

    annual_fen: int
    row: AidStandard | None

    @property
    def placeholder(self) -> bool:
        return self.row is None


def standard_on(
    rows: Sequence[AidStandard], rules: Rules, programme: AidProgramme, on: date
) -> Standard:
    """The latest standard in force on the day (the last set, for one day set twice)."""
    found = [r for r in rows if r.programme == programme.value and r.effective_from <= on]
    if not found:
        return Standard(rules.programme(programme).default_annual_fen, None)
    last = max(found, key=lambda r: (r.effective_from, r.set_at))
    return Standard(last.annual_fen, last)


def standards_on(session: Session, rules: Rules, on: date) -> dict[AidProgramme, int]:
    rows = repository.standards(session)
    return {p.code: standard_on(rows, rules, p.code, on).annual_fen for p in rules.programmes}


def programmes(session: Session, principal: Principal) -> list[AidProgrammeOut]:
    """Every programme with today's standard and its history; the amounts are public policy."""
    rules, rows, on = load(), repository.standards(session), today()
    out = []
    for p in rules.programmes:
        current = standard_on(rows, rules, p.code, on)
        history = sorted(
            (r for r in rows if r.programme == p.code.value),
            key=lambda r: (r.effective_from, r.set_at),
            reverse=True,
        )
        out.append(
            AidProgrammeOut(
                code=p.code,
                name=p.name,
                stages=list(p.stages),
                boarding_required=p.boarding_required,
                left_behind_eligible=p.left_behind_eligible,
                basis=p.basis,
                annual_amount_fen=current.annual_fen,
                placeholder=current.placeholder,
                effective_from=current.row.effective_from if current.row else None,
                semesters=[
                    SemesterShareOut(
                        code=s.code.value, name=s.name, starts=s.starts, percent=s.percent
                    )
                    for s in rules.semesters
                ],
                standards=[
                    StandardOut(
                        annual_amount_fen=r.annual_fen,
                        effective_from=r.effective_from,
                        set_by=r.set_by,
                        set_at=r.set_at,
                    )
                    for r in history
                ],
                rule_version=rules.version,
            )
        )
    return out


def set_standard(session: Session, principal: Principal, data: StandardInput) -> AidProgrammeOut:
    """A programme's annual amount from a day on (区教委); the children concerned are decided
    again at once when it is in force today, by the daily job on the day otherwise."""
    policy.require_district(principal, policy.AID_ADMIN_ROLES, "只有区教委可以设定资助标准")
    if data.annual_amount_fen < 0:  # the input refuses it too; a direct call as well
        message = "资助标准不能为负数"
        raise ValidationFailed(message, fields={"annualAmountFen": message})
    on = data.effective_from or today()
    repository.add(
        session,
        AidStandard(
            id=str(uuid.uuid4()),
            programme=data.programme.value,
            annual_fen=data.annual_amount_fen,
            effective_from=on,
            set_by=principal.username,
            set_at=utcnow(),
        ),
    )
    session.flush()
    if on <= today():
        redecide_concerned(session, [data.programme], today(), STANDARD_TRIGGER)
    return next(p for p in programmes(session, principal) if p.code is data.programme)


# ---- decisions ----------------------------------------------------------------------------


def _facts(
    child: ChildProjection, enrolment: Enrolment | None, school_name: str | None, on: date
) -> engine.Facts:
    active = child.status != EXITED and (child.exited_on is None or child.exited_on > on)
    return engine.Facts(
        on=on,
        active=active,
        exited_on=child.exited_on,
        groups=frozenset(str(c["group"]) for c in child.classifications),
        subtypes=frozenset(str(c["subtype"]) for c in child.classifications),
        left_behind=child.left_behind,
        stage=SchoolStage(enrolment.stage) if enrolment else None,
        suspended=enrolment is not None and enrolment.status == SUSPENDED,
        boarding=enrolment is not None and enrolment.boarding,
        school_name=school_name,
    )


def _judged(
    session: Session, child_ids: Sequence[str], on: date
) -> tuple[list[ChildProjection], dict[str, Enrolment], dict[str, tuple[engine.Outcome, ...]]]:
    """The children of the projection among `child_ids`, their open enrolments and outcomes."""
    rules, stages = load(), stages_file.load()
    standards = standards_on(session, rules, on)
    facts = children.facts_many(session, child_ids)
    opens = repository.open_enrolments(session, [c.child_id for c in facts])
    named = schools.schools_by_code(session, [e.school_code for e in opens.values()])
    outcomes: dict[str, tuple[engine.Outcome, ...]] = {}
    for child in facts:
        enrolment = opens.get(child.child_id)
        school = named.get(enrolment.school_code) if enrolment else None
        outcomes[child.child_id] = engine.decide(
            rules,
            stages,
            _facts(child, enrolment, school.name if school else None, on),
            standards,
        )
    return facts, opens, outcomes


def _differs(kept: AidDecision | None, outcome: engine.Outcome) -> bool:
    return kept is None or (
        kept.eligible != outcome.eligible
        or list(kept.reasons) != list(outcome.reasons)
        or kept.annual_amount_fen != outcome.annual_amount_fen
    )


def _measure(
    rules: Rules, child_id: str, outcome: engine.Outcome, kept: AidDecision | None
) -> PlanMeasure | None:
    """The plan's measure of a programme granted now or before; none for one never granted."""
    if not outcome.eligible and (kept is None or not kept.eligible):
        return None
    name = rules.programme(outcome.programme).name
    if outcome.eligible:
        description = f"{name}：每年{yuan(outcome.annual_amount_fen)}元"
        status = "IN_PROGRESS"
    else:
        description = f"{name}：停止资助（{outcome.reasons[0]}）"
        status = "CANCELLED"
    return PlanMeasure(
        source_ref=f"education-aid:{child_id}:{outcome.programme.value}",
        department=DEPARTMENT,
        kind=MEASURE_KIND,
        description=description,
        status=status,
    )


def _concerned(child: ChildProjection, enrolment: Enrolment | None, rules: Rules) -> bool:
    """A child some programme may grant: classified (hardship or left-behind) and enrolled at
    a stage a programme needs. The others' refusals are judged as read, never kept."""
    classified = child.primary_category != NONE or child.left_behind
    return classified and enrolment is not None and enrolment.stage in rules.stages


def decide(session: Session, child_ids: Sequence[str], on: date, trigger: str) -> int:
    """Decide the children again as of `on`; a changed decision is kept and told of
    (`education.aid.decided`). Kept are the children concerned (`_concerned`) and those
    decided before. Returns how many children's decisions changed."""
    rules = load()
    facts, opens, outcomes = _judged(session, child_ids, on)
    kept = repository.decisions_of(session, [c.child_id for c in facts])
    changed = 0
    for child in facts:
        enrolment = opens.get(child.child_id)
        before = kept.get(child.child_id, {})
        if not before and not _concerned(child, enrolment, rules):
            continue  # nothing granted or kept: nothing to keep
        now = outcomes[child.child_id]
        moved = {o.programme for o in now if _differs(before.get(o.programme.value), o)}
        if not moved:
            continue
        measures: list[PlanMeasure] = []
        for outcome in now:
            row = before.get(outcome.programme.value)
            if outcome.programme not in moved:
                continue
            measure = _measure(rules, child.child_id, outcome, row)
            if measure is not None:
                measures.append(measure)
            if row is None:
                row = AidDecision(
                    child_id=child.child_id,
                    programme=outcome.programme.value,
                    eligible=outcome.eligible,
                    reasons=[],
                    annual_amount_fen=0,
                    rule_version=rules.version,
                    decided_on=on,
                    trigger=trigger,
                    decided_at=utcnow(),
                )
            row.eligible, row.reasons = outcome.eligible, list(outcome.reasons)
            row.annual_amount_fen = outcome.annual_amount_fen
            row.stage = enrolment.stage if enrolment else None
            row.rule_version, row.decided_on, row.trigger = rules.version, on, trigger
            row.decided_at = utcnow()
            repository.add(session, row)
        emit(
            session,
            AID_DECIDED,
            child.child_id,
            AidDecided(
                child_id=child.child_id,
                decided_on=on,
                trigger=trigger,
                rule_version=rules.version,
                stage=enrolment.stage if enrolment else None,
                residence_division_code=child.residence_division_code,
                town_division_code=child.town_code,
                outcomes=[
                    AidOutcome(
                        programme=o.programme.value,
                        programme_name=rules.programme(o.programme).name,
                        eligible=o.eligible,
                        reasons=list(o.reasons),
                        annual_amount_fen=o.annual_amount_fen,
                        changed=o.programme in moved,
                    )
                    for o in now
                ],
                plan_measures=measures,
            ),
        )
        changed += 1
    return changed


def decide_many(session: Session, facts: Sequence[ChildProjection], on: date, trigger: str) -> int:
    """`decide` for many children just enrolled (a school's roster), passing over at once those
    no programme concerns and none was decided for: not classified, nothing kept."""
    kept = set(repository.decisions_of(session, [c.child_id for c in facts]))
    wanted = [
        c.child_id
        for c in facts
        if c.child_id in kept or c.primary_category != NONE or c.left_behind
    ]
    return decide(session, wanted, on, trigger) if wanted else 0


def redecide_concerned(
    session: Session, programmes: Sequence[AidProgramme], on: date, trigger: str
) -> int:
    """Every child whose decision on one of the programmes may change, in batches (set-based:
    the children enrolled at the programmes' stages or decided on them before)."""
    rules = load()
    stages = {s.value for p in programmes for s in rules.programme(p).stages}
    codes = [p.value for p in programmes]
    changed, after = 0, None
    while True:
        ids = repository.concerned_after(session, stages, codes, after, BATCH)
        changed += decide(session, ids, on, trigger)
        session.flush()
        if len(ids) < BATCH:
            return changed
        after = ids[-1]


# ---- reads --------------------------------------------------------------------------------


def aid_of(
    session: Session, child_ids: Sequence[str], *, live: bool = False
) -> dict[str, list[AidOut]]:
    """Each child's aid: the kept decisions; a child never concerned has none, or, `live`, is
    judged now (the single window's answer). The caller has checked who may read them."""
    rules = load()
    kept = repository.decisions_of(session, child_ids)
    judge = [c for c in child_ids if c not in kept] if live else []
    judged = _judged(session, judge, today())[2] if judge else {}
    found: dict[str, list[AidOut]] = {}
    for child_id in child_ids:
        if child_id in kept:
            rows: Mapping[str, AidDecision] = kept[child_id]
            found[child_id] = [
                AidOut(
                    programme=p.code,
                    programme_name=p.name,
                    eligible=rows[p.code.value].eligible,
                    reasons=list(rows[p.code.value].reasons),
                    annual_amount_fen=rows[p.code.value].annual_amount_fen,
                    decided_on=rows[p.code.value].decided_on,
                    rule_version=rows[p.code.value].rule_version,
                )
                for p in rules.programmes
                if p.code.value in rows
            ]
        elif child_id in judged:
            found[child_id] = [
                AidOut(
                    programme=o.programme,
                    programme_name=rules.programme(o.programme).name,
                    eligible=o.eligible,
                    reasons=list(o.reasons),
                    annual_amount_fen=o.annual_amount_fen,
                    decided_on=None,
                    rule_version=rules.version,
                )
                for o in judged[child_id]
            ]
    return found
