"""Mutations of the ledger import."""

from __future__ import annotations

import strawberry
from starlette.datastructures import UploadFile
from strawberry.file_uploads import Upload

from shouhu.gateway.common import Ctx
from shouhu.gateway.ledger.types import ImportMode, ImportReport
from shouhu.platform.errors import ValidationFailed


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Import a village ledger (CSV or XLSX, multipart upload); once per file"
    )
    async def import_ledger(self, info: Ctx, file: Upload, mode: ImportMode) -> ImportReport:
        if not isinstance(file, UploadFile):
            raise ValidationFailed("请上传台账文件", fields={"file": "请上传台账文件"})
        content_type = file.content_type or "application/octet-stream"
        row = await info.context.registry.import_ledger(
            mode.value, (file.filename or "台账", file.file, content_type)
        )
        return ImportReport.from_row(row)
