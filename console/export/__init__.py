"""Call-log export for leads: documented columns, masking, formula neutralising, streaming.

``run_export`` is the one entry point (CLI ``agent-console export`` and the window's export
dialog); see ``docs/export.md`` for the columns and the safety rules.
"""

from console.export.columns import COLUMNS, HEADERS, ActionItem, Record
from console.export.query import ExportFilters, parse_day
from console.export.service import (
    CancelToken,
    ExportCancelled,
    ExportRequest,
    ExportResult,
    run_export,
)
from console.export.writers import FORMATS

__all__ = [
    "COLUMNS", "FORMATS", "HEADERS", "ActionItem", "CancelToken", "ExportCancelled", "ExportFilters",
    "ExportRequest", "ExportResult", "Record", "parse_day", "run_export",
]
