"""Background work: the only place that starts threads. Workers get plain data (a built
Document, PDF bytes), never the Store or a widget, and report back through queued signals."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage

from cellsec.errors import CellSecError

# PDFium is not thread-safe, not even across documents: every call into it holds this lock.
_PDFIUM_LOCK = threading.Lock()
PREVIEW_DPI = 120.0
PRINT_DPI_MAX = 300.0
RENDER_FAILED = "Không tạo được bản in"
# What the user reads after `failure` when a job fails on a bug (not a refusal of the core,
# whose message already says what happened): the details go to sys.excepthook (ui.crash).
BUG_TEXT = (
    "đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu trước đó không bị ảnh hưởng; nếu "
    "lỗi lặp lại, hãy báo người hỗ trợ."
)


class Cancelled(Exception):
    """The job's owner went away (dialog closed): stop quietly."""


class _Signals(QObject):
    sig_progress = Signal(object)
    sig_done = Signal(object)
    sig_failed = Signal(str)
    sig_bug = Signal(object)  # sys.exc_info() of a bug, for the GUI thread's excepthook
    sig_ended = Signal()  # last of all: the GUI thread lets the handle go after every report


class TaskHandle:
    """What the caller keeps: cancel() stops further reports (and the job at its next step)."""

    def __init__(self) -> None:
        self.signals = _Signals()
        self._cancelled = threading.Event()
        self.finished = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled


class _Job(QRunnable):
    def __init__(
        self, fn: Callable[[TaskHandle], Any], handle: TaskHandle, failure: str = RENDER_FAILED
    ) -> None:
        super().__init__()
        self._fn = fn
        self._handle = handle
        self._failure = failure

    def run(self) -> None:
        h = self._handle
        try:
            result = self._fn(h)
        except Cancelled:
            pass
        except CellSecError as exc:  # a refusal: its message is the user's, in Vietnamese
            if not h.cancelled:
                h.signals.sig_failed.emit(f"{self._failure}: {exc}")
        except Exception:  # a bug: a Vietnamese message; the details through the crash path
            h.signals.sig_bug.emit(sys.exc_info())
            if not h.cancelled:
                h.signals.sig_failed.emit(f"{self._failure}: {BUG_TEXT}")
        else:
            if not h.cancelled:
                h.signals.sig_done.emit(result)
        finally:
            h.finished.set()
            h.signals.sig_ended.emit()


# Keeps each job's signal object alive until the GUI thread has had its reports (queued, so
# in order): a caller need not keep the handle for its callbacks to run.
_RUNNING: set[TaskHandle] = set()
_POOL: QThreadPool | None = None


def _pool() -> QThreadPool:
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(2)
    return _POOL


def run_in_background(
    fn: Callable[[TaskHandle], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_failed: Callable[[str], None] | None = None,
    on_progress: Callable[[Any], None] | None = None,
    failure: str = RENDER_FAILED,
) -> TaskHandle:
    """Run fn(handle) on a worker thread. The callbacks run on the GUI thread (queued);
    `failure` starts the Vietnamese message on_failed gets ("Sao lưu không thành công: …")."""
    handle = TaskHandle()
    queued = Qt.ConnectionType.QueuedConnection
    handle.signals.sig_bug.connect(_report_bug, queued)
    if on_done is not None:
        handle.signals.sig_done.connect(on_done, queued)
    if on_failed is not None:
        handle.signals.sig_failed.connect(on_failed, queued)
    if on_progress is not None:
        handle.signals.sig_progress.connect(on_progress, queued)
    handle.signals.sig_ended.connect(lambda: _RUNNING.discard(handle), queued)
    _RUNNING.add(handle)
    _pool().start(_Job(fn, handle, failure))
    return handle


def _report_bug(info: tuple) -> None:
    """On the GUI thread: a worker's bug goes where every other bug goes (ui.crash prints the
    traceback for support and shows the crash box with its details)."""
    sys.excepthook(*info)


def wait_for_tasks(msecs: int = 30_000) -> bool:
    """Block until every background job has ended (closing the app, tests)."""
    return _POOL.waitForDone(msecs) if _POOL is not None else True


# --- PDF work (runs on a worker) ---------------------------------------------------------------
@dataclass(frozen=True)
class RenderedPdf:
    pdf: bytes
    pages: tuple[QImage, ...]
    dpi: float


def page_images(
    pdf: bytes,
    dpi: float,
    handle: TaskHandle | None = None,
    each: Callable[[int, int, QImage], None] | None = None,
) -> list[QImage]:
    """Rasterise every page in grey (Party documents are black on white; a third of the
    memory of colour). `each(index, count, image)` is told of every page as it is made."""
    import pypdfium2  # only when something is printed

    images: list[QImage] = []
    with _PDFIUM_LOCK:
        doc = pypdfium2.PdfDocument(pdf)
        try:
            count = len(doc)
            for i in range(count):
                if handle is not None:
                    handle.check()
                page = doc[i]
                bitmap = page.render(scale=dpi / 72.0, grayscale=True)
                image = QImage(
                    bytes(bitmap.buffer),
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_Grayscale8,
                ).copy()
                image.setDotsPerMeterX(round(dpi / 0.0254))
                image.setDotsPerMeterY(round(dpi / 0.0254))
                bitmap.close()
                page.close()
                if each is not None:
                    each(i, count, image)
                else:
                    images.append(image)
        finally:
            doc.close()
    return images


def render_document(
    doc: Any,
    *,
    dpi: float = PREVIEW_DPI,
    on_done: Callable[[RenderedPdf], None],
    on_failed: Callable[[str], None],
) -> TaskHandle:
    """Render a built cellsec Document to PDF bytes and page images, off the GUI thread."""

    def work(handle: TaskHandle) -> RenderedPdf:
        from cellsec.reports.template import render

        pdf = render(doc)
        handle.check()
        return RenderedPdf(pdf, tuple(page_images(pdf, dpi, handle)), dpi)

    return run_in_background(work, on_done=on_done, on_failed=on_failed)


def rasterise_for_print(
    pdf: bytes,
    dpi: float,
    *,
    on_page: Callable[[tuple[int, int, QImage]], None],
    on_done: Callable[[object], None],
    on_failed: Callable[[str], None],
) -> TaskHandle:
    """Page images at printer resolution, handed over one by one as they are made, so the
    GUI paints and drops each page instead of holding the whole document at 300 dpi."""

    def work(handle: TaskHandle) -> int:
        def each(i: int, count: int, image: QImage) -> None:
            handle.signals.sig_progress.emit((i, count, image))

        page_images(pdf, min(dpi, PRINT_DPI_MAX), handle, each)
        return 0

    return run_in_background(work, on_done=on_done, on_failed=on_failed, on_progress=on_page)
