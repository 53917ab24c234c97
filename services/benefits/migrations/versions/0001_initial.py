"""Benefits: projection of children, programmes and standards, decisions, entitlements, ledger.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

from shouhu.platform.migrations import create_messaging_tables

revision = "0001"
down_revision = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    create_messaging_tables()
    op.create_table(
        "child_facts",
        sa.Column("child_id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("birth_date", sa.Date, nullable=False),
        sa.Column("residence_division_code", sa.String(12), nullable=False),
        sa.Column("town_code", sa.String(9), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("exited_on", sa.Date, nullable=True),
        sa.Column("classifications", sa.JSON, nullable=False),
        sa.Column("guardian_present", sa.Boolean, nullable=False),
        sa.Column("decision_id", sa.String(36), nullable=True),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_table(
        "intervention",
        sa.Column("case_id", sa.String(36), primary_key=True),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("opened_on", sa.Date, nullable=False),
        sa.Column("closed_on", sa.Date, nullable=True),
    )
    op.create_index("ix_intervention_child_id", "intervention", ["child_id"])
    op.create_table(
        "programme_setting",
        sa.Column("code", sa.String(40), primary_key=True),
        sa.Column("enabled", sa.Boolean, nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_table(
        "benefit_standard",
        sa.Column("programme", sa.String(40), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("monthly_amount_fen", sa.BigInteger, nullable=False),
        sa.Column("set_by", sa.String(100), nullable=False),
        sa.Column("set_at", TZ, nullable=False),
        sa.CheckConstraint("monthly_amount_fen >= 0", name="ck_benefit_standard_amount"),
    )
    op.create_table(
        "standard_change",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("programme", sa.String(40), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("previous_fen", sa.BigInteger, nullable=True),
        sa.Column("monthly_amount_fen", sa.BigInteger, nullable=False),
        sa.Column("set_by", sa.String(100), nullable=False),
        sa.Column("set_at", TZ, nullable=False),
    )
    op.create_table(
        "decision",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("decided_on", sa.Date, nullable=False),
        sa.Column("decided_at", TZ, nullable=False),
        sa.Column("rule_version", sa.String(40), nullable=False),
        sa.Column("trigger", sa.String(100), nullable=False),
        # The facts and the outcomes, each kept once in decision_content under its digest:
        # children alike share them, and re-deciding compares digests, not JSON.
        sa.Column("facts_digest", sa.String(32), nullable=False),
        sa.Column("outcomes_digest", sa.String(32), nullable=False),
        # Programmes whose conditions the child meets (the eligibility rows, comma-separated).
        sa.Column("conditions_met", sa.Text, nullable=False),
    )
    op.create_index("ix_decision_child_id", "decision", ["child_id", "decided_at"])
    op.create_table(
        "decision_content",
        sa.Column("digest", sa.String(32), primary_key=True),
        sa.Column("body", sa.JSON, nullable=False),
    )
    op.create_table(
        "eligibility",
        sa.Column("programme", sa.String(40), primary_key=True),
        sa.Column("child_id", sa.String(36), primary_key=True),
    )
    op.create_table(
        "entitlement",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("programme", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("administered_elsewhere", sa.Boolean, nullable=False),
        sa.Column("share_percent", sa.Integer, nullable=False),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("ends_on", sa.Date, nullable=True),
        sa.Column("end_reason", sa.Text, nullable=True),
        sa.Column("decision_id", sa.String(36), nullable=False),
        sa.Column("published_status", sa.String(10), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.CheckConstraint(
            "share_percent >= 0 AND share_percent <= 100", name="ck_entitlement_share"
        ),
    )
    op.create_index("ix_entitlement_child_id", "entitlement", ["child_id", "starts_on"])
    # At most one open-ended entitlement of a programme per child, whatever races.
    op.create_index(
        "ux_entitlement_open",
        "entitlement",
        ["child_id", "programme"],
        unique=True,
        postgresql_where=sa.text("ends_on IS NULL"),
        sqlite_where=sa.text("ends_on IS NULL"),
    )
    # Serves a batch: monthly entitlements that cover a month.
    op.create_index("ix_entitlement_payable", "entitlement", ["programme", "starts_on", "ends_on"])
    op.create_table(
        "payment_batch",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("month", sa.String(7), nullable=False, unique=True),
        sa.Column("line_count", sa.Integer, nullable=False),
        sa.Column("total_fen", sa.BigInteger, nullable=False),
        sa.Column("rule_version", sa.String(40), nullable=False),
        sa.Column("standards", sa.JSON, nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "payment_line",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
        sa.Column("batch_id", sa.String(36), sa.ForeignKey("payment_batch.id"), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("entitlement_id", sa.String(36), nullable=False),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("child_name", sa.String(50), nullable=False),
        sa.Column("programme", sa.String(40), nullable=False),
        sa.Column("amount_fen", sa.BigInteger, nullable=False),
        sa.Column("residence_division_code", sa.String(12), nullable=False),
        sa.Column("town_code", sa.String(9), nullable=False),
        # Nothing is paid twice: not an entitlement, not a child's programme, in one month.
        sa.UniqueConstraint("entitlement_id", "month", name="uq_payment_line_entitlement_month"),
        sa.UniqueConstraint("child_id", "programme", "month", name="uq_payment_line_child_month"),
        sa.CheckConstraint("amount_fen > 0", name="ck_payment_line_amount"),
    )
    op.create_index("ix_payment_line_batch", "payment_line", ["batch_id", "id"])
    op.create_index(
        "ix_payment_line_batch_village",
        "payment_line",
        ["batch_id", "residence_division_code", "id"],
    )
    op.create_table(
        "payment_total",
        sa.Column("batch_id", sa.String(36), sa.ForeignKey("payment_batch.id"), primary_key=True),
        sa.Column("town_code", sa.String(9), primary_key=True),
        sa.Column("programme", sa.String(40), primary_key=True),
        sa.Column("line_count", sa.Integer, nullable=False),
        sa.Column("total_fen", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "payment_total",
        "payment_line",
        "payment_batch",
        "entitlement",
        "eligibility",
        "decision_content",
        "decision",
        "standard_change",
        "benefit_standard",
        "programme_setting",
        "intervention",
        "child_facts",
        "inbox",
        "outbox",
    ):
        op.drop_table(table)
