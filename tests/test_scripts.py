"""Scripts: shipped templates, overrides, Babel filters, and a sandbox that holds."""

from __future__ import annotations

import logging
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from console.resources import resource_path
from console.script_render import MAX_CHARS, render_script
from console.vocabulary import FINDING_CODES, LANGUAGES

FALLBACK = "PLAIN FALLBACK"


def values(**extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "customer": {"id": "C1", "name": "陳志明"},
        "service": {"code": "MPRO", "name": "mPro", "fee": Decimal(50)},
        "finding": {"code": "x", "summary": "summary", "periods": ["2009-03", "2009-04"], "evidence": []},
        "title": "title", "currency": "TWD", "today": date(2009, 5, 12),
        "credit": Decimal("1200.00"), "billed": Decimal(1200), "credited_periods": ["2009-03", "2009-04"],
        "used_periods": [], "unknown_periods": [], "per_period": [],
        "does": {k: False for k in ("suspend", "cancel", "credit", "case", "callback", "evidence")},
    }
    base.update(extra)
    return base


def override(tmp_path: Path, body: str, lang: str = "en", code: str = "probe") -> Path:
    folder = tmp_path / "templates"
    (folder / lang).mkdir(parents=True, exist_ok=True)
    (folder / lang / f"{code}.j2").write_text(body, encoding="utf-8")
    return folder


def test_every_finding_code_has_a_template_in_every_language() -> None:
    for lang in LANGUAGES:
        for code in (*FINDING_CODES, "generic"):
            assert (resource_path("scripts") / lang / f"{code}.j2").is_file(), f"{lang}/{code}.j2"


def test_money_dates_and_months_per_language(tmp_path: Path) -> None:
    body = "{{ credit|money }} | {{ today|date }} | {{ today|date('short') }} | {{ credited_periods|months }}"
    folder = override(tmp_path, body, "zh_TW")
    override(tmp_path, body, "en")
    zh = render_script("probe", "zh_TW", values(), templates_dir=folder, fallback=FALLBACK)
    en = render_script("probe", "en", values(), templates_dir=folder, fallback=FALLBACK)
    assert zh == "NT$1,200 | 2009年5月12日 | 5月12日 | 2009年3月和4月"
    assert en == "NT$1,200 | 12 May 2009 | 12 May | March and April 2009"


def test_override_folder_wins_over_the_shipped_template(tmp_path: Path) -> None:
    folder = override(tmp_path, "Trainer's version for {{ customer.name }}", "zh_TW", "duplicate_charge")
    assert render_script("duplicate_charge", "zh_TW", values(), templates_dir=folder, fallback=FALLBACK) == "Trainer's version for 陳志明"


def test_unknown_code_falls_back_to_the_generic_template() -> None:
    text = render_script("some_new_rule", "en", values(), fallback=FALLBACK)
    assert text.startswith("Hello 陳志明") and "NT$1,200" in text and "March and April 2009" in text


HOSTILE = [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ customer.__class__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ customer|attr('__class__') }}",
    "{{ (customer|attr('__init__'))|attr('__globals__') }}",
    "{{ 'x' * 100000000 }}",
    "{{ [1] * 100000000 }}",
    "{{ 9 ** 999999 }}",
    "{{ 'x'.ljust(100000000) }}",
    "{{ 'x'|center(100000000) }}",
    "{{ '%s'|format('x') * 5000 }}",
    "{% for i in range(100000) %}0123456789{% endfor %}",
    "{% for i in range(10000) %}{% for j in range(10000) %}x{% endfor %}{% endfor %}",
    "{{ not_a_variable }}",
    "{{ customer.no_such_key }}",
    "{% if %}broken",
    "{{ range(10**9) }}",
    "{{ '{0.__class__.__mro__}'.format(customer) }}",
    "{{ self._TemplateReference__context }}",
    "{{ config }}",
    "{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}",
    "{% set s = 'x' * 3000 %}{% for a in s %}{% for b in s %}{% for c in s %}{% endfor %}{% endfor %}{% endfor %}",
    "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
]


@pytest.mark.parametrize("body", HOSTILE)
def test_hostile_or_broken_templates_give_the_shipped_script_and_a_logged_error(
    body: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = override(tmp_path, body)
    with caplog.at_level(logging.ERROR, logger="console.script_render"):
        text = render_script("probe", "en", values(), templates_dir=folder, fallback=FALLBACK)
    assert text == render_script("probe", "en", values(), fallback=FALLBACK)  # the shipped (generic) script
    assert text.startswith("Hello 陳志明")
    assert "probe.j2 failed" in caplog.text


def test_the_plain_fallback_when_even_the_shipped_script_fails(tmp_path: Path) -> None:
    folder = override(tmp_path, "{{ customer.__class__ }}")
    assert render_script("probe", "en", {"customer": {}}, templates_dir=folder, fallback=FALLBACK) == FALLBACK


def test_output_just_under_the_cap_is_fine(tmp_path: Path) -> None:
    folder = override(tmp_path, "{% for i in range(%d) %}x{%% endfor %%}".replace("%d", str(MAX_CHARS - 10)).replace("%%", "%"))
    assert render_script("probe", "en", values(), templates_dir=folder, fallback=FALLBACK) == "x" * (MAX_CHARS - 10)


def test_a_broken_template_never_breaks_suggest_for(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from test_rules_scenarios import view_of  # tests/ is on sys.path (rootdir conftest)

    from console.resources import resource_path as rp
    from console.scenarios.parse import load_scenario
    from console.suggest import suggest_for

    doc = load_scenario(rp("demo") / "01-mpro-trial-billed-after-notice.yaml")
    folder = override(tmp_path, "{{ customer.__class__ }}", "zh_TW", "notice_contradicts_contract")
    with caplog.at_level(logging.ERROR):
        report = suggest_for(view_of(doc), at=doc.call_at, templates_dir=folder)
    script = report.suggestions[0].script
    assert "很抱歉" in script and "NT$100" in script and "class" not in script
    assert [a.kind for a in report.suggestions[0].actions] == ["suspend_service", "issue_credit", "open_case"]
