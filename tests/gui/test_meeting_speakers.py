"""Who spoke, in the real meeting editor: opinions follow their guest when the guest list
changes (issue 9, item 4), and speakers are chosen from the roll and the guests with the
register's folded matching (issue 10, item 8)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from gui_helpers import type_text
from PySide6.QtCore import Qt

from cellsec.entities.meetings import Guest, MeetingKind, Opinion
from cellsec.services.meetings import new_meeting, save_meeting

from ui.meetings.editor import CONTENT, GUESTS, MeetingEditor

LEFT = Qt.MouseButton.LeftButton
NOVEMBER = date(2026, 11, 25)
DISCUSSION = 3  # "Thảo luận, phê bình và tự phê bình" (after the directions item)


def _draft_with_guests(store):
    """GIVEN a November draft with two guests, the second of whom spoke in the discussion."""
    m = new_meeting(store, MeetingKind.REGULAR, NOVEMBER)
    items = list(m.items)
    index = next(i for i, item in enumerate(items) if item.title.startswith("Thảo luận"))
    items[index] = replace(
        items[index],
        opinions=(Opinion("Khách Hai", "Đề nghị chi bộ quan tâm thanh niên.", guest_position=1),),
    )
    meeting_id, _ = save_meeting(
        store,
        replace(
            m,
            end_time="09:45",
            items=tuple(items),
            guests=(Guest("Khách Một", "Bí thư Chi đoàn"), Guest("Khách Hai", "Trưởng thôn")),
        ),
    )
    return store.meetings.get(meeting_id), index


def _open(qtbot, page, meeting) -> MeetingEditor:
    editor = page.open_editor(meeting)
    qtbot.waitExposed(editor)
    return editor


def _remove_guest(qtbot, editor, row):
    editor.tabs.setCurrentIndex(GUESTS)
    table = editor.guests_tab.table
    table.table.selectRow(row)
    qtbot.mouseClick(table.remove_button, LEFT)


def test_removing_an_earlier_guest_keeps_the_opinion_with_its_guest(qtbot, meetings_page, demo_store):
    meeting, index = _draft_with_guests(demo_store)
    editor = _open(qtbot, meetings_page, meeting)
    # WHEN the first guest (who did not speak) is removed and the minutes saved
    _remove_guest(qtbot, editor, 0)
    assert editor.save() is True
    # THEN the opinion is still the second guest's, now the only guest
    stored = demo_store.meetings.get(meeting.id)
    assert [g.name for g in stored.guests] == ["Khách Hai"]
    opinion = stored.items[index].opinions[0]
    assert (opinion.speaker, opinion.guest_position) == ("Khách Hai", 0)
    editor.done(0)


def test_removing_the_guest_who_spoke_is_a_message_not_a_crash(qtbot, meetings_page, demo_store):
    meeting, index = _draft_with_guests(demo_store)
    editor = _open(qtbot, meetings_page, meeting)
    # WHEN the guest who spoke is removed
    _remove_guest(qtbot, editor, 1)
    # THEN saving is refused with what to do, on the content tab; nothing is written
    assert editor.save() is False
    assert "Khách Hai" in editor.banner.text() and "chức vụ" in editor.banner.text()
    assert editor.tabs.currentIndex() == CONTENT
    assert [g.name for g in demo_store.meetings.get(meeting.id).guests] == ["Khách Một", "Khách Hai"]
    editor.done(0)


def test_moving_guests_keeps_each_opinion_with_its_guest(qtbot, meetings_page, demo_store):
    meeting, index = _draft_with_guests(demo_store)
    editor = _open(qtbot, meetings_page, meeting)
    editor.tabs.setCurrentIndex(GUESTS)
    table = editor.guests_tab.table
    table.table.selectRow(1)
    qtbot.mouseClick(table.up_button, LEFT)
    assert editor.save() is True
    stored = demo_store.meetings.get(meeting.id)
    assert [g.name for g in stored.guests] == ["Khách Hai", "Khách Một"]
    assert stored.items[index].opinions[0].guest_position == 0
    editor.done(0)


def test_the_speaker_box_completes_names_typed_without_accents(qtbot, meetings_page, demo_store):
    # GIVEN a new meeting where Nguyễn Văn Đức is on the roll, present
    editor = _open(qtbot, meetings_page, new_meeting(demo_store, MeetingKind.REGULAR, NOVEMBER))
    editor.tabs.setCurrentIndex(CONTENT)
    editor.agenda.item_list.setCurrentRow(DISCUSSION)
    opinions = editor.agenda.opinions
    qtbot.mouseClick(opinions.add_button, LEFT)
    box = opinions.cell(0, "speaker")
    # WHEN "nguyen van duc" is typed THEN the box offers the member, accents and đ included
    assert box.completer().matches("nguyen van duc") == ["Nguyễn Văn Đức"]
    assert "Nguyễn Văn Đức" in box.completer().matches("DUC")
    # AND picking the offer links the opinion to the member on the roll
    type_text(qtbot, box, "Nguyễn Văn Đức")
    type_text(qtbot, opinions.cell(0, "content"), "Nhất trí.")
    items = editor.agenda.items()
    opinion = items[DISCUSSION].opinions[0]
    member = next(e for e in editor.roll_editor.roll() if e.name == "Nguyễn Văn Đức")
    assert opinion.member_id == member.member_id
    editor.done(0)
