"""The print action every page uses: tell the secretary what the document's catalogue entry
says must be known first (a broken seal ...), collect and build the document on the GUI thread
(the store's connection lives here), then hand it to the preview, which renders it on a worker.
cellsec.reports (and so ReportLab) is imported only here, only when something is printed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from cellsec.errors import ValidationError
from cellsec.store import Store

from ui.common.dialogs import show_notice


def open_preview(
    parent: QWidget, store: Store, name: str, *, notify: Callable[..., None] = show_notice, **options: Any
) -> QWidget | None:
    """Build document `name` of the report catalogue (options: meeting_id, year, on, period,
    liaison_id …) and open its preview (window-modal, no nested event loop). A ValidationError
    from collecting (no meetings that year …) becomes a notice."""
    from cellsec.reports.catalogue import build_document, document_file_name, document_warnings, spec_of

    from ui.printing.preview import PrintPreviewDialog

    for warning in document_warnings(store, name, **options):
        notify(parent, warning.title, warning.text, warning=True)
    try:
        doc = build_document(store, name, **options)
    except ValidationError as err:
        notify(parent, "Không in được", str(err), warning=True)
        return None
    dialog = PrintPreviewDialog(
        doc,
        title=spec_of(name).title,
        parent=parent,
        file_name=document_file_name(store, name, **options),
        landscape=spec_of(name).landscape,
        notify=notify,
    )
    dialog.finished.connect(lambda *_: dialog.deleteLater())
    dialog.open()
    return dialog
