"""Inclusive schooling (融合教育): placements of disabled children, home teaching (送教上门) plans,
sessions and the months that fell short.

Revision ID: 0006_inclusive
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_inclusive"
down_revision = "0005"

TZ = sa.DateTime(timezone=True)
CURRENT = sa.text("ended_on IS NULL")


def upgrade() -> None:
    op.create_table(
        "placement",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("school_code", sa.String(10), sa.ForeignKey("school.code"), nullable=False),
        sa.Column("assessed_on", sa.Date, nullable=False),
        sa.Column("assessed_by", sa.String(100), nullable=False),
        sa.Column("summary", sa.String(1000), nullable=False),
        sa.Column("since", sa.Date, nullable=False),
        sa.Column("ended_on", sa.Date, nullable=True),
        sa.Column("decided_by", sa.String(100), nullable=False),
        sa.Column("decided_at", TZ, nullable=False),
    )
    op.create_index("ix_placement_child_id", "placement", ["child_id"])
    # One current placement per child, whatever two deciders do at once.
    op.create_index(
        "ux_placement_current_child",
        "placement",
        ["child_id"],
        unique=True,
        postgresql_where=CURRENT,
        sqlite_where=CURRENT,
    )
    op.create_table(
        "home_teaching_plan",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("placement_id", sa.String(36), sa.ForeignKey("placement.id"), nullable=False),
        sa.Column("school_code", sa.String(10), sa.ForeignKey("school.code"), nullable=False),
        sa.Column("teacher_name", sa.String(50), nullable=False),
        sa.Column("teacher_username", sa.String(100), nullable=True),
        sa.Column("sessions_per_month", sa.Integer, nullable=False),
        sa.Column("min_hours", sa.Float, nullable=False),
        sa.Column("since", sa.Date, nullable=False),
        sa.Column("ended_on", sa.Date, nullable=True),
        sa.Column("rule_version", sa.String(20), nullable=False),
        sa.Column("planned_by", sa.String(100), nullable=False),
        sa.Column("planned_at", TZ, nullable=False),
        sa.CheckConstraint("sessions_per_month > 0", name="ck_home_teaching_plan_sessions"),
        sa.CheckConstraint("min_hours > 0", name="ck_home_teaching_plan_hours"),
    )
    op.create_index("ix_home_teaching_plan_child_id", "home_teaching_plan", ["child_id"])
    op.create_index(
        "ux_home_teaching_plan_current_child",
        "home_teaching_plan",
        ["child_id"],
        unique=True,
        postgresql_where=CURRENT,
        sqlite_where=CURRENT,
    )
    op.create_table(
        "home_teaching_session",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "plan_id", sa.String(36), sa.ForeignKey("home_teaching_plan.id"), nullable=False
        ),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("hours", sa.Float, nullable=False),
        sa.Column("content", sa.String(1000), nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
        sa.CheckConstraint("hours > 0", name="ck_home_teaching_session_hours"),
        # One session a day per plan: the same visit logged twice is refused, not counted twice.
        sa.UniqueConstraint("plan_id", "held_on", name="uq_home_teaching_session_day"),
    )
    op.create_index("ix_home_teaching_session_child_id", "home_teaching_session", ["child_id"])
    op.create_table(
        "home_teaching_missed",
        sa.Column(
            "plan_id",
            sa.String(36),
            sa.ForeignKey("home_teaching_plan.id"),
            primary_key=True,
        ),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("school_code", sa.String(10), nullable=False),
        sa.Column("town_code", sa.String(9), nullable=False),
        sa.Column("expected", sa.Integer, nullable=False),
        sa.Column("held", sa.Integer, nullable=False),
        sa.Column("flagged_at", TZ, nullable=False),
    )
    op.create_index("ix_home_teaching_missed_child_id", "home_teaching_missed", ["child_id"])


def downgrade() -> None:
    op.drop_table("home_teaching_missed")
    op.drop_table("home_teaching_session")
    op.drop_table("home_teaching_plan")
    op.drop_table("placement")
