"""API shapes of escalations."""

from datetime import datetime

from shouhu.platform.schemas import Camel


class EscalationOut(Camel):
    """A chain awaiting acknowledgement: who is told next, and when."""

    chain_id: str
    notification_id: str
    ladder: str
    next_rung: int
    due_at: datetime
