"""record ids are unique per customer, not per store

Scenario format 1 lets two files use the same record ids (``B-202509``): contracts,
clauses, notifications, bills and bill lines are keyed by ``(customer_id, id)``; bill lines
carry their customer (filled from their bill) so their key and their bill's key can say so.

Revision ID: c0003
Revises: c0002
Create Date: 2026-12-03 09:00:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "c0003"
down_revision: Union[str, Sequence[str], None] = "c0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TABLES = ("contracts", "clauses", "notifications", "bills", "bill_lines")


def upgrade() -> None:
    with op.batch_alter_table("bill_lines") as b:
        b.add_column(sa.Column("customer_id", sa.String(length=32), nullable=True))
    op.execute("UPDATE bill_lines SET customer_id = "
               "(SELECT bills.customer_id FROM bills WHERE bills.id = bill_lines.bill_id)")
    # The foreign keys that point at the one-column keys go first, then the keys themselves.
    with op.batch_alter_table("clauses") as b:
        b.drop_constraint("fk_clauses_contract_id_contracts", type_="foreignkey")
    with op.batch_alter_table("bill_lines") as b:
        b.drop_constraint("fk_bill_lines_bill_id_bills", type_="foreignkey")
    for table in TABLES:
        with op.batch_alter_table(table) as b:
            b.drop_constraint(f"pk_{table}", type_="primary")
            b.create_primary_key(f"pk_{table}", ["customer_id", "id"])
    with op.batch_alter_table("bill_lines") as b:
        b.alter_column("customer_id", existing_type=sa.String(length=32), nullable=False)
        b.create_index("ix_bill_lines_customer_id", ["customer_id"], unique=False)
        b.create_foreign_key("fk_bill_lines_customer_id_customers", "customers", ["customer_id"], ["id"],
                             ondelete="CASCADE")
        b.create_foreign_key("fk_bill_lines_customer_id_bills", "bills", ["customer_id", "bill_id"],
                             ["customer_id", "id"], ondelete="CASCADE")
    with op.batch_alter_table("clauses") as b:
        b.create_foreign_key("fk_clauses_customer_id_contracts", "contracts", ["customer_id", "contract_id"],
                             ["customer_id", "id"], ondelete="CASCADE")


def downgrade() -> None:
    with op.batch_alter_table("clauses") as b:
        b.drop_constraint("fk_clauses_customer_id_contracts", type_="foreignkey")
    with op.batch_alter_table("bill_lines") as b:
        b.drop_constraint("fk_bill_lines_customer_id_bills", type_="foreignkey")
        b.drop_constraint("fk_bill_lines_customer_id_customers", type_="foreignkey")
        b.drop_index("ix_bill_lines_customer_id")
    for table in TABLES:
        with op.batch_alter_table(table) as b:
            b.drop_constraint(f"pk_{table}", type_="primary")
            b.create_primary_key(f"pk_{table}", ["id"])
    with op.batch_alter_table("bill_lines") as b:
        b.drop_column("customer_id")
        b.create_foreign_key("fk_bill_lines_bill_id_bills", "bills", ["bill_id"], ["id"], ondelete="CASCADE")
    with op.batch_alter_table("clauses") as b:
        b.create_foreign_key("fk_clauses_contract_id_contracts", "contracts", ["contract_id"], ["id"], ondelete="CASCADE")
