"""Which language the window speaks, and the Qt translators that make it speak it.

The UI language comes from the ``language`` setting when set, else from the system locale:
Chinese locales get zh_TW, everything else English. Qt's own strings (standard buttons,
dialogs) are translated from Qt's shipped catalogues; ours from ``resources/translations``.
Money and dates are not Qt's business: ``console.formatting`` does them with Babel.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from console import formatting
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


class Texts:
    """Every text a widget shows, as (setter, producer) pairs, so a language switch re-runs them.

    Qt sends ``QEvent.LanguageChange`` to every widget when a translator is installed or
    removed; a widget that set its texts once in ``__init__`` would keep the old language.
    Owners bind each text here instead (``texts.bind(button.setText, lambda: self.tr("Go"))``:
    ``pyside6-lupdate`` still finds the ``tr`` call) and call ``apply()`` on that event.
    """

    def __init__(self) -> None:
        self._items: list[tuple[Callable[[str], object], Callable[[], str]]] = []

    def bind(self, setter: Callable[[str], object], producer: Callable[[], str]) -> None:
        self._items.append((setter, producer))
        setter(producer())

    def apply(self) -> None:
        for setter, producer in self._items:
            setter(producer())


def is_language_change(event: QEvent) -> bool:
    return event.type() == QEvent.Type.LanguageChange


def qt_date_format(language: str) -> str:
    """The Qt display format of ``console.formatting.day`` for ``language`` (``M/d/yyyy``,
    ``yyyy/M/d``), so a date edit shows dates exactly as the panes do."""
    pattern = formatting.day_pattern(language)
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        run = 1
        while i + run < len(pattern) and pattern[i + run] == ch:
            run += 1
        if ch == "y":
            out.append("yyyy" if run != 2 else "yy")
        elif ch in "Md":
            out.append(ch * min(run, 2))
        elif ch == "'":
            j = pattern.find("'", i + 1)
            j = len(pattern) if j < 0 else j
            out.append(pattern[i:j + 1])
            run = j + 1 - i
        else:
            out.append(ch * run)
        i += run
    return "".join(out)
