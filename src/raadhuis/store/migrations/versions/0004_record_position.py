"""record.position: an event's place among the events given with it, beside its data

The same-day order of events is one rule in the domain (domain/order.py); its last tie-break is
the position an event was given in. It used to travel inside the record's data as ``_seq``,
which leaked into the JSON and made a re-import of an export look changed. It is now a column
of its own; existing records keep their data untouched (the log is append-only) and get their
old ``_seq`` as position — only the relative order within one phase of one day matters.

Revision ID: 0004_record_position
Revises: 0003
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0004_record_position"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, data FROM record WHERE kind = 'event'")).all()
    for rid, data in rows:
        value = json.loads(data) if isinstance(data, str) else data
        seq = value.get("_seq") if isinstance(value, dict) else None
        if isinstance(seq, int) and seq != 0:
            conn.execute(sa.text("UPDATE record SET position = :p WHERE id = :i"), {"p": seq, "i": rid})


def downgrade() -> None:
    with op.batch_alter_table("record") as batch:
        batch.drop_column("position")
