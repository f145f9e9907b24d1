"""The caller bar: the number field, and who is calling once the screen pop is back.

Numbers are accepted in any written form (``console.phones`` normalises them); Enter looks
up. A wrong or unknown number is an inline message in the bar and nothing else on screen
changes, so an agent's typo never wipes the caller they are talking to. Flags ("free trial
ended 2 months ago") are shown as calm chips, warnings first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
from ui.labels import flag_text, language_name
from ui.worker import PopResult


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
        self.number = QLineEdit()
        self.number.setObjectName("number")
        self.number.setPlaceholderText(self.tr("Caller number, e.g. 0912-345-678"))
        self.number.setAccessibleName(self.tr("Caller number"))
        self.number.setClearButtonEnabled(True)
        self.number.setMaxLength(64)
        self.number.setMinimumWidth(220)
        self.number.returnPressed.connect(self._submit)
        self.go = QPushButton(self.tr("Look up"))
        self.go.setAccessibleName(self.tr("Look up caller"))
        self.go.clicked.connect(self._submit)
        self.message = plain_label(name="inlineMessage")
        self.message.setAccessibleName(self.tr("Lookup message"))
        self.message.hide()

        self.name = plain_label(name="callerName")
        self.name.setAccessibleName(self.tr("Caller name"))
        self.details = plain_label(name="callerDetails")
        self.details.setAccessibleName(self.tr("Caller details"))
        self.flags_box = QHBoxLayout()
        self.flags_box.setSpacing(6)
        self.flags_box.setContentsMargins(0, 0, 0, 0)
        self.flag_labels: list[QLabel] = []

        row1 = QHBoxLayout()
        row1.addWidget(self.number)
        row1.addWidget(self.go)
        row1.addSpacing(16)
        row1.addWidget(self.name)
        row1.addSpacing(12)
        row1.addWidget(self.details, 1)
        row1.addWidget(self.message)
        row2 = QHBoxLayout()
        row2.addLayout(self.flags_box)
        row2.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 6)
        outer.setSpacing(6)
        outer.addLayout(row1)
        outer.addLayout(row2)
        self.name.setText(self.tr("No caller"))

    def _submit(self) -> None:
        text = self.number.text().strip()
        if not text:
            self.show_message(self.tr("Enter a phone number"))
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
        c = result.view.customer
        self.name.setText(c.name)
        parts = [language_name(c.language)]
        if c.national_id_masked:
            parts.append(self.tr("ID %1").replace("%1", c.national_id_masked))
        if result.view.matched_phone:
            parts.append(display(result.view.matched_phone, region))
        parts.append(c.id)
        self.details.setText("  ·  ".join(parts))
        self.number.setText(display(result.view.matched_phone, region) if result.view.matched_phone else result.phone)
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
            chip.setText(text)
            chip.setAccessibleName(text)
            if chip.property("severity") != severity:
                chip.setProperty("severity", severity)
                chip.style().unpolish(chip)
                chip.style().polish(chip)
            chip.show()

    def flag_texts(self) -> list[str]:
        return [label.text() for label in self.flag_labels if not label.isHidden()]
