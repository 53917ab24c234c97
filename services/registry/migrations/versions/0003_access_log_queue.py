"""The access log fed through a queue: reads append to a narrow table, the sealer moves them.

A read used to INSERT into `access_log` (four indexes) and the sealer to UPDATE each row with
its chain position and hashes. Now a read INSERTs into `access_log_queue` (its primary key
only), and the sealer INSERTs sealed rows into `access_log` and DELETEs them from the queue in
one transaction: a log row is written once, and the database refuses any change to it.
Entries still unsealed move into the queue with their numbers; sealed ones stay as they are.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    seq = sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True)
    if postgres:
        # The log's own sequence: a number once given is never given again, in either table.
        sequence = op.get_bind().execute(
            sa.text("SELECT pg_get_serial_sequence('access_log', 'seq')")
        ).scalar_one()
        seq = sa.Column(
            "seq",
            sa.Integer,
            primary_key=True,
            autoincrement=False,
            server_default=sa.text(f"nextval('{sequence}'::regclass)"),
        )
    op.create_table(
        "access_log_queue",
        seq,
        sa.Column("at", TZ, nullable=False),
        sa.Column("child_id", sa.String(36), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("actor_roles", sa.String(200), nullable=False),
        sa.Column("parts", sa.String(200), nullable=False),
        sa.Column("operation", sa.String(100), nullable=False),
        sa.Column("purpose", sa.Text, nullable=True),
        # SQLite: AUTOINCREMENT, so that the numbers of deleted rows are not reused.
        sqlite_autoincrement=True,
    )
    columns = "seq, at, child_id, actor, actor_roles, parts, operation, purpose"
    _drop_guards()
    op.execute(
        f"INSERT INTO access_log_queue ({columns}) "
        f"SELECT {columns} FROM access_log WHERE hash = '' ORDER BY seq"
    )
    op.execute("DELETE FROM access_log WHERE hash = ''")
    op.drop_index("ix_access_log_unsealed", table_name="access_log")
    if not postgres:
        # Numbering continues after the highest number either table has seen.
        op.execute("DELETE FROM sqlite_sequence WHERE name = 'access_log_queue'")
        op.execute(
            "INSERT INTO sqlite_sequence (name, seq) SELECT 'access_log_queue', MAX("
            "COALESCE((SELECT MAX(seq) FROM access_log), 0), "
            "COALESCE((SELECT MAX(seq) FROM access_log_queue), 0))"
        )
    _guard_log()
    _guard_queue()


def _drop_guards() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER access_log_append_only ON access_log")
        return
    op.execute("DROP TRIGGER access_log_no_update")
    op.execute("DROP TRIGGER access_log_no_delete")


def _guard_log(*, sealable: bool = False) -> None:
    """No UPDATE or DELETE of the log (before 0003: UPDATE of an unsealed row, to seal it)."""
    if op.get_bind().dialect.name == "postgresql":
        guard = "TG_OP = 'DELETE' OR OLD.hash <> ''" if sealable else "TRUE"
        op.execute(
            f"""
            CREATE OR REPLACE FUNCTION access_log_append_only() RETURNS trigger AS $$
            BEGIN
              IF {guard} THEN RAISE EXCEPTION 'access_log is append-only'; END IF;
              RETURN NEW;
            END $$ LANGUAGE plpgsql;
            """
        )
        op.execute(
            """
            CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
            FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
            """
        )
        return
    when = "WHEN OLD.hash <> ''" if sealable else ""
    op.execute(
        f"""
        CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log {when}
        BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END
        """
    )
    op.execute(
        """
        CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
        BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END
        """
    )


def _guard_queue() -> None:
    """No UPDATE of a queued entry; DELETE only of one the log already holds (sealed)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION access_log_queue_guard() RETURNS trigger AS $$
            BEGIN
              IF TG_OP = 'UPDATE' THEN
                RAISE EXCEPTION 'access_log_queue is append-only';
              END IF;
              IF NOT EXISTS (SELECT 1 FROM access_log WHERE seq = OLD.seq) THEN
                RAISE EXCEPTION 'access_log_queue: an entry leaves only sealed';
              END IF;
              RETURN OLD;
            END $$ LANGUAGE plpgsql;
            """
        )
        op.execute(
            """
            CREATE TRIGGER access_log_queue_guard BEFORE UPDATE OR DELETE ON access_log_queue
            FOR EACH ROW EXECUTE FUNCTION access_log_queue_guard();
            """
        )
        return
    op.execute(
        """
        CREATE TRIGGER access_log_queue_no_update BEFORE UPDATE ON access_log_queue
        BEGIN SELECT RAISE(ABORT, 'access_log_queue is append-only'); END
        """
    )
    op.execute(
        """
        CREATE TRIGGER access_log_queue_no_loss BEFORE DELETE ON access_log_queue
        WHEN NOT EXISTS (SELECT 1 FROM access_log WHERE seq = OLD.seq)
        BEGIN SELECT RAISE(ABORT, 'access_log_queue: an entry leaves only sealed'); END
        """
    )


def downgrade() -> None:
    columns = "seq, at, child_id, actor, actor_roles, parts, operation, purpose"
    _drop_guards()
    op.execute(
        f"INSERT INTO access_log ({columns}, chain_pos, prev_hash, hash) "
        f"SELECT {columns}, NULL, '', '' FROM access_log_queue ORDER BY seq"
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER access_log_queue_guard ON access_log_queue")
        op.execute("DROP FUNCTION access_log_queue_guard()")
    op.drop_table("access_log_queue")
    op.create_index(
        "ix_access_log_unsealed",
        "access_log",
        ["seq"],
        postgresql_where=sa.text("hash = ''"),
        sqlite_where=sa.text("hash = ''"),
    )
    _guard_log(sealable=True)
