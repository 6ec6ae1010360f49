"""The list separator of the user's regional settings: what Excel splits a double-clicked CSV
on. Vietnamese Windows (vi-VN, whose decimal mark is ",") uses ";": a CSV written with ","
would open there in one column."""

from __future__ import annotations

import locale
import sys
from collections.abc import Callable

VIETNAMESE_SEPARATOR = ";"
SEPARATORS = (",", ";", "\t", "|")  # what the importer recognises (reader.py), so exports read back


def _windows_list_separator() -> str | None:
    """HKEY_CURRENT_USER\\Control Panel\\International, sList (Region › Additional settings)."""
    try:
        import winreg  # type: ignore[import-not-found,unused-ignore]

        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Control Panel\International") as key:  # type: ignore[attr-defined,unused-ignore]
            value, _kind = winreg.QueryValueEx(key, "sList")  # type: ignore[attr-defined,unused-ignore]
            return str(value)
    except (ImportError, OSError):
        return None


def list_separator(
    platform: str | None = None,
    windows_setting: Callable[[], str | None] = _windows_list_separator,
    decimal_point: Callable[[], str] = lambda: str(locale.localeconv()["decimal_point"]),
) -> str:
    """Windows: the user's own list separator (";" when it cannot be read or is not one the
    importer knows). Elsewhere: ";" where the decimal mark is "," (as in vi-VN), else ","."""
    if (platform or sys.platform) == "win32":
        found = (windows_setting() or "").strip() or VIETNAMESE_SEPARATOR
        return found if found in SEPARATORS else VIETNAMESE_SEPARATOR
    return VIETNAMESE_SEPARATOR if decimal_point() == "," else ","
