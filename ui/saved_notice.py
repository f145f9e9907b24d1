"""The confirmation of a saved call, shown under the caller bar until the next caller.

A status-bar message was overwritten by the re-lookup within half a second, and "Not sent
yet" never said whether a credit was applied or waits for a lead. This notice says what the
journal recorded (``console.recorded.RecordedCall``): each credit applied, waiting for a
lead or approved, the case opened (its short reference), the callback booked, and whether
any of it leaves this workstation. It stays until another customer is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from console import formatting as fmt
from ui.i18n import Texts, is_language_change
from ui.labels import DELIVERY_DEMO, DELIVERY_NONE, word
from ui.models.panes import case_ref

if TYPE_CHECKING:  # the journal's models load with the first lookup, not with the window
    from console.caller_view import CallerView
    from console.recorded import RecordedAction, RecordedCall


class SavedNotice(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedNotice")
        self.texts = Texts()
        self.mark = QLabel("✓", self)
        self.mark.setObjectName("savedMark")
        self.label = QLabel(self)
        self.label.setObjectName("savedText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss = QPushButton(self)
        self.dismiss.setObjectName("dismissSaved")
        self.texts.bind(self.dismiss.setText, lambda: self.tr("OK"))
        self.texts.bind(self.dismiss.setAccessibleName, lambda: self.tr("Hide the saved call's confirmation"))
        self.texts.bind(self.setAccessibleName, lambda: self.tr("Saved call"))
        box = QHBoxLayout(self)
        box.setContentsMargins(10, 4, 10, 4)
        box.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        box.addWidget(self.label, 1)
        box.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.dismiss.clicked.connect(self.clear_record)
        self.record: RecordedCall | None = None
        self._shown: tuple[CallerView | None, str, str] = (None, "en", "")
        self.hide()

    def show_record(self, record: RecordedCall, view: CallerView | None, language: str, delivery: str) -> str:
        """Show what ``record`` holds; returns the text (also the label's accessible description)."""
        self.record = record
        self._shown = (view, language, delivery)
        text = self.describe(record, view, language, delivery)
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.show()
        return text

    def clear_record(self) -> None:
        self.record = None
        self.label.clear()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.texts.apply()
            if self.record is not None:
                view, language, delivery = self._shown
                self.label.setText(self.describe(self.record, view, language, delivery))
        super().changeEvent(event)

    # -- words -------------------------------------------------------------------------------
    def describe(self, record: RecordedCall, view: CallerView | None, language: str, delivery: str) -> str:
        """One line (two when a credit waits for a lead): short enough for a 1366 px screen."""
        local = record.saved_at.astimezone(fmt.TAIPEI)
        done = [self._action(a, view, language) for a in record.actions if a.kind not in ("open_case", "schedule_callback")]
        done += [self.tr("Case %1 opened").replace("%1", case_ref(case_id)) for case_id in record.case_ids]
        done += [self.tr("Callback due %1").replace("%1", fmt.moment(due, language)) for due in record.callbacks_due]
        if delivery == DELIVERY_NONE:
            done.append(self.tr("kept on this workstation: no sync hooks configured"))
        elif delivery == DELIVERY_DEMO:
            done.append(self.tr("demo: nothing sent to real systems"))
        else:
            done.append(self.tr("being sent to the central systems"))
        line = self.tr("Saved %1 · %2: %3").replace("%1", f"{local:%H:%M}").replace("%2", word(record.outcome)) \
            .replace("%3", " · ".join(done))
        if record.waiting:
            line += "\n" + self.tr("Do not promise the waiting credit yet: a lead decides, and you will see their decision here.")
        return line

    def _action(self, a: RecordedAction, view: CallerView | None, language: str) -> str:
        service = view.service(a.service_code) if view is not None and a.service_code else None
        what = " ".join(x for x in (
            word(a.kind),
            service.name(language) if service is not None else (a.service_code or ""),
            fmt.money(a.amount, a.currency, language) if a.amount is not None else "",
            f"({fmt.periods(a.periods, language)})" if a.periods else "",
        ) if x)
        if a.kind == "issue_credit":
            status = {
                "applied": self.tr("applied"),
                "pending_approval": self.tr("waiting for a lead's approval"),
                "approved": self.tr("approved"),
                "rejected": self.tr("refused"),
            }.get(a.status, a.status)
        else:
            status = self.tr("recorded")
        return f"{what}: {status}"
