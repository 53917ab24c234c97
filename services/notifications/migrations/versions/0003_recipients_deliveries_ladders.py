"""Recipients as persons, posts or contacts; read state per person; deliveries; ladders.

A notification was addressed to a post and read once for all who hold it. Now it may go to a
person, a post or an outside contact; each person reads and acknowledges on their own
(`receipt`); each channel's sending is a `delivery`; an unacknowledged notification has an
`escalation_timer`; the registry's workforce is projected into `post_holder`, and its files'
names into `child_card` for the texts. Read state moves
to receipts under the reader's name.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("notification") as table:
        table.alter_column("recipient_role", existing_type=sa.String(50), nullable=True)
        table.alter_column("recipient_division", existing_type=sa.String(12), nullable=True)
        table.add_column(sa.Column("recipient_username", sa.String(100), nullable=True))
        table.add_column(sa.Column("contact_mobile", sa.String(11), nullable=True))
        table.add_column(sa.Column("addressed_post", sa.String(80), nullable=True))
        table.add_column(sa.Column("urgent", sa.Boolean, nullable=False, server_default=sa.false()))
        table.add_column(
            sa.Column("requires_ack", sa.Boolean, nullable=False, server_default=sa.false())
        )
        table.add_column(sa.Column("subject_ref", sa.String(100), nullable=True))
        table.add_column(sa.Column("chain_id", sa.String(36), nullable=True))
        table.add_column(sa.Column("rung", sa.Integer, nullable=False, server_default="0"))
        table.add_column(sa.Column("acknowledged_at", TZ, nullable=True))
        table.add_column(sa.Column("acknowledged_by", sa.String(100), nullable=True))
    op.execute("UPDATE notification SET chain_id = id")
    op.create_table(
        "receipt",
        sa.Column("notification_id", sa.String(36), primary_key=True),
        sa.Column("username", sa.String(100), primary_key=True),
        sa.Column("read_at", TZ, nullable=True),
        sa.Column("acknowledged_at", TZ, nullable=True),
    )
    op.execute(
        "INSERT INTO receipt (notification_id, username, read_at) "
        "SELECT id, read_by, read_at FROM notification WHERE read_by IS NOT NULL"
    )
    with op.batch_alter_table("notification") as table:
        table.alter_column("chain_id", existing_type=sa.String(36), nullable=False)
        table.drop_column("read_at")
        table.drop_column("read_by")
    op.create_index("ix_notification_person", "notification", ["recipient_username", "seq"])
    op.create_table(
        "delivery",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("notification_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(50), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("params", sa.JSON, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("next_attempt_at", TZ, nullable=False),
        sa.Column("sent_at", TZ, nullable=True),
        sa.Column("provider_ref", sa.String(100), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_delivery_notification_id", "delivery", ["notification_id"])
    op.create_index("ix_delivery_due", "delivery", ["status", "next_attempt_at"])
    op.create_table(
        "escalation_timer",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("chain_id", sa.String(36), nullable=False),
        sa.Column("notification_id", sa.String(36), nullable=False),
        sa.Column("ladder", sa.String(50), nullable=False),
        sa.Column("rung", sa.Integer, nullable=False),
        sa.Column("due_at", TZ, nullable=False),
        sa.Column("fired_at", TZ, nullable=True),
        sa.Column("stopped_at", TZ, nullable=True),
    )
    op.create_index("ix_escalation_timer_chain_id", "escalation_timer", ["chain_id"])
    op.create_index("ix_escalation_timer_due", "escalation_timer", ["fired_at", "due_at"])
    op.create_table(
        "post_holder",
        sa.Column("member_id", sa.String(36), primary_key=True),
        sa.Column("role", sa.String(50), nullable=False),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("username", sa.String(100), nullable=True),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("since", sa.Date, nullable=False),
        sa.Column("until", sa.Date, nullable=True),
    )
    op.create_index("ix_post_holder_post", "post_holder", ["role", "division_code"])
    op.create_table(
        "child_card",
        sa.Column("child_id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("residence_division_code", sa.String(12), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("child_card")
    op.drop_table("post_holder")
    op.drop_table("escalation_timer")
    op.drop_table("delivery")
    op.drop_table("receipt")
