"""The review's documents (the results list for the meeting's minutes, the report to the Đảng ủy
with the statistics) and the `review` command, all reading the year's one record."""

from __future__ import annotations

import json

import pytest
from conftest import PROFILE
from factories import TODAY
from review_helpers import YEAR, fill_reviews, review_cell
from test_reports import pdf_text
from test_review import DECISION

from cellsec.cli.main import main
from cellsec.errors import ValidationError
from cellsec.reports.catalogue import build_document, document_file_name, document_warnings
from cellsec.reports.template import render
from cellsec.services.cell_io import export_cell, import_cell
from cellsec.services.members import update_member
from cellsec.services.profile import save_profile
from cellsec.services.review import enter_decision, save_member_review
from cellsec.services.review_report import issue_review_report, report_title
from cellsec.store import Store


def _text(store, key: str) -> str:
    text, _ = pdf_text(render(build_document(store, key, year=YEAR, today=TODAY)))
    return text


def test_the_report_to_the_dang_uy_carries_the_statistics_and_a_number_once_issued(store):
    # GIVEN a year with the cell's proposals
    ids = review_cell(store)
    fill_reviews(store, ids)
    # THEN the draft report states the figures as the superiors publish them, its number blank
    text = _text(store, "review-report")
    assert "BÁO CÁO" in text and f"xếp loại chất lượng đảng viên năm {YEAR}" in text
    assert "BẢN NHÁP" in text and "-BC/CB" in text
    assert "Hoàn thành tốt nhiệm vụ 2 đồng chí (chiếm 66,67 %)" in text
    assert "hoàn thành xuất sắc nhiệm vụ 1 đồng chí (chiếm 50 % số đảng viên hoàn thành tốt nhiệm vụ)" in text
    assert "Hoàng Văn Dũng (Được miễn công tác và sinh hoạt đảng" in text
    # the three shares of one member each print 33,33 %: the report says why they miss 100 %
    assert "cộng lại là 99,99 %" in text
    # the cap is said before printing
    assert any("vượt 20 %" in w.text for w in document_warnings(store, "review-report", year=YEAR))
    # WHEN the report is issued THEN it prints with its number, and keeps it
    number, _ = issue_review_report(store, YEAR, today=TODAY)
    again, _ = issue_review_report(store, YEAR, today=TODAY)
    assert again == number
    text = _text(store, "review-report")
    assert f"Số {number.text}" in text and "BẢN NHÁP" not in text
    assert (
        document_file_name(store, "review-report", year=YEAR) == f"Bao-cao-kiem-diem-xep-loai-nam-{YEAR}.pdf"
    )


def test_the_results_list_prints_what_was_decided_even_after_a_rename(store):
    ids = review_cell(store)
    fill_reviews(store, ids, decided=True)
    enter_decision(store, YEAR, DECISION, today=TODAY)
    update_member(
        store,
        ids["an"],
        {"full_name": "Trần Văn Ân", "sex": "Nam", "birth_date": "02/03/1970", "citizen_id": "025070000001"},
        today=TODAY,
    )
    text = _text(store, "review-list")
    assert "DANH SÁCH" in text and "Đảng ủy quyết định" in text
    assert "Trần Văn An" in text and "Trần Văn Ân" not in text
    assert "Phạm Văn Cường" in text and "Hoàn thành nhiệm vụ" in text
    assert document_warnings(store, "review-list", year=YEAR) == []


