"""The dropout watch (控辍保学): risks, absences and returns; the projection's birth dates indexed
for the daily sweep.

Revision ID: 0004_dropout
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_dropout"
down_revision = "0003"

TZ = sa.DateTime(timezone=True)
OPEN = sa.text("status = 'OPEN'")


def upgrade() -> None:
    op.create_table(
        "dropout_risk",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("residence_division_code", sa.String(12), nullable=False),
        sa.Column("town_code", sa.String(9), nullable=False),
        sa.Column("opened_on", sa.Date, nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("overdue_on", sa.Date, nullable=True),
        sa.Column("closed_on", sa.Date, nullable=True),
        sa.Column("close_reason", sa.String(20), nullable=True),
        sa.Column("exemption_reason", sa.String(20), nullable=True),
        sa.Column("exemption_note", sa.String(500), nullable=True),
        sa.Column("exempt_until", sa.Date, nullable=True),
        sa.Column("closed_by", sa.String(100), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.CheckConstraint(
            "(status = 'OPEN') = (closed_on IS NULL)", name="ck_dropout_risk_closed"
        ),
        sa.CheckConstraint(
            "(status = 'EXEMPTED') = (exemption_reason IS NOT NULL)",
            name="ck_dropout_risk_exemption",
        ),
    )
    op.create_index("ix_dropout_risk_child_id", "dropout_risk", ["child_id"])
    # One open risk per child, whatever a race between the consumer and the sweep does.
    op.create_index(
        "ux_dropout_risk_open_child",
        "dropout_risk",
        ["child_id"],
        unique=True,
        postgresql_where=OPEN,
        sqlite_where=OPEN,
    )
    # The open risks of the district, a town or a village, newest first (keyset pages).
    for name, columns in (
        ("ix_dropout_risk_open_district", ["opened_on", "id"]),
        ("ix_dropout_risk_open_town", ["town_code", "opened_on", "id"]),
        ("ix_dropout_risk_open_village", ["residence_division_code", "opened_on", "id"]),
    ):
        op.create_index(name, "dropout_risk", columns, postgresql_where=OPEN, sqlite_where=OPEN)
    # The daily sweep takes the children of compulsory-school age by their birth dates.
    op.create_index("ix_child_projection_birth_date", "child_projection", ["birth_date"])
    op.create_table(
        "absence_day",
        sa.Column("child_id", sa.String(36), primary_key=True),
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("school_code", sa.String(10), sa.ForeignKey("school.code"), nullable=False),
        sa.Column("reported_by", sa.String(100), nullable=False),
        sa.Column("reported_at", TZ, nullable=False),
    )
    op.create_table(
        "absence_return",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("returned_on", sa.Date, nullable=False),
        sa.Column("school_code", sa.String(10), sa.ForeignKey("school.code"), nullable=False),
        sa.Column("reported_by", sa.String(100), nullable=False),
        sa.Column("reported_at", TZ, nullable=False),
    )
    op.create_index("ix_absence_return_child_id", "absence_return", ["child_id"])


def downgrade() -> None:
    op.drop_table("absence_return")
    op.drop_table("absence_day")
    op.drop_index("ix_child_projection_birth_date", "child_projection")
    op.drop_table("dropout_risk")
