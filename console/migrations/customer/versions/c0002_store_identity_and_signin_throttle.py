"""store identity, floor policy and sign-in throttling

``store_meta`` names the store (a journal is bound to it) and holds what a workstation's
config file must not decide (the floor's default credit limit, the sign-in lockout); the
agents get a failure counter and a lock time.

Revision ID: c0002
Revises: c0001
"""
import uuid
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = 'c0002'
down_revision: Union[str, Sequence[str], None] = 'c0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    meta = op.create_table(
        'store_meta',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('value', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_store_meta')),
    )
    with op.batch_alter_table('agents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_signins', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True))
    rows = [{'key': 'store.id', 'value': str(uuid.uuid4())}]
    # A store that already has people who sign in never gets the no-sign-in bootstrap back.
    has_users = op.get_bind().execute(
        sa.text("SELECT count(*) FROM agents WHERE password_hash IS NOT NULL")).scalar()
    if has_users:
        rows.append({'key': 'users.since', 'value': 'c0002'})
    op.bulk_insert(meta, rows)


def downgrade() -> None:
    with op.batch_alter_table('agents', schema=None) as batch_op:
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_signins')
    op.drop_table('store_meta')
