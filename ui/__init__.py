"""The PySide6 desktop layer: the console window over the ``console`` services.

Importing this package also works around a reference-counting defect of PySide6 6.12 on
CPython 3.11: every Qt call that returns ``None`` to Python (any ``void`` method,
``parent()`` of a top-level object, an invalid ``QVariant``) drops one reference to
``None`` without having taken it, and every ``Signal.emit``/``disconnect`` does the same
to ``True``. CPython 3.12+ makes these singletons immortal so nothing happens there, but
on 3.11 the counts run down by dozens per repaint and the process dies with "Fatal Python
error: none_dealloc" (or ``bool_dealloc``) after minutes of use. They are static
singletons that must never be freed, so raising their counts far out of reach (what 3.12
does by design) is safe and fixes it for the whole process. pyproject.toml keeps PySide6
below 6.12 anyway; this guard only acts where 6.12 is installed regardless.
"""

from __future__ import annotations

import sys

_BALLAST = 1 << 40


def guard_needed(pyside_version: str | None, implementation: str = sys.implementation.name,
                 python: tuple[int, int] = (sys.version_info.major, sys.version_info.minor)) -> bool:
    """Whether this PySide6 on this Python drops references to None/True/False.

    ``pyside_version`` None means the version cannot be known (a frozen bundle): guard then.
    """
    if implementation != "cpython" or python >= (3, 12):
        return False
    return pyside_version is None or pyside_version.startswith("6.12.")


def keep_alive(singletons: tuple[object, ...] = (None, True, False)) -> None:
    """Raise the singletons' reference counts far beyond what any leak can run down."""
    import ctypes

    for singleton in singletons:
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < _BALLAST:
            refcount.value += _BALLAST


def _installed_pyside() -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("PySide6-Essentials")
    except PackageNotFoundError:
        return None


def _keep_none_alive() -> None:
    if guard_needed(_installed_pyside()):
        keep_alive()


_keep_none_alive()
