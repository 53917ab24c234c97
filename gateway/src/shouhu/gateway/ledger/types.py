"""The ledger import (台账导入): a village's spreadsheet through GraphQL; the blank template."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile
from strawberry.file_uploads import Upload

from shouhu.gateway.common import Ctx
from shouhu.gateway.context import Services
from shouhu.platform.errors import ValidationFailed

# A 100,000-row file takes about a minute; the gateway's usual timeout is for quick calls.
IMPORT_TIMEOUT_SECONDS = 600.0
TEMPLATES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
DOWNLOAD_NAME = "%E5%8F%B0%E8%B4%A6%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF"  # 台账导入模板


@strawberry.enum(description="Refuse the whole file on any bad row, or take the good rows")
class ImportMode(Enum):
    ALL_OR_NOTHING = "ALL_OR_NOTHING"
    VALID_ROWS = "VALID_ROWS"


@strawberry.type(description="One bad cell: the row as the spreadsheet counts it, the header, why")
class ImportRowError:
    row: int
    column: str
    message: str


@strawberry.type(description="The outcome of one ledger file (台账导入结果)")
class ImportReport:
    batch_id: strawberry.ID | None = strawberry.field(
        description="The recorded import; null when ALL_OR_NOTHING refused the file"
    )
    file_name: str
    mode: ImportMode
    total_rows: int = strawberry.field(description="Rows with data (blank rows not counted)")
    imported_rows: int = strawberry.field(description="Files opened")
    skipped_rows: int = strawberry.field(description="Identity number registered already")
    held_for_review: int = strawberry.field(
        description="Possible duplicates (same name, birth date, village) held for review"
    )
    rejected_rows: int = strawberry.field(description="Rows with at least one error")
    error_count: int = strawberry.field(description="Every error; `errors` lists the first 1000")
    errors: list[ImportRowError]
    duplicate_of_earlier_import: bool = strawberry.field(
        description="The same file was imported before; its report, nothing written now"
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ImportReport:
        return cls(
            batch_id=strawberry.ID(row["batchId"]) if row.get("batchId") else None,
            file_name=row["fileName"],
            mode=ImportMode(row["mode"]),
            total_rows=row["totalRows"],
            imported_rows=row["importedRows"],
            skipped_rows=row["skippedRows"],
            held_for_review=row["heldForReview"],
            rejected_rows=row["rejectedRows"],
            error_count=row["errorCount"],
            errors=[
                ImportRowError(row=e["row"], column=e["column"], message=e["message"])
                for e in row["errors"]
            ],
            duplicate_of_earlier_import=row["duplicateOfEarlierImport"],
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Import a village ledger (CSV or XLSX, multipart upload); once per file"
    )
    async def import_ledger(self, info: Ctx, file: Upload, mode: ImportMode) -> ImportReport:
        if not isinstance(file, UploadFile):
            raise ValidationFailed("请上传台账文件", fields={"file": "请上传台账文件"})
        row = await info.context.services.registry.post_form(
            "/imports",
            token=info.context.token,
            fields={"mode": mode.value},
            files={
                "file": (
                    file.filename or "台账",
                    file.file,
                    file.content_type or "application/octet-stream",
                )
            },
            timeout_seconds=IMPORT_TIMEOUT_SECONDS,
        )
        return ImportReport.from_row(row)


router = APIRouter(tags=["ledger"])


@router.get("/ledger/template.xlsx")
async def xlsx_template(request: Request) -> Response:
    """The blank ledger template, from the registry; no token needed (a browser link)."""
    return await _template(request, "xlsx")


@router.get("/ledger/template.csv")
async def csv_template(request: Request) -> Response:
    """The blank template as CSV (UTF-8 with a BOM, so Excel shows the Chinese headers)."""
    return await _template(request, "csv")


async def _template(request: Request, kind: str) -> Response:
    services: Services = request.app.state.services
    body, _ = await services.registry.get_bytes(f"/imports/template.{kind}")
    disposition = (
        f"attachment; filename=\"ledger-template.{kind}\"; filename*=UTF-8''{DOWNLOAD_NAME}.{kind}"
    )
    return Response(body, media_type=TEMPLATES[kind], headers={"Content-Disposition": disposition})
