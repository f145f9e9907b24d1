"""The caller bar: the number field, and who is calling once the screen pop is back.

Numbers are accepted in any written form (``console.phones`` normalises them), and so are a
customer id or a name (``console.search``); Enter looks up. A wrong number the agent typed
is a message under the field and nothing else on screen changes, so a typo never wipes the
caller they are talking to (the window clears the screen itself when an unknown number
rings in). Flags ("free trial ended 2 months ago") are calm chips, warnings first, each
with a marker as well as a colour.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console import formatting as fmt
from console.phones import display
from ui.i18n import Texts, is_language_change
from ui.labels import flag_text, language_name
from ui.worker import PopResult

SEVERITY_MARKERS = {"warn": "⚠", "info": "ℹ"}


def plain_label(text: str = "", name: str = "") -> QLabel:
    """A QLabel that never interprets customer data as HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class CallerBar(QFrame):
    lookup_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callerBar")
        self.texts = Texts()
        self.number = QLineEdit()
        self.number.setObjectName("number")
        self.texts.bind(self.number.setPlaceholderText, lambda: self.tr("Number, name or customer id"))
        self.texts.bind(self.number.setAccessibleName, lambda: self.tr("Caller number, name or customer id"))
        self.number.setClearButtonEnabled(True)
        self.number.setMaxLength(64)
        self.number.setMinimumWidth(240)
        self.number.returnPressed.connect(self._submit)
        self.go = QPushButton()
        self.go.setObjectName("lookUp")
        self.texts.bind(self.go.setText, lambda: self.tr("Look up"))
        self.texts.bind(self.go.setAccessibleName, lambda: self.tr("Look up caller"))
        self.go.clicked.connect(self._submit)
        # Under the number field, where the agent is looking: what went wrong and what to do next.
        self.message = plain_label(name="inlineMessage")
        self.message.setWordWrap(True)
        self.texts.bind(self.message.setAccessibleName, lambda: self.tr("Lookup message"))
        self.message.hide()

        self.name = plain_label(name="callerName")
        self.texts.bind(self.name.setAccessibleName, lambda: self.tr("Caller name"))
        self.details = plain_label(name="callerDetails")
        self.texts.bind(self.details.setAccessibleName, lambda: self.tr("Caller details"))
        self.flags_box = QHBoxLayout()
        self.flags_box.setSpacing(6)
        self.flags_box.setContentsMargins(0, 0, 0, 0)
        self.flag_labels: list[QLabel] = []
        self._has_caller = False

        row1 = QHBoxLayout()
        row1.addWidget(self.number)
        row1.addWidget(self.go)
        row1.addSpacing(16)
        row1.addWidget(self.name)
        row1.addSpacing(12)
        row1.addWidget(self.details, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.message, 1)
        row2.addLayout(self.flags_box)
        row2.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 6)
        outer.setSpacing(6)
        outer.addLayout(row1)
        outer.addLayout(row2)
        self.texts.bind(lambda text: self.name.setText(text) if not self._has_caller else None, lambda: self.tr("No caller"))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.texts.apply()
        super().changeEvent(event)

    def clear_caller(self, number: str = "") -> None:
        """Nobody on screen; ``number`` (the unknown one that rang) stays in the field to correct or copy."""
        self._has_caller = False
        self.name.setText(self.tr("No caller"))
        self.details.clear()
        for chip in self.flag_labels:
            chip.hide()
        self.number.setText(number)

    def _submit(self) -> None:
        text = self.number.text().strip()
        if not text:
            self.show_message(self.tr("Type the caller's number, name or customer id"))
            return
        self.lookup_requested.emit(text)

    def show_message(self, text: str, busy: bool = False) -> None:
        self.message.setText(text)
        if self.message.property("busy") != busy:
            self.message.setProperty("busy", busy)
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)
        self.message.show()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def show_busy(self, phone: str) -> None:
        self.show_message(self.tr("Looking up %1 …").replace("%1", phone), busy=True)

    def show_caller(self, result: PopResult, language: str, region: str = "TW") -> None:
        self.clear_message()
        self._has_caller = True
        c = result.view.customer
        self.name.setText(c.name)
        parts = [language_name(c.language)]
        if c.national_id_masked:
            parts.append(self.tr("ID %1").replace("%1", c.national_id_masked))
        if result.view.matched_phone:
            parts.append(display(result.view.matched_phone, region))
        parts.append(c.id)
        self.details.setText("  ·  ".join(parts))
        phone = result.view.matched_phone or (c.phones[0] if c.phones else None)
        self.number.setText(display(phone, region) if phone else result.phone)
        shown = []
        today = fmt.local_date(result.now)
        for flag in result.flags:
            service = result.view.service(flag.service_code)
            name = service.name(language) if service else (flag.service_code or "")
            delta = (flag.on - today).days if flag.on else 0
            shown.append((flag_text(flag, name, language, delta), flag.severity))
        if not shown:
            shown.append((self.tr("No flags"), "none"))
        # Chips are reused, not rebuilt: a new styled label costs a style polish per pop.
        while len(self.flag_labels) < len(shown):
            chip = plain_label(name="flag")
            self.flags_box.addWidget(chip)
            self.flag_labels.append(chip)
        for i, chip in enumerate(self.flag_labels):
            if i >= len(shown):
                chip.hide()
                continue
            text, severity = shown[i]
            # Severity is a marker and a word for a screen reader, not only the chip's colour.
            chip.setText(f"{SEVERITY_MARKERS.get(severity, '')} {text}".strip())
            level = {"warn": self.tr("Warning"), "info": self.tr("Note")}.get(severity)
            chip.setAccessibleName(f"{level}: {text}" if level else text)
            if chip.property("severity") != severity:
                chip.setProperty("severity", severity)
                chip.style().unpolish(chip)
                chip.style().polish(chip)
            chip.show()

    def flag_texts(self) -> list[str]:
        return [label.text() for label in self.flag_labels if not label.isHidden()]
