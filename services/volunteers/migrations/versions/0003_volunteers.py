"""Organisations, volunteers and their vetting.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "organisation",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("contact_name", sa.String(50), nullable=True),
        sa.Column("contact_mobile", sa.String(11), nullable=True),
        sa.Column("acting_role", sa.String(40), nullable=False),
        sa.Column("demo", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        # One organisation of a name in a division: a second one is a typing slip.
        sa.UniqueConstraint("division_code", "name", name="uq_organisation_division_name"),
    )
    op.create_index("ix_organisation_division_code", "organisation", ["division_code"])
    op.create_table(
        "volunteer",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("id_number_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("id_number_cipher", sa.Text, nullable=False),
        sa.Column("id_number_key_id", sa.String(16), nullable=False),
        sa.Column("birth_date", sa.Date, nullable=False),
        sa.Column("gender", sa.String(10), nullable=False),
        sa.Column("phone", sa.String(11), nullable=False),
        sa.Column("skills", sa.JSON, nullable=False),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column(
            "organisation_id", sa.String(36), sa.ForeignKey("organisation.id"), nullable=False
        ),
        sa.Column("availability", sa.JSON, nullable=False),
        sa.Column("service_area", sa.JSON, nullable=False),
        sa.Column("check_valid_until", sa.Date, nullable=True),
        sa.Column("trained", sa.Boolean, nullable=False),
        sa.Column("username", sa.String(100), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("registered_by", sa.String(100), nullable=False),
        sa.Column("registered_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_volunteer_division_code", "volunteer", ["division_code"])
    op.create_index("ix_volunteer_organisation_id", "volunteer", ["organisation_id"])
    op.create_index("ix_volunteer_registered_at", "volunteer", ["registered_at", "id"])
    op.create_table(
        "vetting",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("volunteer_id", sa.String(36), sa.ForeignKey("volunteer.id"), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("passed", sa.Boolean, nullable=False),
        sa.Column("checked_on", sa.Date, nullable=False),
        sa.Column("valid_until", sa.Date, nullable=True),
        sa.Column("rule_version", sa.String(40), nullable=False),
        sa.Column("note", sa.String(500), nullable=True),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
    )
    op.create_index("ix_vetting_volunteer_id", "vetting", ["volunteer_id"])
    # The daily look for record checks expiring (reminders, suspension) reads by this.
    op.create_index("ix_vetting_valid_until", "vetting", ["valid_until"])


def downgrade() -> None:
    op.drop_table("vetting")
    op.drop_table("volunteer")
    op.drop_table("organisation")
