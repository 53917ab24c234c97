"""Rules of the roster import: each matched row an enrolment at the school, by the rules of
`recordEnrolment` and `transferEnrolment`; writes a chunk at a time in bulk, each chunk's events
in one batch; never commits."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import date
from typing import IO

from pydantic import ValidationError as PydanticError
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from shouhu.education import policy
from shouhu.education.aid import service as aid
from shouhu.education.children import repository as children
from shouhu.education.dropout import service as dropout
from shouhu.education.enrolments import service as enrolments
from shouhu.education.enrolments.events import ENROLMENT_CHANGED, EnrolmentChange
from shouhu.education.enrolments.schemas import EnrolmentEndReason, EnrolmentInput, EnrolmentStatus
from shouhu.education.models import ChildProjection, Enrolment, RosterImport, School
from shouhu.education.publish import Outbox
from shouhu.education.rosters import repository, rows
from shouhu.education.rosters.rows import RosterRow
from shouhu.education.rosters.schemas import ImportMode, RosterIdentities, RosterReport, RowError
from shouhu.education.schools import repository as schools
from shouhu.education.schools.service import UNKNOWN_SCHOOL
from shouhu.platform import spreadsheets
from shouhu.platform.app import field_errors
from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import Conflict, Forbidden, ValidationFailed
from shouhu.platform.events import utcnow

CHUNK = 1000  # children per IN query
MAX_MATCHES = 50_000  # as the registry answers in one call
OWN_SCHOOL = "只能导入本校的花名册"
NOT_SYNCED = "儿童信息尚未同步至教育系统，请稍后重新导入"
TOO_MANY_CHILDREN = f"花名册超过{MAX_MATCHES}名学生，请按年级拆分后分别导入，未导入任何数据"
CHANGED_MEANWHILE = "导入期间学籍发生变化，请重新导入"


@dataclass(frozen=True)
class Told:
    """An enrolment as a bulk change writes and tells it (no ORM object: 50,000 of those cost
    more than the rest of the import)."""

    id: str
    child_id: str
    status: str
    stage: str
    grade: int
    since: date
    end_reason: str | None = None
    transferred_to: str | None = None


@dataclass(frozen=True)
class Planned:
    """What a good row does: a new enrolment, after closing the open one elsewhere if any."""

    row: RosterRow
    child: ChildProjection
    enrolment: Told
    transferred_from: Enrolment | None


def _school(session: Session, principal: Principal, school_code: str) -> School:
    """The school, once the principal may import for it: the department any, staff their own."""
    if not enrolments.may_write_at(session, principal, school_code):
        raise Forbidden(OWN_SCHOOL)
    school = schools.school(session, school_code)
    if school is None:
        raise ValidationFailed(UNKNOWN_SCHOOL, fields={"schoolCode": UNKNOWN_SCHOOL})
    return school


def _stream(source: spreadsheets.Source) -> Iterator[tuple[int, tuple[object, ...]]]:
    """The header's positions first (as a row numbered 0), then every non-blank row."""
    with spreadsheets.rows(source, rows.SHEET) as stream:
        header = None
        for number, cells in stream:
            if spreadsheets.is_blank(cells):
                continue
            if header is None:
                header = rows.positions(cells)
                yield 0, (header,)
                continue
            yield number, cells
    if header is None:
        raise spreadsheets.refuse("文件中没有表头和数据，未导入任何数据")


def identities(
    session: Session, principal: Principal, school_code: str, file: IO[bytes]
) -> RosterIdentities:
    """The roster's well-formed distinct numbers, for the registry to match; none when the same
    file was imported for the school before."""
    _school(session, principal, school_code)
    if repository.by_hash(session, spreadsheets.digest(file, school_code)) is not None:
        return RosterIdentities(id_numbers=[], already_imported=True)
    numbers: dict[str, None] = {}
    where: dict[str, int] = {}
    for number, cells in _stream(spreadsheets.sniff(file)):
        if number == 0:
            where = cells[0]  # type: ignore[assignment]
            continue
        found = rows.id_number_of(cells, where)
        if found is not None:
            numbers.setdefault(found)
    if len(numbers) > MAX_MATCHES:  # more than the registry matches in one call
        raise spreadsheets.refuse(TOO_MANY_CHILDREN)
    return RosterIdentities(id_numbers=list(numbers))


