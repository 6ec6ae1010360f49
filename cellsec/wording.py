"""Generated sentences end once: a full stop is added only where the text (often typed by the
secretary) does not already end a sentence, so no document prints "..", ".;" or "…."."""

from __future__ import annotations

from cellsec.text import nfc

# Marks that already end a sentence: nothing is added after them.
_ENDS = (".", "!", "?", "…")
# Marks a clause may end with that a sentence end replaces: "…, " or "…;" becomes "….".
_OPEN = " ,;:-–—"
# Closing quotes and brackets: a sentence may end inside them (“… đã xong.”).
_CLOSERS = '”’")]»'


def sentence(text: str, end: str = ".") -> str:
    """The text as one sentence ending with `end` (a full stop unless told), never twice."""
    body = nfc(text).rstrip(_OPEN + "\n\t")
    if not body:
        return ""
    inner = body.rstrip(_CLOSERS)
    if inner.endswith(_ENDS):
        return body
    return body + end


def clause(text: str) -> str:
    """The text without a closing full stop, to be followed by more of the sentence
    ("Làm đường bê tông." + " (phụ trách: …)" -> "Làm đường bê tông (phụ trách: …)")."""
    body = nfc(text).rstrip(_OPEN + "\n\t")
    while body.endswith(".") and not body.endswith("…") and not body.endswith("..."):
        body = body[:-1].rstrip(_OPEN)
    return body


def with_details(text: str, details: list[str] | tuple[str, ...]) -> str:
    """ "Text (detail; detail)." as one sentence, leaving out empty details."""
    shown = [d for d in (nfc(x) for x in details) if d]
    if not shown:
        return sentence(text)
    return sentence(f"{clause(text)} ({'; '.join(clause(d) for d in shown)})")
