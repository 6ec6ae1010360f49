"""One naming convention for every temporary file beside a data file: a whole-cell import killed
midway (the CLI builds the new data file under a temporary name) leaves nothing past the next
opening of that data file, like a killed backup or restore."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from factories import TODAY

from cellsec.demo import create_demo
from cellsec.services.cell_io import export_cell, import_into_data_file
from cellsec.store import Store

# Imports FILE into DATA and dies (no clean-up, like a kill or a power cut) once everything is
# in the temporary file, before it gets the data file's name.
DIE_AFTER_IMPORT = """
import os, sys
from pathlib import Path
from cellsec.services import cell_io
real = cell_io.import_cell
def import_then_die(*args, **kwargs):
    real(*args, **kwargs)
    os._exit(9)
cell_io.import_cell = import_then_die
cell_io.import_into_data_file(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def test_a_killed_import_leaves_nothing_past_the_next_opening(store, tmp_path):
    # GIVEN an export of the demo cell, and an import into a new data file killed midway
    create_demo(store, today=TODAY)
    export = tmp_path / "chibo.json"
    export.write_text(json.dumps(export_cell(store), ensure_ascii=False), encoding="utf-8")
    folder = tmp_path / "moi"
    folder.mkdir()
    target = folder / "chibo.cellsec"
    done = subprocess.run(
        [sys.executable, "-c", DIE_AFTER_IMPORT, str(target), str(export)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 9, done.stderr
    left = sorted(p.name for p in folder.iterdir())
    assert not target.exists() and any(name.startswith(".chibo.cellsec.") for name in left), left
    # WHEN the import is run again THEN it succeeds, and the killed one's full copy is gone
    _, count = import_into_data_file(target, export, today=TODAY)
    assert count == store.members.count()
    with Store.open(target):
        pass
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == [], sorted(
        p.name for p in folder.iterdir()
    )


def test_the_killed_import_is_cleared_by_opening_the_data_file(store, tmp_path):
    # GIVEN the same killed import
    create_demo(store, today=TODAY, meetings=False)
    export = tmp_path / "chibo.json"
    export.write_text(json.dumps(export_cell(store), ensure_ascii=False), encoding="utf-8")
    folder = tmp_path / "moi"
    folder.mkdir()
    target = folder / "chibo.cellsec"
    subprocess.run(
        [sys.executable, "-c", DIE_AFTER_IMPORT, str(target), str(export)],
        capture_output=True,
        cwd=Path(__file__).parents[2],
    )
    assert [p for p in folder.iterdir() if p.name.startswith(".chibo.cellsec.")]
    # WHEN the secretary opens (creates) the data file instead
    with Store.open(target):
        pass
    # THEN no hidden copy of the cell remains beside it
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []
