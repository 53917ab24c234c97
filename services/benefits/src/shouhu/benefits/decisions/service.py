"""Re-deciding children: projection in, engine, month rules, entitlements and events out.

Writes decisions, entitlements and outbox rows; never commits (the worker or the request does).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic.alias_generators import to_camel
from sqlmodel import Session

from shouhu.benefits import policy
from shouhu.benefits.decisions import periods, repository
from shouhu.benefits.decisions.events import (
    DECISION_MADE,
    ENTITLEMENT_CHANGED,
    DecisionMade,
    EntitlementChanged,
    PlanMeasure,
    ProgrammeOutcome,
    RedecisionRequested,
)
from shouhu.benefits.decisions.periods import ChangeKind, EntitlementStatus, Held, status_on
from shouhu.benefits.decisions.repository import (
    DecisionHead,
    DecisionRow,
    EntitlementRow,
    FactsRow,
)
from shouhu.benefits.decisions.schemas import (
    MAX_CHILDREN,
    MAX_DECISIONS,
    ChildBenefitsOut,
    DecisionOut,
    DecisionSetOut,
    EntitlementOut,
)
from shouhu.benefits.models import ChildFacts, Intervention
from shouhu.benefits.programmes import service as programmes
from shouhu.benefits.publish import Outbox
from shouhu.benefits.rules import engine
from shouhu.benefits.rules.disclosure import NOTHING_APART, Apart
from shouhu.benefits.rules.engine import Facts, Outcome, OutcomeKind
from shouhu.benefits.rules.schema import (
    KIND_NAMES,
    ProgrammeCode,
    ProgrammeKind,
    Rules,
    Subtype,
    load,
)
from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import NotFound, ValidationFailed
from shouhu.platform.events import utcnow

EXITED = "EXITED"
DEPARTMENT = "CIVIL_AFFAIRS"
MEASURE_STATUS = {
    EntitlementStatus.SCHEDULED: "PLANNED",
    EntitlementStatus.ACTIVE: "IN_PROGRESS",
    EntitlementStatus.ENDED: "DONE",
}


# ---- facts ----------------------------------------------------------------------------------


def active_subtypes(classifications: Sequence[Mapping[str, Any]], on: date) -> frozenset[Subtype]:
    """The subtypes in force on a day; subtypes this service does not know are left out."""
    known = {s.value for s in Subtype}
    found = set()
    for item in classifications:
        since = date.fromisoformat(item["since"])
        until = date.fromisoformat(item["until"]) if item.get("until") else None
        if item["subtype"] in known and since <= on and (until is None or until > on):
            found.add(Subtype(item["subtype"]))
    return frozenset(found)


def intervention_open(cases: Sequence[Intervention], on: date) -> bool:
    return any(c.opened_on <= on and (c.closed_on is None or c.closed_on > on) for c in cases)


def facts_of(row: FactsRow, on: date, cases: Sequence[Intervention]) -> Facts:
    return Facts(
        on=on,
        active=row.status != EXITED,
        exited_on=row.exited_on,
        birth_date=row.birth_date,
        subtypes=active_subtypes(row.classifications, on),
        intervention_open=intervention_open(cases, on),
        guardian_present=row.guardian_present,
    )


def facts_record(
    facts: Facts,
    row: FactsRow,
    round_: Round,
    outcomes: Sequence[Outcome],
) -> dict[str, Any]:
    """The facts a decision used; standards and pilots only of the programmes that apply."""
    met = sorted(o.programme for o in outcomes if o.conditions_met)
    rules = round_.rules
    return {
        "age": facts.age,
        "status": row.status,
        "exitedOn": row.exited_on.isoformat() if row.exited_on else None,
        "subtypes": sorted(s.value for s in facts.subtypes),
        "groups": sorted(g.value for g in facts.groups),
        "interventionOpen": facts.intervention_open,
        "guardianPresent": facts.guardian_present,
        "year": facts.on.year,
        "standardsFen": {c.value: round_.standards[c] for c in met},
        "pilotsEnabled": [c.value for c in met if rules.programme(c).pilot and round_.enabled[c]],
    }


def digest(value: Any) -> str:
    """A short fingerprint of JSON-like data: equal data, equal digest."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def outcome_record(outcome: Outcome) -> dict[str, Any]:
    return {
        "programme": outcome.programme.value,
        "outcome": outcome.kind.value,
        "eligible": outcome.eligible,
        "granted": outcome.granted,
        "conditionsMet": outcome.conditions_met,
        "reasons": list(outcome.reasons),
        "monthlyAmountFen": outcome.monthly_amount_fen,
        "sharePercent": outcome.share_percent,
        "supersededBy": outcome.superseded_by.value if outcome.superseded_by else None,
    }


