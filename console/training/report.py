"""The trainer's session report: every kept attempt and a summary per trainee, for people.

A trainer hands this to a team lead after a session, so it is written in words, not codes:
scenario titles, local times (Asia/Taipei, the date format of the report's language), what
each trainee missed ("Suspend service: mPro basic (MPRO)"), attempts in the order they were
made, and per trainee the number of attempts, the average score, full marks, money over- and
under-credited and the average time. The same report is a printable HTML page or a CSV file
for Excel (the attempts, a blank row, then the summary).

The file holds trainees' names and results, so it is written like an export: private (0600),
to a fresh temporary file in the target folder (never a predictable name that a symlink
could redirect), then renamed over the target; text cells are made inert for spreadsheets.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined
from sqlalchemy import select

from console import formatting
from console.context import ConsoleContext
from console.errors import UserError
from console.export.safety import neutralise
from console.models import Scenario, Service, TrainingAttempt
from console.trainer import wall_clock
from console.training import words

CURRENCY = "TWD"  # training scenarios are billed in NT$


@dataclass(frozen=True)
class AttemptLine:
    at: datetime
    trainee: str
    scenario_id: str
    title: str
    points: int
    max_points: int
    percent: int
    over_credit: Decimal
    under_credit: Decimal
    seconds: int | None
    hints_hidden: bool
    missed: tuple[str, ...]  # in words
    extra: tuple[str, ...]  # in words


@dataclass(frozen=True)
class TraineeSummary:
    trainee: str
    attempts: int
    average_percent: int
    perfect: int
    over_credit: Decimal
    under_credit: Decimal
    average_seconds: int | None


@dataclass(frozen=True)
class SessionReport:
    language: str
    written_at: datetime
    attempts: tuple[AttemptLine, ...]  # oldest first
    trainees: tuple[TraineeSummary, ...]  # by name
    overall: TraineeSummary | None  # every attempt together
    only: tuple[str, ...] = field(default=())  # the filters, as words ("trainee Ana")


def _summary(name: str, lines: list[AttemptLine]) -> TraineeSummary:
    timed = [a.seconds for a in lines if a.seconds is not None]
    return TraineeSummary(
        trainee=name, attempts=len(lines),
        average_percent=round(sum(a.percent for a in lines) / len(lines)),
        perfect=sum(1 for a in lines if a.points == a.max_points),
        over_credit=sum((a.over_credit for a in lines), Decimal(0)),
        under_credit=sum((a.under_credit for a in lines), Decimal(0)),
        average_seconds=round(sum(timed) / len(timed)) if timed else None,
    )


def _item(doc: Mapping[str, Any], services: Mapping[str, tuple[str, str]], language: str) -> str:
    """One expected or recorded action in words: ``Credit: mPro basic (MPRO) NT$100 for Mar 2009, Apr 2009``."""
    parts = [words.action(str(doc.get("kind")), language)]
    code = doc.get("service")
    if code:
        names = services.get(str(code))
        name = (names[1] if language.startswith("zh") else names[0]) if names else ""
        parts[0] += words.text("colon", language) + (f"{name} ({code})" if name else str(code))
    if doc.get("amount") is not None:
        parts.append(formatting.money(Decimal(str(doc["amount"])), CURRENCY, language))
    what = " ".join(parts)
    periods = [formatting.period(str(p), language) for p in doc.get("periods") or ()]
    return words.text("for_months", language, what=what, months=", ".join(periods)) if periods else what


def _line(a: TrainingAttempt, scenario: Scenario | None, services: Mapping[str, tuple[str, str]],
          language: str) -> AttemptLine:
    details = a.details or {}
    verdicts = details.get("actions") or []
    missed = [words.text("finding", language, what=words.finding(str(c), language))
              for c in details.get("findings_missed") or ()]
    missed += [_item(v["expected"], services, language) for v in verdicts if v.get("status") == "missing" and v.get("expected")]
    extra = [_item(v["recorded"], services, language) for v in verdicts if v.get("status") == "extra" and v.get("recorded")]
    title = a.scenario_id
    if scenario is not None and scenario.title:
        t = scenario.title
        title = t.get(language) or t.get("en") or next(iter(t.values()), a.scenario_id)
    return AttemptLine(a.at, a.trainee, a.scenario_id, title, a.points, a.max_points, a.percent,
                       a.over_credit or Decimal(0), a.under_credit or Decimal(0), a.seconds, bool(a.hints_hidden),
                       tuple(missed), tuple(extra))


def session_report(ctx: ConsoleContext, *, language: str = "en", trainee: str | None = None,
                   scenario: str | None = None, written_at: datetime | None = None) -> SessionReport:
    """Every kept attempt (optionally one trainee's or one scenario's), oldest first, with summaries."""
    with ctx.journal.session() as js:
        query = select(TrainingAttempt).order_by(TrainingAttempt.at, TrainingAttempt.id)
        if trainee:
            query = query.where(TrainingAttempt.trainee == trainee)
        if scenario:
            query = query.where(TrainingAttempt.scenario_id == scenario)
        attempts = list(js.scalars(query))
    ids = {a.scenario_id for a in attempts}
    with ctx.customers.session() as cs:
        scenarios = {s.id: s for s in cs.scalars(select(Scenario).where(Scenario.id.in_(ids)))} if ids else {}
        customers = {s.customer_id for s in scenarios.values()}
        names: dict[str, dict[str, tuple[str, str]]] = {}
        if customers:
            for svc in cs.scalars(select(Service).where(Service.customer_id.in_(customers))):
                names.setdefault(svc.customer_id, {})[svc.code] = (svc.name_en, svc.name_zh)
    lines = []
    for a in attempts:
        s = scenarios.get(a.scenario_id)
        lines.append(_line(a, s, names.get(s.customer_id, {}) if s else {}, language))
    by_trainee: dict[str, list[AttemptLine]] = {}
    for line in lines:
        by_trainee.setdefault(line.trainee, []).append(line)
    only = tuple(x for x in (trainee and f"{words.text('trainee', language)} {trainee}",
                             scenario and f"{words.text('scenario', language)} {scenario}") if x)
    return SessionReport(
        language=language, written_at=written_at or wall_clock(ctx), attempts=tuple(lines),
        trainees=tuple(_summary(name, by_trainee[name]) for name in sorted(by_trainee, key=str.casefold)),
        overall=_summary(words.text("all_trainees", language), lines) if lines else None, only=only,
    )


# -- writing ----------------------------------------------------------------------------------------


def _amount(value: Decimal) -> str:
    """A plain number a spreadsheet sums: ``1200`` for whole NT$, ``12.50`` otherwise."""
    return str(int(value)) if value == value.to_integral_value() else str(value)


def _mmss(seconds: int | None) -> str:
    return "" if seconds is None else f"{seconds // 60}:{seconds % 60:02d}"


def _attempt_cells(r: SessionReport, a: AttemptLine) -> list[str | tuple[str, ...]]:
    """One attempt's cells; the missed and extra items stay a tuple (one line each in HTML)."""
    lang = r.language
    return [formatting.moment(a.at, lang), a.trainee, a.title, str(a.percent), f"{a.points}/{a.max_points}",
            _amount(a.over_credit), _amount(a.under_credit), _mmss(a.seconds),
            words.text("hints_hidden" if a.hints_hidden else "hints_shown", lang), a.missed, a.extra]


def _attempt_headers(lang: str) -> list[str]:
    return [words.text(k, lang, cur=CURRENCY) for k in
            ("at", "trainee", "scenario", "score", "points", "over", "under", "time", "hints", "missed", "extra")]


def _summary_cells(s: TraineeSummary) -> list[str]:
    return [s.trainee, str(s.attempts), str(s.average_percent), str(s.perfect), _amount(s.over_credit),
            _amount(s.under_credit), _mmss(s.average_seconds)]


def _summary_headers(lang: str) -> list[str]:
    return [words.text(k, lang, cur=CURRENCY) for k in ("trainee", "attempts", "average", "perfect", "over", "under",
                                                         "average_time")]


def _heading(r: SessionReport) -> str:
    key = "written_one" if len(r.attempts) == 1 else "written"
    line = words.text(key, r.language, at=formatting.moment(r.written_at, r.language), n=len(r.attempts))
    if r.only:
        line += " · " + words.text("filtered", r.language, what=", ".join(r.only))
    return line


def to_csv(r: SessionReport) -> str:
    """The attempts (oldest first), a blank row, the summary per trainee and for all of them."""
    buf = io.StringIO()
    out = csv.writer(buf)
    lang = r.language
    rows: list[list[str]] = [[words.text("title", lang)], [_heading(r)], [], _attempt_headers(lang)]
    rows += [[c if isinstance(c, str) else "; ".join(c) for c in _attempt_cells(r, a)] for a in r.attempts]
    rows += [[], [words.text("summary", lang)], _summary_headers(lang)]
    rows += [_summary_cells(s) for s in (*r.trainees, *([r.overall] if r.overall else []))]
    for row in rows:
        out.writerow([neutralise(cell) for cell in row])
    return buf.getvalue()


