"""The command line as a script sees it: help everywhere, one-line errors, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from console import __version__
from console.cli import build_parser
from ui.launcher import main


def _subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)  # type: ignore[arg-type]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize("command", _subcommands())
def test_help_on_every_subcommand(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert command in capsys.readouterr().out


def test_design_subcommands_present() -> None:
    assert {"import", "seed", "lookup", "demo"} <= set(_subcommands())


def test_unknown_number_exit_3(customer_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", customer_url, "lookup", "0912-000-111"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no customer" in err


def test_invalid_number_is_one_line(customer_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", customer_url, "lookup", "not a number"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_bad_database_url_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "nonsense://", "lookup", "0912345678"]) == 4
    assert capsys.readouterr().err.count("\n") == 1


def test_environment_variables_name_the_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("AGENT_CONSOLE_DB", f"sqlite:///{db}")
    assert main(["lookup", "0912-000-111"]) == 3
    assert db.exists()


def test_bad_role_from_environment(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("AGENT_CONSOLE_ROLE", "admin")
    assert main(["lookup", "0912345678"]) == 2
    assert "unknown role" in capsys.readouterr().err


def test_bad_config_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("this is = = not toml", encoding="utf-8")
    assert main(["--config", str(cfg), "lookup", "0912345678"]) == 2
    assert "not valid TOML" in capsys.readouterr().err


def test_installed_console_script_runs() -> None:
    exe = Path(sys.executable).with_name("agent-console")
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and __version__ in result.stdout
