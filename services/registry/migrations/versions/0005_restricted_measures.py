"""Measures shown only to roles that see health detail.

A measure another service adds (a programme granted only to the seriously ill, say) can tell
what a role may not know (HIV shown as serious illness): `restricted` keeps it, and its history,
from roles without health detail.

Revision ID: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    with op.batch_alter_table("plan_measure") as table:
        table.add_column(
            sa.Column("restricted", sa.Boolean, nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("plan_measure") as table:
        table.drop_column("restricted")
