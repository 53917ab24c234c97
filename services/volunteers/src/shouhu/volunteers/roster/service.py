"""Rules of the roster import: each row registered by the rules of `registerVolunteer`, each
with an account made after the commit (in the worker's batches); never commits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from pydantic import ValidationError as PydanticError
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from shouhu.platform import spreadsheets
from shouhu.platform.app import field_errors
from shouhu.platform.auth import Principal
from shouhu.platform.errors import Duplicate, Forbidden, ShouhuError
from shouhu.platform.identity import KeyRing
from shouhu.volunteers import policy
from shouhu.volunteers.accounts import service as accounts
from shouhu.volunteers.roster import rows
from shouhu.volunteers.roster.schemas import (
    ImportMode,
    RosterAccount,
    RowError,
    VolunteerRosterReport,
)
from shouhu.volunteers.volunteers import repository as volunteer_repository
from shouhu.volunteers.volunteers import service as volunteers
from shouhu.volunteers.volunteers.schemas import VolunteerInput

MAX_ROWS = 20_000
TOO_MANY = f"名册超过{MAX_ROWS}行，请拆分后分别导入，未导入任何数据"
RACED = "名册中的身份证号码在导入期间被另行登记，未导入任何数据，请重新导入"


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


def _refused(number: int, exc: ShouhuError) -> list[RowError]:
    fields = exc.fields or {"idNumber" if isinstance(exc, Duplicate) else "": exc.message}
    return [
        RowError(row=number, column=rows.column_of(field) if field else "", message=message)
        for field, message in fields.items()
    ]


def import_volunteers(
    session: Session,
    principal: Principal,
    keys: KeyRing,
    file: IO[bytes],
    file_name: str,
    mode: ImportMode,
    organisation_id: str | None,
) -> VolunteerRosterReport:
    """Register every good row into one organisation; ALL_OR_NOTHING writes nothing on any bad
    row (the session is rolled back), VALID_ROWS registers the good ones and reports the rest."""
    policy.require(principal, policy.ROSTER_ROLES, "无权导入志愿者名册")
    organisation = volunteers.organisation_for(session, principal, organisation_id)
    if not policy.writes_for(principal, organisation.acting_role):
        raise Forbidden("只能为本单位负责的组织导入志愿者")
    report = VolunteerRosterReport(
        file_name=(file_name.strip() or "志愿者名册")[:200],
        mode=mode,
        organisation_id=organisation.id,
        imported=False,
    )
    read: list[tuple[int, VolunteerInput]] = []
    where: dict[str, int] = {}
    for number, cells in _stream(spreadsheets.sniff(file)):
        if number == 0:
            where = cells[0]  # type: ignore[assignment]
            continue
        report.total_rows += 1
        if report.total_rows > MAX_ROWS:
            raise spreadsheets.refuse(TOO_MANY)
        found = rows.read(number, cells, where)
        if isinstance(found, list):
            report.add_errors(found)
            continue
        try:
            data = VolunteerInput.model_validate(found | {"organisationId": organisation.id})
        except PydanticError as exc:
            problems = field_errors(list(exc.errors()))
            report.add_errors(
                [
                    RowError(row=number, column=rows.column_of(f), message=m)
                    for f, m in problems.items()
                ]
            )
            continue
        read.append((number, data))
    if mode is ImportMode.ALL_OR_NOTHING and report.error_count:
        return report  # refused whole before anything was written
    usernames = accounts.free_usernames(session, len(read))
    # The numbers looked up at once, not a query a row; a number twice in the file is seen here.
    hashes = [keys.lookup_hashes(data.id_number.strip().upper()) for _, data in read]
    taken = volunteer_repository.held_hashes(session, [h for hs in hashes for h in hs])
    for (number, data), username, own in zip(read, usernames, hashes, strict=True):
        if taken.intersection(own):
            report.add_errors(_refused(number, Duplicate(volunteers.DUPLICATE)))
            continue
        try:
            out = volunteers.register(session, principal, keys, data, username, checked=True)
        except ShouhuError as exc:  # a refused row has written nothing
            report.add_errors(_refused(number, exc))
            continue
        taken.update(own)
        assert out.account is not None and out.account.initial_password is not None
        report.registered_rows += 1
        report.accounts.append(
            RosterAccount(
                row=number,
                volunteer_id=out.id,
                name=out.name,
                username=out.account.username,
                initial_password=out.account.initial_password,
            )
        )
    try:
        # Every row's writes at once (batched INSERTs); a number registered by someone else
        # since the look-up refuses the whole file, to be imported again.
        volunteer_repository.flush_new(session)
    except IntegrityError as exc:
        session.rollback()
        raise Duplicate(RACED) from exc
    if mode is ImportMode.ALL_OR_NOTHING and report.error_count:
        # A number already registered, or twice in the file.
        session.rollback()
        report.registered_rows = 0
        report.accounts = []
        return report
    report.imported = True
    return report