def import_roster(
    session: Session,
    principal: Principal,
    school_code: str,
    file: IO[bytes],
    file_name: str,
    mode: ImportMode,
    matches: Mapping[str, str],
) -> RosterReport:
    """Check every row and write as the mode says; the same bytes for the school twice: once.

    Chunk by chunk, so memory stays flat whatever the file's size: `ALL_OR_NOTHING` first
    checks the whole file without writing (as the ledger does), then writes in a second pass.
    """
    school = _school(session, principal, school_code)
    if len(matches) > MAX_MATCHES:
        message = f"一次最多匹配{MAX_MATCHES}个身份证号码"
        raise ValidationFailed(message, fields={"matches": message})
    file_hash = spreadsheets.digest(file, school_code)
    earlier = repository.by_hash(session, file_hash)
    if earlier is not None:
        return _earlier(earlier)
    name = (file_name.strip() or "花名册")[:200]
    source = spreadsheets.sniff(file)

    def fresh() -> RosterReport:
        return RosterReport(import_id=None, school_code=school_code, file_name=name, mode=mode)

    if mode is ImportMode.ALL_OR_NOTHING:
        trial = _run(session, principal, school, source, matches, fresh(), write=False)
        if trial.error_count:
            return trial  # refused whole: nothing written, nothing recorded
    batch = RosterImport(
        id=str(uuid.uuid4()),
        school_code=school_code,
        file_hash=file_hash,
        file_name=name,
        mode=mode.value,
        imported_by=principal.username,
        imported_at=utcnow(),
        report={},
    )
    try:
        repository.add_import(session, batch)
    except IntegrityError:
        session.rollback()  # the same bytes, imported concurrently and committed first
        earlier = repository.by_hash(session, file_hash)
        if earlier is None:
            raise
        return _earlier(earlier)
    report = fresh()
    report.import_id = batch.id
    _run(session, principal, school, source, matches, report, write=True)
    if mode is ImportMode.ALL_OR_NOTHING and report.error_count:
        raise Conflict(CHANGED_MEANWHILE)  # a child enrolled elsewhere since the check
    batch.report = report.model_dump(mode="json", by_alias=True)
    session.add(batch)
    return report


def _earlier(batch: RosterImport) -> RosterReport:
    report = RosterReport.model_validate(batch.report)
    return report.model_copy(update={"duplicate_of_earlier_import": True})


def _reject(report: RosterReport, found: list[RowError]) -> None:
    report.rejected_rows += 1
    report.add_errors(found)


def _run(
    session: Session,
    principal: Principal,
    school: School,
    source: spreadsheets.Source,
    matches: Mapping[str, str],
    report: RosterReport,
    *,
    write: bool,
) -> RosterReport:
    """One pass over the file: every row checked, a chunk at a time; with `write`, each chunk's
    good rows written before the next is read."""
    seen: dict[str, int] = {}  # first row of each number in the file
    where: dict[str, int] = {}
    chunk: list[RosterRow] = []

    def flush() -> None:
        planned = _plan_chunk(session, principal, school, chunk, matches, report)
        if write:
            _write(session, principal, school, planned)

    for number, cells in _stream(source):
        if number == 0:
            where = cells[0]  # type: ignore[assignment]
            continue
        report.total_rows += 1
        outcome = rows.read(number, cells, where)
        if isinstance(outcome, list):
            _reject(report, outcome)
            continue
        first = seen.setdefault(outcome.id_number, number)
        if first != number:
            problem = {rows.ID_NUMBER: f"与第{first}行的身份证号码重复"}
            _reject(report, rows.errors(number, problem))
            continue
        chunk.append(outcome)
        if len(chunk) == CHUNK:
            flush()
            chunk = []
    if chunk:
        flush()
    if report.total_rows == 0:
        raise spreadsheets.refuse("文件中没有数据行，未导入任何数据")
    return report


def _unmatched(report: RosterReport, row: RosterRow, message: str = rows.NOT_IN_DISTRICT) -> None:
    said = f"{message}（姓名：{row.name}）" if row.name else message
    report.unmatched_rows += 1
    report.add_errors(rows.errors(row.number, {rows.ID_NUMBER: said}))


