"""Phonetic keys: a foreign name against its Chinese transliteration (休斯敦 = Houston, 特朗普 = Trump).

Both sides become a string of coarse consonant classes (P labial stops, F f/v/w, M, N, T, K, H, S sibilants,
L l/r, C the ambiguous "ch"): English spelling by a few rewrite rules, Chinese by the initial (and nasal
final) of each character's pinyin. Transliteration inserts vowels and drops or doubles consonants, so keys
are compared by an edit distance in which dropping an r/l, h or nasal and swapping near classes is cheap.

Used by the translation checks (names) and by the quotation rules (a speaker written in two scripts).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

__all__ = [
    "collapse_keys",
    "given_names_differ",
    "han_key",
    "keys_similar",
    "latin_key",
    "phonetic_full_name",
    "phonetic_in_latin",
    "pinyin",
]

_HAN = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=16384)
def pinyin(text: str) -> str:
    """The toneless pinyin of a Chinese text, lower case (张伟 -> zhangwei); "" without pypinyin."""
    try:
        from pypinyin import lazy_pinyin
    except ImportError:  # without pypinyin, Chinese names match through CLDR and Latin spellings only
        return ""
    return "".join(lazy_pinyin(text)).lower()


_EN_SPELLING = tuple(
    (re.compile(a), b)
    for a, b in (
        (r"ij(?![aeiouy])", "ei"),  # Dutch: Dijk is 戴克 (not Vijay, Beijing, Fiji: a consonant j)
        (r"ph", "f"),
        (r"gh(?![aeiouy])", ""),
        (r"th", "t"),
        (r"sch|sh", "s"),
        (r"ch", "ç"),
        (r"ck|qu?", "k"),
        (r"x", "ks"),
        (r"c(?=[eiy])", "s"),
        (r"(?<=[^aeiouyç])h", ""),
        (r"(?<=[aeiouy])h(?![aeiouy])", ""),
        (r"(?<=[aeiou])w", ""),
        (r"(?<=.)e$", ""),
    )
)
_EN_CLASS = dict(zip("bpfvwmndtgkhjszlrcç", "PPFFFMNTTKKHSSSLLKC", strict=True))
_PY_INITIAL = (
    ("zh", "S"),
    ("ch", "S"),
    ("sh", "S"),
    *zip("bpfwmndtgkhjqxzcslr", "PPFFMNTTKKHSSSSSSLS", strict=True),
)
_NEAR_CLASSES = frozenset(frozenset(p) for p in ("KH", "FH", "FP", "NM", "SH", "CS", "CK", "CH", "ST"))
_CHEAP_INDEL = {"L": 0.5, "H": 0.5, "N": 0.6}


@lru_cache(maxsize=16384)
def latin_key(word: str) -> str:
    """Consonant classes of a Latin-script name (Houston -> HSTN)."""
    s = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if c.isascii() and c.isalpha())
    for pattern, repl in _EN_SPELLING:
        s = pattern.sub(repl, s)
    return collapse_keys(_EN_CLASS.get(c, "") for c in s)


@lru_cache(maxsize=16384)
def han_key(ch: str) -> str:
    """Consonant classes of one Chinese character's pinyin (斯 -> S, 敦 -> TN); "" without pypinyin."""
    syllable = pinyin(ch)
    if syllable == "er":
        return "L"  # 尔 renders a final r
    key = next((c for p, c in _PY_INITIAL if syllable.startswith(p)), "")
    return key + "N" if syllable.endswith("n") or syllable.endswith("ng") else key


def collapse_keys(keys: Iterable[str]) -> str:
    out: list[str] = []
    for key in keys:
        for c in key:
            if not out or out[-1] != c:
                out.append(c)
    return "".join(out)


def _key_cost(a: str, b: str) -> float:
    prev = [0.0]
    for y in b:
        prev.append(prev[-1] + _CHEAP_INDEL.get(y, 1.0))
    for x in a:
        cur = [prev[0] + _CHEAP_INDEL.get(x, 1.0)]
        for j, y in enumerate(b, start=1):
            sub = 0.0 if x == y else 0.5 if frozenset((x, y)) in _NEAR_CLASSES else 1.0
            cur.append(
                min(
                    prev[j - 1] + sub,
                    prev[j] + _CHEAP_INDEL.get(x, 1.0),
                    cur[j - 1] + _CHEAP_INDEL.get(y, 1.0),
                )
            )
        prev = cur
    return prev[-1]


def keys_similar(a: str, b: str) -> bool:
    """Whether two consonant-class keys can be one name: exact for 2 classes, near for longer ones."""
    if len(a) < 2 or len(b) < 2:
        return False
    longest = max(len(a), len(b))
    limit = 0.0 if longest <= 2 else 0.5 if longest == 3 else 0.3 * longest
    return _key_cost(a, b) <= limit


def phonetic_in_latin(han_name: str, words: Sequence[str]) -> bool:
    """Whether the Latin words (one, or two adjacent) sound like a Chinese transliterated name."""
    key = collapse_keys(han_key(ch) for ch in han_name if _HAN.match(ch))
    if len(key) < 2:
        return False
    keys = [latin_key(w) for w in words]
    candidates = keys + [a + b for a, b in itertools.pairwise(keys)]
    return any(keys_similar(key, k) for k in candidates)


# A given name whose consonant classes are this far apart from the transliteration's is another name:
# measured on 37 given names and their usual renderings (Martin 马丁, Marcus 马库斯, Gavin 加文,
# Jürgen 于尔根, Christopher 克里斯托弗) every rendering costs 1.0 or less (George 乔治 too, with a soft G);
# Martin against 马库斯, Peter against 约翰, Mark against 马丁, John against 詹姆斯 cost 2.0-2.5.
_OTHER_GIVEN_NAME = 2.0


def given_names_differ(han_given: str, latin_given: str) -> bool:
    """Whether a transliterated given name (马库斯) is clearly not a rendering of a Latin one (Martin).

    Only where both keys have two consonant classes or more: 安娜 (N) says too little. English G before e/i
    is tried soft as well (George 乔治, Gerald 杰拉尔德) and hard (Gerhard 格哈德).
    """
    key = collapse_keys(han_key(ch) for ch in han_given if _HAN.match(ch))
    variants = {latin_key(latin_given)}
    if latin_given[:1] in "Gg" and latin_given[1:2].lower() in ("e", "i", "y"):
        variants.add(latin_key("j" + latin_given[1:]))
    if len(key) < 2 or any(len(v) < 2 for v in variants):
        return False
    return min(_key_cost(key, v) for v in variants) >= _OTHER_GIVEN_NAME


def phonetic_full_name(han_name: str, words: Sequence[str]) -> bool:
    """Whether a whole transliterated name (蒂姆·库克) sounds like the whole Latin name (Tim Cook), given and
    family name together: a one-sound family name (Cook, K) cannot be matched alone."""
    key = collapse_keys(han_key(ch) for ch in han_name if _HAN.match(ch))
    return keys_similar(key, collapse_keys(latin_key(w) for w in words))
