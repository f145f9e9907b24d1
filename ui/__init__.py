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


def _keep_none_alive() -> None:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    from importlib.metadata import PackageNotFoundError, version

    try:
        affected = version("PySide6-Essentials").startswith("6.12.")
    except PackageNotFoundError:
        affected = True  # a frozen bundle or another distribution: stay on the safe side
    if not affected:
        return
    import ctypes

    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < _BALLAST:
            refcount.value += _BALLAST


_keep_none_alive()