def test_the_review_command_gives_levels_and_statistics_as_json(store, capsys):
    ids = review_cell(store)
    fill_reviews(store, ids)
    store.close()
    assert main(["--data", str(store.path), "review", "--year", str(YEAR)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["name"] for m in data["members"]] == ["Trần Văn An", "Lê Thị Bình", "Phạm Văn Cường"]
    assert data["members"][2]["proposed_level"] == "Hoàn thành nhiệm vụ"
    assert data["excluded"][0]["name"] == "Hoàng Văn Dũng"
    stats = data["statistics"]
    assert stats["basis"] == "proposed" and stats["rated"] == 3
    assert stats["good_or_better_percent"] == "66,67 %" and stats["excellent_of_good_percent"] == "50 %"
    assert not data["locked"]


def test_each_member_rated_gets_a_mau_2c_with_what_the_app_knows(store):
    # GIVEN a year where one member has given the self-review
    ids = review_cell(store)
    from cellsec.services.review import save_member_review

    save_member_review(store, YEAR, ids["an"], {"strengths": "Gương mẫu ở khu dân cư", "self_level": "good"})
    text = _text(store, "review-sheets")
    # THEN one form per member rated, the exempted one without
    assert text.count("BẢN TỰ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN") == 3
    assert "Hoàng Văn Dũng" not in text
    assert "Họ và tên: Trần Văn An Năm sinh: 1970" in text and "Gương mẫu ở khu dân cư" in text
    assert "[x] Hoàn thành tốt nhiệm vụ" in text
    # the others' forms leave lines to write on
    assert "Họ và tên: Lê Thị Bình" in text and "....." in text


def test_an_issued_report_prints_what_it_was_issued_with(store):
    # GIVEN the year's report issued with the cell's proposals (the year not yet decided)
    ids = review_cell(store)
    fill_reviews(store, ids)
    number, _ = issue_review_report(store, YEAR, today=TODAY)
    issued = _text(store, "review-report")
    assert f"Số {number.text}" in issued and "Hoàng Văn Dũng" in issued
    assert "Hoàn thành tốt nhiệm vụ 2 đồng chí" in issued
    # WHEN the member left out is renamed and a proposal is lowered
    update_member(
        store,
        ids["dung"],
        {
            "full_name": "Hoàng Văn Dụng",
            "sex": "Nam",
            "birth_date": "01/01/1940",
            "citizen_id": "025040000004",
        },
        today=TODAY,
    )
    save_member_review(store, YEAR, ids["binh"], {"proposed_level": "completed"})
    # THEN the issued report prints exactly as issued: names, figures and number unchanged
    assert _text(store, "review-report") == issued
    # AND the working list (not an issued document) follows the rows until the year is decided
    assert "Hoàng Văn Dụng" in _text(store, "review-list")


def test_an_issued_content_edited_outside_the_app_is_not_printed_as_issued(store):
    ids = review_cell(store)
    fill_reviews(store, ids)
    issue_review_report(store, YEAR, today=TODAY)
    # WHEN someone edits the kept content in the file (the append-only guard dropped first)
    conn = store._conn
    conn.execute("DROP TRIGGER issued_records_append_only")
    conn.execute("UPDATE issued_records SET record_json = replace(record_json, 'Trần Văn An', 'X')")
    # THEN printing it is refused with a Vietnamese message, never the edited text as issued
    with pytest.raises(ValidationError, match="không khớp dấu kiểm"):
        build_document(store, "review-report", year=YEAR, today=TODAY)


def test_issued_contents_travel_with_the_whole_cell_export(store, tmp_path):
    ids = review_cell(store)
    fill_reviews(store, ids)
    issue_review_report(store, YEAR, today=TODAY)
    issued = _text(store, "review-report")
    data = export_cell(store)
    assert [r["title"] for r in data["issued_records"]] == [report_title(YEAR)]
    # WHEN the cell is imported into a new file THEN its report prints as issued
    with Store.open(tmp_path / "copy.cellsec") as copy:
        save_profile(copy, PROFILE)
        import_cell(copy, data, today=TODAY)
        assert _text(copy, "review-report") == issued
    # AND a content changed in the export is refused whole, nothing written
    data["issued_records"][0]["record"]["review"]["notes"] = "sửa"
    with Store.open(tmp_path / "bad.cellsec") as bad:
        with pytest.raises(ValidationError, match="không khớp dấu kiểm"):
            import_cell(bad, data, today=TODAY)
        assert bad.members.count() == 0
