"""Steps of the Excel import wizard: choosing the file, matching columns to fields, the result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cellsec.spreadsheets import FIELD_LABELS, ImportPreview, ImportSummary, RawTable

NOT_IMPORTED = "(Không nhập)"
FILE_HELP = (
    "Chọn tệp danh sách đảng viên (Excel .xlsx hoặc .csv). Dòng tiêu đề cần có các cột như "
    "“Họ và tên”, “Giới tính”, “Ngày sinh”, “Ngày vào Đảng”. Nếu chưa có tệp, hãy bấm “Tải tệp "
    "mẫu…”, điền vào tệp mẫu bằng Excel rồi chọn tệp đó.\n\n"
    "Chưa có gì được ghi vào sổ cho đến khi bấm nút “Nhập … đảng viên” ở bước cuối."
)
MAPPING_HELP = (
    "Mỗi cột trong tệp được ghép với một thông tin của đảng viên. Chương trình đã tự "
    "ghép theo tên cột; hãy xem lại và đổi nếu sai. Cột nào không cần thì chọn "
    f"“{NOT_IMPORTED}”."
)
MAP_HEADERS = ("Cột", "Tiêu đề trong tệp", "Ví dụ (các dòng đầu)", "Nhập vào thông tin")
SAMPLES = 3


class FileStep(QWidget):
    """Step 1: which file; the wizard reads it (on a worker) when one is chosen."""

    sig_choose = Signal()
    sig_template = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        help_label = QLabel(FILE_HELP)
        help_label.setWordWrap(True)
        self.choose_button = QPushButton("Chọn tệp Excel…")
        self.template_button = QPushButton("Tải tệp mẫu…")
        self.template_button.setToolTip("Lưu tệp Excel mẫu có sẵn các cột và hướng dẫn")
        self.choose_button.clicked.connect(self.sig_choose)
        self.template_button.clicked.connect(self.sig_template)
        self.path_label = QLabel("Chưa chọn tệp.")
        self.path_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(help_label)
        layout.addLayout(buttons)
        layout.addWidget(self.path_label)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

    def show_path(self, path: Path) -> None:
        self.path_label.setText(f"Tệp đã chọn: {path}")


def _samples(table: RawTable, preview: ImportPreview, index: int) -> str:
    start = preview.header_row - table.first_row + 1
    found: list[str] = []
    for row in table.rows[start:]:
        value = row[index] if index < len(row) else None
        text = "" if value is None else str(value).strip()
        if text:
            found.append(text if len(text) <= 24 else text[:23] + "…")
        if len(found) == SAMPLES:
            break
    return "; ".join(found)


class MappingStep(QWidget):
    """Step 2: one row per column of the file, with a combo choosing the field it fills."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        help_label = QLabel(MAPPING_HELP)
        help_label.setWordWrap(True)
        self.table = QTableWidget(0, len(MAP_HEADERS))
        self.table.setHorizontalHeaderLabels(MAP_HEADERS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the combos take the focus
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: list[QComboBox] = []
        layout = QVBoxLayout(self)
        layout.addWidget(help_label)
        layout.addWidget(self.table, 1)

    def set_preview(self, preview: ImportPreview, table: RawTable) -> None:
        self.combos = []
        self.table.setRowCount(len(preview.columns))
        for r, col in enumerate(preview.columns):
            for c, text in enumerate(
                (col.letter, col.header or "(không có tiêu đề)", _samples(table, preview, col.index))
            ):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
            combo = QComboBox()
            combo.addItem(NOT_IMPORTED, None)
            for key, label in FIELD_LABELS.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(combo.findData(col.field), 0))
            combo.currentIndexChanged.connect(lambda _i, row=r: self._on_changed(row))
            self.table.setCellWidget(r, 3, combo)
            self.combos.append(combo)
        if self.combos:  # rows as tall as the combos in them
            self.table.verticalHeader().setDefaultSectionSize(self.combos[0].sizeHint().height() + 6)

    def _on_changed(self, row: int) -> None:
        """One column per field: the field chosen here is taken from any other column."""
        key = self.combos[row].currentData()
        if key is None:
            return
        for r, combo in enumerate(self.combos):
            if r != row and combo.currentData() == key:
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)

    def set_field(self, column: int, key: str | None) -> None:
        combo = self.combos[column]
        combo.setCurrentIndex(max(combo.findData(key), 0))

    def mapping(self) -> dict[str, int | None]:
        """Every field, with its column or None: the user's choice replaces the automatic one."""
        chosen: dict[str, int | None] = {key: None for key in FIELD_LABELS}
        for index, combo in enumerate(self.combos):
            if combo.currentData() is not None:
                chosen[combo.currentData()] = index
        return chosen


class SummaryStep(QWidget):
    """Step 4: what was written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.label.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addStretch(1)

    def show_summary(self, summary: ImportSummary, file_name: str) -> None:
        lines = [f"Đã nhập {summary.added} đảng viên từ tệp “{file_name}” vào sổ đảng viên."]
        if summary.skipped:
            rows = ", ".join(str(r) for r in summary.skipped_rows)
            lines.append(f"Không nhập {summary.skipped} dòng (dòng {rows}).")
        lines.append(
            "Hãy mở từng hồ sơ trong Sổ đảng viên để kiểm tra lại. Nếu nhập nhầm, có "
            "thể khôi phục bản sao lưu tự động làm trước đó (Tệp › Sao lưu và khôi "
            "phục)."
        )
        self.label.setText("\n\n".join(lines))
