"""Benefits: the days whose calendar work is done, so replicas and restarts do it once.

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "calendar_day",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("changed", sa.Integer, nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("calendar_day")
