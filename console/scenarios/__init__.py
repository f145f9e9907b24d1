"""Training scenarios: the YAML files trainers write, validated and loaded into the customer store.

``load_scenario`` reads and validates one file (nothing touches a database);
``import_paths`` loads files and folders, one transaction per file, replacing earlier
imports of the same scenario; ``demo_dir`` is the folder of shipped demo scenarios; and
``scenario_call_at`` gives a loaded scenario's "now" for the demo clock.
"""

from __future__ import annotations

from pathlib import Path

from console.resources import resource_path
from console.scenarios.document import ExpectedAction, ExpectedDoc, ScenarioDoc
from console.scenarios.fields import ScenarioError
from console.scenarios.parse import MAX_FILE_BYTES, load_scenario, parse_scenario
from console.scenarios.store import (
    FileResult,
    ImportReport,
    import_paths,
    scenario_call_at,
    scenario_files,
    write_scenario,
)

__all__ = [
    "MAX_FILE_BYTES", "ExpectedAction", "ExpectedDoc", "FileResult", "ImportReport", "ScenarioDoc", "ScenarioError",
    "demo_dir", "import_paths", "load_scenario", "parse_scenario", "scenario_call_at", "scenario_files",
    "template_path", "write_scenario",
]


def demo_dir() -> Path:
    """The shipped demo scenarios (``resources/demo``)."""
    return resource_path("demo")


def template_path() -> Path:
    """The commented template a trainer copies to write a new scenario."""
    return resource_path("scenario-template.yaml")
