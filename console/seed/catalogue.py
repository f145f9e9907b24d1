"""The synthetic population's raw material: a small service catalogue and pools of people.

Faker is far too slow to call per row for a million customers (hundreds of microseconds a
name), so it is called once per pool: a few thousand family names, given names and
addresses, drawn from a Faker seeded by the population seed. Rows then pick from the pools
with the population's own random stream, so a name costs an index lookup and the result is
still a function of the seed alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from faker import Faker


@dataclass(frozen=True)
class Offer:
    """One sellable service: its code, names, monthly fee (whole TWD) and usage unit."""

    code: str
    name_zh: str
    name_en: str
    fee: int
    line_zh: str  # the text printed on the bill line
    unit_max: int  # typical monthly usage is 1..unit_max units


# Every customer has exactly one mobile plan (they call from it); add-ons come on top.
MOBILE_PLANS: tuple[Offer, ...] = (
    Offer("MOB399", "4G 行動上網 399 型", "4G mobile 399 plan", 399, "行動 399 型月租費", 8),
    Offer("MOB599", "4G 行動上網 599 型", "4G mobile 599 plan", 599, "行動 599 型月租費", 20),
    Offer("MOB999", "4G 行動上網吃到飽 999 型", "4G unlimited 999 plan", 999, "行動吃到飽 999 型月租費", 60),
    Offer("MOB1399", "5G 行動上網 1399 型", "5G mobile 1399 plan", 1399, "5G 1399 型月租費", 120),
)
ADD_ONS: tuple[Offer, ...] = (
    Offer("MPRO", "mPro 基本服務", "mPro basic", 50, "mPro 月租費", 15),
    Offer("MOD", "MOD 隨選視訊 基本餐", "MOD IPTV basic", 189, "MOD 基本頻道月租費", 90),
    Offer("HINET", "HiNet 光世代 300M", "HiNet fibre 300M", 1099, "光世代 300M 月租費", 400),
    Offer("MOVIE", "HiNet 線上租片館 吃到飽", "HiNet movie rental, unlimited", 388, "線上租片館月租費", 12),
    Offer("CLOUD", "hicloud 雲端硬碟 100GB", "hicloud cloud storage 100GB", 90, "雲端硬碟 100GB 月租費", 100),
    Offer("MUSIC", "KKBOX 音樂暢聽", "KKBOX music streaming", 149, "音樂暢聽月租費", 60),
)
BY_CODE = {o.code: o for o in (*MOBILE_PLANS, *ADD_ONS)}
ADD_ON_WEIGHTS = (0.22, 0.22, 0.2, 0.1, 0.13, 0.13)  # MPRO, MOD, HINET, MOVIE, CLOUD, MUSIC

POOL_SIZE = 3000


@dataclass(frozen=True)
class Pools:
    family_names: tuple[str, ...]
    given_names: tuple[str, ...]
    english_names: tuple[str, ...]
    addresses: tuple[str, ...]


@lru_cache(maxsize=4)
def make_pools(seed: int, size: int = POOL_SIZE) -> Pools:
    """Draw the pools once from Faker, seeded so the same seed gives the same pools."""
    zh = Faker("zh_TW")
    zh.seed_instance(seed)
    en = Faker("en_US")
    en.seed_instance(seed)
    family = tuple(dict.fromkeys(zh.last_name() for _ in range(size)))
    given = tuple(dict.fromkeys(zh.first_name() for _ in range(size)))
    english = tuple(en.name() for _ in range(max(size // 10, 50)))
    addresses = tuple(zh.address().replace("\n", " ") for _ in range(size))
    return Pools(family, given, english, addresses)
