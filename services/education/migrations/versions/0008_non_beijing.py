"""Non-Beijing children (非京籍): each check of a child's enrolment documents, kept.

The projection's hukou column is 0003's; from now on the registry's events fill it too.

Revision ID: 0008_non_beijing
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_non_beijing"
down_revision = "0006_inclusive"

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "enrolment_document_check",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("documents", sa.JSON, nullable=False),
        sa.Column("checked_on", sa.Date, nullable=False),
        sa.Column("checked_by", sa.String(100), nullable=False),
        sa.Column("school_code", sa.String(10), sa.ForeignKey("school.code"), nullable=True),
        sa.Column("checked_at", TZ, nullable=False),
    )
    # A child's checks in order; two recorded at once cannot both be the newest.
    op.create_index(
        "ux_enrolment_document_check_child_number",
        "enrolment_document_check",
        ["child_id", "number"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_table("enrolment_document_check")
