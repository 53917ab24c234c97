"""Transfer requests for numbers filed elsewhere, and the count of duplicate answers.

A registration whose identity number has a file outside the registering person's division no
longer learns that file's id: the district's civil affairs decides a transfer request instead,
and each `DUPLICATE` answered is counted, so that probing for numbers is rate-limited.

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "transfer_request",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("child_id", sa.String(36), sa.ForeignKey("child.id"), nullable=False),
        sa.Column("to_village", sa.String(12), nullable=False),
        sa.Column("submitted", sa.JSON, nullable=False),
        sa.Column("requested_by", sa.String(100), nullable=False),
        sa.Column("requested_at", TZ, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("decided_by", sa.String(100), nullable=True),
        sa.Column("decided_at", TZ, nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
    )
    op.create_index("ix_transfer_request_child_id", "transfer_request", ["child_id"])
    op.create_index("ix_transfer_request_status", "transfer_request", ["status", "requested_at"])
    op.create_table(
        "duplicate_answer",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("at", TZ, nullable=False),
    )
    op.create_index("ix_duplicate_answer_actor", "duplicate_answer", ["actor", "at"])


def downgrade() -> None:
    op.drop_table("duplicate_answer")
    op.drop_table("transfer_request")
