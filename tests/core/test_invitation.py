"""The meeting invitation (giấy mời): blank with dotted lines, for a saved meeting, one page per
member called; printed through the catalogue and from the command line."""

from __future__ import annotations

from datetime import date

import pytest
from factories import TODAY, meeting
from test_meetings import filled
from test_reports import fonts_of, pdf_text

from cellsec.cli.main import main as cli_main
from cellsec.dates import document_date
from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import MeetingKind
from cellsec.errors import ValidationError
from cellsec.reports.catalogue import build_document, document_file_name
from cellsec.reports.template import render
from cellsec.services.meetings import approve_meeting, save_meeting
from cellsec.store import Store

SIGNED = ("T/M CHI BỘ", "BÍ THƯ", "Đặng Văn Khải", "Đề nghị đồng chí có mặt đúng giờ.")
HEADER = ("ĐẢNG BỘ XÃ THANH SƠN", "CHI BỘ THÔN TÂN HỒNG", "ĐẢNG CỘNG SẢN VIỆT NAM", "GIẤY MỜI")


@pytest.fixture
def cell(store):
    create_demo(store, today=TODAY, meetings=False)
    return store


def _text(store, **options) -> tuple[str, int]:
    text, reader = pdf_text(render(build_document(store, "invitation", **options)))
    return text, len(reader.pages)


def test_blank_invitation_has_the_party_header_dotted_lines_and_the_secretary(cell):
    # GIVEN a cell with its profile and no meeting chosen
    # WHEN the secretary prints an invitation
    data = render(build_document(cell, "invitation", today=TODAY))
    text, reader = pdf_text(data)
    # THEN one page in the Party format, dated today, with dots for everything to fill by hand
    assert len(reader.pages) == 1
    for line in (*HEADER, *SIGNED, document_date("Thanh Sơn", TODAY), "Dự sinh hoạt chi bộ"):
        assert line in text, line
    assert "Kính gửi: đồng chí ....." in text
    assert "Nội dung: ....." in text
    assert "Địa điểm: ....." in text
    assert "giờ ........ phút, ngày ......../......../" in text
    assert all(embedded for _name, embedded in fonts_of(reader))
    assert document_file_name(cell, "invitation") == "Giay-moi-mau.pdf"


def test_invitation_for_a_thematic_draft_gives_its_topic_time_and_place(cell):
    # GIVEN a thematic meeting prepared for 12/12/2026 at 14:00, not approved yet
    meeting_id = meeting(
        cell,
        date(2026, 12, 12),
        MeetingKind.THEMATIC,
        topic="Học tập và làm theo tư tưởng Hồ Chí Minh",
        start_time="14:00",
        place="Nhà văn hóa thôn Tân Hồng",
    )
    # WHEN its invitation is printed on 22/11/2026
    text, pages = _text(cell, meeting_id=meeting_id, today=TODAY)
    # THEN it names the kind, month, topic, time and place, dated the day it is printed
    assert pages == 1
    for line in (
        *HEADER,
        *SIGNED,
        "Thanh Sơn, ngày 22 tháng 11 năm 2026",
        "Dự sinh hoạt chi bộ chuyên đề tháng 12 năm 2026",
        "Chi bộ thôn Tân Hồng trân trọng kính mời đồng chí đến dự sinh hoạt chi bộ chuyên đề",
        "Chuyên đề: “Học tập và làm theo tư tưởng Hồ Chí Minh”.",
        "Thời gian: 14 giờ 00 phút, ngày 12/12/2026.",
        "Địa điểm: Nhà văn hóa thôn Tân Hồng.",
    ):
        assert line in text, line
    assert "Kính gửi: đồng chí ....." in text
    assert (
        document_file_name(cell, "invitation", meeting_id=meeting_id)
        == "Giay-moi-chuyen-de-thang-12-2026.pdf"
    )


