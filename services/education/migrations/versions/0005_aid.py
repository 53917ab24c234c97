"""Aid by stage: the boarding flag of enrolments, standards, decisions, the semester ledger.

Revision ID: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004_dropout"

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("enrolment") as batch:
        batch.add_column(
            sa.Column("boarding", sa.Boolean, nullable=False, server_default=sa.false())
        )
    op.create_table(
        "aid_standard",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("programme", sa.String(40), nullable=False),
        sa.Column("annual_fen", sa.BigInteger, nullable=False),
        sa.Column("effective_from", sa.Date, nullable=False),
        sa.Column("set_by", sa.String(100), nullable=False),
        sa.Column("set_at", TZ, nullable=False),
        sa.CheckConstraint("annual_fen >= 0", name="ck_aid_standard_amount"),
    )
    op.create_index("ix_aid_standard_programme", "aid_standard", ["programme"])
    op.create_table(
        "aid_decision",
        sa.Column("child_id", sa.String(36), primary_key=True),
        sa.Column("programme", sa.String(40), primary_key=True),
        sa.Column("eligible", sa.Boolean, nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("annual_amount_fen", sa.BigInteger, nullable=False),
        sa.Column("stage", sa.String(30), nullable=True),
        sa.Column("rule_version", sa.String(20), nullable=False),
        sa.Column("decided_on", sa.Date, nullable=False),
        sa.Column("trigger", sa.String(60), nullable=False),
        sa.Column("decided_at", TZ, nullable=False),
    )
    # The ledger reads the eligible decisions of a programme.
    op.create_index("ix_aid_decision_programme_eligible", "aid_decision", ["programme", "eligible"])
    op.create_table(
        "aid_semester",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("semester", sa.String(11), nullable=False, unique=True),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("line_count", sa.Integer, nullable=False),
        sa.Column("total_fen", sa.BigInteger, nullable=False),
        sa.Column("rule_version", sa.String(20), nullable=False),
        sa.Column("standards", sa.JSON, nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "aid_line",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("semester_id", sa.String(36), sa.ForeignKey("aid_semester.id"), nullable=False),
        sa.Column("semester", sa.String(11), nullable=False),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("child_name", sa.String(50), nullable=False),
        sa.Column("programme", sa.String(40), nullable=False),
        sa.Column("stage", sa.String(30), nullable=False),
        sa.Column("amount_fen", sa.BigInteger, nullable=False),
        sa.Column("residence_division_code", sa.String(12), nullable=False),
        sa.Column("town_code", sa.String(9), nullable=False),
        # Nothing paid twice: one line per child, programme and semester, whatever runs.
        sa.UniqueConstraint("semester", "child_id", "programme", name="ux_aid_line_once"),
    )
    op.create_index(
        "ix_aid_line_semester_residence", "aid_line", ["semester_id", "residence_division_code"]
    )
    op.create_table(
        "aid_total",
        sa.Column("semester_id", sa.String(36), sa.ForeignKey("aid_semester.id"), primary_key=True),
        sa.Column("town_code", sa.String(9), primary_key=True),
        sa.Column("programme", sa.String(40), primary_key=True),
        sa.Column("line_count", sa.Integer, nullable=False),
        sa.Column("total_fen", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("aid_total")
    op.drop_table("aid_line")
    op.drop_table("aid_semester")
    op.drop_table("aid_decision")
    op.drop_table("aid_standard")
    with op.batch_alter_table("enrolment") as batch:
        batch.drop_column("boarding")
