"""Errors a user can act on, each with a one-line message and an exit code.

Anything raised as a ``UserError`` reaches the user as one line (CLI: stderr and the exit
code; window: an inline message). Anything else is a bug and is logged with its traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem with the input or the environment that the user can fix."""

    exit_code = 2


class NotFound(UserError):
    exit_code = 3


class StoreError(UserError):
    """A database that cannot be used as it is (newer version, damaged, read-only...)."""

    exit_code = 4


class NewerDatabaseError(StoreError):
    pass


class PermissionDenied(UserError):
    exit_code = 5