def test_invitation_for_an_approved_meeting_is_dated_no_later_than_the_meeting(cell):
    # GIVEN the approved regular meeting of 05/11/2026
    meeting_id, _ = save_meeting(cell, filled(cell))
    approve_meeting(cell, meeting_id)
    # WHEN its invitation is printed afterwards (22/11/2026)
    text, _ = _text(cell, meeting_id=meeting_id, today=TODAY)
    # THEN it is dated the meeting's day and says what the approved record says
    assert "Thanh Sơn, ngày 05 tháng 11 năm 2026" in text
    assert "Dự sinh hoạt chi bộ thường kỳ tháng 11 năm 2026" in text
    assert "Thời gian: 08 giờ 00 phút, ngày 05/11/2026." in text
    assert "Địa điểm: Nhà văn hóa thôn Tân Hồng." in text
    assert "Chuyên đề" not in text
    assert document_file_name(cell, "invitation", meeting_id=meeting_id) == "Giay-moi-thang-11-2026.pdf"


def test_a_draft_without_time_or_place_leaves_them_to_fill_by_hand(cell):
    meeting_id = meeting(cell, date(2026, 12, 5), place="", start_time="")
    text, _ = _text(cell, meeting_id=meeting_id, today=TODAY)
    assert "Thời gian: … giờ … phút, ngày 05/12/2026." in text
    assert "Địa điểm: ....." in text


def test_one_page_per_member_called_with_the_name_filled_in(cell):
    # GIVEN a meeting whose roll calls some members and excuses others (exempted)
    meeting_id = meeting(cell, date(2026, 12, 5))
    roll = cell.meetings.get(meeting_id).roll
    called = [e.name for e in roll if e.expected]
    excused = [e.name for e in roll if not e.expected]
    assert called and excused
    # WHEN the invitations are printed one per member
    text, pages = _text(cell, meeting_id=meeting_id, per_member=True, today=TODAY)
    # THEN each member called has a page with their name, the excused ones none
    assert pages == len(called)
    for name in called:
        assert f"Kính gửi: đồng chí {name}" in text, name
    for name in excused:
        assert f"Kính gửi: đồng chí {name}" not in text, name
    assert text.count("GIẤY MỜI") == len(called)
    assert (
        document_file_name(cell, "invitation", meeting_id=meeting_id, per_member=True)
        == "Giay-moi-thang-12-2026-tung-dang-vien.pdf"
    )


def test_per_member_needs_a_meeting_and_a_missing_meeting_is_refused(cell):
    with pytest.raises(ValidationError, match="chọn buổi sinh hoạt"):
        build_document(cell, "invitation", per_member=True)
    with pytest.raises(ValidationError, match="Không tìm thấy buổi sinh hoạt"):
        build_document(cell, "invitation", meeting_id=999)


def test_no_cell_profile_is_refused_in_vietnamese(tmp_path):
    bare = Store.open(tmp_path / "bare.cellsec")
    try:
        with pytest.raises(ValidationError, match="Chưa có thông tin chi bộ"):
            build_document(bare, "invitation")
    finally:
        bare.close()


def test_cli_lists_and_renders_the_invitation(tmp_path, capsys):
    # GIVEN a data file with the demo cell and one meeting
    path = tmp_path / "cli.cellsec"
    store = Store.open(path)
    create_demo(store, today=TODAY, meetings=False)
    meeting_id = meeting(store, date(2026, 12, 5), place="Hội trường thôn")
    store.close()
    # WHEN `cellsec render --help` is asked, THEN it lists the invitation with its hint
    with pytest.raises(SystemExit):
        cli_main(["render", "--help"])
    listing = capsys.readouterr().out
    assert "invitation    Giấy mời dự sinh hoạt chi bộ (--meeting, hoặc để trống điền tay" in listing
    # WHEN it renders a blank one and the meeting's, per member
    blank, each = tmp_path / "blank.pdf", tmp_path / "each.pdf"
    assert cli_main(["--data", str(path), "render", "invitation", "-o", str(blank)]) == 0
    args = ["--meeting", str(meeting_id), "--per-member", "-o", str(each)]
    assert cli_main(["--data", str(path), "render", "invitation", *args]) == 0
    # THEN both are PDFs saying what they hold
    assert "Đã in “Giấy mời dự sinh hoạt chi bộ ngày 05/12/2026”" in capsys.readouterr().out
    assert "Kính gửi: đồng chí ....." in pdf_text(blank.read_bytes())[0]
    text, reader = pdf_text(each.read_bytes())
    assert len(reader.pages) > 1 and "Địa điểm: Hội trường thôn." in text
