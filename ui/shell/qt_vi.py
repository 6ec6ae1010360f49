"""Vietnamese for the few texts Qt itself shows (edit menus, standard buttons); Qt ships none."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from ui.common.qt_texts import QT_TEXTS

_EDIT_MENU = {
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "Cắ&t",
    "&Copy": "&Sao chép",
    "&Paste": "&Dán",
    "Delete": "Xóa",
    "Select All": "Chọn tất cả",
    "Copy &Link Location": "Sao chép địa &chỉ liên kết",
}
_BUTTONS = {
    "OK": "Đồng ý",
    "Save": "Lưu",
    "Open": "Mở",
    "Cancel": "Hủy",
    "Close": "Đóng",
    "&Yes": "&Có",
    "&No": "&Không",
    "Apply": "Áp dụng",
    "Help": "Trợ giúp",
    "Discard": "Bỏ qua",
    "Don't Save": "Không lưu",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
    "Abort": "Hủy bỏ",
    "Reset": "Đặt lại",
    "Restore Defaults": "Khôi phục mặc định",
}
TEXTS: dict[str, dict[str, str]] = {
    "QLineEdit": _EDIT_MENU,
    "QWidgetTextControl": _EDIT_MENU,
    "QPlatformTheme": _BUTTONS,
    "QMessageBox": {"Show Details...": "Xem chi tiết…", "Hide Details...": "Ẩn chi tiết…"},
}


class VietnameseQtTranslator(QTranslator):
    """Answers Qt's own translate() calls from the table above; everything else is unchanged."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None becomes a null QString, which Qt reads as "no translation here". An empty
        # string would be taken as the translation and blank out every other text.
        found = TEXTS.get(context, {}).get(source)
        if found is None and context.startswith("Q"):  # Qt's own classes (the app never tr()s)
            found = QT_TEXTS.get(source)
        return found

    def isEmpty(self) -> bool:
        return False
