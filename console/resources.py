"""The one way to find shipped resources (templates, demo scenarios, style, translations).

Resources live in the repository's top-level ``resources/`` folder and are installed as the
``agent_console_resources`` package, so the same lookup works from a source checkout, an
editable install, a wheel and a frozen bundle. Paths are refused if absolute or if they
climb out with ``..``: template names can come from configuration edited by leads.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

_PACKAGE = "agent_console_resources"


def resource(relative: str) -> Traversable:
    """Return the shipped resource at ``relative`` (a POSIX path inside ``resources/``)."""
    parts = PurePosixPath(relative)
    if parts.is_absolute() or ".." in parts.parts:
        raise ValueError(f"resource path must stay inside resources/: {relative!r}")
    node = files(_PACKAGE)
    for part in parts.parts:
        node = node.joinpath(part)
    return node


def resource_path(relative: str) -> Path:
    """Return a real filesystem path for a resource (all our installs are unzipped)."""
    with as_file(resource(relative)) as path:
        return Path(path)