# ---- the projection, from the registry's events -------------------------------------------


def record_child(
    session: Session,
    child_id: str,
    *,
    name: str | None,
    birth_date: date,
    residence: str,
    town: str,
    classifications: list[dict[str, Any]] | None = None,
) -> ChildFacts:
    """Create or refresh a child's row from a registry event that carries the identity part."""
    row = repository.facts(session, child_id)
    if row is None:
        row = ChildFacts(
            child_id=child_id,
            name=name or "",
            birth_date=birth_date,
            residence_division_code=residence,
            town_code=town,
            classifications=[],
            updated_at=utcnow(),
        )
    if name is not None:
        row.name = name
    row.birth_date, row.residence_division_code, row.town_code = birth_date, residence, town
    if classifications is not None:
        row.classifications = classifications
    row.updated_at = utcnow()
    repository.add(session, row)
    return row


def record_exit(session: Session, child_id: str, exited_on: date, residence: str) -> bool:
    """Mark a child exited; False when benefits never knew the child."""
    row = repository.facts(session, child_id)
    if row is None:
        return False
    row.status, row.exited_on, row.residence_division_code = EXITED, exited_on, residence
    row.updated_at = utcnow()
    repository.add(session, row)
    return True


def record_guardians(session: Session, child_id: str, guardian_present: bool) -> bool:
    row = repository.facts(session, child_id)
    if row is None:
        return False
    row.guardian_present = guardian_present
    row.updated_at = utcnow()
    repository.add(session, row)
    return True


def record_intervention(
    session: Session, child_id: str, case_id: str, *, opened_on: date | None, closed_on: date | None
) -> None:
    """Open or close a guardianship intervention (监护干预) of a protection case."""
    case = repository.intervention(session, case_id)
    if case is None:
        case = Intervention(
            case_id=case_id, child_id=child_id, opened_on=opened_on or closed_on or today()
        )
    if opened_on is not None:
        case.opened_on = opened_on
    if closed_on is not None:
        case.closed_on = closed_on
    repository.add(session, case)


# ---- re-deciding ----------------------------------------------------------------------------


@dataclass
class Round:
    """What every child of one re-decision shares: the rules, the day, standards and pilots."""

    rules: Rules
    on: date
    trigger: str
    standards: dict[ProgrammeCode, int]
    enabled: dict[ProgrammeCode, bool]
    verdicts: dict[tuple[Any, ...], Verdict] = field(default_factory=dict)
    facts: dict[tuple[Any, ...], tuple[dict[str, Any], str]] = field(default_factory=dict)

    def verdict(self, facts: Facts, holding: frozenset[ProgrammeCode]) -> Verdict:
        """The outcomes for these facts; children alike in what the rules read share them."""
        key = (
            facts.subtypes,
            facts.intervention_open,
            facts.guardian_present,
            facts.active,
            facts.exited_on if not facts.active else None,
            facts.age >= self.rules.max_age_exclusive,
            holding & self.rules.grouped,
        )
        found = self.verdicts.get(key)
        if found is None:
            outcomes = engine.decide(self.rules, facts, self.standards, self.enabled, holding)
            records = [outcome_record(o) for o in outcomes]
            found = Verdict(
                key=key,
                outcomes=outcomes,
                records=records,
                digest=digest(records),
                published=[
                    ProgrammeOutcome(
                        programme=o.programme.value,
                        outcome=o.kind.value,
                        monthly_amount_fen=o.monthly_amount_fen,
                        superseded_by=o.superseded_by.value if o.superseded_by else None,
                    )
                    for o in outcomes
                    if o.kind is not OutcomeKind.NOT_ELIGIBLE
                ],
                conditions_met=frozenset(o.programme.value for o in outcomes if o.conditions_met),
                nothing_applies=all(o.kind is OutcomeKind.NOT_ELIGIBLE for o in outcomes),
                granted=frozenset(
                    (o.programme.value, o.share_percent) for o in outcomes if o.granted
                ),
            )
            self.verdicts[key] = found
        return found

    def facts_of(self, verdict: Verdict, facts: Facts, row: FactsRow) -> tuple[dict[str, Any], str]:
        """The facts to store, and their digest."""
        key = (verdict.key, facts.age)
        found = self.facts.get(key)
        if found is None:
            record = facts_record(facts, row, self, verdict.outcomes)
            found = self.facts[key] = (record, digest(record))
        return found

    @classmethod
    def start(cls, session: Session, on: date, trigger: str) -> Round:
        rules = load()
        return cls(
            rules=rules,
            on=on,
            trigger=trigger,
            standards=programmes.standards_for(session, on.year, rules),
            enabled=programmes.enabled_map(session, rules),
        )


