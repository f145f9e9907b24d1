"""The caller's brief in a window of its own, for the trainer's second screen.

In a role-play the trainer plays the customer and reads from the brief; the trainee must not
see it. On a workstation with two screens the trainer puts this window on the screen the
trainee does not face. Large text, read-only, plain text (it is scenario data).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QGuiApplication, QScreen
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ui.theme import bold_title


class BriefWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefWindow")
        self.title = QLabel(self)
        self.title.setObjectName("briefTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # the scenario's title is trainer data
        bold_title(self.title, 1.3)
        self.title.hide()  # shown with a scenario's title: an empty line is not announced
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("briefText")
        self.text.setReadOnly(True)
        font = QFont(self.text.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.text.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        self.resize(720, 420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Caller's brief (trainer only) — DEMO"))
        self.text.setAccessibleName(self.tr("Caller's brief"))
        self.text.setAccessibleDescription(self.tr("What the trainer says as the customer; the trainee must not see it."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_brief(self, title: str, brief: str) -> None:
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.text.setPlainText(brief)

    @staticmethod
    def second_screen() -> QScreen | None:
        """The screen the trainee does not face, or None on a one-screen workstation."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return None
        primary = QGuiApplication.primaryScreen()
        return next((s for s in screens if s is not primary), screens[1])

    def show_on_second_screen(self) -> bool:
        """Show the window on the second screen; False (and not shown) when there is none:
        on the only screen it would cover the trainee's own view."""
        other = self.second_screen()
        if other is None:
            return False
        self.move(other.availableGeometry().topLeft())
        self.show()
        self.raise_()
        return True
