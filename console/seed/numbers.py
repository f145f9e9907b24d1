"""Phone numbers and national ids for the synthetic population, unique by construction.

A million random draws from a space of a hundred million numbers would collide (birthday
problem), and a collision in ``phones`` (primary key: the E.164 number) would abort the load.
So a customer's numbers are not drawn: they are the customer's index pushed through an
affine bijection ``i -> (a*i + b) mod M`` (``a`` coprime with ``M``), which scatters
neighbouring customers over the whole number space yet never maps two indexes to one number.
The seed only picks ``b``, so every seed gives a different, still collision-free, population.
"""

from __future__ import annotations

from math import gcd

# Mobile: 09XX-XXX-XXX, i.e. +886 9 followed by 8 digits (every 09xx prefix is in use).
_MOBILE_SPACE = 10**8
_MOBILE_A = 48_271_137  # coprime with 10**8 (odd, not a multiple of 5)

# Landlines written (0X) XXXX-XXXX: Taipei (02) 2..8xxx-xxxx and Taichung (04) 2xxx-xxxx.
_LANDLINE_BLOCKS = ("22", "23", "24", "25", "26", "27", "28", "42")
_LANDLINE_SPACE = len(_LANDLINE_BLOCKS) * 10**7
_LANDLINE_A = 7_368_787  # coprime with 8 * 10**7

# National id: letter = household registration area, then 1 (male) / 2 (female), 8 digits.
_AREA_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO"
_LETTER_CODES = {ch: 10 + i for i, ch in enumerate(_AREA_LETTERS)}
_COMMON_LETTERS = "AAAABBCDEEFFFHHJKLNPQTU"  # weighted towards the big cities

assert gcd(_MOBILE_A, _MOBILE_SPACE) == 1 and gcd(_LANDLINE_A, _LANDLINE_SPACE) == 1

MAX_CUSTOMERS = 9_999_999  # ids are S + 7 digits; well inside both number spaces


def mobile(index: int, seed: int) -> tuple[str, str]:
    """(E.164, written form '09XX-XXX-XXX') of the mobile number of customer ``index``."""
    x = (_MOBILE_A * index + seed * 1_000_003 + 12_345_679) % _MOBILE_SPACE
    d = f"{x:08d}"
    return f"+8869{d}", f"09{d[0:2]}-{d[2:5]}-{d[5:8]}"


def landline(index: int, seed: int) -> tuple[str, str]:
    """(E.164, written form '(0X) XXXX-XXXX') of the landline of customer ``index``."""
    x = (_LANDLINE_A * index + seed * 999_983 + 4_242_424) % _LANDLINE_SPACE
    block = _LANDLINE_BLOCKS[x // 10**7]
    rest = f"{x % 10**7:07d}"
    digits = block[1] + rest  # the 8 subscriber digits
    return f"+886{block[0]}{digits}", f"(0{block[0]}) {digits[0:4]}-{digits[4:8]}"


def national_id(r1: float, r2: float, r3: float) -> str:
    """A well-formed Taiwanese national id (valid check digit) from three uniform draws."""
    letter = _COMMON_LETTERS[int(r1 * len(_COMMON_LETTERS))]
    sex = "1" if r2 < 0.5 else "2"
    body = sex + f"{int(r3 * 10**7):07d}"
    code = _LETTER_CODES[letter]
    total = code // 10 + (code % 10) * 9
    for weight, ch in zip((8, 7, 6, 5, 4, 3, 2, 1), body, strict=True):
        total += weight * int(ch)
    check = (10 - total % 10) % 10
    return f"{letter}{body}{check}"


def is_valid_national_id(value: str) -> bool:
    if len(value) != 10 or value[0] not in _LETTER_CODES or not value[1:].isdigit():
        return False
    code = _LETTER_CODES[value[0]]
    total = code // 10 + (code % 10) * 9
    for weight, ch in zip((8, 7, 6, 5, 4, 3, 2, 1, 1), value[1:], strict=True):
        total += weight * int(ch)
    return total % 10 == 0
