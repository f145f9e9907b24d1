"""Schema migrations of the two stores through Alembic, one history per store.

Opening a store runs this: a new database gets the whole history, an older one is
upgraded, the current one costs one small query, and one whose revision this version
does not know (written by a newer console) is refused with a message saying so.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from console.errors import NewerDatabaseError

_HERE = Path(__file__).parent / "migrations"


def alembic_config(kind: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE / kind))
    cfg.set_main_option("path_separator", "os")
    cfg.attributes["store_kind"] = kind
    return cfg


@cache
def _script(kind: str) -> tuple[ScriptDirectory, frozenset[str], tuple[str, ...]]:
    script = ScriptDirectory.from_config(alembic_config(kind))
    known = frozenset(rev.revision for rev in script.walk_revisions())
    return script, known, tuple(script.get_heads())


def head_revision(kind: str) -> str:
    return _script(kind)[2][0]


def version_table(kind: str) -> str:
    """Each store keeps its own version table, so both can share one PostgreSQL database."""
    return f"alembic_version_{kind}"


def current_revision(engine: Engine, kind: str) -> str | None:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"version_table": version_table(kind)})
        return ctx.get_current_revision()


def upgrade_store(engine: Engine, kind: str) -> None:
    _, known, heads = _script(kind)
    current = current_revision(engine, kind)
    if current is not None and current not in known:
        raise NewerDatabaseError(
            f"the {kind} database was written by a newer Agent Console (schema {current}); "
            "install the newer version or open another database"
        )
    if current in heads:
        return
    cfg = alembic_config(kind)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
