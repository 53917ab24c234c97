"""Volunteers' service areas in a table indexed by division, and each volunteer's live pairings
kept on the row: suggestions find candidates by the index and read their load with them.
Needs raised by events keep their source's key and the skill they call for.

Revision ID: 0009
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008_pairings"


def upgrade() -> None:
    area = op.create_table(
        "volunteer_area",
        sa.Column("division_code", sa.String(12), primary_key=True),
        sa.Column(
            "volunteer_id",
            sa.String(36),
            sa.ForeignKey("volunteer.id"),
            primary_key=True,
        ),
    )
    op.create_index("ix_volunteer_area_volunteer_id", "volunteer_area", ["volunteer_id"])
    op.add_column(
        "volunteer",
        sa.Column("live_pairings", sa.Integer, nullable=False, server_default="0"),
    )
    op.execute(
        "UPDATE volunteer SET live_pairings = (SELECT count(*) FROM pairing"
        " WHERE pairing.volunteer_id = volunteer.id AND pairing.status <> 'ENDED')"
    )
    # Needs raised by events: one per single-window task or plan measure (`source_ref`).
    with op.batch_alter_table("need") as batch:
        batch.add_column(sa.Column("source_ref", sa.String(80), nullable=True))
        batch.add_column(sa.Column("skill", sa.String(20), nullable=True))
        batch.create_unique_constraint("uq_need_source_ref", ["source_ref"])
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, service_area FROM volunteer")).all()
    found = []
    for volunteer_id, codes in rows:
        codes = json.loads(codes) if isinstance(codes, str) else codes
        found += [{"volunteer_id": volunteer_id, "division_code": c} for c in dict.fromkeys(codes)]
    if found:
        op.bulk_insert(area, found)


def downgrade() -> None:
    with op.batch_alter_table("need") as batch:
        batch.drop_constraint("uq_need_source_ref", type_="unique")
        batch.drop_column("skill")
        batch.drop_column("source_ref")
    op.drop_table("volunteer_area")
    with op.batch_alter_table("volunteer") as batch:
        batch.drop_column("live_pairings")
