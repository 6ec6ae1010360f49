"""The desktop entry point kept stable for `python -m ui.app` and `cellsec-app`; see ui.shell.app."""

from __future__ import annotations

import sys

from ui.shell.app import main

if __name__ == "__main__":
    sys.exit(main())
