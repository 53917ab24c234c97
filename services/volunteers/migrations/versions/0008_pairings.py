"""The children's projection, pairings (一对一帮扶) and their visits.

Revision ID: 0008_pairings
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_pairings"
down_revision = "0007_families"

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "volunteer_child",
        sa.Column("child_id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("birth_date", sa.Date, nullable=False),
        sa.Column("residence_division_code", sa.String(12), nullable=False),
        sa.Column("town_code", sa.String(12), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("needs", sa.JSON, nullable=False),
        sa.Column("pairing_task_id", sa.String(36), nullable=True),
        sa.Column("pairing_intake_id", sa.String(36), nullable=True),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index(
        "ix_volunteer_child_residence_division_code",
        "volunteer_child",
        ["residence_division_code"],
    )
    op.create_table(
        "pairing",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("volunteer_id", sa.String(36), sa.ForeignKey("volunteer.id"), nullable=False),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("organisation_id", sa.String(36), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("started_on", sa.Date, nullable=False),
        sa.Column("ended_on", sa.Date, nullable=True),
        sa.Column("end_reason", sa.String(200), nullable=True),
        sa.Column("task_id", sa.String(36), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_pairing_volunteer_id", "pairing", ["volunteer_id"])
    op.create_index("ix_pairing_child_id", "pairing", ["child_id"])
    # One live pairing of a volunteer with a child at a time (the load counts these).
    op.create_index(
        "uq_pairing_live",
        "pairing",
        ["volunteer_id", "child_id"],
        unique=True,
        postgresql_where=sa.text("status <> 'ENDED'"),
        sqlite_where=sa.text("status <> 'ENDED'"),
    )
    op.create_table(
        "pairing_visit",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("pairing_id", sa.String(36), sa.ForeignKey("pairing.id"), nullable=False),
        sa.Column("visited_on", sa.Date, nullable=False),
        sa.Column("minutes", sa.Integer, nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("note", sa.String(500), nullable=True),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
    )
    op.create_index("ix_pairing_visit_pairing_id", "pairing_visit", ["pairing_id"])


def downgrade() -> None:
    op.drop_table("pairing_visit")
    op.drop_table("pairing")
    op.drop_table("volunteer_child")
