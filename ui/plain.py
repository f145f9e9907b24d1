"""Customer text in tooltips, always as plain text.

Qt shows a tooltip as rich text whenever it *looks* like HTML (``Qt.mightBeRichText``), so
an SMS body such as ``<a href=...>`` or ``<img src=...>`` would be rendered, not shown.
Every tooltip that can carry data from outside goes through ``tip``.
"""

from __future__ import annotations

from PySide6.QtGui import Qt


def tip(text: str | None) -> str | None:
    if not text:
        return text
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
