"""Entry point of the packaged app (PyInstaller runs this file)."""

import sys

from ui.shell.app import main

if __name__ == "__main__":
    sys.exit(main())
