"""Indexes for the diff between two days at national scale (issue 16)

A diff reads the unit versions and FTE rows that begin or end between two days: rows beginning
between them by ``valid_from``, rows ending between them by ``valid_to``. With an index on the
ends as well as the starts, SQLite and PostgreSQL read both halves by range (SQLite: MULTI-INDEX
OR) instead of every row of the organisation. The FTE indexes hold the row's figures too, so that
neither the diff nor the as-of read visits the table (measured on the 10,000-unit synthetic
organisation: the one-year FTE read 26-43 ms before, 9-14 ms after; docs/performance.md).

Revision ID: 0007_diff_indexes
Revises: 0006_read_indexes
Create Date: 2026-12-03 12:40:00
"""

from alembic import op

revision = "0007_diff_indexes"
down_revision = "0006_read_indexes"
branch_labels = None
depends_on = None

_FIGURES = ["unit_id", "fte", "filled_fte", "posts"]


def upgrade() -> None:
    op.create_index("ix_unit_version_ends", "unit_version", ["organisation", "view", "valid_to"])
    op.drop_index("ix_unit_fte_asof", table_name="unit_fte")
    op.create_index("ix_unit_fte_asof", "unit_fte", ["organisation", "view", "valid_from", "valid_to", *_FIGURES])
    op.create_index("ix_unit_fte_ends", "unit_fte", ["organisation", "view", "valid_to", "valid_from", *_FIGURES])


def downgrade() -> None:
    op.drop_index("ix_unit_fte_ends", table_name="unit_fte")
    op.drop_index("ix_unit_fte_asof", table_name="unit_fte")
    op.create_index("ix_unit_fte_asof", "unit_fte", ["organisation", "view", "valid_from", "valid_to"])
    op.drop_index("ix_unit_version_ends", table_name="unit_version")
