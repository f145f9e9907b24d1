"""Packaging: the wheel carries the resources and migrations; the bundle starts without Python.

Call-centre workstations get the console from IT as a wheel or a desktop bundle, never from
a checkout, so what matters is what those artefacts contain. The wheel test is fast (about
ten seconds) and always runs. The bundle and fresh-virtualenv tests take minutes and run
only with ``AGENT_CONSOLE_SLOW=1`` (``AGENT_CONSOLE_SLOW=1 ./test -m slow``, see
docs/packaging.md).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SLOW = os.environ.get("AGENT_CONSOLE_SLOW") == "1"
needs_slow = pytest.mark.skipif(not SLOW, reason="builds for minutes; set AGENT_CONSOLE_SLOW=1 to run")
SKIP_PARTS = {"__pycache__", ".venv", ".git", "build", "dist", ".pytest_cache", ".ruff_cache", ".hypothesis"}


def _source_copy(dest: Path) -> Path:
    """A clean copy of the project (no build leftovers, caches or virtualenv) to build from."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        return {n for n in names if n in SKIP_PARTS or n.endswith((".egg-info", ".pyc", ".sqlite3"))}

    src = dest / "src"
    shutil.copytree(ROOT, src, ignore=ignore)
    shutil.rmtree(src / "bench", ignore_errors=True)
    return src


def _build_wheel(tmp: Path) -> Path:
    out = tmp / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(_source_copy(tmp))],
        check=True, capture_output=True, text=True, timeout=300,
    )
    (wheel,) = out.glob("agent_console-*.whl")
    return wheel


