"""The register page keeps every member's admission: deleting it is refused with the reason."""

from __future__ import annotations

from gui_helpers import add, column, shown_names
from PySide6.QtCore import Qt

from cellsec.services.members import add_event


def test_deleting_the_admission_of_a_deceased_member_is_refused(qtbot, page, store):
    # GIVEN a member admitted in 2023 who died while still probationary, selected in the register
    # (before, deleting the admission was accepted: the rest of the history still held together)
    member_id = add(store, "Phạm Văn Lộc", "10/04/1965", "01/06/2023")
    add_event(store, member_id, {"kind": "deceased", "date": "01/03/2024"})
    page.status_box.setCurrentIndex(page.status_box.findData("all"))
    page.reload()
    page.table.selectRow(shown_names(page).index("Phạm Văn Lộc"))
    history = page.detail.history
    assert history.rowCount() == 2
    notices: list[tuple[str, str]] = []
    page.ask = lambda _parent, _title, _text: True
    page.notify = lambda _parent, title, text, **_kw: notices.append((title, text))
    # WHEN the secretary selects the admission and deletes it, answering Có
    row = next(
        r
        for r in range(history.rowCount())
        if "Kết nạp vào Đảng" in history.item(r, column(history, "Sự kiện")).text()
    )
    history.selectRow(row)
    qtbot.mouseClick(page.detail.delete_button, Qt.MouseButton.LeftButton)
    # THEN a warning says why, and the history still starts with the admission
    assert notices and notices[0][0] == "Không xóa được sự kiện"
    assert "Kết nạp vào Đảng" in notices[0][1]
    assert history.rowCount() == 2
    assert [e.kind.value for e in store.members.events_of(member_id)] == ["admitted", "deceased"]
