"""Deadline reminders; notifications found by what they are about (to stop their ladders); the
single window's applicant's mobile beside the child's name.

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "deadline_reminder",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("subject_ref", sa.String(100), nullable=False),
        sa.Column("deadline", sa.String(50), nullable=False),
        sa.Column("kind", sa.String(50), nullable=False),
        sa.Column("recipient_username", sa.String(100), nullable=True),
        sa.Column("recipient_role", sa.String(50), nullable=True),
        sa.Column("recipient_division", sa.String(12), nullable=True),
        sa.Column("variables", sa.JSON, nullable=False),
        sa.Column("child_id", sa.String(36), nullable=True),
        sa.Column("due_at", TZ, nullable=False),
        sa.Column("fire_at", TZ, nullable=False),
        sa.Column("fired_at", TZ, nullable=True),
        sa.Column("cancelled_at", TZ, nullable=True),
    )
    op.create_index("ix_deadline_reminder_subject_ref", "deadline_reminder", ["subject_ref"])
    op.create_index("ix_deadline_reminder_due", "deadline_reminder", ["fired_at", "fire_at"])
    op.create_index("ix_notification_subject_ref", "notification", ["subject_ref"])
    op.add_column("child_card", sa.Column("applicant_mobile", sa.String(11), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("child_card") as table:
        table.drop_column("applicant_mobile")
    op.drop_index("ix_notification_subject_ref", "notification")
    op.drop_table("deadline_reminder")
