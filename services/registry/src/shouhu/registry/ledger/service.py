"""Rules of the ledger import; writes files, history and outbox rows in bulk, never commits."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from typing import IO, Any

from opentelemetry import propagate
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from shouhu.platform import identity, spreadsheets
from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import Conflict
from shouhu.platform.events import Envelope, OutboxRow, utcnow
from shouhu.platform.identity import KeyRing
from shouhu.registry import policy
from shouhu.registry.children import repository as files
from shouhu.registry.children import service as children
from shouhu.registry.children.events import (
    CHILD_CLASSIFIED,
    CHILD_REGISTERED,
    ActiveClassification,
    ChildClassified,
    ChildRegistered,
)
from shouhu.registry.classifications import periods as period_rules
from shouhu.registry.classifications.taxonomy import derive
from shouhu.registry.ledger import columns, repository, rows
from shouhu.registry.ledger.repository import Person
from shouhu.registry.ledger.rows import LedgerRow
from shouhu.registry.ledger.schemas import ImportMode, ImportReport, RowError
from shouhu.registry.models import (
    CategoryPeriod,
    Child,
    ChildHistory,
    Classification,
    Division,
    DuplicateReview,
    ImportBatch,
)

CHUNK = 1000


def import_ledger(
    session: Session,
    principal: Principal,
    file: IO[bytes],
    file_name: str,
    mode: ImportMode,
    keys: KeyRing,
) -> ImportReport:
    """Check every row by the API's rules and write as the mode says; the same bytes twice: once."""
    policy.require(principal, policy.WRITE_ROLES, "无权导入台账")
    file_hash = spreadsheets.digest(file, principal.division_code)
    earlier = repository.batch_by_hash(session, file_hash)
    if earlier is not None:
        return _earlier(earlier)
    source = spreadsheets.sniff(file)
    name = (file_name.strip() or "台账")[:200]
    villages = repository.divisions(session)
    if mode is ImportMode.ALL_OR_NOTHING:
        trial = Import(session, principal, keys, villages, writer=None).run(
            source, ImportReport(batch_id=None, file_name=name, mode=mode)
        )
        if trial.error_count:
            return trial
    batch = ImportBatch(
        id=str(uuid.uuid4()),
        file_hash=file_hash,
        file_name=name,
        mode=mode.value,
        imported_by=principal.username,
        imported_at=utcnow(),
        report={},
    )
    try:
        repository.add_batch(session, batch)
    except IntegrityError:
        # The same bytes, imported concurrently and committed first.
        session.rollback()
        earlier = repository.batch_by_hash(session, file_hash)
        if earlier is None:
            raise
        return _earlier(earlier)
    writer = Writer(session, principal.username, keys)
    try:
        report = Import(session, principal, keys, villages, writer=writer).run(
            source, ImportReport(batch_id=batch.id, file_name=name, mode=mode)
        )
        writer.finish()
    except IntegrityError as exc:
        # An identity number registered by someone else while this file was being written.
        raise Conflict("导入期间他人登记了相同的身份证号码，请重新导入") from exc
    finally:
        writer.copier.close()
    if mode is ImportMode.ALL_OR_NOTHING and report.error_count:
        raise Conflict("导入期间档案发生变化，请重新导入")
    batch.report = report.model_dump(mode="json", by_alias=True)
    session.add(batch)
    return report


def _earlier(batch: ImportBatch) -> ImportReport:
    report = ImportReport.model_validate(batch.report)
    return report.model_copy(update={"duplicate_of_earlier_import": True})


