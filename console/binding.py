"""A journal belongs to one customer store: the one whose users sign in to write into it.

Sign-in is checked against the customer store (``--db``), while approvals, exports and
recorded calls act on the journal (``--journal``). Without a link between the two, anyone
could create a throwaway store, make themselves its first lead, and approve or export the
real journal with that sign-in. So the first time a journal is used outside demo mode it
records the customer store's ``store.id`` (``journal_meta``: ``bound.customer_store``), and
from then on a sign-in (or a no-users bootstrap) against any other store is refused (exit 5).

Moving a floor from the embedded SQLite store to a central PostgreSQL one is a lead's
audited action, ``agent-console --db NEW journal rebind --from-db OLD``: the same lead must
sign in to both stores, and the old store must be the one the journal is bound to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from console import audit
from console.errors import PermissionDenied
from console.floor_policy import store_id
from console.models import JournalMeta
from console.permissions import HasRole, require

if TYPE_CHECKING:
    from console.context import ConsoleContext

JOURNAL_KEY = "bound.customer_store"


class ForeignStore(PermissionDenied):
    """The customer store signed in to is not the one this journal belongs to (exit 5)."""


def _short(sid: str) -> str:
    return sid[:8]


def _in_memory(url: str) -> bool:
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return u.get_backend_name() == "sqlite" and (not u.database or u.database == ":memory:")


def bound_to(ctx: ConsoleContext) -> str | None:
    """The store id this journal is bound to, or None before its first use."""
    with ctx.journal.session() as js:
        row = js.get(JournalMeta, JOURNAL_KEY)
        return row.value if row is not None else None


def ensure_bound(ctx: ConsoleContext) -> None:
    """Bind the journal to the customer store on first use; refuse a different store after that.

    Checked once per context (``ctx.journal_bound``). Demo mode has its own pair of stores
    and is never bound (``demo --reset`` rebuilds them). An in-memory customer store (tests)
    binds nothing, but is refused by a journal already bound to a real store.
    """
    if ctx.settings.demo or ctx.journal_bound:
        return
    with ctx.customers.session() as cs, cs.begin():
        sid = store_id(cs)
    with ctx.journal.session() as js, js.begin():
        row = js.get(JournalMeta, JOURNAL_KEY)
        if row is None:
            if not _in_memory(ctx.settings.db_url):  # a store that vanishes with the process binds nothing
                js.add(JournalMeta(key=JOURNAL_KEY, value=sid))
        elif row.value != sid:
            raise ForeignStore(
                f"this journal belongs to customer store {_short(row.value)}, not {_short(sid)} (--db): "
                "sign in against the store it was first used with; a lead moves it with 'journal rebind'"
            )
    ctx.journal_bound = True


def rebind(ctx: ConsoleContext, who: HasRole, old: ConsoleContext, old_who: HasRole) -> tuple[str | None, str]:
    """Bind ``ctx``'s journal to ``ctx``'s customer store instead of ``old``'s (a lead's move).

    ``who`` signed in to the new store and ``old_who`` (the same id) to the old one; both
    must be leads, and the journal must currently be bound to the old store (or to none).
    Returns (old store id, new store id); audited as ``journal.rebound``.
    """
    require(who, "config.change")
    require(old_who, "config.change")
    if who.id != old_who.id:
        raise PermissionDenied("the same lead must sign in to both stores")
    with old.customers.session() as cs, cs.begin():
        old_sid = store_id(cs)
    with ctx.customers.session() as cs, cs.begin():
        new_sid = store_id(cs)
    with ctx.journal.session() as js, js.begin():
        row = js.get(JournalMeta, JOURNAL_KEY)
        current = row.value if row is not None else None
        if current is not None and current != old_sid:
            raise ForeignStore(f"this journal belongs to customer store {_short(current)}, "
                               f"not to the --from-db store {_short(old_sid)}")
        if row is None:
            js.add(JournalMeta(key=JOURNAL_KEY, value=new_sid))
        else:
            row.value = new_sid
        audit.append(js, actor=who.id, workstation=ctx.settings.workstation[:64], action="journal.rebound",
                     at=ctx.now(), subject=new_sid, details={"from": current, "to": new_sid})
    ctx.journal_bound = True
    return current, new_sid
