"""The register table model: Qt's model contract, displayed columns and Vietnamese sorting."""

from __future__ import annotations

from datetime import date

from gui_helpers import add
from PySide6.QtCore import QModelIndex, Qt

from cellsec.services.register import load_register

from ui.members.member_table_model import COLUMNS, NAME, SORT_KEY_ROLE, STT, MemberTableModel


def _column(header: str) -> int:
    return [c.header for c in COLUMNS].index(header)


def _model_with(store) -> MemberTableModel:
    add(
        store,
        "Trần Văn Đức",
        "02/03/1950",
        "10/10/1975",
        "10/10/1976",
        phone="0912345678",
        party_card_no="012345678901",
    )
    add(store, "Lê Thị Dung", "05/06/1962", "01/02/1990", "01/02/1991", sex="Nữ")
    add(store, "Nguyễn Văn Anh", "01/01/1980", "15/05/2020")
    add(store, "Phạm Văn Ánh", "07/07/1985", "20/05/2010", "20/05/2011")
    model = MemberTableModel()
    model.set_rows(load_register(store, date(2024, 1, 1)))
    return model


def _names(model: MemberTableModel) -> list[str]:
    return [model.index(r, NAME).data() for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester, store):
    model = _model_with(store)
    qtmodeltester.check(model, force_py=True)
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_rows_have_no_children(store):
    model = _model_with(store)
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.rowCount(QModelIndex()) == 4


def test_columns_show_vietnamese_headers_and_dd_mm_yyyy(store):
    model = _model_with(store)
    headers = [model.headerData(i, Qt.Orientation.Horizontal).replace("\n", " ") for i in range(len(COLUMNS))]
    assert headers == [
        "STT",
        "Họ và tên",
        "Giới tính",
        "Ngày sinh",
        "Ngày vào Đảng",
        "Ngày chính thức",
        "Tuổi đảng",
        "Tình trạng",
        "Điện thoại",
        "Số thẻ đảng",
    ]
    row = _names(model).index("Trần Văn Đức")
    shown = [model.index(row, c).data() for c in range(len(COLUMNS))]
    assert shown == [
        str(row + 1),
        "Trần Văn Đức",
        "Nam",
        "02/03/1950",
        "10/10/1975",
        "10/10/1976",
        "48 năm 2 tháng",
        "Chính thức",
        "0912345678",
        "012345678901",
    ]


def test_names_sort_by_given_name_in_vietnamese_alphabet(store):
    # GIVEN Anh, Ánh, Dung, Đức (đ comes after d; tones only break ties)
    model = _model_with(store)
    # THEN the register order is by given name, and the header sorts the same way
    assert _names(model) == ["Nguyễn Văn Anh", "Phạm Văn Ánh", "Lê Thị Dung", "Trần Văn Đức"]
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["Trần Văn Đức", "Lê Thị Dung", "Phạm Văn Ánh", "Nguyễn Văn Anh"]
    assert model.index(0, NAME).data(SORT_KEY_ROLE) is not None


def test_dates_and_party_age_sort_by_value_not_by_text(store):
    model = _model_with(store)
    model.sort(_column("Ngày sinh"), Qt.SortOrder.AscendingOrder)
    assert _names(model)[0] == "Trần Văn Đức"  # 1950: "02/03/1950" would not be first as text
    model.sort(_column("Tuổi đảng"), Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["Trần Văn Đức", "Lê Thị Dung", "Phạm Văn Ánh", "Nguyễn Văn Anh"]


def test_stt_numbers_follow_the_display_and_sorting_by_it_restores_register_order(store):
    model = _model_with(store)
    model.sort(_column("Ngày sinh"), Qt.SortOrder.AscendingOrder)
    assert [model.index(r, STT).data() for r in range(4)] == ["1", "2", "3", "4"]
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert _names(model) == ["Nguyễn Văn Anh", "Phạm Văn Ánh", "Lê Thị Dung", "Trần Văn Đức"]


def test_new_rows_keep_the_chosen_sort(store):
    model = _model_with(store)
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    model.set_rows(load_register(store, date(2024, 1, 1))[:2])
    assert _names(model) == ["Phạm Văn Ánh", "Nguyễn Văn Anh"]
