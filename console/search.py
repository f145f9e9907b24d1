"""Finding a customer when the number does not: by customer id or by name, through ``ctx.source``.

A softphone may pop a number the store does not know (a new mobile, a relative's phone); the
agent then asks the caller and types what they say: the customer id on their bill, or their
name. This reads through the customer source like every other lookup. A customer id is
loaded with ``CustomerSource.load``; a name needs the source's optional ``search(text,
limit)``, which the built-in ``sql`` kind has; a source without it says so in one line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from console.errors import NotFound, UserError

if TYPE_CHECKING:
    from console.context import ConsoleContext

SEARCH_LIMIT = 20
# Text with a letter (Latin or CJK) is a name or an id; digits, spaces and + - ( ) are a number.
_WORDY = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class CustomerMatch:
    """One customer found by id or name: enough to choose between them, nothing more."""

    id: str
    name: str
    phone: str | None = None  # E.164, the first on record


class SearchUnavailable(UserError):
    """The customer source cannot search by name (only by number or customer id)."""


def is_search_text(text: str) -> bool:
    """True when ``text`` is a name or a customer id rather than a (mistyped) phone number."""
    return bool(_WORDY.search(unicodedata.normalize("NFKC", text)))


def find_customers(ctx: ConsoleContext, text: str, limit: int = SEARCH_LIMIT) -> list[CustomerMatch]:
    """Customers whose id is ``text`` or whose name contains it, best first, at most ``limit``."""
    wanted = unicodedata.normalize("NFKC", text).strip()
    if not wanted:
        raise UserError("type a name or a customer id")
    if len(wanted) > 200:
        raise UserError("that is too long to be a name or a customer id")
    try:
        view = ctx.source.load(wanted)
    except NotFound:
        pass
    else:
        c = view.customer
        return [CustomerMatch(c.id, c.name, c.phones[0] if c.phones else None)]
    search = getattr(ctx.source, "search", None)
    if search is None:
        raise SearchUnavailable(f"the {ctx.source.kind} customer source cannot search by name")
    return list(search(wanted, limit))[:limit]
