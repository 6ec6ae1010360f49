"""`python -m cellsec.cli`."""

from __future__ import annotations

import sys

from cellsec.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
