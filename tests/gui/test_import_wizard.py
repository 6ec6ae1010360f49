"""The Excel import wizard: columns, preview with problems by row and column, fixes, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import TODAY, Notices, column, shown_names, stored_names
from openpyxl import Workbook
from PySide6.QtCore import Qt

from cellsec.backup import list_backups

from ui.transfer.import_preview import ACTION, INCLUDE, ROW
from ui.transfer.import_wizard import FILE, MAPPING, PREVIEW, SUMMARY, ImportWizard

LEFT = Qt.MouseButton.LeftButton
HEADERS = [
    "STT",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Số CCCD",
    "Điện thoại",
    "Ngày vào Đảng",
    "Ngày chính thức",
]
ROWS = [
    [1, "Nguyễn Văn Đức", "Nam", "15/08/1958", 1058000123, 912345678, "03/02/1985", "03/02/1986"],
    [2, "Lê Thị Hoa", "Nữ", "32/13/1970", None, "0987654321", "05/06/1995", "05/06/1996"],
    [3, "Trần Văn Bình", "Nam", "01/01/1961", None, None, "01/01/1991", "01/01/1992"],
]


def roll_file(folder: Path) -> Path:
    """A small roll as a secretary would type it: one bad birth date (row 3 of the sheet), a
    CCCD and a phone that Excel turned into numbers (their leading zeros lost)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(HEADERS)
    for row in ROWS:
        ws.append(row)
    path = folder / "danh-sach.xlsx"
    wb.save(path)
    return path


@pytest.fixture
def wizard(qtbot, window, tmp_path) -> ImportWizard:
    window.data_safety.actions["import"].trigger()
    w = window.active_dialog
    assert isinstance(w, ImportWizard) and w.isVisible()
    w._today = TODAY
    w.notify = Notices()
    w.choose_file = lambda _p: roll_file(tmp_path)
    return w


def _to_preview(qtbot, wizard: ImportWizard) -> None:
    qtbot.mouseClick(wizard.file_step.choose_button, LEFT)
    qtbot.waitUntil(lambda: wizard.step == MAPPING, timeout=20_000)
    qtbot.mouseClick(wizard.next_button, LEFT)
    assert wizard.step == PREVIEW


def test_import_lists_the_bad_row_and_adds_the_good_ones(qtbot, window, wizard, store):
    # GIVEN the first step
    assert wizard.step == FILE and wizard.step_label.text().startswith("Bước 1/4")
    # WHEN the file is chosen THEN it is read (on a worker) and the columns are matched
    qtbot.mouseClick(wizard.file_step.choose_button, LEFT)
    qtbot.waitUntil(lambda: wizard.step == MAPPING, timeout=20_000)
    fields = [c.currentData() for c in wizard.mapping_step.combos]
    assert fields == [
        None,
        "full_name",
        "sex",
        "birth_date",
        "citizen_id",
        "phone",
        "admission_date",
        "official_date",
    ]
    samples = column(wizard.mapping_step.table, "Ví dụ (các dòng đầu)")
    assert wizard.mapping_step.table.item(1, samples).text().startswith("Nguyễn Văn Đức; Lê Thị Hoa")
    # WHEN "Tiếp tục" THEN every row with what it would do
    qtbot.mouseClick(wizard.next_button, LEFT)
    preview = wizard.preview_step
    actions = [preview.table.item(r, ACTION).text() for r in range(preview.table.rowCount())]
    assert actions == ["Thêm mới", "Lỗi", "Thêm mới"]
    assert [preview.table.item(r, ROW).text() for r in range(3)] == ["2", "3", "4"]
    # AND the problem is listed with its spreadsheet row and column
    problems = [preview.problems.item(i).text() for i in range(preview.problems.count())]
    assert problems == ["Dòng 3, cột “Ngày sinh”: ngày 32/13/1970 không có trên lịch."]
    # AND the repairs are noted (leading zeros given back)
    notes = " ".join(preview.notes.item(i).text() for i in range(preview.notes.count()))
    assert "Dòng 2: Số CCCD: “1058000123” bị Excel lưu thành số nên mất số 0 ở đầu" in notes
    # AND the bad row cannot be ticked; the button counts the two good ones
    assert not preview.is_included(1)
    assert not preview.table.item(1, INCLUDE).flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert wizard.import_button.text() == "Nhập 2 đảng viên"
    # WHEN "Nhập 2 đảng viên"
    qtbot.mouseClick(wizard.import_button, LEFT)
    # THEN a summary, and the register shows them (through the window's Changes)
    assert wizard.step == SUMMARY
    assert "Đã nhập 2 đảng viên" in wizard.summary_step.label.text()
    assert "dòng 3" in wizard.summary_step.label.text()
    assert sorted(stored_names(store)) == ["Nguyễn Văn Đức", "Trần Văn Bình"]
    qtbot.mouseClick(wizard.close_button, LEFT)
    qtbot.waitUntil(lambda: window.active_dialog is None)
    page = window.pages[1]
    window.nav.setCurrentRow(1)
    qtbot.waitUntil(lambda: page.is_loaded)
    assert sorted(shown_names(page)) == ["Nguyễn Văn Đức", "Trần Văn Bình"]
    duc = next(r.member for r in page.model.rows() if r.member.full_name == "Nguyễn Văn Đức")
    assert duc.citizen_id == "001058000123" and duc.phone == "0912345678"
    # AND a backup was made just before, so a wrong import can be undone
    assert list_backups(store.path)[0].members == 0


