"""The meetings of one year, month by month, with the months and quarters that lack one."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from cellsec.dates import format_date
from cellsec.entities.meetings import Meeting
from cellsec.rules.counting import RollCount
from cellsec.services.meetings import MonthRow, RecordCheck, YearCalendar

from ui.common.column_fit import ColumnFitter

COLUMNS = ("Tháng / ngày", "Buổi sinh hoạt", "Tình trạng", "Dự họp", "Ghi chú")
WHEN, KIND, STATUS, PRESENT, NOTE = range(5)
MEETING_ROLE = Qt.ItemDataRole.UserRole + 1
MONTH_ROLE = Qt.ItemDataRole.UserRole + 2
MISSING = "Chưa sinh hoạt thường kỳ"
MISSING_NOW = "Tháng này chưa sinh hoạt thường kỳ"
MISMATCH = "Biên bản không khớp bản đã thông qua!"
_RED, _AMBER, _GREY = QColor("#fbe0de"), QColor("#fff1cc"), QColor("#eef1f5")


def status_text(m: Meeting) -> str:
    if not m.approved:
        return "Nháp"
    return f"Đã thông qua — Số {m.full_resolution_number}" if m.resolution_number else "Đã thông qua"


def kind_text(m: Meeting) -> str:
    return f"{m.kind.label}: {m.topic}" if m.kind.is_thematic and m.topic else m.kind.label


class YearTree(QTreeWidget):
    """Month rows (bold; red when a past month had no regular meeting, amber for a reminder)
    with their meetings under them. Enter or a double click on a meeting: sig_open_requested."""

    sig_open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.missing_months: list[int] = []
        self.quarters_without_thematic: tuple[int, ...] = ()
        self._thematic_flag = ""
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(list(COLUMNS))
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setIndentation(18)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setStyleSheet("QTreeWidget::item { padding: 5px 2px; }")
        # Long titles elide (the whole title is the tooltip) instead of a horizontal scrollbar.
        self.fitter = ColumnFitter(self, elastic=(KIND, STATUS))
        metrics = self.fontMetrics()
        for col, sample in (
            (WHEN, "Tháng 12/2026  "),
            (KIND, "Thường kỳ kết hợp chuyên đề  "),
            (STATUS, "Đã thông qua — Số 12-NQ/CB"),
            (PRESENT, "Có mặt 60/60"),
        ):
            self.fitter.want(col, metrics.horizontalAdvance(sample) + 40)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.itemDoubleClicked.connect(lambda item, _col: self._activated(item))

    def show_year(
        self,
        calendar: YearCalendar,
        meetings: Mapping[int, Meeting],
        counts: Mapping[int, RollCount],
        checks: Mapping[int, RecordCheck],
    ) -> int:
        """Fill from the year's calendar; by meeting id: the records, their figures (from the
        core's one derivation) and their record checks. Keeps the selection where it can.
        Returns the number of meetings."""
        keep, keep_month = self.selected_meeting_id(), self.selected_month()
        self.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        self.missing_months = [row.month for row in calendar.months if row.missing_regular]
        self.quarters_without_thematic = calendar.quarters_without_thematic
        self._thematic_flag = calendar.thematic_flag
        count = 0
        select: QTreeWidgetItem | None = None
        for row in calendar.months:
            month = QTreeWidgetItem([f"Tháng {row.month}/{calendar.year}", "", "", "", ""])
            month.setData(WHEN, MONTH_ROLE, row.month)
            note = self._month_note(row)
            colour = _GREY if not note else _RED if note == MISSING else _AMBER
            # Month rows have no meeting of their own: the note runs across the whole row.
            month.setText(KIND, note)
            if note:
                month.setText(WHEN, f"Tháng {row.month}/{calendar.year} — {note}")
            for col in range(len(COLUMNS)):
                month.setFont(col, bold)
                month.setBackground(col, QBrush(colour))
            self.addTopLevelItem(month)
            month.setFirstColumnSpanned(True)  # only once in the tree
            if keep_month == row.month and keep is None:
                select = month
            for header in row.meetings:
                count += 1
                key = header.id or 0
                item = self._meeting_item(meetings.get(key, header), counts.get(key), checks.get(key))
                month.addChild(item)
                if header.id == keep:
                    select = item
            month.setExpanded(True)
        if select is not None:
            self.setCurrentItem(select)
        return count

    @staticmethod
    def _month_note(row: MonthRow) -> str:
        if row.missing_regular:
            return MISSING
        if row.regular_pending:
            return MISSING_NOW  # not overdue yet, but worth a reminder
        return row.thematic_missing  # the last month of a period without a thematic meeting

    @staticmethod
    def _meeting_item(m: Meeting, c: RollCount | None, check: RecordCheck | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [
                f"   {format_date(m.date)}",
                kind_text(m),
                status_text(m),
                f"Có mặt {c.present}/{c.total}" if c and m.roll else "",
                "",
            ]
        )
        item.setToolTip(KIND, kind_text(m))
        item.setToolTip(STATUS, status_text(m))  # whole, when the column is narrow
        item.setData(WHEN, MEETING_ROLE, m.id)
        if check is not None and check.ok is False:
            item.setText(NOTE, MISMATCH)
            item.setToolTip(NOTE, check.message)
            item.setForeground(NOTE, QBrush(QColor("#9b1c1c")))
        return item

    def flags_text(self) -> str:
        parts = []
        if self.missing_months:
            months = ", ".join(str(m) for m in self.missing_months)
            parts.append(f"Chưa sinh hoạt thường kỳ: tháng {months}.")
        if self._thematic_flag:
            parts.append(self._thematic_flag)
        return "  ".join(parts)

    # --- selection ---------------------------------------------------------------------------
    def month_note(self, month: int) -> str:
        return self.topLevelItem(month - 1).text(KIND)

    def selected_meeting_id(self) -> int | None:
        item = self.currentItem()
        value = item.data(WHEN, MEETING_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def selected_is_approved(self) -> bool:
        item = self.currentItem()
        return (
            self.selected_meeting_id() is not None
            and item is not None
            and item.text(STATUS).startswith("Đã thông qua")
        )

    def selected_month(self) -> int | None:
        item = self.currentItem()
        if item is None:
            return None
        if item.parent() is not None:
            item = item.parent()
        value = item.data(WHEN, MONTH_ROLE)
        return int(value) if value is not None else None

    def select_meeting(self, meeting_id: int) -> None:
        for i in range(self.topLevelItemCount()):
            month = self.topLevelItem(i)
            for j in range(month.childCount()):
                if month.child(j).data(WHEN, MEETING_ROLE) == meeting_id:
                    self.setCurrentItem(month.child(j))
                    return

    def _activated(self, item: QTreeWidgetItem) -> None:
        if item.data(WHEN, MEETING_ROLE) is not None:
            self.sig_open_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self._activated(item)
            event.accept()
            return
        super().keyPressEvent(event)