@dataclass
class Verdict:
    """The outcomes of one set of facts, ready to store and publish."""

    key: tuple[Any, ...]
    outcomes: tuple[Outcome, ...]
    records: list[dict[str, Any]]
    digest: str
    published: list[ProgrammeOutcome]
    conditions_met: frozenset[str]
    nothing_applies: bool
    granted: frozenset[tuple[str, int]]


@dataclass
class Writes:
    """Everything one re-decision writes, sent to the database in a few statements at its end."""

    decisions: list[DecisionRow] = field(default_factory=list)
    current: list[tuple[str, str, datetime]] = field(default_factory=list)
    new_entitlements: list[EntitlementRow] = field(default_factory=list)
    changed_entitlements: dict[str, EntitlementRow] = field(default_factory=dict)
    eligible_added: list[tuple[str, str]] = field(default_factory=list)
    eligible_removed: list[tuple[str, str]] = field(default_factory=list)
    outbox: Outbox = field(default_factory=Outbox)

    def write(self, session: Session) -> None:
        repository.insert_decisions(session, self.decisions)
        repository.point_to_decisions(session, self.current)
        repository.insert_entitlements(session, self.new_entitlements)
        repository.update_entitlements(session, list(self.changed_entitlements.values()))
        repository.change_eligibility(session, self.eligible_added, self.eligible_removed)
        self.outbox.write(session)


def redecide(session: Session, child_ids: Collection[str], on: date, trigger: str) -> int:
    """Decide the children again as of `on`; returns how many decisions changed."""
    session.flush()  # the projection's pending changes first: the rows below read them
    rows = repository.facts_for_update(session, sorted(set(child_ids)))
    if not rows:
        return 0
    ids = [r.child_id for r in rows]
    cases = repository.interventions_of(session, ids)
    current = repository.heads(session, [r.decision_id for r in rows if r.decision_id])
    held = repository.entitlements_of(session, ids)
    rounds: dict[date, Round] = {}
    writes = Writes()
    changed = 0
    for row in rows:
        previous = current.get(row.decision_id or "")
        day = max(on, previous.decided_on) if previous else on
        if day not in rounds:
            rounds[day] = Round.start(session, day, trigger)
        if _decide_one(
            rounds[day], row, cases.get(row.child_id, []), previous, held[row.child_id], writes
        ):
            changed += 1
    writes.write(session)
    return changed


