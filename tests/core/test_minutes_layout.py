"""The printed minutes and resolution read back from the PDF: a line that introduces what follows
("Ý kiến phát biểu:", "Biểu quyết:") never ends a page, and generated lines end with one full
stop from the one wording helper (issue 10.10)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from factories import TODAY
from test_document_layout import pages_of

from cellsec.demo import create_demo
from cellsec.entities.meetings import MeetingKind, Task
from cellsec.reports.catalogue import build_document
from cellsec.reports.minutes import build_minutes, collect_minutes
from cellsec.reports.style import load_sheet
from cellsec.reports.template import Document, frame_width, p, render
from cellsec.services.meetings import new_meeting, save_meeting

LEAD_INS = ("Ý kiến phát biểu:", "Các ý kiến chỉ đạo chi bộ theo dõi thực hiện:", "Biểu quyết:")


def _march_minutes(store):
    """The demo's combined regular and thematic meeting of March: opinions, directions, a vote."""
    create_demo(store, today=TODAY)
    march = store.meetings.list_between(date(2026, 3, 1), date(2026, 3, 31))[0]
    return collect_minutes(store, march.id)


MARGIN = 20 / 25.4 * 72  # the bottom margin of the shipped profile, in points
LINE = 14 * 1.25  # one line of body text


def _foot_gaps(reader) -> list[float]:
    """For each page but the last: the empty height, in body lines, between its lowest line of
    text and the bottom margin."""
    gaps = []
    for page in reader.pages[:-1]:
        lows: list[float] = []

        def visit(text, cm, tm, font_dict, font_size, lows=lows):
            if text.strip():
                lows.append(tm[5] * cm[3] + cm[5])

        page.extract_text(visitor_text=visit)
        gaps.append((min(y for y in lows if y > MARGIN - 1) - MARGIN) / LINE)
    return gaps


def test_a_lead_in_line_is_never_the_last_line_of_a_page(store):
    # GIVEN the March minutes, pushed down the page by 0 to 35 lines so that every lead-in line
    # (and every heading, opinion, vote and the signatures) comes to the foot of a page
    data, sheet = _march_minutes(store), load_sheet()
    seen_at_foot = 0
    for filler in range(36):
        doc = Document(title="Biên bản")
        story = build_minutes(data, sheet, frame_width(doc))
        doc.story = [
            story[0],
            *[p(f"- Dòng thêm {i + 1}.", "bullet", sheet) for i in range(filler)],
            *story[1:],
        ]
        texts, reader = pages_of(render(doc))
        for number, text in enumerate(texts[:-1]):
            # THEN no page but the last ends with a lead-in: it goes over with what it introduces
            assert not text.endswith(LEAD_INS), (filler, number, text[-80:])
            nxt = texts[number + 1].lstrip("0123456789 ")
            seen_at_foot += nxt.startswith(LEAD_INS)
        # and no page ends early: what moves to the next page together (two headings and a
        # two-line opinion, or the signatures with the closing lines) leaves at most a few
        # lines empty, never half a page (the baseline of the last line sits ~1.5 lines up)
        assert max(_foot_gaps(reader), default=0) < 6.5, (filler, _foot_gaps(reader))
    assert seen_at_foot > 0  # the lead-ins really came to a page foot (and moved with the text)


def test_tasks_and_directions_end_with_one_full_stop_in_minutes_and_resolution(store):
    # GIVEN a draft whose tasks were typed with their own full stop, one with owner and deadline
    create_demo(store, today=TODAY, meetings=False)
    m = new_meeting(store, MeetingKind.REGULAR, date(2026, 11, 5))
    tasks = (Task("Làm đường bê tông xóm 3.", "Chi ủy", date(2026, 12, 5)), Task("Thu đảng phí quý IV;"))
    meeting_id, _ = save_meeting(store, replace(m, tasks=tasks, resolution="Thống nhất."))
    for name in ("minutes", "resolution"):
        # WHEN the minutes and the resolution are printed
        texts, _ = pages_of(render(build_document(store, name, meeting_id=meeting_id)))
        text = " ".join(texts)
        # THEN each task is one sentence: the typed stop is not doubled nor left before the details
        assert "- Làm đường bê tông xóm 3 (phụ trách: Chi ủy; thời hạn: 05/12/2026)." in text, name
        assert "- Thu đảng phí quý IV." in text, name
        assert "xóm 3. (" not in text and ".." not in text.replace("…", "")
