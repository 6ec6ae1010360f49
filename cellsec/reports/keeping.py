"""Page-break rules every Party document follows: a signature block never starts a page alone (it
takes the last lines of the text before it along), a heading never ends a page alone, and a batch
of documents (comment sheets) restarts its page numbers with each document."""

from __future__ import annotations

from reportlab.platypus import ActionFlowable, Flowable, KeepTogether, PageBreak, Spacer
from reportlab.platypus.flowables import _listWrapOn


class SignatureBlock(KeepTogether):
    """The signatures (and "Nơi nhận") of a document. The template keeps it with the text before
    it (see keep_signatures_with_text); on its own it is only kept in one piece."""


class KeepWithLast(KeepTogether):
    """The last text before a signature block (with the headings right above it), and the block.
    When they do not fit in what is left of the page, the text is split so that at least `keep`
    points of it (its last lines, or a table's last rows) move to the next page with the block;
    a text too short to split moves whole, headings included."""

    def __init__(self, heads: list[Flowable], lead: Flowable, tail: list[Flowable], keep: float) -> None:
        super().__init__([*heads, lead, *tail])
        self._heads = len(heads)
        self._keep = keep

    def split(self, aW: float, aH: float) -> list[Flowable]:
        self.wrap(aW, aH)
        content = list(self._content)
        if aH >= self._H:
            return content
        heads, lead, tail = content[: self._heads], content[self._heads], content[self._heads + 1 :]
        above = 0.0
        if heads:
            above = (
                _listWrapOn(heads, aW, self.canv)[1] + heads[-1].getSpaceAfter() + lead.getSpaceBefore() + 1
            )
        _, lead_height = lead.wrapOn(self.canv, aW, aH)
        room = min(aH - above, lead_height - self._keep)
        parts = lead.splitOn(self.canv, aW, room) if room > 0 else []
        if len(parts) >= 2:
            return [*heads, parts[0], KeepTogether([*parts[1:], *tail])]
        return super().split(aW, aH)


class KeepHeading(KeepTogether):
    """A heading (style keepWithNext) and what follows it. ReportLab's KeepTogether would move a
    heading and a long table together to the next page, leaving half a page empty; here they stay
    when the following text or table can start under the heading on this page, and only move
    when it cannot (so the heading is never left alone at the foot of a page)."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        self.wrap(aW, aH)
        content = list(self._content)
        if aH >= self._H:
            return content
        heads, last = content[:-1], content[-1]
        if heads:
            _, heads_height = _listWrapOn(heads, aW, self.canv)
            gap = heads[-1].getSpaceAfter() + last.getSpaceBefore()
            room = aH - heads_height - gap - 1
            if room > 0 and len(last.splitOn(self.canv, aW, room)) >= 2:
                return content
        return super().split(aW, aH)


class SectionStart(ActionFlowable):
    """Starts a new document within one PDF (one comment sheet of a batch): its pages are numbered
    from 1 again, on the paper and in the PDF's page labels. Put it first on the new page."""

    def __init__(self) -> None:
        super().__init__(())

    def apply(self, doc) -> None:  # the template's doc: see template._PartyDocTemplate
        doc.start_section()


def new_section() -> list[Flowable]:
    """What goes between two documents of a batch: a page break, then a new numbering."""
    return [PageBreak(), SectionStart()]


def keep_signatures_with_text(story: list[Flowable], keep: float) -> list[Flowable]:
    """The story with each signature block bound to the text before it (skipping spacers)."""
    out: list[Flowable] = []
    for flowable in story:
        if not isinstance(flowable, SignatureBlock):
            out.append(flowable)
            continue
        spacers: list[Flowable] = []
        while out and isinstance(out[-1], Spacer):
            spacers.insert(0, out.pop())
        lead = out[-1] if out else None
        if lead is None or not _bindable(lead):
            out += [*spacers, flowable]
            continue
        out.pop()
        heads: list[Flowable] = []
        while out and _bindable(out[-1]) and out[-1].getKeepWithNext():
            heads.insert(0, out.pop())
        out.append(KeepWithLast(heads, lead, [*spacers, *flowable._content], keep))
    return out


def _bindable(flowable: Flowable) -> bool:
    """Plain text or a table: not a page action and not a group that already keeps itself."""
    return not isinstance(flowable, (ActionFlowable, PageBreak, KeepTogether))
