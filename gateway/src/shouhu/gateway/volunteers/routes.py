"""The blank roster of volunteers as a plain download (a browser link, no token)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from shouhu.gateway.clients import volunteer_roster_template
from shouhu.gateway.context import Services
from shouhu.platform.openapi import attachment
from shouhu.platform.schemas import XLSX

router = APIRouter(tags=["volunteers"])


@router.get("/volunteers/roster/template.xlsx")
async def roster_template(request: Request) -> Response:
    """The blank roster of volunteers (志愿者名册), from the volunteers service."""
    services: Services = request.app.state.services
    body = await volunteer_roster_template(services.volunteers)
    return attachment(body, "volunteer-roster-template.xlsx", XLSX, "志愿者名册模板")
