"""Where CellSec keeps its files by default (the user's data directory, via platformdirs),
and where its bundled resources (fonts, report style) are."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "CellSec"
DEFAULT_FILE_NAME = "chibo.cellsec"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    """logs/ in the data folder: the crash log of a windowed app, which has no console."""
    return data_dir() / "logs"


def default_data_file() -> Path:
    return data_dir() / DEFAULT_FILE_NAME


def resources_dir() -> Path:
    """resources/ beside the code, or inside the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
