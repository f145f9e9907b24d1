"""Lead and trainer views that stay open follow a live language switch, and date edits speak it.

Installing a translator sends ``QEvent.LanguageChange`` to every widget. A view that is built
once and kept open (the trainer dock, the dashboard, the approvals queue, the export dialog)
sets its texts in one ``retranslate`` method, called at construction and again on that event,
and formats dates and money for the language of the window it sits in (the console window's
``language`` property), so nothing stays in the old language until a restart.

Date edits show dates the way ``console.formatting.day`` writes them (one date format per
language, from Babel), not Qt's locale format.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDateEdit, QWidget

from console import formatting


def language_of(widget: QWidget, fallback: str) -> str:
    """The ``language`` of the nearest ancestor window that names one, else ``fallback``."""
    w: QObject | None = widget
    while w is not None:
        value = w.property("language")
        if isinstance(value, str) and value:
            return value
        w = w.parent()
    return fallback


def date_edit_format(language: str) -> str:
    """Qt's display format for a date edit, from the Babel pattern of ``formatting.day``
    (CLDR's ``y`` is the full year; Qt spells it ``yyyy``)."""
    return re.sub(r"y+", "yyyy", formatting.day_pattern(language))


def set_date_format(edits: tuple[QDateEdit, ...] | list[QDateEdit], language: str) -> None:
    for edit in edits:
        edit.setDisplayFormat(date_edit_format(language))


def without_mnemonic(text: str) -> str:
    """A label's text as a name: ``O&utcomes`` -> ``Outcomes``, ``結果(&U)`` -> ``結果``."""
    return re.sub(r"\(&.\)|&(?=.)", "", text).strip(" :：")


def count(text: str, n: int) -> str:
    """``%1`` in a plural message (``tr(source, "", n)`` chose the form) as a grouped number.

    Qt picks "1 call" or "2 calls" from ``n``; its own ``%n`` would write 100000, not 100,000.
    """
    return text.replace("%1", f"{n:,}")


class LiveLanguage:
    """Mixin for a QWidget with ``language`` and ``retranslate()``: redone on a language switch."""

    language: str

    def retranslate(self) -> None:  # pragma: no cover - every user overrides it
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.language = language_of(self, self.language)  # type: ignore[arg-type]
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
