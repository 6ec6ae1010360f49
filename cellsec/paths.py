"""Where CellSec keeps its files by default (the user's data directory, via platformdirs)."""
from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "CellSec"
DEFAULT_FILE_NAME = "chibo.cellsec"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def default_data_file() -> Path:
    return data_dir() / DEFAULT_FILE_NAME
