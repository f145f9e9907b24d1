"""outbox: per-customer sequence is unique per workstation

The postgres sync hook replicates every workstation's outbox into the floor's central
journal; two workstations both number their first event for a customer 1, so the unique
key must include the workstation or the central store would refuse (or silently drop) one.

Revision ID: j0002
Revises: j0001
"""
from typing import Sequence, Union

from alembic import op

revision: str = 'j0002'
down_revision: Union[str, Sequence[str], None] = 'j0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('outbox_events') as batch:
        batch.drop_constraint('uq_outbox_events_customer_id_customer_seq', type_='unique')
        batch.create_unique_constraint(
            'uq_outbox_events_workstation_customer_id_customer_seq', ['workstation', 'customer_id', 'customer_seq'])


def downgrade() -> None:
    with op.batch_alter_table('outbox_events') as batch:
        batch.drop_constraint('uq_outbox_events_workstation_customer_id_customer_seq', type_='unique')
        batch.create_unique_constraint('uq_outbox_events_customer_id_customer_seq', ['customer_id', 'customer_seq'])
