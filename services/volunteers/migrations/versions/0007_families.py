"""Caring families and their links, donations and their uses, needs and offers.

Revision ID: 0007_families
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_families"
down_revision = "0006_activities"

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "caring_family",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("head_name", sa.String(50), nullable=False),
        sa.Column("id_number_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("id_number_cipher", sa.Text, nullable=False),
        sa.Column("id_number_key_id", sa.String(16), nullable=False),
        sa.Column("mobile", sa.String(11), nullable=False),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("assessed_on", sa.Date, nullable=True),
        sa.Column("assessment_note", sa.String(500), nullable=True),
        sa.Column("approved_by", sa.String(100), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("registered_by", sa.String(100), nullable=False),
        sa.Column("registered_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_caring_family_division_code", "caring_family", ["division_code"])
    op.create_table(
        "caring_family_link",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "family_id", sa.String(36), sa.ForeignKey("caring_family.id"), nullable=False
        ),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("until", sa.Date, nullable=True),
        sa.Column("ended_on", sa.Date, nullable=True),
        sa.Column("end_reason", sa.String(200), nullable=True),
        sa.Column("linked_by", sa.String(100), nullable=False),
        sa.Column("linked_at", TZ, nullable=False),
    )
    op.create_index("ix_caring_family_link_family_id", "caring_family_link", ["family_id"])
    op.create_index("ix_caring_family_link_child_id", "caring_family_link", ["child_id"])
    op.create_table(
        "donation",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "organisation_id", sa.String(36), sa.ForeignKey("organisation.id"), nullable=False
        ),
        sa.Column("donor_kind", sa.String(20), nullable=False),
        sa.Column("donor_name", sa.String(100), nullable=True),
        sa.Column("anonymous", sa.Boolean, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("used", sa.BigInteger, nullable=False),
        sa.Column("goods_description", sa.String(200), nullable=True),
        sa.Column("unit", sa.String(10), nullable=True),
        sa.Column("designation", sa.String(20), nullable=False),
        sa.Column("designated_id", sa.String(36), nullable=True),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("note", sa.String(500), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
        # The last line against overspending: a use is an UPDATE that this refuses.
        sa.CheckConstraint("used >= 0 AND used <= amount", name="ck_donation_used_within"),
    )
    op.create_index("ix_donation_organisation_id", "donation", ["organisation_id"])
    op.create_index("ix_donation_received_on", "donation", ["received_on"])
    op.create_table(
        "donation_use",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("donation_id", sa.String(36), sa.ForeignKey("donation.id"), nullable=False),
        sa.Column("amount", sa.BigInteger, nullable=False),
        sa.Column("used_on", sa.Date, nullable=False),
        sa.Column("purpose", sa.String(200), nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
    )
    op.create_index("ix_donation_use_donation_id", "donation_use", ["donation_id"])
    op.create_table(
        "offer",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "organisation_id", sa.String(36), sa.ForeignKey("organisation.id"), nullable=False
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("description", sa.String(200), nullable=False),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("matched", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.CheckConstraint("matched >= 0 AND matched <= quantity", name="ck_offer_matched_within"),
    )
    op.create_index("ix_offer_organisation_id", "offer", ["organisation_id"])
    op.create_index("ix_offer_division_code", "offer", ["division_code"])
    op.create_table(
        "need",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("child_id", sa.String(36), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("description", sa.String(200), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("offer_id", sa.String(36), sa.ForeignKey("offer.id"), nullable=True),
        sa.Column("matched_at", TZ, nullable=True),
        sa.Column("closed_at", TZ, nullable=True),
        sa.Column("close_note", sa.String(200), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("raised_by", sa.String(100), nullable=False),
        sa.Column("raised_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_need_division_code", "need", ["division_code"])
    op.create_index("ix_need_child_id", "need", ["child_id"])


def downgrade() -> None:
    for table in ("need", "offer", "donation_use", "donation", "caring_family_link"):
        op.drop_table(table)
    op.drop_table("caring_family")
