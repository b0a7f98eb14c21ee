"""unit_fte: budgeted and filled FTE per unit over intervals

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 09:25:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unit_fte",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("view", sa.String(length=10), nullable=False),
        sa.Column("unit_id", sa.String(length=200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("fte", sa.Float(), nullable=False),
        sa.Column("filled_fte", sa.Float(), nullable=False),
        sa.Column("posts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_unit_fte_asof", "unit_fte", ["organisation", "view", "valid_from", "valid_to"])
    # Existing registers get the new read model on their next import; until then the totals
    # are summed from post_version as before (see repository.fte_by_unit).


def downgrade() -> None:
    op.drop_index("ix_unit_fte_asof", table_name="unit_fte")
    op.drop_table("unit_fte")
