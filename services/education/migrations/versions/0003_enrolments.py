"""The children's projection, schools and their staff, enrolments.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "child_projection",
        sa.Column("child_id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("birth_date", sa.Date, nullable=False),
        sa.Column("residence_division_code", sa.String(12), nullable=False),
        sa.Column("town_code", sa.String(9), nullable=False),
        sa.Column("hukou_division_code", sa.String(12), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("exited_on", sa.Date, nullable=True),
        sa.Column("classifications", sa.JSON, nullable=False),
        sa.Column("primary_category", sa.String(20), nullable=False),
        sa.Column("left_behind", sa.Boolean, nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index(
        "ix_child_projection_residence_division_code", "child_projection", ["residence_division_code"]
    )
    op.create_table(
        "school",
        sa.Column("code", sa.String(10), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("stages", sa.JSON, nullable=False),
        sa.Column("town_code", sa.String(9), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("demo", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_school_town_code", "school", ["town_code"])
    op.create_table(
        "school_staff",
        sa.Column("username", sa.String(100), primary_key=True),
        sa.Column("school_code", sa.String(10), sa.ForeignKey("school.code"), nullable=False),
        sa.Column("assigned_by", sa.String(100), nullable=False),
        sa.Column("assigned_at", TZ, nullable=False),
    )
    op.create_table(
        "enrolment",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("school_code", sa.String(10), sa.ForeignKey("school.code"), nullable=False),
        sa.Column("stage", sa.String(30), nullable=False),
        sa.Column("grade", sa.Integer, nullable=False),
        sa.Column("since", sa.Date, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("suspended_on", sa.Date, nullable=True),
        sa.Column("ended_on", sa.Date, nullable=True),
        sa.Column("end_reason", sa.String(40), nullable=True),
        sa.Column("transferred_to", sa.String(36), nullable=True),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.CheckConstraint("grade >= 1", name="ck_enrolment_grade"),
        sa.CheckConstraint(
            "(status = 'ENDED') = (ended_on IS NOT NULL)", name="ck_enrolment_ended"
        ),
    )
    op.create_index("ix_enrolment_child_id", "enrolment", ["child_id"])
    op.create_index("ix_enrolment_school_code", "enrolment", ["school_code"])
    # One open enrolment per child, whatever a race between two writers does.
    op.create_index(
        "ux_enrolment_open_child",
        "enrolment",
        ["child_id"],
        unique=True,
        postgresql_where=sa.text("ended_on IS NULL"),
        sqlite_where=sa.text("ended_on IS NULL"),
    )


def downgrade() -> None:
    op.drop_table("enrolment")
    op.drop_table("school_staff")
    op.drop_table("school")
    op.drop_table("child_projection")
