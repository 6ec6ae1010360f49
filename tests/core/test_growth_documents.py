"""The growth documents (issue 16, scope 3): the cell's resolution proposing a candidate's admission
and the one proposing a probationer's recognition (numbered when issued, then a snapshot), and the
helper's comment sheet — printed through the catalogue and from the command line."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from dataclasses import replace
from datetime import date

import pytest
from factories import TODAY
from test_reports import pdf_text

from cellsec.cli.main import main as cli_main
from cellsec.dates import format_date
from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import MeetingKind
from cellsec.errors import ValidationError
from cellsec.reports.catalogue import build_document, document_file_name, document_warnings
from cellsec.reports.template import render
from cellsec.services.candidates import candidate_form, save_candidate
from cellsec.services.growth_records import (
    ADMISSION,
    RECOGNITION,
    issue_resolution,
    resolution_title,
    sealed_record,
)
from cellsec.services.probation import assign_helper, record_recognition
from cellsec.services.profile import save_profile
from cellsec.services.rule_settings import set_rule

MAI = 2  # the demo's candidate whose cell resolution is recorded (28 of 30 full members)
PHUC = 1  # a candidate still at the first stages
BAO = 30  # a probationer admitted 22/09/2026
SIGNED = ("T/M CHI BỘ", "BÍ THƯ", "Đặng Văn Khải")


@pytest.fixture
def cell(store):
    create_demo(store, today=TODAY, meetings=False)
    return store


def _text(store, key: str, **options) -> tuple[str, int]:
    text, reader = pdf_text(render(build_document(store, key, **options)))
    return text, len(reader.pages)


def _next_nq(store) -> int:
    numbers = [int(str(r["number"])) for r in store.meetings.document_numbers() if r["type_code"] == "NQ"]
    return max(numbers, default=0) + 1


# --- the resolution proposing admission ---------------------------------------------------------
def test_the_admission_resolution_draft_gives_the_vote_and_the_candidates_particulars(cell):
    # GIVEN the demo candidate Đinh Thị Mai, whose cell voted 28 of 30 on 22/10/2026
    text, _pages = _text(cell, "admission-resolution", candidate_id=MAI)
    # THEN a draft resolution in the Party format, dated the day of the cell's vote
    for words in (
        "ĐẢNG BỘ XÃ THANH SƠN",
        "CHI BỘ THÔN TÂN HỒNG",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Thanh Sơn, ngày 22 tháng 10 năm 2026",
        "NGHỊ QUYẾT",
        "Đề nghị kết nạp quần chúng Đinh Thị Mai vào Đảng",
        "BẢN NHÁP",
        "Số 12-NQ/CB",  # the number the cell wrote on her record
        *SIGNED,
    ):
        assert words in text, words
    # the vote: entitled, present (no meeting that day in the book: left to fill), in favour, %
    assert "có quyền biểu quyết: 30 đồng chí" in text
    assert "có mặt: ……… đồng chí" in text
    assert "tán thành kết nạp: 25 đồng chí, đạt 83,33 %" in text
    assert "từ hai phần ba trở lên" in text
    # the candidate's particulars from the register, the introducers by name
    assert (
        "Họ và tên: Đinh Thị Mai; giới tính: Nữ; ngày sinh: 05/05/1999" in text
        and "Xóm 4, thôn Tân Hồng" in text
    )
    assert "cấp ngày 22/09/2025, số 318/GCN-TTCT" in text
    assert "Đặng Văn Khải, Lê Thị Hằng" in text
    assert document_file_name(cell, "admission-resolution", candidate_id=MAI) == (
        "Nghi-quyet-de-nghi-ket-nap-Dinh-Thi-Mai.pdf"
    )


def test_no_admission_resolution_before_the_cell_has_met_or_without_a_candidate(cell):
    with pytest.raises(ValidationError, match="chưa ghi ngày chi bộ họp xét"):
        build_document(cell, "admission-resolution", candidate_id=PHUC)
    with pytest.raises(ValidationError, match="--candidate"):
        build_document(cell, "admission-resolution")
    with pytest.raises(ValidationError, match="Không tìm thấy quần chúng"):
        build_document(cell, "admission-resolution", candidate_id=999)


def _unnumbered(store) -> None:
    form = candidate_form(store.growth.candidate(MAI))
    save_candidate(store, {**form, "resolution_ref": ""}, MAI, today=TODAY)


def test_issuing_keeps_the_number_the_cell_wrote_and_numbers_nothing_else(cell):
    before = _next_nq(cell)
    assert issue_resolution(cell, ADMISSION, MAI, TODAY)[0] == "12-NQ/CB"
    assert _next_nq(cell) == before


def test_issuing_the_admission_resolution_gives_the_next_nq_number_once(cell):
    # GIVEN Mai's resolution without a number written yet, and the next number of the term
    _unnumbered(cell)
    draft, _pages = _text(cell, "admission-resolution", candidate_id=MAI)
    assert "-NQ/CB" in draft and "BẢN NHÁP" in draft
    expected = f"{_next_nq(cell):02d}-NQ/CB"
    # WHEN the secretary issues Mai's resolution
    number, changes = issue_resolution(cell, ADMISSION, MAI, TODAY)
    # THEN it gets that number, written on the candidate's record too, and prints it (no draft)
    assert number == expected and changes.growth
    assert cell.growth.candidate(MAI).resolution_ref == expected
    text, _pages = _text(cell, "admission-resolution", candidate_id=MAI)
    assert f"Số {expected}" in text and "BẢN NHÁP" not in text
    # AND issuing again writes nothing and keeps the number
    assert issue_resolution(cell, ADMISSION, MAI, TODAY) == (expected, replace(changes, growth=False))
    assert _next_nq(cell) == int(expected[:2]) + 1


def test_an_issued_resolution_is_a_snapshot_of_the_day_it_was_issued(cell):
    # GIVEN Mai's resolution issued
    _unnumbered(cell)
    number, _ = issue_resolution(cell, ADMISSION, MAI, TODAY)
    # WHEN her name is corrected, the cell gets a new secretary and the issuer code changes
    form = candidate_form(cell.growth.candidate(MAI))
    save_candidate(cell, {**form, "full_name": "Đinh Thị Mai Anh"}, MAI, today=TODAY)
    profile = cell.profile.get()
    save_profile(
        cell,
        {
            "cell_name": profile.cell_name,
            "superior_name": profile.superior_name,
            "place_name": profile.place_name,
            "secretary": "Nguyễn Văn Mới",
            "term_label": profile.term_label,
        },
    )
    set_rule(cell, "document_type_code_cell", "CBT")
    # THEN the issued resolution prints exactly what was issued
    text, _pages = _text(cell, "admission-resolution", candidate_id=MAI)
    assert "Đinh Thị Mai vào Đảng" in text and "Mai Anh" not in text
    assert "Đặng Văn Khải" in text and "Nguyễn Văn Mới" not in text
    assert f"Số {number}" in text and "/CBT" not in text
    assert document_warnings(cell, "admission-resolution", candidate_id=MAI) == []


def test_a_sealed_resolution_edited_outside_the_app_is_said_before_printing(cell):
    issue_resolution(cell, ADMISSION, MAI, TODAY)
    cell._conn.execute("DROP TRIGGER issued_records_append_only")  # edited outside the app
    cell._conn.execute(
        "UPDATE issued_records SET record_json = replace(record_json, ?, 'Người Khác') WHERE title = ?",
        (cell.growth.candidate(MAI).full_name, resolution_title(ADMISSION, MAI)),
    )
    warnings = document_warnings(cell, "admission-resolution", candidate_id=MAI)
    assert [w.title for w in warnings] == ["Nghị quyết đã ban hành bị sửa"]


# --- the resolution proposing recognition ---------------------------------------------------------
def test_the_recognition_resolution_leaves_the_vote_blank_until_it_is_entered(cell):
    text, pages = _text(cell, "recognition-resolution", member_id=BAO, today=TODAY)
    assert pages == 1
    for words in (
        "Đề nghị công nhận đảng viên chính thức cho đồng chí Dương Ngọc Bảo",
        "được kết nạp vào Đảng ngày 22/09/2026",
        "hết thời gian dự bị ngày 22/09/2027",
        "có quyền biểu quyết: ……… đồng chí",
        "BẢN NHÁP",
        *SIGNED,
    ):
        assert words in text, words
    assert document_file_name(cell, "recognition-resolution", member_id=BAO) == (
        "Nghi-quyet-de-nghi-cong-nhan-chinh-thuc-Duong-Ngoc-Bao.pdf"
    )


def test_the_recognition_resolution_prints_the_vote_entered_when_recognising(cell):
    # GIVEN Bảo recognised after 12 months, the cell having voted 15 of 16
    later = date(2027, 10, 5)
    form = {"date": "01/10/2027", "decision_ref": "88-QĐ/ĐU", "votes_entitled": "16", "votes_for": "15"}
    record_recognition(cell, BAO, form, today=later)
    # WHEN the secretary prints and issues the resolution proposing it
    number, _ = issue_resolution(cell, RECOGNITION, BAO, later)
    text, _pages = _text(cell, "recognition-resolution", member_id=BAO, today=later)
    # THEN the vote is the one entered, with its percentage, under the issued number
    assert "có quyền biểu quyết: 16 đồng chí" in text
    assert "tán thành công nhận: 15 đồng chí, đạt 93,75 %" in text
    assert f"Số {number}" in text and "Thanh Sơn, ngày 05 tháng 10 năm 2027" in text


def test_no_recognition_resolution_without_a_member(cell):
    with pytest.raises(ValidationError, match="--member"):
        build_document(cell, "recognition-resolution", today=TODAY)
    with pytest.raises(ValidationError, match="Không tìm thấy đảng viên"):
        build_document(cell, "recognition-resolution", member_id=999, today=TODAY)


# --- the helper's comment sheet --------------------------------------------------------------
def test_the_helper_comment_sheet_is_headed_with_the_probation_and_left_to_write(cell):
    # GIVEN a helper assigned to Bảo
    helper_id = next(m.id for m in cell.members.all() if m.full_name == "Lê Thị Hằng")
    assign_helper(cell, BAO, {"helper_id": str(helper_id), "assigned_on": "01/10/2026"}, today=TODAY)
    text, _pages = _text(cell, "helper-comment", member_id=BAO, today=TODAY)
    for words in (
        "BẢN NHẬN XÉT ĐẢNG VIÊN DỰ BỊ",
        "Tôi là: Lê Thị Hằng",
        "đảng viên dự bị Dương Ngọc Bảo",
        "kết nạp vào Đảng ngày 22/09/2026",
        "từ ngày 22/09/2026 đến ngày 22/09/2027",
        "6. Đề nghị chi bộ",
        "NGƯỜI NHẬN XÉT",
    ):
        assert words in text, words
    assert (
        document_file_name(cell, "helper-comment", member_id=BAO)
        == "Nhan-xet-dang-vien-du-bi-Duong-Ngoc-Bao.pdf"
    )


def test_the_helper_comment_sheet_without_a_helper_leaves_the_name_to_write(cell):
    text, _pages = _text(cell, "helper-comment", member_id=BAO, today=TODAY)
    assert "Tôi là: ....." in text


# --- the command line -------------------------------------------------------------------------
@pytest.mark.slow
def test_the_cli_renders_and_issues_the_admission_resolution(cell, tmp_path):
    path, out_pdf = str(cell.path), tmp_path / "nq.pdf"
    _unnumbered(cell)
    expected = f"{_next_nq(cell):02d}-NQ/CB"
    cell.close()
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli_main(["--data", path, "issue-resolution", "--candidate", str(MAI)]) == 0
        assert (
            cli_main(
                ["--data", path, "render", "admission-resolution", "--candidate", "2", "-o", str(out_pdf)]
            )
            == 0
        )
        assert (
            cli_main(
                [
                    "--data",
                    path,
                    "render",
                    "helper-comment",
                    "--member",
                    str(BAO),
                    "-o",
                    str(tmp_path / "h.pdf"),
                ]
            )
            == 0
        )
    assert f"Nghị quyết số {expected} đã ban hành." in out.getvalue()
    text, _reader = pdf_text(out_pdf.read_bytes())
    assert f"Số {expected}" in text


def test_the_members_present_come_from_the_minutes_of_the_day_the_cell_voted(store):
    # GIVEN the demo with its minutes book, and Mai's resolution dated the cell's regular meeting
    # of October (the committee's meeting that month is not where the cell votes)
    from cellsec.services.minutes_record import minutes_record

    create_demo(store, today=TODAY)
    meeting = next(
        m
        for m in store.meetings.list_between(date(2026, 10, 1), date(2026, 10, 31))
        if m.kind is MeetingKind.REGULAR
    )
    day = format_date(meeting.date)
    form = candidate_form(store.growth.candidate(MAI))
    save_candidate(store, {**form, "resolution_date": day}, MAI, today=TODAY)
    present = minutes_record(store, meeting.id).count.eligible_present
    # THEN the resolution counts the full members entitled to vote who were at that meeting
    text, _pages = _text(store, "admission-resolution", candidate_id=MAI)
    assert f"Số đảng viên chính thức có mặt: {present} đồng chí" in text
    assert document_warnings(store, "admission-resolution", candidate_id=MAI) == []
    # WHEN the candidate's record says more voted in favour than the minutes have present
    over = {**form, "resolution_date": day, "votes_for": str(present + 1)}
    save_candidate(store, over, MAI, today=TODAY)
    # THEN the secretary is told before printing
    [warning] = document_warnings(store, "admission-resolution", candidate_id=MAI)
    assert warning.title == "Số phiếu không khớp biên bản" and f"({present + 1})" in warning.text


def test_a_number_given_without_its_record_still_prints_and_is_sealed_when_issued(cell):
    # GIVEN the recognition resolution numbered, its sealed record gone (a file brought by import)
    number, _ = issue_resolution(cell, RECOGNITION, BAO, TODAY)
    with cell.transaction():
        cell._conn.execute("DROP TRIGGER issued_records_kept")
        cell._conn.execute(
            "DELETE FROM issued_records WHERE title = ?", (resolution_title(RECOGNITION, BAO),)
        )
    assert sealed_record(cell, RECOGNITION, BAO) is None
    text, _pages = _text(cell, "recognition-resolution", member_id=BAO, today=TODAY)
    assert f"Số {number}" in text and "BẢN NHÁP" not in text
    # WHEN issued again THEN it keeps its number and is sealed, no number is used up
    before = _next_nq(cell)
    assert issue_resolution(cell, RECOGNITION, BAO, TODAY)[0] == number
    assert _next_nq(cell) == before and sealed_record(cell, RECOGNITION, BAO)


def test_an_issued_resolution_travels_with_the_whole_cell_export(cell, tmp_path):
    from cellsec.services.cell_io import export_cell, import_cell
    from cellsec.store import Store

    # GIVEN the admission resolution issued
    number, _ = issue_resolution(cell, ADMISSION, MAI, TODAY)
    issued, _ = _text(cell, "admission-resolution", candidate_id=MAI)
    # WHEN the cell is exported and imported into a new file
    with Store.open(tmp_path / "copy.cellsec") as copy:
        import_cell(copy, export_cell(cell), today=TODAY)
        [new_id] = [c.id for c in copy.growth.candidates() if c.full_name == "Đinh Thị Mai"]
        # THEN the candidate keeps its id (it names the resolution) and prints as issued
        assert new_id == MAI
        assert sealed_record(copy, ADMISSION, new_id) == sealed_record(cell, ADMISSION, MAI)
        assert _text(copy, "admission-resolution", candidate_id=new_id)[0] == issued
        assert f"Số {number}" in issued
