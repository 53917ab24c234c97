"""Activities, their volunteers, service hours.

Revision ID: 0006_activities
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_activities"
down_revision = "0004_accounts"

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "activity",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "organisation_id", sa.String(36), sa.ForeignKey("organisation.id"), nullable=False
        ),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("title", sa.String(100), nullable=False),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("on", sa.Date, nullable=False),
        sa.Column("capacity", sa.Integer, nullable=False),
        sa.Column("volunteer_capacity", sa.Integer, nullable=True),
        sa.Column("children_signed_up", sa.Integer, nullable=False),
        sa.Column("children_attended", sa.Integer, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_activity_organisation_id", "activity", ["organisation_id"])
    op.create_index("ix_activity_division_code", "activity", ["division_code"])
    op.create_index("ix_activity_on", "activity", ["on"])
    op.create_table(
        "activityvolunteer",
        sa.Column(
            "activity_id",
            sa.String(36),
            sa.ForeignKey("activity.id"),
            primary_key=True,
        ),
        sa.Column(
            "volunteer_id",
            sa.String(36),
            sa.ForeignKey("volunteer.id"),
            primary_key=True,
        ),
        sa.Column("attended", sa.Boolean, nullable=True),
        sa.Column("signed_up_by", sa.String(100), nullable=False),
        sa.Column("signed_up_at", TZ, nullable=False),
    )
    op.create_index("ix_activityvolunteer_volunteer_id", "activityvolunteer", ["volunteer_id"])
    op.create_table(
        "servicehours",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("volunteer_id", sa.String(36), sa.ForeignKey("volunteer.id"), nullable=False),
        sa.Column("activity_id", sa.String(36), sa.ForeignKey("activity.id"), nullable=True),
        sa.Column(
            "organisation_id", sa.String(36), sa.ForeignKey("organisation.id"), nullable=False
        ),
        sa.Column("hours", sa.Float, nullable=False),
        sa.Column("on", sa.Date, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("note", sa.String(500), nullable=True),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
        sa.Column("decided_by", sa.String(100), nullable=True),
        sa.Column("decided_at", TZ, nullable=True),
    )
    # The day's sum per volunteer (at most 24) and their totals read by the volunteer.
    op.create_index("ix_servicehours_volunteer_on", "servicehours", ["volunteer_id", "on"])
    op.create_index("ix_servicehours_activity_id", "servicehours", ["activity_id"])
    op.create_index("ix_servicehours_organisation_id", "servicehours", ["organisation_id"])


def downgrade() -> None:
    op.drop_table("servicehours")
    op.drop_table("activityvolunteer")
    op.drop_table("activity")
