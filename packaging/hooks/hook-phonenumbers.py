"""PyInstaller hook for phonenumbers, replacing the contributed one that takes every table.

The console parses and formats numbers (``phonenumbers.data``, ``shortdata``); it never
geocodes, names carriers or maps numbers to time zones, whose tables are 45 MB of the
package. Leaving them out here (rather than only in the spec's ``excludes``) also keeps the
build log free of a hundred "hidden import not found" warnings.
"""

from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("geodata", "carrierdata", "tzdata", "geocoder", "carrier", "timezone")


def _used(name: str) -> bool:
    parts = name.split(".")
    return len(parts) < 2 or parts[1] not in UNUSED


hiddenimports = collect_submodules("phonenumbers", filter=_used)
