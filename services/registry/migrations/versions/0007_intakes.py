"""The single window (一门受理、协同办理): applications, department tasks, their timeline, and
the receipt numbers given per prefix and year.

Revision ID: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "intake",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("receipt_number", sa.String(20), nullable=False, unique=True),
        sa.Column("child_id", sa.String(36), sa.ForeignKey("child.id"), nullable=False),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("town_code", sa.String(9), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("clerk", sa.String(100), nullable=False),
        sa.Column("clerk_division_code", sa.String(12), nullable=False),
        sa.Column("applicant_name", sa.String(50), nullable=False),
        sa.Column("applicant_relation", sa.String(20), nullable=False),
        sa.Column("applicant_phone", sa.String(11), nullable=False),
        sa.Column("needs", sa.JSON, nullable=False),
        sa.Column("materials", sa.JSON, nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("routing_version", sa.String(40), nullable=False),
        sa.Column("submitted_at", TZ, nullable=False),
        sa.Column("closed_at", TZ, nullable=True),
        sa.Column("withdraw_reason", sa.Text, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_intake_child_id", "intake", ["child_id"])
    op.create_index("ix_intake_submitted", "intake", ["submitted_at", "id"])
    op.create_index("ix_intake_town_submitted", "intake", ["town_code", "submitted_at", "id"])
    op.create_table(
        "department_task",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("intake_id", sa.String(36), sa.ForeignKey("intake.id"), nullable=False),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("town_code", sa.String(9), nullable=False),
        sa.Column("department", sa.String(40), nullable=False),
        sa.Column("need", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("working_days", sa.Integer, nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("due_at", TZ, nullable=True),
        sa.Column("paused_on", sa.Date, nullable=True),
        sa.Column("missing_materials", sa.JSON, nullable=False),
        sa.Column("received_materials", sa.JSON, nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("outcome", sa.Text, nullable=True),
        sa.Column("withdrawn", sa.Boolean, nullable=False),
        sa.Column("first_of_intake", sa.Boolean, nullable=False),
        sa.Column("first_of_department", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.Column("finished_at", TZ, nullable=True),
    )
    op.create_index("ix_department_task_intake_id", "department_task", ["intake_id"])
    op.create_index("ix_department_task_created_at", "department_task", ["created_at"])
    # The board, newest first: a department's tasks, and a town's of them (keyset pages).
    op.create_index(
        "ix_department_task_board", "department_task", ["department", "created_at", "id"]
    )
    op.create_index(
        "ix_department_task_town_board",
        "department_task",
        ["department", "town_code", "created_at", "id"],
    )
    op.create_table(
        "intake_step",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("intake_id", sa.String(36), sa.ForeignKey("intake.id"), nullable=False),
        sa.Column("task_id", sa.String(36), nullable=True),
        sa.Column("department", sa.String(40), nullable=True),
        sa.Column("at", TZ, nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("note", sa.Text, nullable=True),
    )
    op.create_index("ix_intake_step_intake_id", "intake_step", ["intake_id", "seq"])
    op.create_table(
        "receipt_sequence",
        sa.Column("prefix", sa.String(8), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("last", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("receipt_sequence")
    op.drop_table("intake_step")
    op.drop_table("department_task")
    op.drop_table("intake")