def _plan_chunk(
    session: Session,
    principal: Principal,
    school: School,
    chunk: list[RosterRow],
    matches: Mapping[str, str],
    report: RosterReport,
) -> list[Planned]:
    """A chunk's children and open enrolments in two queries, then each row by the rules."""
    ids = [matches[r.id_number] for r in chunk if r.id_number in matches]
    facts = {c.child_id: c for c in children.facts_many(session, ids)}
    opens = repository.open_of_children(session, ids)
    staff = policy.school_staff(principal)
    planned: list[Planned] = []
    for row in chunk:
        child_id = matches.get(row.id_number)
        if child_id is None:
            _unmatched(report, row)
            continue
        child = facts.get(child_id)
        if child is None:
            _unmatched(report, row, NOT_SYNCED)
            continue
        # School staff act for their school, whose children live anywhere in the district.
        if not (staff or principal.sees(child.residence_division_code)):
            _unmatched(report, row)
            continue
        current = opens.get(child_id)
        if current is not None and current.school_code == school.code:
            report.unchanged_rows += 1  # the roster confirms the enrolment; it edits nothing
            continue
        try:
            data = EnrolmentInput(
                school_code=school.code,
                stage=row.stage,
                grade=row.grade,
                since=row.since,
                boarding=row.boarding,
            )
        except PydanticError as exc:  # a day in the future, before 1900
            fields = field_errors(list(exc.errors()))
            _reject(report, rows.errors(row.number, _columns(fields)))
            continue
        try:
            enrolments.checked(session, child, data, not_before=current.since if current else None)
        except ValidationFailed as exc:
            _reject(report, rows.errors(row.number, _columns(exc.fields)))
            continue
        new = Told(
            id=str(uuid.uuid4()),
            child_id=child.child_id,
            status=EnrolmentStatus.ACTIVE.value,
            stage=data.stage.value,
            grade=data.grade,
            since=data.since,
        )
        planned.append(Planned(row, child, new, current))
        if current is None:
            report.enrolled_rows += 1
        else:
            report.transferred_rows += 1
    return planned


def _columns(fields: Mapping[str, str]) -> dict[str, str]:
    """API fields (as `VALIDATION_FAILED` names them) → the roster's columns."""
    return {rows.COLUMN_OF_FIELD.get(k, rows.ID_NUMBER): v for k, v in fields.items()}


def _write(session: Session, principal: Principal, school: School, planned: list[Planned]) -> None:
    """A chunk's transfers closed and new enrolments opened by statement, their events in one
    outbox INSERT; aid decided again and the newly enrolled children's dropout risks resolved."""
    on, now, outbox = today(), utcnow(), Outbox()
    moved = [p for p in planned if p.transferred_from is not None]
    old_schools = schools.schools_by_code(
        session, list({p.transferred_from.school_code for p in moved if p.transferred_from})
    )
    try:
        repository.end_transferred(
            session,
            [
                (p.transferred_from.id, p.row.since, p.enrolment.id)
                for p in moved
                if p.transferred_from
            ],
            now,
        )
        repository.insert_enrolments(
            session,
            [
                {
                    **asdict(p.enrolment),
                    "school_code": school.code,
                    "boarding": p.row.boarding,
                    "suspended_on": None,
                    "ended_on": None,
                    "recorded_by": principal.username,
                    "created_at": now,
                    "updated_at": now,
                }
                for p in planned
            ],
        )
    except IntegrityError as exc:
        # A child enrolled elsewhere by someone else while this file was being checked.
        raise Conflict(CHANGED_MEANWHILE) from exc
    for p in planned:
        old = p.transferred_from
        if old is not None:
            ended = Told(
                id=old.id,
                child_id=old.child_id,
                status=EnrolmentStatus.ENDED.value,
                stage=old.stage,
                grade=old.grade,
                since=old.since,
                end_reason=EnrolmentEndReason.TRANSFERRED.value,
                transferred_to=p.enrolment.id,
            )
            event = enrolments.changed(
                principal,
                p.child,
                ended,
                old_schools[old.school_code],
                EnrolmentChange.ENDED,
                p.row.since,
            )
            outbox.add(ENROLMENT_CHANGED, p.child.child_id, event)
        event = enrolments.changed(
            principal,
            p.child,
            p.enrolment,
            school,
            EnrolmentChange.RECORDED,
            p.row.since,
            transferred_from=old.id if old else None,
        )
        outbox.add(ENROLMENT_CHANGED, p.child.child_id, event)
    outbox.write(session)
    enrolled = [p.child.child_id for p in planned if p.transferred_from is None]
    for p in moved:  # closed by a statement, not by the ORM: read again when next asked
        session.expire(p.transferred_from)
    # Aid by stage follows the enrolment: decided again in the same transaction.
    aid.decide_many(session, [p.child for p in planned], on, ENROLMENT_CHANGED)
    resolved = Outbox()
    dropout.resolve_enrolled(session, enrolled, on, principal.username, resolved)
    resolved.write(session)
