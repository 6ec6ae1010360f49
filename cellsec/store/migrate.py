"""Schema upgrades: the PRAGMA user_version runner; a copy first (the caller's), a transaction a step."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from cellsec.errors import DamagedFileError, DatabaseTooNewError, NotCellSecFileError, StorageError
from cellsec.store import faults

APPLICATION_ID = 1129530691  # 'CSEC'


def migration_scripts() -> list[tuple[int, str]]:
    """(version, sql) of every migration shipped, in order."""
    folder = resources.files("cellsec.store") / "migrations"
    scripts = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            scripts.append((int(name[:4]), entry.read_text(encoding="utf-8")))
    scripts.sort()
    expected = list(range(1, len(scripts) + 1))
    if [v for v, _ in scripts] != expected:
        raise AssertionError("migrations must be numbered 0001, 0002, ... without gaps")
    return scripts


def latest_version() -> int:
    return len(migration_scripts())


def check_identity(conn: sqlite3.Connection, path: Path) -> int:
    """Return the file's schema version; refuse a file that is not ours or is too new.

    The identity numbers live in the file header (read without parsing the schema); a CellSec
    file whose schema then cannot be read is damaged (DamagedFileError), not foreign.
    """
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise NotCellSecFileError(
            f"Tệp “{path.name}” không phải tệp dữ liệu CellSec hoặc đã hỏng nặng.", detail=str(exc)
        ) from exc
    if app_id not in (0, APPLICATION_ID):
        raise NotCellSecFileError(
            f"Tệp “{path.name}” là một cơ sở dữ liệu khác, không phải tệp dữ liệu CellSec. "
            "CellSec không mở nó để tránh làm hỏng dữ liệu."
        )
    try:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        # "malformed database schema (…)", whose quoted text may itself not be UTF-8
        if app_id == APPLICATION_ID:
            raise DamagedFileError(_damaged(path), detail=str(exc)) from exc
        raise NotCellSecFileError(
            f"Tệp “{path.name}” không phải tệp dữ liệu CellSec hoặc đã hỏng nặng.", detail=str(exc)
        ) from exc
    if app_id == 0 and version == 0 and tables == 0:
        return 0  # a brand-new empty file
    if app_id != APPLICATION_ID:
        raise NotCellSecFileError(
            f"Tệp “{path.name}” là một cơ sở dữ liệu khác, không phải tệp dữ liệu CellSec. "
            "CellSec không mở nó để tránh làm hỏng dữ liệu."
        )
    if version > latest_version():
        raise DatabaseTooNewError(
            f"Tệp “{path.name}” được tạo bởi phiên bản CellSec mới hơn (lược đồ {version}, "
            f"phiên bản này chỉ hiểu đến {latest_version()}). Hãy cập nhật CellSec; tệp không "
            "bị thay đổi."
        )
    return version


def _damaged(path: Path) -> str:
    return (
        f"Tệp dữ liệu “{path.name}” bị hỏng (có thể do mất điện hoặc ổ đĩa lỗi). Hãy khôi "
        "phục từ bản sao lưu gần nhất (menu Tệp › Sao lưu và khôi phục); tệp hỏng sẽ được "
        "giữ lại."
    )


def upgrade(
    conn: sqlite3.Connection, path: Path, before: Callable[[Path], Path] | None = None
) -> Path | None:
    """Bring the file to the latest schema; `before(path)` first makes a copy of a file that
    needs upgrading (cellsec.backup's verified backup). Returns that copy, if one was made."""
    version = check_identity(conn, path)
    scripts = migration_scripts()
    backup = None
    if 0 < version < len(scripts) and before is not None:
        backup = before(path)
    for number, sql in scripts[version:]:
        # SQLite's schema-change procedure: foreign keys off for the step (a table rebuild must
        # not cascade), then checked before the step commits.
        conn.execute("PRAGMA foreign_keys = OFF")
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};")
            if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise sqlite3.IntegrityError("foreign key check failed")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if faults.classify(exc, path) != faults.UNKNOWN:  # full disk, read-only, gone …
                raise faults.fault(exc, path, "nâng cấp") from exc
            raise StorageError(
                f"Không nâng cấp được tệp dữ liệu “{path.name}” lên phiên bản {number}. Tệp giữ "
                "nguyên như trước khi nâng cấp; hãy báo người hỗ trợ.",
                detail=str(exc),
            ) from exc
        finally:
            conn.execute("PRAGMA foreign_keys = ON")
    return backup