def _decide_one(
    round_: Round,
    row: FactsRow,
    cases: Sequence[Intervention],
    previous: DecisionHead | None,
    entitlements: list[EntitlementRow],
    writes: Writes,
) -> bool:
    """Decide one child; False when nothing changed."""
    rules, on = round_.rules, round_.on
    facts = facts_of(row, on, cases)
    holding = frozenset(ProgrammeCode(e.programme) for e in entitlements if e.ends_on is None)
    verdict = round_.verdict(facts, holding)
    if previous is None and verdict.nothing_applies:
        return False  # nothing applies and nothing did: no decision to keep (read live instead)
    facts_json, facts_digest = round_.facts_of(verdict, facts, row)
    outcomes_changed = previous is None or previous.outcomes_digest != verdict.digest
    if (
        not outcomes_changed
        and previous is not None
        and previous.facts_digest == facts_digest
        and previous.rule_version == rules.version
    ):
        return False
    now = utcnow()
    decision = DecisionRow(
        id=str(uuid.uuid4()),
        child_id=row.child_id,
        decided_on=on,
        decided_at=now,
        rule_version=rules.version,
        trigger=round_.trigger,
        facts=facts_json,
        outcomes=verdict.records,
        facts_digest=facts_digest,
        outcomes_digest=verdict.digest,
        conditions_met=",".join(sorted(verdict.conditions_met)),
    )
    writes.decisions.append(decision)
    writes.current.append((row.child_id, decision.id, now))
    had = set(previous.conditions_met.split(",")) - {""} if previous else set()
    writes.eligible_added += [(p, row.child_id) for p in sorted(verdict.conditions_met - had)]
    writes.eligible_removed += [(p, row.child_id) for p in sorted(had - verdict.conditions_met)]
    if outcomes_changed:
        writes.outbox.add(
            DECISION_MADE,
            row.child_id,
            DecisionMade(
                child_id=row.child_id,
                decision_id=decision.id,
                decided_on=on,
                rule_version=rules.version,
                trigger=round_.trigger,
                residence_division_code=row.residence_division_code,
                town_division_code=row.town_code,
                outcomes=verdict.published,
            ),
        )
    exited_on = row.exited_on if row.status == EXITED else None
    if exited_on is None and verdict.granted == {
        (e.programme, e.share_percent) for e in entitlements if e.ends_on is None
    }:
        return True  # the same programmes at the same shares: the entitlements stand
    by_id = {e.id: e for e in entitlements}
    held = [
        Held(e.id, ProgrammeCode(e.programme), e.starts_on, e.ends_on, e.share_percent)
        for e in entitlements
    ]
    for change in periods.plan(rules, on, verdict.outcomes, held, exited_on):
        entitlement = _apply(rules, row, decision, change, by_id, writes, now)
        tell(writes.outbox, rules, row, entitlement, change.kind, change.reason, on, decision.id)
    return True


def _apply(
    rules: Rules,
    row: FactsRow,
    decision: DecisionRow,
    change: periods.Change,
    by_id: Mapping[str, EntitlementRow],
    writes: Writes,
    now: datetime,
) -> EntitlementRow:
    if change.entitlement_id is None:
        programme = rules.programme(change.programme)
        entitlement = EntitlementRow(
            id=str(uuid.uuid4()),
            child_id=row.child_id,
            programme=change.programme.value,
            kind=programme.kind.value,
            administered_elsewhere=programme.administered_elsewhere,
            share_percent=change.share_percent,
            starts_on=change.starts_on,
            ends_on=None,
            end_reason=None,
            decision_id=decision.id,
            published_status=EntitlementStatus.SCHEDULED.value,
            created_at=now,
            updated_at=now,
        )
        writes.new_entitlements.append(entitlement)
        return entitlement
    entitlement = by_id[change.entitlement_id]
    entitlement.ends_on = change.ends_on
    entitlement.end_reason = change.reason if change.ends_on is not None else None
    entitlement.share_percent = change.share_percent
    entitlement.decision_id = decision.id
    entitlement.updated_at = now
    writes.changed_entitlements[entitlement.id] = entitlement
    return entitlement


