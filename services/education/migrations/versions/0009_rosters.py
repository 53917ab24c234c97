"""Schools' rosters (花名册导入): one row per imported file, with its report.

Revision ID: 0009_rosters
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_rosters"
down_revision = "0008_non_beijing"

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "roster_import",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("school_code", sa.String(10), sa.ForeignKey("school.code"), nullable=False),
        sa.Column("file_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("file_name", sa.String, nullable=False),
        sa.Column("mode", sa.String, nullable=False),
        sa.Column("imported_by", sa.String, nullable=False),
        sa.Column("imported_at", TZ, nullable=False),
        sa.Column("report", sa.JSON, nullable=False),
    )
    op.create_index("ix_roster_import_school_code", "roster_import", ["school_code"])


def downgrade() -> None:
    op.drop_table("roster_import")