_HTML = Environment(autoescape=True, undefined=StrictUndefined).from_string("""<!doctype html>
<html lang="{{ html_lang }}"><head><meta charset="utf-8"><title>{{ title }} - DEMO</title>
<style>
body{font-family:'Noto Sans CJK TC','Noto Sans TC','Microsoft JhengHei','Noto Sans',sans-serif;margin:2em;color:#1f2a36}
h1{margin-bottom:.2em} .meta{color:#444;margin-top:0}
table{border-collapse:collapse;width:100%;margin-bottom:2em}
th,td{border:1px solid #999;padding:4px 8px;font-size:11pt;text-align:left;vertical-align:top}
th{background:#e8ecf0} td.n{text-align:right;white-space:nowrap} tr.all td{font-weight:bold;background:#f4f6f8}
.demo{color:#b00020;font-weight:bold;letter-spacing:.1em}
@media print{.demo{position:fixed;top:40%;left:20%;font-size:72pt;opacity:.12;transform:rotate(-30deg)}}
</style></head><body>
<p class="demo">{{ demo }}</p>
<h1>{{ title }}</h1>
<p class="meta">{{ heading }}</p>
{% if not attempts %}<p>{{ nothing }}</p>{% else %}
<h2>{{ summary_title }}</h2>
<table><thead><tr>{% for h in summary_headers %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead><tbody>
{% for row in summary %}<tr{% if loop.last %} class="all"{% endif %}>{% for c in row %}<td{% if not loop.first %} class="n"{% endif %}>{{ c }}</td>{% endfor %}</tr>
{% endfor %}</tbody></table>
<h2>{{ attempts_title }}</h2>
<table><thead><tr>{% for h in attempt_headers %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead><tbody>
{% for row in attempts %}<tr>{% for c in row %}<td{% if loop.index0 in numeric %} class="n"{% endif %}>
{%- if c is string %}{{ c }}{% else %}{% for line in c %}{{ line }}{% if not loop.last %}<br>{% endif %}{% endfor %}{% endif -%}
</td>{% endfor %}</tr>
{% endfor %}</tbody></table>{% endif %}
</body></html>
""")


def to_html(r: SessionReport) -> str:
    lang = r.language
    return _HTML.render(
        html_lang="zh-Hant-TW" if lang.startswith("zh") else "en", title=words.text("title", lang),
        demo=words.text("demo", lang), heading=_heading(r), nothing=words.text("none", lang),
        summary_title=words.text("summary", lang), summary_headers=_summary_headers(lang),
        summary=[_summary_cells(s) for s in (*r.trainees, *([r.overall] if r.overall else []))],
        attempts_title=words.text("attempts_title", lang), attempt_headers=_attempt_headers(lang),
        attempts=[_attempt_cells(r, a) for a in r.attempts], numeric={3, 4, 5, 6, 7},
    )


def write_report(report: SessionReport, out: Path) -> Path:
    """CSV (UTF-8 with BOM, for Excel) or a printable HTML page, by the file's suffix; 0600."""
    out = Path(out).expanduser().absolute()
    suffix = out.suffix.lower()
    if suffix == ".csv":
        data = ("\ufeff" + to_csv(report)).encode("utf-8")
    elif suffix in (".html", ".htm"):
        data = to_html(report).encode("utf-8")
    else:
        raise UserError(f"{out}: the report is written as .csv or .html")
    if out.is_dir():
        raise UserError(f"{out} is a folder: give a file name")
    if not out.parent.is_dir():
        raise UserError(f"folder not found: {out.parent}")
    _write_private(out, data)
    return out


def _write_private(out: Path, data: bytes) -> None:
    """Write to a new, randomly named 0600 file beside ``out`` (O_EXCL), then rename it over ``out``."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
    except OSError as exc:
        raise UserError(f"cannot write in {out.parent}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from None
