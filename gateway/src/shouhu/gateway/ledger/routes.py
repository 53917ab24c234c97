"""The blank ledger and roster templates as plain downloads (a browser link, no token)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response

from shouhu.gateway.clients import ledger_template, roster_template
from shouhu.gateway.context import Services
from shouhu.platform.schemas import XLSX

TEMPLATES = {
    "xlsx": XLSX,
    "csv": "text/csv; charset=utf-8",
}
DOWNLOAD_NAME = "%E5%8F%B0%E8%B4%A6%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF"  # 台账导入模板
ROSTER_NAME = "%E8%8A%B1%E5%90%8D%E5%86%8C%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF"  # 花名册导入模板

router = APIRouter(tags=["ledger"])


@router.get("/ledger/template.xlsx")
async def xlsx_template(request: Request) -> Response:
    """The blank ledger template, from the registry."""
    return await _template(request, "xlsx")


@router.get("/ledger/template.csv")
async def csv_template(request: Request) -> Response:
    """The blank template as CSV (UTF-8 with a BOM, so Excel shows the Chinese headers)."""
    return await _template(request, "csv")


async def _template(request: Request, kind: Literal["xlsx", "csv"]) -> Response:
    services: Services = request.app.state.services
    body = await ledger_template(services.registry, kind)
    disposition = (
        f"attachment; filename=\"ledger-template.{kind}\"; filename*=UTF-8''{DOWNLOAD_NAME}.{kind}"
    )
    return Response(body, media_type=TEMPLATES[kind], headers={"Content-Disposition": disposition})


@router.get("/rosters/template.xlsx")
async def roster_xlsx_template(request: Request) -> Response:
    """The blank roster (花名册) template, from education."""
    return await _roster(request, "xlsx")


@router.get("/rosters/template.csv")
async def roster_csv_template(request: Request) -> Response:
    """The blank roster template as CSV (UTF-8 with a BOM)."""
    return await _roster(request, "csv")


async def _roster(request: Request, kind: Literal["xlsx", "csv"]) -> Response:
    services: Services = request.app.state.services
    body = await roster_template(services.education, kind)
    disposition = (
        f"attachment; filename=\"roster-template.{kind}\"; filename*=UTF-8''{ROSTER_NAME}.{kind}"
    )
    return Response(body, media_type=TEMPLATES[kind], headers={"Content-Disposition": disposition})
