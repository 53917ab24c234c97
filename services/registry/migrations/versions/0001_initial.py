"""Divisions, children, outbox and inbox.

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
        "division",
        sa.Column("code", sa.String(12), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("parent_code", sa.String(12), sa.ForeignKey("division.code"), nullable=True),
    )
    op.create_index("ix_division_parent_code", "division", ["parent_code"])
    op.create_table(
        "child",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("gender", sa.String(6), nullable=False),
        sa.Column("birth_date", sa.Date, nullable=False),
        sa.Column("id_number_hash", sa.String(64), nullable=True, unique=True),
        sa.Column("id_number_cipher", sa.Text, nullable=True),
        sa.Column("id_number_key_id", sa.String(16), nullable=True),
        sa.Column("id_number_tail", sa.String(4), nullable=True),
        sa.Column(
            "residence_division_code",
            sa.String(12),
            sa.ForeignKey("division.code"),
            nullable=False,
        ),
        sa.Column("hukou_division_code", sa.String(12), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
    )
    op.create_index("ix_child_residence", "child", ["residence_division_code"])


def downgrade() -> None:
    op.drop_table("child")
    op.drop_table("division")
    op.drop_table("inbox")
    op.drop_table("outbox")
