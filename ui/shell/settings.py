"""What the app remembers between runs (window layout, last data file), kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "CellSec"
APPLICATION = "CellSec"
RECENT_MAX = 8


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

    @property
    def recent_files(self) -> list[Path]:
        """The data files opened lately, the newest first."""
        value = self._s.value("data/recent_files", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(str(v)) for v in items if str(v)]

    def add_recent_file(self, path: Path) -> None:
        kept = [p for p in self.recent_files if p != path]
        self._s.setValue("data/recent_files", [str(p) for p in [path, *kept][:RECENT_MAX]])

    @property
    def operator(self) -> str:
        """Who said they sit at this PC account (the audit trail names them)."""
        return str(self._s.value("user/operator", "") or "")

    def set_operator(self, name: str) -> None:
        self._s.setValue("user/operator", name)

    @property
    def text_scale(self) -> int:
        """The text size in per cent (100 unless the secretary changed it on this PC)."""
        value = self._s.value("view/text_scale", 100)
        try:
            return int(float(str(value)))
        except ValueError:
            return 100

    def set_text_scale(self, scale: int) -> None:
        self._s.setValue("view/text_scale", int(scale))

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