def _shipped(folder: Path, prefix: str) -> set[str]:
    return {
        prefix + p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_wheel(tmp_path_factory.mktemp("wheel"))


def test_wheel_contains_resources_migrations_and_entry_point(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    resources = _shipped(ROOT / "resources", "agent_console_resources/")
    migrations = _shipped(ROOT / "console" / "migrations", "console/migrations/")
    assert {"agent_console_resources/style.qss", "console/migrations/journal/env.py"} <= resources | migrations
    assert any(n.startswith("agent_console_resources/demo/") and n.endswith(".yaml") for n in resources)
    assert any(n.endswith(".qm") for n in resources)
    assert sorted(resources - names) == []
    assert sorted(migrations - names) == []
    assert "ui/self_test.py" in names
    (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "agent-console = ui.launcher:main" in text
    # Nothing from the developer's side leaks into what IT installs.
    assert not [n for n in names if n.startswith(("tests/", "packaging/", "bench/")) or "__pycache__" in n]


@pytest.mark.slow
@needs_slow
def test_bundle_runs_version_and_self_test_without_python(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run(
        [str(ROOT / "packaging" / "build"), "--dist", str(dist), "--work", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=1800, env={**os.environ, "PYTHON": sys.executable},
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    assert "packaging/build: built" in build.stdout
    app = dist / "agent-console"
    exe = app / ("agent-console.exe" if sys.platform == "win32" else "agent-console")
    internal = app / "_internal"
    # What the spec promises to carry, and what it promises to leave out.
    assert (internal / "agent_console_resources" / "style.qss").is_file()
    assert list((internal / "console" / "migrations" / "journal" / "versions").glob("*.py"))
    trimmed = [p.name for p in internal.rglob("*") if "WebEngine" in p.name or "Qt6Quick" in p.name or "Qt63D" in p.name]
    assert trimmed == []
    dangling = [str(p.relative_to(app)) for p in app.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []

    home = tmp_path / "home"
    home.mkdir()
    bare = {"PATH": "/usr/bin:/bin", "HOME": str(home)}  # no Python, no virtualenv, no display
    version = subprocess.run([str(exe), "--version"], env=bare, capture_output=True, text=True, timeout=120)
    assert version.returncode == 0, version.stderr
    from console import __version__

    assert version.stdout.strip() == f"agent-console {__version__}"
    test = subprocess.run([str(exe), "--self-test"], env=bare, capture_output=True, text=True, timeout=300)
    assert test.returncode == 0, test.stdout + test.stderr
    assert "(bundle) self-test" in test.stdout
    assert "self-test passed" in test.stdout
    assert not list(home.rglob("*.sqlite3")), "the self-test wrote outside its temporary folder"


@pytest.mark.slow
@needs_slow
def test_wheel_in_fresh_virtualenv_opens_the_demo(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    pip = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
                         capture_output=True, text=True, timeout=1800)
    assert pip.returncode == 0, pip.stderr[-3000:]
    work = tmp_path / "elsewhere"  # far from the checkout: resources must come from the install
    work.mkdir()
    env = {
        "PATH": f"{bin_dir}{os.pathsep}/usr/bin:/bin", "HOME": str(work), "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(work / "data"), "XDG_CONFIG_HOME": str(work / "config"),
    }
    shot = work / "x.png"
    demo = subprocess.run([str(bin_dir / "agent-console"), "demo", "--caller", "0912-345-678", "--screenshot", str(shot)],
                          cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert demo.returncode == 0, demo.stderr
    assert shot.stat().st_size > 10_000
    located = subprocess.run(
        [str(bin_dir / "python"), "-c", "import agent_console_resources as r; print(r.__file__)"],
        cwd=work, env=env, capture_output=True, text=True, timeout=60,
    )
    assert str(venv) in located.stdout and str(ROOT) not in located.stdout


def test_desktop_entry_names_the_command_and_icon() -> None:
    entry = (ROOT / "packaging" / "agent-console.desktop").read_text(encoding="utf-8")
    main_group = entry.split("\n[Desktop Action", 1)[0]
    keys = dict(line.split("=", 1) for line in main_group.splitlines() if "=" in line)
    assert (keys["Type"], keys["Exec"], keys["Icon"]) == ("Application", "agent-console", "agent-console")
    icons = ROOT / "packaging" / "icons"
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (icons / f"agent-console-{size}.png").is_file()
    assert (icons / "agent-console.svg").read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_desktop_entry_passes_desktop_file_validate() -> None:
    validator = shutil.which("desktop-file-validate")
    if not validator:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils; scripts/setup.sh --test installs it)")
    result = subprocess.run([validator, str(ROOT / "packaging" / "agent-console.desktop")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_spec_keeps_resources_and_trims_qt() -> None:
    spec = (ROOT / "packaging" / "agent-console.spec").read_text(encoding="utf-8")
    for needed in ('"agent_console_resources"', '"console/migrations"', "sqlalchemy.dialects.postgresql.psycopg",
                   "PySide6.QtCharts"):
        assert needed in spec
    for trimmed in ("QtWebEngineCore", "Qt3DCore", "QtQuick", "QtMultimedia"):
        assert f'"{trimmed}"' in spec


def test_self_test_passes_from_the_checkout(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test chooses offscreen by itself
    result = subprocess.run([sys.executable, "-m", "ui.launcher", "--self-test"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    steps = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("  ok ")]
    assert steps == ["resources", "stores", "import", "lookup", "window", "suggest", "record", "journal"]
    assert "'offscreen' platform" in result.stdout
    assert not list(tmp_path.rglob("*.sqlite3"))


def test_self_test_names_the_failing_step(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from ui import self_test

    def broken(run: self_test.Run) -> str:
        raise self_test.StepFailed("no demo scenarios in /nowhere")

    monkeypatch.setenv("AGENT_CONSOLE_AUDIT_KEY", "kept")
    monkeypatch.setattr(self_test, "STEPS", (("resources", broken), ("stores", self_test.step_stores)))
    out = io.StringIO()
    assert self_test.run_self_test(out=out) == 1
    text = out.getvalue()
    assert "FAIL resources no demo scenarios in /nowhere" in text
    assert text.rstrip().endswith("self-test FAILED at step 'resources'")
    assert "stores" not in text
