"""Outbox and inbox.

Revision ID: 0001
"""

from alembic import op

from shouhu.platform.migrations import create_messaging_tables

revision = "0001"
down_revision = None


def upgrade() -> None:
    create_messaging_tables()


def downgrade() -> None:
    op.drop_table("inbox")
    op.drop_table("outbox")
