"""Legacy Vietnamese encodings (TCVN3/ABC and VNI-Windows) <-> Unicode NFC, and their detection.

Old spreadsheets were typed with ".VnTime" (TCVN3) or "VNI-Times" (VNI) fonts: the file holds
the font's byte codes, which Excel and a CSV reader show as Latin-1/Windows-1252 characters
("NguyÔn V¨n" for TCVN3, "Nguyeãn Vaên" for VNI). No maintained Python package converts them
(PyPI has only one-off gists and an abandoned VNI *typing* helper), so the two tables live here.

Detection is per cell: each plausible reading (as it is, TCVN3, VNI) is scored by how many of
its words are well-formed Vietnamese syllables; the best one wins. A tie (both readings are real
words, e.g. "Tó"/"Tú") keeps the text as it is unless the caller passes a `prior` — the encoding
the rest of the column was found in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

UNICODE = "unicode"
TCVN3 = "tcvn3"
VNI = "vni"
ENCODING_LABELS = {UNICODE: "Unicode", TCVN3: "TCVN3 (ABC, .VnTime)", VNI: "VNI Windows"}

# --- TCVN3 (TCVN 5712:1993, VN3 / "ABC") -----------------------------------------------------
# Each pair: the Unicode letter, then the character its font code shows as in Latin-1.
# Capital toned letters have no code of their own: ".VnTimeH" fonts draw the lower-case codes
# as capitals (see _recase_tcvn3_caps).
_TCVN3_PAIRS = (
    "à\xb5 á\xb8 ả\xb6 ã\xb7 ạ\xb9 "
    "ă\xa8 ằ\xbb ắ\xbe ẳ\xbc ẵ\xbd ặ\xc6 "
    "â\xa9 ầ\xc7 ấ\xca ẩ\xc8 ẫ\xc9 ậ\xcb "
    "đ\xae "
    "è\xcc é\xd0 ẻ\xce ẽ\xcf ẹ\xd1 "
    "ê\xaa ề\xd2 ế\xd5 ể\xd3 ễ\xd4 ệ\xd6 "
    "ì\xd7 í\xdd ỉ\xd8 ĩ\xdc ị\xde "
    "ò\xdf ó\xe3 ỏ\xe1 õ\xe2 ọ\xe4 "
    "ô\xab ồ\xe5 ố\xe8 ổ\xe6 ỗ\xe7 ộ\xe9 "
    "ơ\xac ờ\xea ớ\xed ở\xeb ỡ\xec ợ\xee "
    "ù\xef ú\xf3 ủ\xf1 ũ\xf2 ụ\xf4 "
    "ư\xad ừ\xf5 ứ\xf8 ử\xf6 ữ\xf7 ự\xf9 "
    "ỳ\xfa ý\xfd ỷ\xfb ỹ\xfc ỵ\xfe "
    "Ă\xa1 Â\xa2 Ê\xa3 Ô\xa4 Ơ\xa5 Ư\xa6 Đ\xa7"
).split()
_TCVN3_DECODE = {pair[1]: pair[0] for pair in _TCVN3_PAIRS}
_TCVN3_ENCODE = {pair[0]: pair[1] for pair in _TCVN3_PAIRS}

# --- VNI Windows -----------------------------------------------------------------------------
# A toned or marked vowel is its base letter followed by a mark code; ơ, ư, đ and the toned i
# (and ỵ) have single codes. Capitals use the capital base and the capital form of the mark.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_TONES = (_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT)
_PLAIN_MARKS = {"": "", _ACUTE: "ù", _GRAVE: "ø", _HOOK: "û", _TILDE: "õ", _DOT: "ï"}
_HAT_MARKS = {"": "â", _ACUTE: "á", _GRAVE: "à", _HOOK: "å", _TILDE: "ã", _DOT: "ä"}
_BREVE_MARKS = {"": "ê", _ACUTE: "é", _GRAVE: "è", _HOOK: "ú", _TILDE: "ü", _DOT: "ë"}
_VNI_SINGLES = {"ơ": "ô", "ư": "ö", "đ": "ñ", "í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î"}


def _vni_table() -> dict[str, str]:
    """Unicode letter -> VNI code string, for every lower- and upper-case Vietnamese vowel."""
    table: dict[str, str] = {}
    bases = {
        "a": ("a", _PLAIN_MARKS),
        "e": ("e", _PLAIN_MARKS),
        "o": ("o", _PLAIN_MARKS),
        "u": ("u", _PLAIN_MARKS),
        "y": ("y", _PLAIN_MARKS),
        "â": ("a", _HAT_MARKS),
        "ê": ("e", _HAT_MARKS),
        "ô": ("o", _HAT_MARKS),
        "ă": ("a", _BREVE_MARKS),
        "ơ": ("ô", _PLAIN_MARKS),
        "ư": ("ö", _PLAIN_MARKS),
    }
    for letter, (code_base, marks) in bases.items():
        for tone, mark in marks.items():
            uni = unicodedata.normalize("NFC", letter + tone)
            if tone == "" and letter in ("a", "e", "o", "u", "y"):
                continue  # plain ASCII vowels are themselves
            table[uni] = code_base + mark
    table.update(_VNI_SINGLES)
    for uni in list(table):
        table[uni.upper()] = table[uni].upper()
    return table


_VNI_ENCODE = _vni_table()
_VNI_DECODE = {code: uni for uni, code in _VNI_ENCODE.items()}

# --- Telling the readings apart ----------------------------------------------------------------
# Characters that only Unicode Vietnamese text holds (ă ơ ư đ ĩ ũ, the U+1Exx block, combining
# marks). The cp1252 specials of bytes 0x80-0x9F (quotes, dashes) can occur in legacy text.
_UNICODE_ONLY = re.compile("[\u0100-\u01ff\u0300-\u036f\u1ea0-\u1ef9]")
_CP1252_SPECIALS = set("ŒœŠšŸŽžƒˆ˜")
_HIGH = re.compile("[\u0080-\u00ff]")
_WORD_SPLIT = re.compile(r"[\s!-@\[-`{-~]+")
_INITIAL = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
# Rhymes: a (medial +) vowel nucleus with an optional final consonant, or one of the rhymes
# that end in a semivowel (ai, ao, ươu ...). Loose on purpose: it has to tell words from
# font-code soup, not check spelling.
_RHYME = (
    "(?:oo(?:ng|c)|(?:oa|oă|oe|uâ|uê|uơ|uyê|uy|uă|iê|yê|uô|ươ|a|ă|â|e|ê|i|y|o|ô|ơ|u|ư)"
    "(?:ng|nh|ch|c|m|n|p|t)?"
    "|ia|ya|ua|ưa|uya|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|uôi|ươi|ươu|iêu|yêu"
    "|oai|oay|uây|oao|oeo|uyu)"
)
_SYLLABLE = re.compile(f"^{_INITIAL}{_RHYME}$")
_VIET_LETTERS = frozenset(
    "bcdđghklmnpqrstvxfjwz"
    + "".join(unicodedata.normalize("NFC", base + tone) for base in "aăâeêioôơuưy" for tone in ("",) + _TONES)
)
_VIET_LETTERS = _VIET_LETTERS | frozenset(ch.upper() for ch in _VIET_LETTERS)


def _plain_syllable(word: str) -> tuple[str, int]:
    """The word in lower case without tone marks, and how many tone marks it had."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(ch in _TONES for ch in decomposed)
    plain = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return plain, tones


