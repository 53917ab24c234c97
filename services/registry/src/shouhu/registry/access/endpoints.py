"""HTTP routes of the access log."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep
from shouhu.platform.schemas import CURSOR_MAX_LENGTH, Said
from shouhu.registry.access import service
from shouhu.registry.access.schemas import AccessLogPage

router = APIRouter(tags=["access log"])


@router.get(
    "/children/{child_id}/access-log", response_model=AccessLogPage, response_model_by_alias=True
)
def access_log(
    child_id: str,
    session: SessionDep,
    principal: PrincipalDep,
    first: Annotated[
        int, Query(ge=1, le=service.MAX_PAGE), Said(f"每页条数应在1到{service.MAX_PAGE}之间")
    ] = 20,
    after: Annotated[str | None, Query(max_length=CURSOR_MAX_LENGTH)] = None,
) -> AccessLogPage:
    return service.page(session, principal, child_id, first=first, after=after)
