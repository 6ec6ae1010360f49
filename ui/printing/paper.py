"""The paper a document is printed on: every CellSec document is A4, upright or on its side as
its catalogue entry says. A printer driver that defaults to Letter (common on Windows) would
otherwise shrink an A4 page to ~94 % in the top-left corner, and a landscape register to ~71 %
on upright paper."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRect, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter


def a4_layout(landscape: bool) -> QPageLayout:
    """A4 in the document's orientation, no margins: the PDF pages carry their own."""
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
    )


def set_paper(printer: QPrinter, landscape: bool) -> bool:
    """Put A4 in the document's orientation on `printer`, full page. False when the printer
    would not take A4 (the page is then fitted to its paper, see page_target)."""
    taken = printer.setPageLayout(a4_layout(landscape))
    if not taken:
        # Some drivers refuse a zero margin: keep their margins, still A4 and the orientation.
        taken = printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(a4_layout(landscape).orientation())
    printer.setFullPage(True)  # after the layout, which resets it
    return taken and printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4


def page_target(printer: QPrinter, image: QSize) -> QRect:
    """Where a page image goes on the paper, in device pixels: the whole sheet when the paper
    is the page's size (A4 on A4 is never shrunk), else the page fitted and centred."""
    paper = printer.paperRect(QPrinter.Unit.DevicePixel).toAlignedRect()
    size = image.scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = paper.left() + (paper.width() - size.width()) // 2
    top = paper.top() + (paper.height() - size.height()) // 2
    return QRect(left, top, size.width(), size.height())
