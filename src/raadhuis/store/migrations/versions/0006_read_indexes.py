"""unit_fte by unit: an index for the diff, which reads the FTE rows of the units it compares

A diff between two days reads only the units whose version or FTE row begins or ends between
them (issue 16); for those whose FTE row spans both days it looks the row up by unit.

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


def downgrade() -> None:
    op.drop_index("ix_unit_fte_unit", table_name="unit_fte")