def test_cancelling_writes_nothing(qtbot, window, wizard, store):
    _to_preview(qtbot, wizard)
    qtbot.mouseClick(wizard.cancel_button, LEFT)
    qtbot.waitUntil(lambda: window.active_dialog is None)
    assert stored_names(store) == []
    assert list_backups(store.path) == []


def test_a_fixed_row_is_rechecked_and_imported(qtbot, wizard, store):
    _to_preview(qtbot, wizard)
    preview = wizard.preview_step
    # WHEN the secretary selects the bad row, retypes the birth date and rechecks it
    preview.select_row(3)
    edit = preview.edits["birth_date"]
    assert edit.text() == "32/13/1970"
    edit.setText("01/03/1970")
    qtbot.mouseClick(preview.recheck_button, LEFT)
    # THEN the row is fine now, ticked, and counted
    assert preview.table.item(1, ACTION).text() == "Thêm mới"
    assert preview.is_included(1)
    assert preview.problems.count() == 0
    assert wizard.import_button.text() == "Nhập 3 đảng viên"
    qtbot.mouseClick(wizard.import_button, LEFT)
    assert len(stored_names(store)) == 3


def test_an_unticked_row_is_skipped(qtbot, wizard, store):
    _to_preview(qtbot, wizard)
    wizard.preview_step.set_included(4, False)
    assert wizard.import_button.text() == "Nhập 1 đảng viên"
    qtbot.mouseClick(wizard.import_button, LEFT)
    assert stored_names(store) == ["Nguyễn Văn Đức"]


def test_a_column_left_out_in_the_mapping_is_not_imported(qtbot, wizard, store):
    qtbot.mouseClick(wizard.file_step.choose_button, LEFT)
    qtbot.waitUntil(lambda: wizard.step == MAPPING, timeout=20_000)
    wizard.mapping_step.set_field(5, None)  # "Điện thoại": not imported
    qtbot.mouseClick(wizard.next_button, LEFT)
    assert all(not r.values.get("phone") for r in wizard.preview_step.rows)
    # choosing a field for a second column takes it from the first
    wizard.go_back()
    wizard.mapping_step.set_field(0, "full_name")
    assert wizard.mapping_step.combos[1].currentData() is None


def test_duplicates_of_the_register_are_skipped_by_default(qtbot, window, wizard, store):
    from gui_helpers import add

    add(store, "Trần Văn Bình", "01/01/1961", "01/01/1991", "01/01/1992")
    _to_preview(qtbot, wizard)
    preview = wizard.preview_step
    assert preview.table.item(2, ACTION).text() == "Bỏ qua vì trùng"
    assert not preview.is_included(2)
    notes = [preview.notes.item(i).text() for i in range(preview.notes.count())]
    assert any(n.startswith("Dòng 4: Trùng với hồ sơ đã có trong sổ: Trần Văn Bình") for n in notes)


def test_a_file_that_cannot_be_read_is_explained(qtbot, wizard, tmp_path):
    old = tmp_path / "cu.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    wizard.choose_file = lambda _p: old
    qtbot.mouseClick(wizard.file_step.choose_button, LEFT)
    qtbot.waitUntil(lambda: wizard.banner.isVisible(), timeout=10_000)
    assert "Excel 97–2003 (.xls)" in wizard.banner.text()
    assert wizard.step == FILE


def test_template_is_saved_where_chosen(qtbot, window, wizard, tmp_path):
    dest = tmp_path / "mau"
    wizard.choose_template = lambda _p: dest
    qtbot.mouseClick(wizard.file_step.template_button, LEFT)
    assert (tmp_path / "mau.xlsx").is_file()
    assert wizard.notify.shown[-1][0] == "Đã lưu tệp mẫu"
