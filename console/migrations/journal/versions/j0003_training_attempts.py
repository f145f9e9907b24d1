"""training attempts: a trainee's scored attempt at a scenario (trainer mode)

Revision ID: j0003
Revises: j0002
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = 'j0003'
down_revision: Union[str, Sequence[str], None] = 'j0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'training_attempts',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('scenario_id', sa.String(length=100), nullable=False),
        sa.Column('trainee', sa.String(length=32), nullable=False),
        sa.Column('call_id', sa.String(length=36), nullable=True),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('points', sa.Integer(), nullable=False),
        sa.Column('max_points', sa.Integer(), nullable=False),
        sa.Column('percent', sa.Integer(), nullable=False),
        sa.Column('over_credit', sa.BigInteger(), nullable=False),
        sa.Column('under_credit', sa.BigInteger(), nullable=False),
        sa.Column('seconds', sa.Integer(), nullable=True),
        sa.Column('hints_hidden', sa.Boolean(), nullable=False),
        sa.Column('details', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_training_attempts_call_id_calls'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_training_attempts')),
    )
    op.create_index('ix_training_attempts_scenario_trainee', 'training_attempts', ['scenario_id', 'trainee'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_training_attempts_scenario_trainee', table_name='training_attempts')
    op.drop_table('training_attempts')
