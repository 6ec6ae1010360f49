"""The built bundle's own check of what loads only when used (CELLSEC_SMOKE_WORK=1, with
CELLSEC_SMOKE_EXIT_MS): ReportLab renders a document of the catalogue, PDFium rasterises it on
the platform's own plugin, openpyxl reads the shipped import template, cryptography encrypts
and decrypts a copy. A module PyInstaller left out, a missing font or DLL fails here, not on
the secretary's PC."""

from __future__ import annotations

import os
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from cellsec.store import Store

WORK_ENV = "CELLSEC_SMOKE_WORK"
CRASH_ENV = "CELLSEC_SMOKE_CRASH"  # then a hard crash: its stack must reach the crash log
PASSWORD = "kiểm-tra-gói-1"


def wanted(environ: Mapping[str, str] = os.environ) -> bool:
    return bool(environ.get(WORK_ENV, "").strip())


def run_smoke_work(store: Store, out: TextIO) -> bool:
    """Do each piece once; print CELLSEC_SMOKE_WORK_OK with what was made, or
    CELLSEC_SMOKE_WORK_FAILED and the traceback (the smoke run then fails; the app still quits)."""
    try:
        print(f"CELLSEC_SMOKE_WORK_OK {_work(store)}", file=out, flush=True)
        if os.environ.get(CRASH_ENV):
            import faulthandler

            faulthandler._sigsegv()  # what a fault inside a C library does
        return True
    except Exception:  # noqa: BLE001 - reported for the build, never hangs the smoke run
        print(f"CELLSEC_SMOKE_WORK_FAILED\n{traceback.format_exc()}", file=out, flush=True)
        return False


def _work(store: Store) -> str:
    from PySide6.QtGui import QGuiApplication

    from cellsec.backup import crypto
    from cellsec.reports.catalogue import build_document
    from cellsec.reports.template import render
    from cellsec.spreadsheets.reader import read_table
    from cellsec.spreadsheets.template import import_template_path

    from ui.common.tasks import page_images

    pdf = render(build_document(store, "register"))
    pages = page_images(pdf, 40.0)
    table = read_table(import_template_path())
    plain = Path(store.path).read_bytes()
    blob = crypto.encrypt_bytes(plain, PASSWORD, "smoke")
    if crypto.decrypt_bytes(blob, PASSWORD, "smoke") != plain:
        raise RuntimeError("encryption round trip changed the bytes")
    return (
        f"platform={QGuiApplication.platformName()} pdf_pages={len(pages)} "
        f"template_rows={len(table.rows)} encrypted={len(blob)}"
    )