def plan_measure(
    rules: Rules, entitlement: EntitlementRow, status: EntitlementStatus, reason: str
) -> PlanMeasure:
    """The support-plan measure (帮扶措施) an entitlement stands for, as the registry keeps it."""
    programme = rules.programme(entitlement.programme)
    never_started = entitlement.ends_on is not None and entitlement.ends_on < entitlement.starts_on
    who = "由主管部门审批发放，本系统登记" if programme.administered_elsewhere else "区民政局"
    description = (
        f"{programme.name}（{KIND_NAMES[programme.kind]}，{who}），"
        f"自{entitlement.starts_on.isoformat()}起"
    )
    apart = policy.treated_apart(rules)
    # The share of a programme that tells HIV from serious illness stays out of the plan,
    # which roles without health detail read.
    if entitlement.share_percent != 100 and programme.code not in apart.amount:
        description += f"，补贴比例{entitlement.share_percent}%"
    if entitlement.ends_on is not None:
        description += f"。{reason}"  # the reason says until when, or that it never starts
    measure_status = "CANCELLED" if never_started else MEASURE_STATUS[status]
    due = entitlement.starts_on if status is EntitlementStatus.SCHEDULED else entitlement.ends_on
    return PlanMeasure(
        source_ref=f"benefits:entitlement:{entitlement.id}",
        department=DEPARTMENT,
        kind=programme.name,
        description=description,
        status=measure_status,
        due_date=None if never_started else due,
        restricted=programme.code in apart.outcome,
    )


def tell(
    outbox: Outbox,
    rules: Rules,
    row: FactsRow,
    entitlement: EntitlementRow,
    kind: ChangeKind,
    reason: str,
    on: date,
    decision_id: str | None,
) -> None:
    """Publish an entitlement's change, with the plan measure it stands for."""
    status = status_on(entitlement.starts_on, entitlement.ends_on, on)
    if kind is ChangeKind.ENDING and status is EntitlementStatus.ENDED:
        kind = ChangeKind.ENDED
    entitlement.published_status = status.value
    programme = rules.programme(entitlement.programme)
    outbox.add(
        ENTITLEMENT_CHANGED,
        row.child_id,
        EntitlementChanged(
            child_id=row.child_id,
            entitlement_id=entitlement.id,
            source_ref=f"benefits:entitlement:{entitlement.id}",
            change=kind.value,
            programme=entitlement.programme,
            programme_name=programme.name,
            kind=entitlement.kind,
            administered_elsewhere=entitlement.administered_elsewhere,
            status=status.value,
            starts_on=entitlement.starts_on,
            ends_on=entitlement.ends_on,
            share_percent=entitlement.share_percent,
            reason=reason,
            decision_id=decision_id,
            residence_division_code=row.residence_division_code,
            town_division_code=row.town_code,
            plan_measure=plan_measure(rules, entitlement, status, reason),
        ),
    )


def redecide_range(session: Session, request: RedecisionRequested) -> int:
    """One range of a requested re-decision."""
    ids = repository.eligible_ids(
        session, request.programmes, after=request.after_child_id, up_to=request.up_to_child_id
    )
    return redecide(session, ids, request.decide_on, request.trigger)


# ---- reading --------------------------------------------------------------------------------


class Standards:
    """Standards by year, loaded once per request."""

    def __init__(self, session: Session, rules: Rules) -> None:
        self._session, self._rules = session, rules
        self._years: dict[int, dict[ProgrammeCode, int]] = {}

    def amount(self, entitlement: EntitlementRow, day: date) -> int:
        """The monthly amount on `day`, or in the nearest month the entitlement pays."""
        year = day.year
        if entitlement.starts_on > day:
            year = entitlement.starts_on.year
        elif entitlement.ends_on is not None and entitlement.ends_on < day:
            year = entitlement.ends_on.year
        if year not in self._years:
            self._years[year] = programmes.standards_for(self._session, year, self._rules)
        return (
            self._years[year][ProgrammeCode(entitlement.programme)]
            * entitlement.share_percent
            // 100
        )


# What a role without health detail is not shown of a programme the rules treat apart, by how
# it is apart (policy.treated_apart): the same fields of that programme for every child.
OUTCOME_FIELDS = (
    "eligible",
    "granted",
    "outcome",
    "reasons",
    "monthly_amount_fen",
    "share_percent",
    "superseded_by",
)
AMOUNT_FIELDS = ("reasons", "monthly_amount_fen", "share_percent")
REASON_FIELDS = ("reasons",)
ENTITLEMENT_FIELDS = ("monthly_amount_fen", "share_percent")


