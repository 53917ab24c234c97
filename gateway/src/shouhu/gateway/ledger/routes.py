"""The blank ledger and roster templates as plain downloads (a browser link, no token)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response

from shouhu.gateway.clients import ledger_template, roster_template
from shouhu.gateway.context import Services
from shouhu.platform.openapi import attachment
from shouhu.platform.schemas import XLSX

TEMPLATES = {
    "xlsx": XLSX,
    "csv": "text/csv; charset=utf-8",
}

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
    return attachment(body, f"ledger-template.{kind}", TEMPLATES[kind], "台账导入模板")


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
    return attachment(body, f"roster-template.{kind}", TEMPLATES[kind], "花名册导入模板")
