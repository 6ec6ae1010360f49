"""What the app remembers between runs (window layout, last data file), kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "CellSec"
APPLICATION = "CellSec"


class AppSettings:
    """A thin, typed wrapper; tests pass a QSettings on a temporary ini file."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings if qsettings is not None else QSettings(ORGANISATION, APPLICATION)

    @property
    def last_data_file(self) -> Path | None:
        value = self._s.value("data/last_file", "")
        return Path(str(value)) if value else None

    def set_last_data_file(self, path: Path) -> None:
        self._s.setValue("data/last_file", str(path))

    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def page_state(self, page: str) -> dict[str, QByteArray]:
        self._s.beginGroup(f"pages/{page}")
        try:
            values = {key: self._s.value(key) for key in self._s.childKeys()}
        finally:
            self._s.endGroup()
        return {k: v for k, v in values.items() if isinstance(v, QByteArray) and not v.isEmpty()}

    def save_page_state(self, page: str, state: dict[str, QByteArray]) -> None:
        for key, value in state.items():
            self._s.setValue(f"pages/{page}/{key}", value)

    def sync(self) -> None:
        self._s.sync()
