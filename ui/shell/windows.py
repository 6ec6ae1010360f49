"""What CellSec asks of Windows itself (no-ops elsewhere): its own taskbar identity, and leave
for the running window to come forward when a second launch hands over to it."""

from __future__ import annotations

import sys
from typing import Any

# The taskbar groups windows, pins and jump lists by this id (Company.Product.SubProduct.Version
# form); without it a pinned CellSec shows as "Python" or groups with other PyInstaller apps.
APP_USER_MODEL_ID = "CellSec.SoTayBiThuChiBo.App.1"
ASFW_ANY = -1  # AllowSetForegroundWindow: any process


def _windll() -> Any | None:
    if sys.platform != "win32":
        return None
    import ctypes

    return getattr(ctypes, "windll", None)


def set_app_user_model_id(app_id: str = APP_USER_MODEL_ID, windll: Any | None = None) -> bool:
    """Before the first window: CellSec's own taskbar button and icon. True when set."""
    windll = windll if windll is not None else _windll()
    if windll is None:
        return False
    try:
        return int(windll.shell32.SetCurrentProcessExplicitAppUserModelID(app_id)) == 0  # S_OK
    except (AttributeError, OSError):
        return False


def set_identity(app: Any) -> None:
    """CellSec's icon on every window and, on Windows, its own taskbar identity."""
    from PySide6.QtGui import QIcon

    from cellsec.paths import resources_dir

    set_app_user_model_id()
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "cellsec.svg")))


def allow_foreground(windll: Any | None = None) -> bool:
    """A starting CellSec (which Windows lets take the foreground: the user just launched it)
    passes that right on, so the running window can come forward instead of only flashing."""
    windll = windll if windll is not None else _windll()
    if windll is None:
        return False
    try:
        return bool(windll.user32.AllowSetForegroundWindow(ASFW_ANY))
    except (AttributeError, OSError):
        return False