def _decision_fields(apart: Apart, code: ProgrammeCode) -> tuple[str, ...]:
    if code in apart.outcome:
        return OUTCOME_FIELDS
    if code in apart.amount:
        return AMOUNT_FIELDS
    return REASON_FIELDS if code in apart.reasons else ()


def _withholding(fields: tuple[str, ...]) -> dict[str, Any]:
    """The update that answers these fields null and names them in `withheld`."""
    return {**dict.fromkeys(fields), "withheld": [to_camel(f) for f in fields]}


def _visible_facts(principal: Principal, facts: dict[str, Any], apart: Apart) -> dict[str, Any]:
    """The facts of a decision as the principal is shown them (policy.DISCLOSED_AS)."""
    if policy.sees_health_details(principal):
        return facts
    # HIV-affected as seriously ill, the groups following; the standard and pilot of a programme
    # apart in outcome would tell whether its conditions are met, so it goes for every child.
    subtypes = sorted({policy.DISCLOSED_AS.get(s, s) for s in facts.get("subtypes", [])})
    shown = {
        **facts,
        "subtypes": subtypes,
        "groups": sorted({engine.GROUP_OF[Subtype(s)].value for s in subtypes}),
    }
    if "standardsFen" in facts:
        shown["standardsFen"] = {
            c: fen for c, fen in facts["standardsFen"].items() if c not in apart.outcome
        }
    if "pilotsEnabled" in facts:
        shown["pilotsEnabled"] = [c for c in facts["pilotsEnabled"] if c not in apart.outcome]
    return shown


def decision_out(decision: DecisionRow, apart: Apart = NOTHING_APART) -> list[DecisionOut]:
    """Each programme's outcome, less what `apart` withholds."""
    outs = []
    for o in decision.outcomes:
        out = DecisionOut(
            programme=ProgrammeCode(o["programme"]),
            eligible=o["eligible"],
            granted=o["granted"],
            outcome=OutcomeKind(o["outcome"]),
            reasons=o["reasons"],
            monthly_amount_fen=o["monthlyAmountFen"],
            share_percent=o["sharePercent"],
            superseded_by=ProgrammeCode(o["supersededBy"]) if o["supersededBy"] else None,
            rule_version=decision.rule_version,
            decided_on=decision.decided_on,
        )
        fields = _decision_fields(apart, out.programme)
        outs.append(out.model_copy(update=_withholding(fields)) if fields else out)
    return outs


def _entitlement_out(
    e: EntitlementRow, day: date, standards: Standards, rules: Rules, apart: Apart
) -> EntitlementOut:
    out = EntitlementOut(
        id=e.id,
        programme=ProgrammeCode(e.programme),
        kind=ProgrammeKind(e.kind),
        status=status_on(e.starts_on, e.ends_on, day),
        monthly_amount_fen=standards.amount(e, day),
        share_percent=e.share_percent,
        starts_on=e.starts_on,
        ends_on=e.ends_on,
        end_reason=e.end_reason,
        administered_elsewhere=e.administered_elsewhere,
        paid_in_batches=rules.programme(e.programme).paid_in_batches,
    )
    if out.programme in apart.amount:
        return out.model_copy(update=_withholding(ENTITLEMENT_FIELDS))
    return out


def _benefits_out(
    principal: Principal,
    row: FactsRow,
    decision: DecisionRow | None,
    entitlements: Sequence[EntitlementRow],
    standards: Standards,
    rules: Rules,
) -> ChildBenefitsOut:
    """A child's benefits as the principal may see them (policy.withheld_from)."""
    day = today()
    apart = policy.withheld_from(principal, rules)
    # Whether a child holds an entitlement apart in outcome would tell: left out for every child.
    shown = [e for e in entitlements if ProgrammeCode(e.programme) not in apart.outcome]
    return ChildBenefitsOut(
        child_id=row.child_id,
        residence_division_code=row.residence_division_code,
        status=row.status,
        decided_on=decision.decided_on if decision else None,
        rule_version=decision.rule_version if decision else None,
        facts=_visible_facts(principal, decision.facts, apart) if decision else None,
        decisions=decision_out(decision, apart) if decision else [],
        entitlements=[
            _entitlement_out(e, day, standards, rules, apart)
            for e in sorted(shown, key=lambda e: (e.starts_on, e.created_at), reverse=True)
        ],
        withheld_programmes=sorted(apart.outcome),
    )


