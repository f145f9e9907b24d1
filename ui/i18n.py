"""Which language the window speaks, and the Qt translators that make it speak it.

The UI language comes from the ``language`` setting when set, else from the system locale:
Chinese locales get zh_TW, everything else English. Qt's own strings (standard buttons,
dialogs) are translated from Qt's shipped catalogues; ours from ``resources/translations``.
Money and dates are not Qt's business: ``console.formatting`` does them with Babel.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from console.resources import resource_path
from console.vocabulary import LANGUAGES

log = logging.getLogger("agent_console.ui")
CATALOGUE = "agent_console"


def choose_language(setting: str = "", system: str | None = None) -> str:
    """``zh_TW`` or ``en``: the setting if given, else the system locale."""
    if setting in LANGUAGES:
        return setting
    name = system if system is not None else QLocale.system().name()
    return "zh_TW" if name.lower().startswith("zh") else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Qt's and our catalogues for ``language``; returns them so they stay alive."""
    for old in getattr(app, "_agent_console_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    if language != "en":
        qt = QTranslator(app)
        if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
    ours = QTranslator(app)
    path = resource_path(f"translations/{CATALOGUE}_{language}.qm")
    if ours.load(str(path)):
        app.installTranslator(ours)
        installed.append(ours)
    elif language != "en":
        log.warning("no translation catalogue at %s; showing English", path)
    app._agent_console_translators = installed  # type: ignore[attr-defined]
    return installed
