"""What the liaison tabs need from their page: the store, today, and the page's one way each to
open a dialog, print and export — so a tab never imports the page that holds it."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from PySide6.QtWidgets import QDialog, QWidget

from cellsec.store import Store

from ui.common.operations import AfterDialog


class LiaisonHost(Protocol):
    @property
    def store(self) -> Store: ...

    def today(self) -> date: ...

    def open_dialog(
        self, dialog: QDialog, after: AfterDialog | None = None, reveal: AfterDialog | None = None
    ) -> QDialog: ...

    def print_document(self, name: str, **options: Any) -> QWidget | None: ...

    def export_list(self, key: str, default_name: str, **options: Any) -> bool: ...
