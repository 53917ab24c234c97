"""In-app notifications, outbox and inbox.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

from shouhu.platform.migrations import create_messaging_tables

revision = "0001"
down_revision = None


def upgrade() -> None:
    create_messaging_tables()
    op.create_table(
        "notification",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("recipient_role", sa.String(50), nullable=False),
        sa.Column("recipient_division", sa.String(12), nullable=False),
        sa.Column("kind", sa.String(50), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("child_id", sa.String(36), nullable=True),
        sa.Column("source_event_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("read_by", sa.String(100), nullable=True),
    )
    op.create_index(
        "ix_notification_recipient", "notification", ["recipient_role", "recipient_division", "seq"]
    )


def downgrade() -> None:
    op.drop_table("notification")
    op.drop_table("inbox")
    op.drop_table("outbox")