class Import:
    """One pass over the file: every row checked; with a writer, the good ones written."""

    def __init__(
        self,
        session: Session,
        principal: Principal,
        keys: KeyRing,
        villages: Sequence[Division],
        *,
        writer: Writer | None,
    ) -> None:
        self.session = session
        self.principal = principal
        self.keys = keys
        # Held so that each row's village is found in the session, without a query.
        self.villages = villages
        self.writer = writer
        # First row of each identity number in the file, by a 16-byte prefix of its hash.
        self.seen: dict[bytes, int] = {}

    def run(self, source: spreadsheets.Source, report: ImportReport) -> ImportReport:
        try:
            return self._run(source, report)
        except Exception:
            if self.writer is not None:
                # A chunk that failed in the background fails what follows: its error first.
                self.writer.copier.wait()
            raise

    def _run(self, source: spreadsheets.Source, report: ImportReport) -> ImportReport:
        with spreadsheets.rows(source, columns.SHEET) as stream:
            where = _header(stream)
            chunk: list[spreadsheets.Row] = []
            for number, cells in stream:
                if spreadsheets.is_blank(cells):
                    continue
                chunk.append((number, cells))
                if len(chunk) == CHUNK:
                    self.chunk(chunk, where, report)
                    chunk = []
            if chunk:
                self.chunk(chunk, where, report)
        if report.total_rows == 0:
            raise spreadsheets.refuse("文件中没有数据行，未导入任何数据")
        return report

    def chunk(
        self, chunk: list[spreadsheets.Row], where: dict[str, int], report: ImportReport
    ) -> None:
        """Check a chunk row by row, then look its numbers and people up in two queries."""
        # Each row with its number's hash under every key of the ring, the current one first:
        # a file may still carry the hash of a previous key.
        candidates: list[tuple[LedgerRow, list[str]]] = []
        for number, cells in chunk:
            report.total_rows += 1
            outcome = rows.read_row(self.session, self.principal, number, cells, where)
            if isinstance(outcome, list):
                _reject(report, outcome)
                continue
            id_hashes: list[str] = []
            if outcome.checked.number:
                id_hashes = self.keys.lookup_hashes(outcome.checked.number)
                first = self.seen.setdefault(bytes.fromhex(id_hashes[0][:32]), number)
                if first != number:
                    message = f"与第{first}行的身份证号码重复"
                    error = RowError(row=number, column=columns.ID_NUMBER, message=message)
                    _reject(report, [error])
                    continue
            candidates.append((outcome, id_hashes))
        if self.writer is None:
            return
        self.writer.sync()  # earlier chunks are in: the look-ups see them
        known = repository.registered(self.session, [h for _, hs in candidates for h in hs])
        people = repository.same_people(
            self.session, [_person(row) for row, hs in candidates if not hs]
        )
        new_people: dict[Person, str] = {}
        for row, id_hashes in candidates:
            if not known.isdisjoint(id_hashes):
                report.skipped_rows += 1
                continue
            child_id = str(uuid.uuid4())
            if not id_hashes:
                person = _person(row)
                matched = people.get(person) or new_people.get(person)
                if matched is not None:
                    self.writer.hold(row, matched)
                    report.held_for_review += 1
                    continue
                new_people[person] = child_id
            self.writer.open(row, child_id)
            report.imported_rows += 1
        self.writer.flush()


def _header(stream: Iterator[spreadsheets.Row]) -> dict[str, int]:
    for _number, cells in stream:
        if not spreadsheets.is_blank(cells):
            return columns.positions(cells)
    raise spreadsheets.refuse("文件中没有表头和数据，未导入任何数据")


def _reject(report: ImportReport, errors: list[RowError]) -> None:
    report.rejected_rows += 1
    report.add_errors(errors)


def _person(row: LedgerRow) -> Person:
    return (row.checked.name, row.data.birth_date, row.checked.village_code)


