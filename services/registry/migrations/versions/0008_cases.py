"""Protection cases (强制报告): the case, its timeline, police responses, attachments, and the
guardianship interventions. Case numbers share the receipt numbers' sequence table (a prefix
of their own).

Revision ID: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "protection_case",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_number", sa.String(24), nullable=False, unique=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("urgent", sa.Boolean, nullable=False),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("town_code", sa.String(9), nullable=True),
        sa.Column("child_id", sa.String(36), sa.ForeignKey("child.id"), nullable=True),
        sa.Column("child_name", sa.String(50), nullable=True),
        sa.Column("child_age", sa.Integer, nullable=True),
        sa.Column("occurred_on", sa.Date, nullable=True),
        sa.Column("found_at", TZ, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("reporter", sa.String(100), nullable=False),
        sa.Column("reporter_role", sa.String(40), nullable=False),
        sa.Column("reporter_division_code", sa.String(12), nullable=False),
        sa.Column("institution", sa.String(100), nullable=True),
        sa.Column("on_behalf_of_name", sa.String(50), nullable=True),
        sa.Column("on_behalf_of_phone", sa.String(20), nullable=True),
        sa.Column("deadlines_version", sa.String(40), nullable=False),
        sa.Column("reported_at", TZ, nullable=False),
        sa.Column("accepted_at", TZ, nullable=True),
        sa.Column("accepted_by", sa.String(100), nullable=True),
        sa.Column("town_notified_at", TZ, nullable=True),
        sa.Column("town_notified_by", sa.String(100), nullable=True),
        sa.Column("town_note", sa.Text, nullable=True),
        sa.Column("assessment_due_at", TZ, nullable=True),
        sa.Column("assessed_at", TZ, nullable=True),
        sa.Column("assessed_by", sa.String(100), nullable=True),
        sa.Column("assessment", sa.JSON, nullable=True),
        sa.Column("highest_risk", sa.String(10), nullable=True),
        sa.Column("supervisor_request", sa.Text, nullable=True),
        sa.Column("missing_alert_since", TZ, nullable=True),
        sa.Column("closed_at", TZ, nullable=True),
        sa.Column("closed_by", sa.String(100), nullable=True),
        sa.Column("outcome", sa.Text, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_protection_case_child_id", "protection_case", ["child_id"])
    # Pages newest first: the district's, a town's, a reporter's own (keyset pages).
    op.create_index("ix_protection_case_reported", "protection_case", ["reported_at", "id"])
    op.create_index(
        "ix_protection_case_town_reported", "protection_case", ["town_code", "reported_at", "id"]
    )
    op.create_index(
        "ix_protection_case_reporter", "protection_case", ["reporter", "reported_at", "id"]
    )
    op.create_table(
        "case_step",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("protection_case.id"), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("note", sa.Text, nullable=True),
    )
    op.create_index("ix_case_step_case_id", "case_step", ["case_id", "seq"])
    op.create_table(
        "case_response",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("protection_case.id"), nullable=False),
        sa.Column("measure", sa.String(40), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
    )
    op.create_index("ix_case_response_case_id", "case_response", ["case_id"])
    op.create_table(
        "case_attachment",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("protection_case.id"), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("media_type", sa.String(40), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("uploaded_by", sa.String(100), nullable=False),
        sa.Column("uploaded_at", TZ, nullable=False),
    )
    op.create_index("ix_case_attachment_case_id", "case_attachment", ["case_id"])
    op.create_table(
        "guardianship_intervention",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("child_id", sa.String(36), sa.ForeignKey("child.id"), nullable=False),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("protection_case.id"), nullable=True),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("measures", sa.JSON, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("opened_on", sa.Date, nullable=False),
        sa.Column("opened_by", sa.String(100), nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("closed_on", sa.Date, nullable=True),
        sa.Column("closed_by", sa.String(100), nullable=True),
        sa.Column("outcome", sa.Text, nullable=True),
        sa.Column("petition_due_at", TZ, nullable=True),
        sa.Column("petition_due_reason", sa.String(20), nullable=True),
        sa.Column("petition_filed_on", sa.Date, nullable=True),
        sa.Column("court", sa.String(100), nullable=True),
        sa.Column("court_decided_on", sa.Date, nullable=True),
        sa.Column("court_outcome", sa.String(20), nullable=True),
        sa.Column("court_note", sa.Text, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index(
        "ix_guardianship_intervention_child_id", "guardianship_intervention", ["child_id"])
    op.create_index(
        "ix_guardianship_intervention_case_id", "guardianship_intervention", ["case_id"])
    # The six-month job reads the open interventions not yet prompted, oldest first.
    op.create_index(
        "ix_guardianship_intervention_open", "guardianship_intervention", ["status", "opened_on"])


def downgrade() -> None:
    op.drop_table("guardianship_intervention")
    op.drop_table("case_attachment")
    op.drop_table("case_response")
    op.drop_table("case_step")
    op.drop_table("protection_case")
