"""Printing puts A4 in the document's orientation on the printer, whatever its driver's default
(Letter on many Windows PCs): the printed page is the PDF's page, at full size, in place."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter

from cellsec.reports.catalogue import build_document, spec_of
from cellsec.store import Store

from ui.common.tasks import page_images
from ui.printing.paper import page_target, set_paper
from ui.printing.preview import PrintPreviewDialog

RENDER_TIMEOUT_MS = 30_000
MM = 72 / 25.4  # PDF points in a millimetre
A4_PT = (595.28, 841.89)
MEASURE_DPI = 100.0
DARK = re.compile(rb"[\x00-\x9f]")


def letter_default_printer(target: Path) -> QPrinter:
    """A PDF printer set up like a driver whose default paper is Letter, upright."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setResolution(150)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def ink_box_mm(image: QImage) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of everything printed on a page, in mm from the top-left."""
    bits = bytes(image.constBits())
    stride, width = image.bytesPerLine(), image.width()
    left, right, top, bottom = width, 0, None, 0
    for y in range(image.height()):
        row = bits[y * stride : y * stride + width]
        first = DARK.search(row)
        if first is None:
            continue
        last = DARK.search(row[::-1])
        assert last is not None
        left, right = min(left, first.start()), max(right, width - 1 - last.start())
        top = y if top is None else top
        bottom = y
    assert top is not None, "a blank page"
    px = 25.4 / MEASURE_DPI
    return left * px, top * px, right * px, bottom * px


def _print(qtbot, store: Store, key: str, out: Path, **options) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(
        build_document(store, key, **options),
        title=spec_of(key).title,
        file_name="x.pdf",
        landscape=spec_of(key).landscape,
        choose_printer=lambda _parent, _landscape: letter_default_printer(out),
    )
    qtbot.waitUntil(lambda: dialog.is_ready or dialog.failure is not None, timeout=RENDER_TIMEOUT_MS)
    assert dialog.failure is None
    dialog.print_document()
    qtbot.waitUntil(lambda: dialog.status_label.text().startswith("Đã gửi"), timeout=RENDER_TIMEOUT_MS)
    return dialog


def _options(store: Store, key: str) -> dict:
    if key == "resolution":  # October's approved meeting
        return {"meeting_id": store.meetings.list_between(date(2026, 10, 1), date(2026, 10, 31))[0].id}
    return {"on": date(2026, 11, 22)}


@pytest.mark.parametrize(("key", "landscape"), [("resolution", False), ("register", True)])
def test_a4_document_prints_on_a4_at_full_size_on_a_letter_printer(
    qtbot, demo_store, tmp_path, key, landscape
):
    options = _options(demo_store, key)
    # GIVEN a printer whose driver's default paper is Letter, upright
    out = tmp_path / "printed.pdf"
    # WHEN a portrait (resolution) or a landscape (register) document is printed on it
    dialog = _print(qtbot, demo_store, key, out, **options)
    # THEN every printed sheet is A4, in the document's orientation
    pages = PdfReader(out).pages
    assert len(pages) == dialog.page_count
    for page in pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        expected = A4_PT[::-1] if landscape else A4_PT
        assert width == pytest.approx(expected[0], abs=1) and height == pytest.approx(expected[1], abs=1)
    # AND the text sits where the PDF puts it, within a millimetre (not shrunk into a corner)
    assert dialog.pdf is not None
    original = ink_box_mm(page_images(dialog.pdf, MEASURE_DPI)[0])
    printed = ink_box_mm(page_images(out.read_bytes(), MEASURE_DPI)[0])
    for was, now in zip(original, printed):
        assert now == pytest.approx(was, abs=1.0)
    dialog.reject()


def test_the_printer_is_set_to_a4_and_the_orientation_before_the_dialog(qapp):
    # GIVEN a Letter printer; WHEN the paper is set for a landscape document
    printer = letter_default_printer(Path("unused.pdf"))
    assert set_paper(printer, landscape=True)
    # THEN it is A4 on its side, full page, without margins
    layout = printer.pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.A4
    assert layout.orientation() == QPageLayout.Orientation.Landscape
    assert printer.fullPage()


def test_a_page_on_other_paper_is_fitted_and_centred_never_cut(qapp):
    # GIVEN a printer that stays on Letter (a driver that refuses A4)
    printer = letter_default_printer(Path("unused.pdf"))
    paper = printer.paperRect(QPrinter.Unit.DevicePixel).toAlignedRect()
    # WHEN an A4 page image is placed on it
    a4 = QSize(1240, 1754)
    target = page_target(printer, a4)
    # THEN it fits within the sheet, keeps its shape and is centred across
    assert paper.contains(target)
    assert abs(target.width() / target.height() - a4.width() / a4.height()) < 0.01
    assert abs(target.left() - (paper.width() - target.right() - 1)) <= 1