def _word_score(word: str) -> int:
    """+1 for a well-formed syllable, 0 for a rare one ("xoong"), -3 for font-code soup."""
    if any(ch not in _VIET_LETTERS for ch in word):
        return -3
    if any(a.islower() and b.isupper() for a, b in zip(word, word[1:])):
        return -3  # "TuÊn": a capital inside a word is a font code, not a letter
    plain, tones = _plain_syllable(word)
    if tones > 1 or not _SYLLABLE.match(plain):
        return -3
    return 0 if "oo" in plain else 1


def plausibility(text: str) -> int:
    """How Vietnamese a text looks: the sum of its non-ASCII words' scores."""
    return sum(_word_score(w) for w in _WORD_SPLIT.split(text) if w and not w.isascii())


def surely_unicode(text: str) -> bool:
    """Whether a text holds letters only Unicode Vietnamese has (ă ơ ư đ ễ ..., NFD marks)."""
    return any(m.group() not in _CP1252_SPECIALS for m in _UNICODE_ONLY.finditer(text))


def needs_check(text: str) -> bool:
    """Whether a text might be in a legacy encoding (Latin-1 letters, no Unicode-only ones)."""
    return bool(_HIGH.search(text)) and not surely_unicode(text)


def _recase_tcvn3_caps(text: str) -> str:
    """ ".VnTimeH" capitals come out as lower-case toned letters among ASCII capitals
    ("NGUYễN"): a word whose ASCII letters are all capitals, with a capital past its first
    letter, is made all capitals."""

    def fix(word: str) -> str:
        ascii_letters = [(i, ch) for i, ch in enumerate(word) if ch.isascii() and ch.isalpha()]
        if not ascii_letters or any(ch.islower() for _, ch in ascii_letters):
            return word
        if len(ascii_letters) >= 2 or ascii_letters[0][0] > 0:
            return word.upper()
        return word

    return " ".join(fix(w) for w in text.split(" "))


