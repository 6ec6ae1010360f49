"""CellSec desktop UI (PySide6): may import cellsec; cellsec never imports ui."""
