"""Tables of the registry, one file per domain module."""

from shouhu.registry.models.access_log import AccessLogEntry
from shouhu.registry.models.case import (
    CaseAttachment,
    CaseResponse,
    CaseStep,
    GuardianshipIntervention,
    ProtectionCase,
)
from shouhu.registry.models.child import (
    CategoryPeriod,
    Child,
    ChildHistory,
    Classification,
    DuplicateAnswer,
    DuplicateReview,
    Guardian,
    TransferRequest,
)
from shouhu.registry.models.division import Division, WorkforceMember
from shouhu.registry.models.intake import DepartmentTask, Intake, IntakeStep, ReceiptSequence
from shouhu.registry.models.ledger import ImportBatch
from shouhu.registry.models.plan import PlanMeasure
from shouhu.registry.models.visit import DigestRun, Visit, VisitPolicy

__all__ = [
    "AccessLogEntry",
    "CaseAttachment",
    "CaseResponse",
    "CaseStep",
    "CategoryPeriod",
    "Child",
    "ChildHistory",
    "Classification",
    "DepartmentTask",
    "DigestRun",
    "Division",
    "DuplicateAnswer",
    "DuplicateReview",
    "Guardian",
    "GuardianshipIntervention",
    "ImportBatch",
    "Intake",
    "IntakeStep",
    "PlanMeasure",
    "ProtectionCase",
    "ReceiptSequence",
    "TransferRequest",
    "Visit",
    "VisitPolicy",
    "WorkforceMember",
]