def _live(session: Session, rows: Sequence[FactsRow]) -> dict[str, DecisionRow]:
    """Today's decision, by child, of children no programme ever applied to (none is kept)."""
    if not rows:
        return {}
    round_ = Round.start(session, today(), "live")
    cases = repository.interventions_of(session, [r.child_id for r in rows])
    found = {}
    for row in rows:
        facts, outcomes = _decided_live(round_, row, cases.get(row.child_id, []))
        found[row.child_id] = DecisionRow(
            id="",
            child_id=row.child_id,
            decided_on=round_.on,
            decided_at=utcnow(),
            rule_version=round_.rules.version,
            trigger="live",
            facts=facts_record(facts, row, round_, outcomes),
            outcomes=[outcome_record(o) for o in outcomes],
            facts_digest="",
            outcomes_digest="",
            conditions_met="",
        )
    return found


def _decided_live(
    round_: Round, row: FactsRow, cases: Sequence[Intervention]
) -> tuple[Facts, Sequence[Outcome]]:
    facts = facts_of(row, round_.on, cases)
    return facts, engine.decide(round_.rules, facts, round_.standards, round_.enabled)


def live_outcomes(session: Session, row: FactsRow) -> list[dict[str, Any]]:
    """Today's outcomes of a child no programme ever applied to (no decision is kept)."""
    round_ = Round.start(session, today(), "live")
    cases = repository.interventions_of(session, [row.child_id]).get(row.child_id, [])
    return [outcome_record(o) for o in _decided_live(round_, row, cases)[1]]


def _readable(principal: Principal, row: FactsRow | None) -> bool:
    return row is not None and principal.sees(row.residence_division_code)


def child_benefits(session: Session, principal: Principal, child_id: str) -> ChildBenefitsOut:
    """A child's decision and entitlements, for those who may read them in scope."""
    policy.require(principal, policy.READ_ROLES, "无权查看福利待遇")
    found = many_benefits(session, principal, [child_id])
    if not found:
        raise NotFound("儿童福利待遇记录不存在")
    return found[0]


def many_benefits(
    session: Session, principal: Principal, child_ids: Sequence[str]
) -> list[ChildBenefitsOut]:
    """The benefits of each child in scope, in the order asked; others are left out."""
    policy.require(principal, policy.READ_ROLES, "无权查看福利待遇")
    if len(child_ids) > MAX_CHILDREN:
        raise ValidationFailed(fields={"childIds": f"一次最多查询{MAX_CHILDREN}名儿童"})
    rules = load()
    rows = {r.child_id: r for r in repository.facts_many(session, child_ids)}
    visible = [rows[c] for c in child_ids if c in rows and _readable(principal, rows[c])]
    decisions = repository.decisions(session, [r.decision_id for r in visible if r.decision_id])
    decisions.update(_live(session, [r for r in visible if not r.decision_id]))
    entitlements = repository.entitlements_of(session, [r.child_id for r in visible])
    standards = Standards(session, rules)
    return [
        _benefits_out(
            principal,
            row,
            decisions.get(row.decision_id or row.child_id),
            entitlements.get(row.child_id, []),
            standards,
            rules,
        )
        for row in visible
    ]


def decision_history(
    session: Session, principal: Principal, child_id: str, first: int
) -> list[DecisionSetOut]:
    """Every decision of a child, newest first, with the facts each used."""
    child_benefits(session, principal, child_id)
    if not 1 <= first <= MAX_DECISIONS:
        raise ValidationFailed(fields={"first": f"每页条数应在1到{MAX_DECISIONS}之间"})
    apart = policy.withheld_from(principal, load())
    return [
        DecisionSetOut(
            id=d.id,
            decided_on=d.decided_on,
            decided_at=d.decided_at,
            rule_version=d.rule_version,
            trigger=d.trigger,
            facts=_visible_facts(principal, d.facts, apart),
            decisions=decision_out(d, apart),
        )
        for d in repository.history(session, child_id, first)
    ]
