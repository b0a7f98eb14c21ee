"""organisation.revision: one more with every write of an organisation (issue 9)

The as-of answers kept in memory were keyed on the newest changeset; on PostgreSQL two
organisations' writes can commit out of changeset order, so that key could keep serving an
answer from before a write. The revision is counted under the organisation's write lock.

Revision ID: 0005_writes
Revises: 0004_users
Create Date: 2026-12-02 20:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_writes"
down_revision = "0004_users"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organisation") as batch:
        batch.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("organisation") as batch:
        batch.drop_column("revision")
