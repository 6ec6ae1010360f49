"""See a document before printing: pages as images, zoom, page N / M, print, save as PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.common import tasks
from ui.common.dialogs import show_notice
from ui.common.file_choosers import in_documents
from ui.common.screen_room import fit_to_screen
from ui.printing.paper import page_target, set_paper

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.2, 4.0
PAGE_GAP = 16

ChoosePath = Callable[[QWidget, str], "Path | None"]
ChoosePrinter = Callable[[QWidget, bool], "QPrinter | None"]  # (parent, landscape)


def choose_pdf_path(parent: QWidget, default_name: str) -> Path | None:
    """Ask where to save; starts in the Documents folder with the suggested name."""
    path, _ = QFileDialog.getSaveFileName(
        parent, "Lưu tệp PDF", in_documents(default_name), "Tệp PDF (*.pdf)"
    )
    if not path:
        return None
    out = Path(path)
    return out if out.suffix.lower() == ".pdf" else out.with_name(out.name + ".pdf")


def choose_printer(parent: QWidget, landscape: bool = False) -> QPrinter | None:
    """The system's print dialog, with Vietnamese buttons where Qt draws them itself. It opens
    on A4 in the document's orientation, whatever the driver's default paper."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_paper(printer, landscape)
    dialog = print_dialog(printer, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return printer if accepted else None


def print_dialog(printer: QPrinter, parent: QWidget | None) -> QPrintDialog:
    """The print dialog for `printer`, its title and the buttons Qt draws itself in Vietnamese
    (the rest of its texts come from the app's Qt translator)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("In văn bản")
    for box in dialog.findChildren(QDialogButtonBox):
        for which, text in (
            (QDialogButtonBox.StandardButton.Ok, "In"),
            (QDialogButtonBox.StandardButton.Cancel, "Hủy"),
        ):
            button = box.button(which)
            if button is not None:
                button.setText(text)
    return dialog


def _button(text: str, tip: str = "", shortcut: str | None = None) -> QPushButton:
    b = QPushButton(text)
    b.setAutoDefault(False)
    if tip:
        b.setToolTip(tip)
    if shortcut:
        b.setShortcut(QKeySequence(shortcut))
    return b


class PrintPreviewDialog(QDialog):
    """Takes a built (not rendered) Document; renders and rasterises it on a worker."""

    def __init__(
        self,
        doc: Any,
        *,
        title: str,
        file_name: str,
        landscape: bool = False,
        parent: QWidget | None = None,
        choose_path: ChoosePath = choose_pdf_path,
        choose_printer: ChoosePrinter = choose_printer,
        notify: Callable[..., None] = show_notice,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Xem trước khi in — {title}")
        self.file_name = file_name
        self.landscape = landscape  # A4 always; the catalogue entry's orientation
        self.choose_path = choose_path
        self.choose_printer = choose_printer
        self.notify = notify
        self.pdf: bytes | None = None
        self.images: list[QImage] = []
        self.printed_pages = 0
        self.failure: str | None = None
        self._zoom = 1.0
        self._fit = True
        self._labels: list[QLabel] = []
        self._went_to: tuple[int, int] | None = None  # (page, scroll value) of go_to
        self._printer: QPrinter | None = None
        self._painter: QPainter | None = None
        self._print_job: tasks.TaskHandle | None = None

        # Short labels (the paging and zoom buttons show a sign, their tooltip says it in words
        # with the key): the bar fits a 1366-pixel screen at 175 % text. Every action has a key.
        self.prev_button = _button("◀", "Trang trước (phím PgUp)", "PgUp")
        self.next_button = _button("▶", "Trang sau (phím PgDn)", "PgDown")
        self.page_label = QLabel("Trang – / –")
        self.zoom_out_button = _button("−", "Thu nhỏ (Ctrl+-)", "Ctrl+-")
        self.zoom_in_button = _button("+", "Phóng to (Ctrl++)", "Ctrl++")
        self.fit_button = _button("Vừa khổ rộng", "Trang vừa chiều rộng cửa sổ (Ctrl+0)", "Ctrl+0")
        self.zoom_label = QLabel()
        self.print_button = _button("In…", "In ra máy in (Ctrl+P)", "Ctrl+P")
        self.save_button = _button(
            "Lưu PDF…", "Lưu thành tệp PDF để gửi hoặc đăng lên Sổ tay đảng viên (Ctrl+S)", "Ctrl+S"
        )
        self.close_button = _button("Đóng", "Đóng bản xem trước (Esc)")
        for small in (self.prev_button, self.next_button, self.zoom_out_button, self.zoom_in_button):
            small.setAccessibleName(small.toolTip())
            small.setMinimumWidth(small.fontMetrics().horizontalAdvance("M") * 3)
        self.prev_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.zoom_in_button.clicked.connect(lambda: self.set_zoom(self._zoom * ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.set_zoom(self._zoom / ZOOM_STEP))
        self.fit_button.clicked.connect(self.fit_width)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+="), self).activated.connect(self.zoom_in_button.click)

        bar = QHBoxLayout()
        for w in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(12)
        for w in (self.zoom_out_button, self.zoom_in_button, self.fit_button, self.zoom_label):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.print_button, self.save_button, self.close_button):
            bar.addWidget(w)

        self.status_label = QLabel("Đang tạo bản xem trước…")
        self.status_label.setWordWrap(True)
        self.pages_widget = QWidget()
        self.pages_widget.setStyleSheet("background: #8a8f96;")
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setSpacing(PAGE_GAP)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setWidget(self.pages_widget)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda *_: self._update_page_label())

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.scroll, 1)
        self._set_ready(False)
        self._size_to_screen()
        self._render_job = tasks.render_document(doc, on_done=self._on_rendered, on_failed=self._on_failed)

    def _size_to_screen(self) -> None:
        """980×720, or the screen's free area when that is smaller (1366×768 at large text)."""
        fit_to_screen(self, max(980, self.minimumSizeHint().width()), 720)

    # --- rendering ---------------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        return len(self.images)

    @property
    def is_ready(self) -> bool:
        return self.pdf is not None

    def _set_ready(self, ready: bool) -> None:
        for b in (
            self.prev_button,
            self.next_button,
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_button,
            self.print_button,
            self.save_button,
        ):
            b.setEnabled(ready)

    def _on_rendered(self, result: tasks.RenderedPdf) -> None:
        self.pdf = result.pdf
        self.images = list(result.pages)
        for _ in self.images:
            label = QLabel()
            label.setStyleSheet("background: white;")
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self._labels.append(label)
        self.status_label.hide()
        self._set_ready(True)
        self.fit_width(page=1)

    def _on_failed(self, message: str) -> None:
        self.failure = message
        self.status_label.setText(message)
        self.status_label.setStyleSheet("color: #9b1c1c; font-weight: bold;")

    # --- viewing -----------------------------------------------------------------------------
    def fit_width(self, page: int | None = None) -> None:
        if not self.images:
            return
        room = self.scroll.viewport().width() - 2 * PAGE_GAP - 4
        self._fit = True
        self._apply_zoom(max(ZOOM_MIN, min(ZOOM_MAX, room / self.images[0].width())), page)

    def set_zoom(self, zoom: float) -> None:
        self._fit = False
        self._apply_zoom(max(ZOOM_MIN, min(ZOOM_MAX, zoom)))

    def _apply_zoom(self, zoom: float, page: int | None = None) -> None:
        page = page or self.current_page()
        self._zoom = zoom
        ratio = self.devicePixelRatioF()
        for image, label in zip(self.images, self._labels):
            size = image.size() * zoom * ratio
            pixmap = QPixmap.fromImage(
                image.scaled(
                    size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.deviceIndependentSize().toSize())
        # Percent of the real paper size on a 96 dpi screen.
        dpi = self.images[0].dotsPerMeterX() * 0.0254 if self.images else 96
        self.zoom_label.setText(f"Cỡ xem {round(zoom * 96 / max(dpi, 1) * 100 * ratio)} %")
        # Lay the pages out now, so their positions are known for going to a page.
        self.pages_layout.activate()
        self.pages_widget.adjustSize()
        self.go_to(page)

    def current_page(self) -> int:
        """1-based number of the page being read: the one the user went to with the page
        buttons, or — once the user scrolls — the page at the top of the view."""
        if not self._labels:
            return 0
        bar = self.scroll.verticalScrollBar()
        if self._went_to is not None and bar.value() == self._went_to[1]:
            return self._went_to[0]
        top = bar.value() + self.scroll.viewport().height() // 3
        page = 1
        for i, label in enumerate(self._labels, start=1):
            if label.y() <= top:
                page = i
        return page

    def go_to(self, page: int) -> None:
        if not self._labels:
            return
        page = max(1, min(page, len(self._labels)))
        bar = self.scroll.verticalScrollBar()
        bar.setValue(self._labels[page - 1].y() - PAGE_GAP // 2)
        # The last pages may not reach the top of the view: remember where we went.
        self._went_to = (page, bar.value())
        self._update_page_label(page)

    def _update_page_label(self, page: int | None = None) -> None:
        n = page or self.current_page()
        self.page_label.setText(f"Trang {n} / {self.page_count}" if self.page_count else "Trang – / –")
        self.prev_button.setEnabled(self.is_ready and n > 1)
        self.next_button.setEnabled(self.is_ready and n < self.page_count)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fit and self.images:
            self.fit_width()

    # --- output ------------------------------------------------------------------------------
    def save_pdf(self) -> Path | None:
        if self.pdf is None:
            return None
        path = self.choose_path(self, self.file_name)
        if path is None:
            return None
        try:
            Path(path).write_bytes(self.pdf)
        except OSError as err:
            self.notify(
                self,
                "Không lưu được tệp",
                f"Không ghi được tệp “{path}”: {err.strerror or err}.",
                warning=True,
            )
            return None
        self.status_label.setStyleSheet("")
        self.status_label.setText(f"Đã lưu: {path}")
        self.status_label.show()
        return Path(path)

    def print_document(self) -> None:
        """Paint the pages, rasterised again at the printer's resolution, one by one."""
        if self.pdf is None or self._print_job is not None:
            return
        printer = self.choose_printer(self, self.landscape)
        if printer is None:
            return
        # Again after the dialog: a driver (or the user's last job) may have put Letter back.
        set_paper(printer, self.landscape)
        painter = QPainter()
        if not painter.begin(printer):
            self.notify(self, "Không in được", "Không mở được máy in đã chọn.", warning=True)
            return
        self._printer, self._painter, self.printed_pages = printer, painter, 0
        self.print_button.setEnabled(False)
        self.status_label.setStyleSheet("")
        self.status_label.setText("Đang gửi tới máy in…")
        self.status_label.show()
        self._print_job = tasks.rasterise_for_print(
            self.pdf,
            float(printer.resolution()),
            on_page=self._on_print_page,
            on_done=self._on_printed,
            on_failed=self._on_print_failed,
        )

    def _on_print_page(self, page: tuple[int, int, QImage]) -> None:
        index, count, image = page
        if self._painter is None or self._printer is None:
            return
        if index > 0:
            self._printer.newPage()
        target = page_target(self._printer, image.size())
        self._painter.drawImage(
            target.topLeft(),
            image.scaled(
                target.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            ),
        )
        self.printed_pages = index + 1
        self.status_label.setText(f"Đang in trang {index + 1} / {count}…")

    def _end_print(self) -> None:
        if self._painter is not None:
            self._painter.end()
        self._painter = self._printer = None
        self._print_job = None
        self.print_button.setEnabled(self.is_ready)

    def _on_printed(self, _result: object) -> None:
        self._end_print()
        self.status_label.setText(f"Đã gửi {self.printed_pages} trang tới máy in.")

    def _on_print_failed(self, message: str) -> None:
        if self._printer is not None:
            self._printer.abort()
        self._end_print()
        self.status_label.setText(message)

    # --- closing -----------------------------------------------------------------------------
    def done(self, result: int) -> None:
        # Nothing may report to a closed dialog; a print under way is finished first.
        self._render_job.cancel()
        if self._print_job is not None:
            self._print_job.cancel()
            self._print_job.finished.wait(10)
            if self._printer is not None:
                self._printer.abort()
            self._end_print()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._render_job.cancel()
        super().closeEvent(event)
