"""CellSec core: the headless model of a party cell's records (never imports Qt)."""

__version__ = "0.1.0"