class Writer:
    """New files as rows for bulk INSERTs: what `open_file` and `classify_child` write, per row."""

    def __init__(self, session: Session, actor: str, keys: KeyRing) -> None:
        self.session = session
        self.actor = actor
        self.keys = keys
        self.today = today()
        self.trace: dict[str, str] = {}
        propagate.inject(self.trace)
        self.children: list[dict[str, Any]] = []
        self.classifications: list[dict[str, Any]] = []
        self.periods: list[dict[str, Any]] = []
        self.history: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        # Possible duplicates of this chunk, and of the chunk sent last (added once it is in).
        self.reviews: list[DuplicateReview] = []
        self.held: list[DuplicateReview] = []
        self.copier = repository.Copier(session)

    def open(self, row: LedgerRow, child_id: str) -> None:
        """A new file with its classifications, periods, history and events."""
        data, checked, now = row.data, row.checked, utcnow()
        intervals = [
            period_rules.Interval(item.subtype, item.since, item.until)
            for item in row.classifications
        ]
        categories = derive(period_rules.active_on(intervals, self.today))
        number = checked.number
        child: dict[str, Any] = {
            "id": child_id,
            "version": 1,
            "name": checked.name,
            "name_initials": children.initials(checked.name),
            "gender": data.gender.value,
            "birth_date": data.birth_date,
            **self.keys.seal(number).columns(),
            "residence_division_code": checked.village_code,
            "town_code": checked.town_code,
            "hukou_division_code": data.hukou_division_code,
            "school": data.school,
            "notes": data.notes,
            "status": "ACTIVE",
            "primary_category": categories.primary.value,
            "left_behind": categories.left_behind,
            "registered_on": self.today,
            "created_at": now,
            "created_by": self.actor,
            "updated_at": now,
        }
        self.children.append(child)
        self.periods.extend(
            {
                "child_id": child_id,
                "residence_division_code": checked.village_code,
                "town_code": checked.town_code,
                "primary_category": p.categories.primary.value,
                "left_behind": p.categories.left_behind,
                "groups": ",".join(p.categories.groups),
                "subtypes": ",".join(p.categories.subtypes),
                "from_date": p.start,
                "to_date": p.end,
            }
            for p in period_rules.periods(
                intervals, self.today, children.eighteenth_birthday(data.birth_date)
            )
        )
        self._history(child_id, "REGISTERED", None, _snapshot(child, number))
        self._event(
            CHILD_REGISTERED,
            child_id,
            ChildRegistered(
                child_id=child_id,
                name=checked.name,
                gender=data.gender.value,
                birth_date=data.birth_date,
                residence_division_code=checked.village_code,
                town_division_code=checked.town_code,
                registered_by=self.actor,
                hukou_division_code=data.hukou_division_code,
            ),
        )
        if row.classifications:
            self._classify(child, row)

    def _classify(self, child: dict[str, Any], row: LedgerRow) -> None:
        """The classifications of the row, as `classifyChild` records them on a new file."""
        now = utcnow()
        items = sorted(row.classifications, key=lambda i: i.subtype.value)
        for item in items:
            self.classifications.append(
                {
                    "id": str(uuid.uuid4()),
                    "child_id": child["id"],
                    "group": item.group.value,
                    "subtype": item.subtype.value,
                    "since": item.since,
                    "until": item.until,
                    "note": item.note,
                    "recorded_by": self.actor,
                    "recorded_at": now,
                }
            )
        after = {
            item.subtype.value: {
                "group": item.group.value,
                "since": item.since.isoformat(),
                "until": item.until.isoformat() if item.until else None,
                "note": item.note,
            }
            for item in items
        }
        self._history(
            child["id"], "CLASSIFIED", {"classifications": {}}, {"classifications": after}
        )
        now_on = self.today
        active = [i for i in items if i.since <= now_on and (i.until is None or i.until > now_on)]
        self._event(
            CHILD_CLASSIFIED,
            child["id"],
            ChildClassified(
                child_id=child["id"],
                classifications=[
                    ActiveClassification(
                        group=i.group.value, subtype=i.subtype.value, since=i.since, until=i.until
                    )
                    for i in active
                ],
                primary_category=child["primary_category"],
                left_behind=child["left_behind"],
                birth_date=child["birth_date"],
                residence_division_code=child["residence_division_code"],
                town_division_code=child["town_code"],
                classified_by=self.actor,
            ),
        )

    def hold(self, row: LedgerRow, matched_child_id: str) -> None:
        """A possible duplicate, for the town worker's review queue."""
        submitted = row.data.model_dump(mode="json", by_alias=True)
        submitted["importRow"] = row.number
        self.reviews.append(
            DuplicateReview(
                id=str(uuid.uuid4()),
                town_code=row.checked.town_code,
                matched_child_id=matched_child_id,
                submitted=submitted,
                submitted_by=self.actor,
                submitted_at=utcnow(),
            )
        )

    def sync(self) -> None:
        """Until the chunk sent last is in; its held rows then go in after the files they name."""
        self.copier.wait()
        for review in self.held:
            files.add_review(self.session, review)
        self.held = []

    def flush(self) -> None:
        """Send the chunk, files first, then what refers to them; nothing is kept afterwards."""
        self.sync()
        self.copier.send(
            [
                (Child, self.children),
                (Classification, self.classifications),
                (CategoryPeriod, self.periods),
                (ChildHistory, self.history),
                (OutboxRow, self.events),
            ]
        )
        self.children, self.classifications, self.periods = [], [], []
        self.history, self.events = [], []
        self.held, self.reviews = self.reviews, []

    def finish(self) -> None:
        """Everything in; a failure of the last chunk is raised here."""
        self.sync()
        self.session.flush()

    def _history(
        self,
        child_id: str,
        operation: str,
        before: dict[str, Any] | None,
        after: dict[str, Any],
    ) -> None:
        self.history.append(
            {
                "child_id": child_id,
                "at": utcnow(),
                "actor": self.actor,
                "operation": operation,
                "reason": None,
                "before": before,
                "after": after,
            }
        )

    def _event(self, event_type: str, child_id: str, payload: BaseModel) -> None:
        """An outbox row as `record_event` writes it, within this transaction."""
        envelope = Envelope(
            type=event_type,
            source="registry",
            subject=child_id,
            trace=self.trace,
            data=payload.model_dump(mode="json", by_alias=True),
        )
        self.events.append(
            {
                "event_id": envelope.id,
                "topic": children.TOPIC,
                "key": child_id,
                "event_type": event_type,
                "payload": envelope.model_dump_json(),
                "created_at": envelope.time,
                "published_at": None,
            }
        )


def _snapshot(child: dict[str, Any], number: str | None) -> dict[str, Any]:
    """The identity part for the history, as `children.service.snapshot` gives it."""
    return {
        "name": child["name"],
        "gender": child["gender"],
        "birthDate": child["birth_date"].isoformat(),
        "idNumber": identity.mask(number) if number else None,
        "residenceDivisionCode": child["residence_division_code"],
        "hukouDivisionCode": child["hukou_division_code"],
        "school": child["school"],
        "notes": child["notes"],
        "status": child["status"],
    }
