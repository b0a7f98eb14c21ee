"""Two indexes for reads at national scale (issue 16)

unit_fte by unit: a diff between two days reads only the units whose version or FTE row begins or
ends between them; for those whose FTE row spans both days it looks the row up by unit.
record by organisation and changeset: the version of an organisation (the newest changeset among
its records), which every as-of answer of the API and every form reads, was a scan of the log.

Revision ID: 0006_read_indexes
Revises: 0005_writes
Create Date: 2026-12-03 06:40:00
"""

from alembic import op

revision = "0006_read_indexes"
down_revision = "0005_writes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_unit_fte_unit", "unit_fte", ["organisation", "view", "unit_id"])
    op.create_index("ix_record_org_changeset", "record", ["organisation", "changeset_id"])


def downgrade() -> None:
    op.drop_index("ix_record_org_changeset", table_name="record")
    op.drop_index("ix_unit_fte_unit", table_name="unit_fte")
