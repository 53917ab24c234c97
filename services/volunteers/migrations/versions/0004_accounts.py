"""Volunteers' accounts: what the identity provider should hold for each, made after commit.

Revision ID: 0004_accounts
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_accounts"
down_revision = "0003"

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "volunteer_account",
        sa.Column(
            "volunteer_id", sa.String(36), sa.ForeignKey("volunteer.id"), primary_key=True
        ),
        sa.Column("username", sa.String(100), nullable=False, unique=True),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("enabled", sa.Boolean, nullable=False),
        sa.Column("synced", sa.Boolean, nullable=False),
        sa.Column("made_at", TZ, nullable=True),
        sa.Column("password_cipher", sa.Text, nullable=True),
        sa.Column("password_key_id", sa.String(16), nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.String(500), nullable=True),
        sa.Column("disabled_reason", sa.String(200), nullable=True),
        sa.Column("disabled_by", sa.String(100), nullable=True),
        sa.Column("disabled_at", TZ, nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    # The worker's look for accounts still to make or change.
    op.create_index("ix_volunteer_account_synced", "volunteer_account", ["synced"])


def downgrade() -> None:
    op.drop_index("ix_volunteer_account_synced", "volunteer_account")
    op.drop_table("volunteer_account")
