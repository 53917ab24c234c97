"""The blank roster of volunteers as a plain download (a browser link, no token)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from shouhu.gateway.clients import volunteer_roster_template
from shouhu.gateway.context import Services
from shouhu.platform.schemas import XLSX

DOWNLOAD_NAME = "%E5%BF%97%E6%84%BF%E8%80%85%E5%90%8D%E5%86%8C%E6%A8%A1%E6%9D%BF"  # 志愿者名册模板

router = APIRouter(tags=["volunteers"])


@router.get("/volunteers/roster/template.xlsx")
async def roster_template(request: Request) -> Response:
    """The blank roster of volunteers (志愿者名册), from the volunteers service."""
    services: Services = request.app.state.services
    body = await volunteer_roster_template(services.volunteers)
    disposition = (
        'attachment; filename="volunteer-roster-template.xlsx"; '
        f"filename*=UTF-8''{DOWNLOAD_NAME}.xlsx"
    )
    return Response(body, media_type=XLSX, headers={"Content-Disposition": disposition})
