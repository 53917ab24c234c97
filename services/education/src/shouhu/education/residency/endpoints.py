"""HTTP routes of non-Beijing children's enrolment documents."""

from fastapi import APIRouter

from shouhu.education.residency import service
from shouhu.education.residency.schemas import DocumentsInput, NonBeijingOut
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit

router = APIRouter(tags=["non-beijing"])


@router.post(
    "/children/{child_id}/enrolment-documents",
    response_model=NonBeijingOut,
    response_model_by_alias=True,
)
def record_documents(
    child_id: str, data: DocumentsInput, session: SessionDep, principal: PrincipalDep
) -> NonBeijingOut:
    """Record a non-Beijing child's enrolment documents as checked (非京籍入学材料核验)."""
    out = service.record(session, principal, child_id, data)
    commit(session)
    return out
