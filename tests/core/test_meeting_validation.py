"""The meeting services check their own input (issue 9, item 4): whatever a caller hands them,
a mistake is a ValidationError in Vietnamese naming the part at fault, and nothing is written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from factories import TODAY

from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import (
    AgendaItem,
    Guest,
    Mark,
    MeetingKind,
    Opinion,
    ReviewStatus,
    RollEntry,
    Task,
    TaskReview,
    Vote,
    VoteKind,
)
from cellsec.errors import ValidationError
from cellsec.services.meetings import add_correction, new_meeting, save_meeting

NOVEMBER = date(2026, 11, 5)


@pytest.fixture
def draft(store):
    create_demo(store, today=TODAY, meetings=False)
    return store, new_meeting(store, MeetingKind.REGULAR, NOVEMBER)


def _nothing_written(store):
    assert store.meetings.all_ids() == []


def _with_opinion(m, opinion):
    items = list(m.items)
    items[0] = replace(items[0], opinions=(opinion,))
    return replace(m, items=tuple(items))


def _bad_cases(m):
    present = next(e for e in m.roll if e.mark is Mark.PRESENT)
    absent = replace(m.roll[0], mark=Mark.ABSENT_NO_REASON)
    yield (
        "guest position",
        _with_opinion(replace(m, guests=(Guest("Khách A"),)), Opinion("Khách B", "Ý kiến", guest_position=1)),
        "không còn trong danh sách khách mời",
    )
    yield "on the roll twice", replace(m, roll=m.roll + (m.roll[0],)), "hai lần"
    yield (
        "unknown member",
        replace(m, roll=m.roll + (RollEntry(999, "Người Lạ", "full"),)),
        "không khớp sổ đảng viên",
    )
    yield "missing from roll", replace(m, roll=m.roll[1:]), "thiếu"
    yield (
        "wrong category",
        replace(m, roll=(replace(m.roll[0], category="guest"),) + m.roll[1:]),
        "ghi sai diện",
    )
    yield (
        "missing superior",
        replace(m, guests=(Guest("Cấp Trên", superior_id=4242),)),
        "không còn trong danh bạ",
    )
    yield (
        "unknown task",
        replace(m, reviews=(TaskReview(777, ReviewStatus.DONE),)),
        "không còn trong các buổi sinh hoạt trước",
    )
    yield "review twice", replace(m, reviews=(TaskReview(777, ReviewStatus.DONE),) * 2), "hai lần"
    yield (
        "negative votes",
        replace(m, votes=(Vote("Nghị quyết", VoteKind.RESOLUTION, -1, 0, 0),)),
        "phải từ 0",
    )
    yield (
        "votes as text",
        replace(m, votes=(Vote("Nghị quyết", VoteKind.RESOLUTION, "3", 0, 0),)),
        "số nguyên",
    )
    yield (
        "too many votes",
        replace(m, votes=(Vote("Nghị quyết", VoteKind.RESOLUTION, 9999, 0, 0),)),
        "vượt số đảng viên",
    )
    yield "score too high", replace(m, scores=(("preparation", 21),)), "chỉ được từ 0 đến 20"
    yield "score twice", replace(m, scores=(("preparation", 1), ("preparation", 2))), "hai lần"
    yield "unknown criterion", replace(m, scores=(("x", 1),)), "không có trong thiết lập"
    yield "place None", replace(m, place=None), "Địa điểm"
    yield "title None", replace(m, items=(AgendaItem(None),)), "tên mục"
    yield "speaker None", _with_opinion(m, Opinion(None, "Ý kiến")), "người phát biểu"
    yield "items not a list", replace(m, items=5), "danh sách"
    yield "mark unknown", replace(m, roll=(replace(m.roll[0], mark="gone"),) + m.roll[1:]), "điểm danh"
    yield "speaker not on roll", _with_opinion(m, Opinion("Ai Đó", "Ý kiến")), "chức vụ"
    yield (
        "absent speaker",
        _with_opinion(
            replace(m, roll=(absent,) + m.roll[1:]),
            Opinion(absent.name, "Ý kiến", member_id=absent.member_id),
        ),
        "không có mặt",
    )
    yield "date None", replace(m, date=None), "Ngày sinh hoạt"
    yield "task deadline text", replace(m, tasks=(Task("Việc", deadline="mai"),)), "thời hạn"
    yield "present speaker ok", None, present.name


def test_inconsistent_minutes_are_refused_with_a_message_and_nothing_written(draft):
    store, m = draft
    for name, bad, fragment in _bad_cases(m):
        if bad is None:
            continue
        with pytest.raises(ValidationError) as err:
            save_meeting(store, bad)
        assert fragment in str(err.value), (name, str(err.value))
        _nothing_written(store)


def test_a_speaker_typed_without_accents_is_found_on_the_roll(draft):
    # GIVEN a member present on the roll
    store, m = draft
    member = next(e for e in m.roll if e.mark is Mark.PRESENT and " " in e.name)
    from cellsec.text import fold

    typed = fold(member.name)  # "nguyen van duc" for "Nguyễn Văn Đức"
    # WHEN an opinion names them without accents
    meeting_id, _ = save_meeting(store, _with_opinion(m, Opinion(typed, "Nhất trí.")))
    # THEN the opinion points at the member, written as the roll writes the name
    o = store.meetings.get(meeting_id).items[0].opinions[0]
    assert (o.member_id, o.speaker) == (member.member_id, member.name)


def test_another_person_speaks_only_with_a_position(draft):
    store, m = draft
    with pytest.raises(ValidationError, match="chức vụ"):
        save_meeting(store, _with_opinion(m, Opinion("Bà Nguyễn Thị Lan", "Ý kiến.")))
    meeting_id, _ = save_meeting(
        store, _with_opinion(m, Opinion("Nguyễn Thị Lan", "Ý kiến.", speaker_title="Trưởng thôn"))
    )
    assert store.meetings.get(meeting_id).items[0].opinions[0].speaker_title == "Trưởng thôn"


def test_control_characters_are_cleaned_from_text(draft):
    store, m = draft
    meeting_id, _ = save_meeting(store, replace(m, purpose="Dòng một\x0bdòng hai\x00\tcột"))
    # a Word line break (\x0b) is a new line; a NUL is dropped (text.nfc, the one cleaner)
    assert store.meetings.get(meeting_id).purpose == "Dòng một\ndòng hai\tcột"


def test_a_lone_surrogate_is_stored_as_a_replacement_character(draft):
    store, m = draft
    meeting_id, _ = save_meeting(store, replace(m, purpose="Mục đích \udc80"))
    assert store.meetings.get(meeting_id).purpose == "Mục đích \ufffd"


@pytest.mark.parametrize("text", [None, 5, "", "   "])
def test_a_correction_needs_text(draft, text):
    store, _ = draft
    with pytest.raises(ValidationError):
        add_correction(store, 1, text)
