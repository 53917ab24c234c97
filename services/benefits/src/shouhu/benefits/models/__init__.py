"""Tables of benefits, one file per domain module."""

from shouhu.benefits.models.calendar import CalendarDay
from shouhu.benefits.models.decision import (
    Decision,
    DecisionContent,
    Eligibility,
    Entitlement,
)
from shouhu.benefits.models.facts import ChildFacts, Intervention
from shouhu.benefits.models.payment import PaymentBatch, PaymentLine, PaymentTotal
from shouhu.benefits.models.programme import BenefitStandard, ProgrammeSetting, StandardChange

__all__ = [
    "BenefitStandard",
    "CalendarDay",
    "ChildFacts",
    "Decision",
    "DecisionContent",
    "Eligibility",
    "Entitlement",
    "Intervention",
    "PaymentBatch",
    "PaymentLine",
    "PaymentTotal",
    "ProgrammeSetting",
    "StandardChange",
]
