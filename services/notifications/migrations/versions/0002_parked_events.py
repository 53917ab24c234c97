"""Messages the consumers could not apply, parked with those of the same key after them.

Revision ID: 0002
"""

from alembic import op

from shouhu.platform.migrations import create_parked_events_table

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    create_parked_events_table()


def downgrade() -> None:
    op.drop_table("parked_event")
