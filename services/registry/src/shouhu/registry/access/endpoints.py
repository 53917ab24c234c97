"""HTTP routes of the access log."""

from fastapi import APIRouter

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep
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
    first: int = 20,
    after: str | None = None,
) -> AccessLogPage:
    return service.page(session, principal, child_id, first=first, after=after)
