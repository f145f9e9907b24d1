"""Opening the console window: QApplication set-up and the main window's life cycle."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from console.context import ConsoleContext


def run_window(ctx: ConsoleContext, args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Agent Console")
    window.setCentralWidget(QLabel("Agent Console"))
    window.resize(1200, 800)
    window.show()
    if args.screenshot:
        app.processEvents()
        window.grab().save(args.screenshot)
        return 0
    return app.exec()
