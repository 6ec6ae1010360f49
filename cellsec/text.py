"""Vietnamese text: NFC normalisation, search folding (đ -> d) and the Vietnamese name sort key."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

_SPACES = re.compile(r"\s+")

# Vietnamese alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
# Letters outside it (f, j, w, z) are placed where Latin puts them.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Tone marks (combining) and their CLDR "vi" order: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a separate letter: breve, circumflex, horn.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}


# Line breaks other programs write (Word's manual break \x0b, form feed, CR, NEL, U+2028/9)
# become "\n"; other control characters (C0/C1 except tab and newline, DEL), lone surrogates
# and the noncharacters U+FFFE/U+FFFF cannot be stored in a workbook's XML nor encoded as
# UTF-8: they are dropped (surrogates become U+FFFD so the user sees where text was damaged).
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Text safe to store and export: line breaks unified to "\n", control characters other
    than tab and newline removed, lone surrogates replaced by U+FFFD. Not trimmed."""
    value = _SURROGATES.sub("\ufffd", value)
    value = _LINE_BREAKS.sub("\n", value)
    return _CONTROLS.sub("", value)


def nfc(value: object) -> str:
    """NFC-normalise, clean (see clean_text) and trim; every text that enters the core goes
    through here, so a Word line break or a lone surrogate never reaches the store."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return unicodedata.normalize("NFC", clean_text(text)).strip()


def clean_name(value: str | None) -> str:
    """A person's name: NFC, single spaces, each word capitalised as Vietnamese writes it."""
    words = _SPACES.split(nfc(value))
    return " ".join(w[:1].upper() + w[1:].lower() for w in words if w)


def fold(value: str | None) -> str:
    """Lower-case, strip every diacritic (đ -> d) and collapse spaces: the form search compares."""
    decomposed = unicodedata.normalize("NFD", str(value or "")).lower()
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("ð", "d")
    return _SPACES.sub(" ", stripped).strip()


def search_terms(query: str | None) -> list[str]:
    """The folded words of a search query; a member matches when every word is found."""
    return [t for t in fold(query).split(" ") if t]


def digits_only(value: str | None) -> str:
    """The ASCII digits of a number as typed ("0912 345 678" -> "0912345678"); other scripts'
    digits (²,٣ ...) are not part of an identifier."""
    return "".join(ch for ch in str(value or "") if "0" <= ch <= "9")


def matches(haystack_folded: str, terms: list[str]) -> bool:
    return all(term in haystack_folded for term in terms)


@lru_cache(maxsize=8192)
def _letter_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    bases: list[int] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFC", word.lower()):
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        tone = 0
        letter = base
        for mark in marks:
            if mark in _TONES:
                tone = _TONES[mark]
            elif mark in _LETTER_MARKS:
                letter = unicodedata.normalize("NFC", letter + mark)
        bases.append(_RANK.get(letter, 100 + ord(letter)))
        tones.append(tone)
    return tuple(bases), tuple(tones)


def name_sort_key(full_name: str) -> tuple[Any, ...]:
    """Sort key for a Vietnamese full name: given name, then the middle names in order, then the
    family name (DOMAIN.md §11).

    The middle names compare as one group, so a shorter group that is a prefix of a longer one
    comes first ("Phạm Thị Ánh" before "Lương Thị Ngọc Ánh"): a middle name is never compared
    with a family name. Each word compares by its letters in the Vietnamese alphabet, then by its
    tones (CLDR order), so every "Anh" comes before every "Ánh" whatever the family name."""
    words = nfc(full_name).split()
    if not words:
        return ()
    given, middle, family = _name_parts(words)
    return (_letter_key(given), tuple(_letter_key(w) for w in middle), _letter_key(family))


def _name_parts(words: list[str]) -> tuple[str, list[str], str]:
    """(given, middle names, family) of a name's words; a one-word name is only a given name."""
    if len(words) == 1:
        return words[0], [], ""
    return words[-1], words[1:-1], words[0]


def given_name(full_name: str) -> str:
    words = nfc(full_name).split()
    return words[-1] if words else ""
