"""Qt item models over plain rows from ``console`` (CallerView, CustomerHistory).

Each model caches plain frozen rows, resets on a new caller, fetches in batches for long
histories, answers ``SORT_ROLE`` with a homogeneous sort key per column (so a
``QSortFilterProxyModel`` sorts in C++), ``REF_ROLE`` with an evidence reference
("clause:<id>", "notification:<id>", ...), and paints highlighted rows.
"""

from ui.models.table import REF_ROLE, SORT_ROLE, Column, RowsModel

__all__ = ["REF_ROLE", "SORT_ROLE", "Column", "RowsModel"]
