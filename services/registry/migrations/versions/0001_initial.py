"""The registry's schema: network, files, classifications, visits, plans, imports, access log.

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
        "division",
        sa.Column("code", sa.String(12), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("parent_code", sa.String(12), sa.ForeignKey("division.code"), nullable=True),
    )
    op.create_index("ix_division_parent_code", "division", ["parent_code"])
    op.create_table(
        "workforce_member",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("division_code", sa.String(12), sa.ForeignKey("division.code"), nullable=False),
        sa.Column("post", sa.String(20), nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("employment", sa.String(10), nullable=False),
        sa.Column("since", sa.Date, nullable=False),
        sa.Column("until", sa.Date, nullable=True),
        sa.Column("username", sa.String(100), nullable=True),
    )
    op.create_index("ix_workforce_member_division_code", "workforce_member", ["division_code"])
    op.create_table(
        "child",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("name_initials", sa.String(50), nullable=False),
        sa.Column("gender", sa.String(6), nullable=False),
        sa.Column("birth_date", sa.Date, nullable=False),
        sa.Column("id_number_hash", sa.String(64), nullable=True, unique=True),
        sa.Column("id_number_cipher", sa.Text, nullable=True),
        sa.Column("id_number_key_id", sa.String(16), nullable=True),
        sa.Column(
            "residence_division_code", sa.String(12), sa.ForeignKey("division.code"), nullable=False
        ),
        sa.Column("town_code", sa.String(9), nullable=False),
        sa.Column("hukou_division_code", sa.String(12), nullable=True),
        sa.Column("school", sa.String(100), nullable=True),
        sa.Column("notes", sa.Text, nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("primary_category", sa.String(12), nullable=False),
        sa.Column("left_behind", sa.Boolean, nullable=False),
        sa.Column("registered_on", sa.Date, nullable=False),
        sa.Column("exited_on", sa.Date, nullable=True),
        sa.Column("exit_reason", sa.String(30), nullable=True),
        sa.Column("exit_note", sa.Text, nullable=True),
        sa.Column("entrusted_guardian_id", sa.String(36), nullable=True),
        sa.Column("entrusted_since", sa.Date, nullable=True),
        sa.Column("entrustment_agreed_on", sa.Date, nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    # Keyset pages order by (village, id); these serve division + category searches.
    op.create_index("ix_child_village", "child", ["residence_division_code", "id"])
    op.create_index("ix_child_town", "child", ["town_code", "residence_division_code", "id"])
    op.create_index(
        "ix_child_category_village", "child", ["primary_category", "residence_division_code", "id"]
    )
    op.create_index(
        "ix_child_category_town",
        "child",
        ["primary_category", "town_code", "residence_division_code", "id"],
    )
    op.create_index("ix_child_birth_date", "child", ["birth_date"])
    op.create_index("ix_child_name", "child", ["name"])
    op.create_index("ix_child_name_initials", "child", ["name_initials"])
    op.create_index("ix_child_lookup", "child", ["name", "birth_date", "residence_division_code"])
    op.create_table(
        "guardian",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("child_id", sa.String(36), sa.ForeignKey("child.id"), nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("relation", sa.String(20), nullable=False),
        sa.Column("is_guardian", sa.Boolean, nullable=False),
        sa.Column("capacity", sa.String(10), nullable=False),
        sa.Column("working_away", sa.Boolean, nullable=False),
        sa.Column("away_location", sa.String(100), nullable=True),
        sa.Column("away_since", sa.Date, nullable=True),
        sa.Column("phone", sa.String(20), nullable=True),
    )
    op.create_index("ix_guardian_child_id", "guardian", ["child_id"])
    op.create_table(
        "classification",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("child_id", sa.String(36), sa.ForeignKey("child.id"), nullable=False),
        sa.Column("group_code", sa.String(20), nullable=False),
        sa.Column("subtype", sa.String(40), nullable=False),
        sa.Column("since", sa.Date, nullable=False),
        sa.Column("until", sa.Date, nullable=True),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
    )
    op.create_index("ix_classification_child_id", "classification", ["child_id"])
    op.create_index("ix_classification_subtype", "classification", ["subtype", "child_id"])
    op.create_table(
        "category_period",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("child_id", sa.String(36), sa.ForeignKey("child.id"), nullable=False),
        sa.Column("residence_division_code", sa.String(12), nullable=False),
        sa.Column("town_code", sa.String(9), nullable=False),
        sa.Column("primary_category", sa.String(12), nullable=False),
        sa.Column("left_behind", sa.Boolean, nullable=False),
        sa.Column("groups", sa.String(200), nullable=False),
        sa.Column("subtypes", sa.String(400), nullable=False),
        sa.Column("from_date", sa.Date, nullable=False),
        sa.Column("to_date", sa.Date, nullable=True),
    )
    op.create_index("ix_category_period_child_id", "category_period", ["child_id"])
    op.create_index("ix_category_period_town", "category_period", ["town_code", "from_date"])
    op.create_table(
        "child_history",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("child_id", sa.String(36), sa.ForeignKey("child.id"), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("operation", sa.String(50), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("before", sa.JSON, nullable=True),
        sa.Column("after", sa.JSON, nullable=True),
    )
    op.create_index("ix_child_history_child_id", "child_history", ["child_id", "seq"])
    op.create_table(
        "duplicate_review",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("town_code", sa.String(9), nullable=False),
        sa.Column("matched_child_id", sa.String(36), sa.ForeignKey("child.id"), nullable=False),
        sa.Column("submitted", sa.JSON, nullable=False),
        sa.Column("submitted_by", sa.String(100), nullable=False),
        sa.Column("submitted_at", TZ, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("decided_by", sa.String(100), nullable=True),
        sa.Column("decided_at", TZ, nullable=True),
        sa.Column("registered_child_id", sa.String(36), nullable=True),
    )
    op.create_index("ix_duplicate_review_town_code", "duplicate_review", ["town_code", "status"])
    op.create_table(
        "visit",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("child_id", sa.String(36), sa.ForeignKey("child.id"), nullable=False),
        sa.Column("visited_on", sa.Date, nullable=False),
        sa.Column("visitor", sa.String(100), nullable=False),
        sa.Column("visitor_role", sa.String(50), nullable=False),
        sa.Column("seen", sa.Text, nullable=False),
        sa.Column("findings", sa.Text, nullable=False),
        sa.Column("risk_level", sa.String(10), nullable=False),
        sa.Column("next_due", sa.Date, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_visit_child_id", "visit", ["child_id", "visited_on"])
    op.create_table(
        "visit_policy",
        sa.Column("primary_category", sa.String(12), primary_key=True),
        sa.Column("interval_days", sa.Integer, nullable=False),
    )
    op.bulk_insert(
        sa.table(
            "visit_policy",
            sa.column("primary_category", sa.String),
            sa.column("interval_days", sa.Integer),
        ),
        [
            {"primary_category": "HARDSHIP", "interval_days": 90},
            {"primary_category": "LEFT_BEHIND", "interval_days": 180},
            {"primary_category": "NONE", "interval_days": 365},
        ],
    )
    op.create_table(
        "plan_measure",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("child_id", sa.String(36), sa.ForeignKey("child.id"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("department", sa.String(30), nullable=False),
        sa.Column("kind", sa.String(50), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("due_date", sa.Date, nullable=True),
        sa.Column("owner", sa.String(100), nullable=True),
        sa.Column("source_ref", sa.String(200), nullable=True, unique=True),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_plan_measure_child_id", "plan_measure", ["child_id"])
    op.create_table(
        "import_batch",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("file_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("imported_by", sa.String(100), nullable=False),
        sa.Column("imported_at", TZ, nullable=False),
        sa.Column("report", sa.JSON, nullable=False),
    )
    op.create_table(
        "access_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", TZ, nullable=False),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("actor_roles", sa.String(200), nullable=False),
        sa.Column("parts", sa.String(200), nullable=False),
        sa.Column("operation", sa.String(100), nullable=False),
        sa.Column("purpose", sa.Text, nullable=True),
        sa.Column("chain_pos", sa.Integer, nullable=True, unique=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index(
        "ix_access_log_unsealed",
        "access_log",
        ["seq"],
        postgresql_where=sa.text("hash = ''"),
        sqlite_where=sa.text("hash = ''"),
    )
    op.create_index("ix_access_log_child_id", "access_log", ["child_id", "seq"])
    # The access log may only be sealed once (hash set); the history never changes.
    _append_only("access_log", sealable=True)
    _append_only("child_history", sealable=False)


def _append_only(table: str, *, sealable: bool) -> None:
    """No UPDATE or DELETE reaches these tables, whatever the API does."""
    if op.get_bind().dialect.name == "postgresql":
        guard = "TG_OP = 'DELETE' OR OLD.hash <> ''" if sealable else "TRUE"
        op.execute(
            f"""
            CREATE FUNCTION {table}_append_only() RETURNS trigger AS $$
            BEGIN
              IF {guard} THEN RAISE EXCEPTION '{table} is append-only'; END IF;
              RETURN NEW;
            END $$ LANGUAGE plpgsql;
            """
        )
        op.execute(
            f"""
            CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_append_only();
            """
        )
        return
    when = "WHEN OLD.hash <> ''" if sealable else ""
    op.execute(
        f"""
        CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} {when}
        BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
        BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END
        """
    )


def downgrade() -> None:
    for table in (
        "access_log",
        "import_batch",
        "plan_measure",
        "visit_policy",
        "visit",
        "duplicate_review",
        "child_history",
        "category_period",
        "classification",
        "guardian",
        "child",
        "workforce_member",
        "division",
        "inbox",
        "outbox",
    ):
        op.drop_table(table)
