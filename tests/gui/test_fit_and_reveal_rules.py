"""The two small rules behind the fitted tables and the saved record shown: which optional
columns give way, and how a filter widens once (not once per box) to show a saved record."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit

from ui.common.column_fit import give_way
from ui.common.reveal import reveal_saved


def test_optional_columns_give_way_first_named_first_and_only_while_needed():
    minimum = [100, 300, 80, 120, 90]
    assert give_way(minimum, [2, 4], 700) == set()  # all fit: nothing hidden
    assert give_way(minimum, [2, 4], 650) == {2}  # one is enough
    assert give_way(minimum, [2, 4], 560) == {2, 4}
    assert give_way(minimum, [2, 4], 100) == {2, 4}  # never more than the optional ones


def test_a_hidden_saved_record_clears_the_search_and_widens_the_choice_once(qtbot):
    # GIVEN a list searched for "Dũng" and filtered to "Chính thức"
    search, status = QLineEdit("Dũng"), QComboBox()
    for text, data in (("Tất cả", "all"), ("Chính thức", "full")):
        status.addItem(text, data)
    status.setCurrentIndex(1)
    qtbot.addWidget(search)
    qtbot.addWidget(status)
    filtered: list[tuple[str, str]] = []
    search.textChanged.connect(lambda *_: filtered.append(("search", search.text())))
    status.currentIndexChanged.connect(lambda *_: filtered.append(("status", status.currentData())))
    shown = {"Nguyễn Văn Dũng"}

    def refilter() -> None:
        filtered.append(("refilter", status.currentData()))
        shown.add("Nguyễn Văn Đức")

    # WHEN the record saved (Đức) is not shown
    assert reveal_saved(
        lambda: "Nguyễn Văn Đức" in shown, refilter, search=search, choices=((status, "all"),)
    )
    # THEN the search is empty, the choice is "Tất cả", and the list was filtered once
    assert search.text() == "" and status.currentData() == "all"
    assert filtered == [("refilter", "all")]
    # AND a record already shown changes nothing
    search.setText("Đức")
    filtered.clear()
    assert reveal_saved(lambda: True, refilter, search=search, choices=((status, "full"),))
    assert search.text() == "Đức" and filtered == []