def from_tcvn3(text: str) -> str:
    decoded = "".join(_TCVN3_DECODE.get(ch, ch) for ch in text)
    return unicodedata.normalize("NFC", _recase_tcvn3_caps(decoded))


def from_vni(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in _VNI_DECODE:
            out.append(_VNI_DECODE[pair])
            i += 2
            continue
        out.append(_VNI_DECODE.get(text[i], text[i]))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def to_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 as a ".VnTime" user would have typed it (capital toned letters, which
    TCVN3 lacks, become their lower-case code). For tests and sample files."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        code = _TCVN3_ENCODE.get(ch)
        if code is None and ch.lower() != ch:
            code = _TCVN3_ENCODE.get(ch.lower())
        out.append(code if code is not None else ch)
    return "".join(out)


def to_vni(text: str) -> str:
    """Unicode -> VNI Windows codes (as Latin-1 characters). For tests and sample files."""
    return "".join(_VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


@dataclass(frozen=True)
class Decoded:
    text: str  # Unicode NFC
    encoding: str  # UNICODE, TCVN3 or VNI: the reading chosen
    certain: bool  # False when another reading scored the same


def readings(text: str) -> dict[str, tuple[str, int]]:
    """Every distinct reading of a text with its plausibility score."""
    as_is = unicodedata.normalize("NFC", text)
    result = {UNICODE: (as_is, plausibility(as_is))}
    for name, convert in ((TCVN3, from_tcvn3), (VNI, from_vni)):
        converted = convert(text)
        if converted != as_is:
            result[name] = (converted, plausibility(converted))
    return result


def decode(text: str, prior: str | None = None) -> Decoded:
    """The Unicode NFC text of a cell that may be TCVN3 or VNI. `prior` breaks ties."""
    if not needs_check(text):
        return Decoded(unicodedata.normalize("NFC", text), UNICODE, True)
    options = readings(text)
    best = max(score for _, score in options.values())
    leaders = [name for name, (_, score) in options.items() if score == best]
    if len(leaders) == 1:
        chosen = leaders[0]
    elif prior in leaders:
        chosen = prior
    else:
        chosen = UNICODE if UNICODE in leaders else leaders[0]
    return Decoded(options[chosen][0], chosen, len(leaders) == 1)
