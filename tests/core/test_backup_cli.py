"""The backup commands end to end, as support would run them: `python -m cellsec.cli ...`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_backup_helpers import demo_file, dump, scribble

pytestmark = pytest.mark.slow  # starts processes / runs many examples: not in the fast loop


def _cli(data, *args, timeout=120, stdin="", env=None):
    environ = {k: v for k, v in os.environ.items() if k != "CELLSEC_PASSWORD"}
    return subprocess.run(
        [sys.executable, "-m", "cellsec.cli", "--data", str(data), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
        input=stdin,
        env={**environ, **(env or {})},
    )


def _json(result):
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout)


def test_backup_list_verify_copy_and_restore(tmp_path):
    # GIVEN the demo cell
    data = demo_file(tmp_path)
    original = dump(data)
    # WHEN backing up (into a chosen folder too) and listing
    made = _json(_cli(data, "backup"))["backup"]
    assert made["good"] and made["members"] > 0
    elsewhere = _json(_cli(data, "backup", "--dir", str(tmp_path / "khac")))["backup"]
    assert elsewhere["path"].startswith(str(tmp_path / "khac"))
    listed = _json(_cli(data, "backups"))["backups"]
    assert [b["path"] for b in listed] == [made["path"]]
    # THEN it verifies; a damaged copy does not
    assert _json(_cli(data, "verify-backup", made["path"]))["ok"] is True
    # copy to a "USB stick", encrypted, then restore from it after a change
    usb = tmp_path / "usb"
    copied = _cli(data, "copy-backup", made["path"], str(usb), "--password-stdin", stdin="bí mật\n")
    assert copied.returncode == 0, copied.stderr
    enc = next(usb.iterdir())
    assert enc.name.endswith(".cellsec.enc")
    assert _cli(data, "init", "--secretary", "Người Khác").returncode == 0
    assert dump(data) != original
    wrong = _cli(data, "restore", str(enc), env={"CELLSEC_PASSWORD": "sai"})
    assert wrong.returncode == 1 and "Mật khẩu không đúng hoặc tệp đã bị hỏng" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    done = _json(_cli(data, "restore", str(enc), "--password-stdin", stdin="bí mật\n"))
    assert done["data_path"] == str(data) and done["kept_aside"]
    assert dump(data) == original
    broken = tmp_path / "hong.cellsec"
    broken.write_bytes(Path(made["path"]).read_bytes())
    scribble(broken)
    bad = _cli(data, "verify-backup", str(broken))
    assert bad.returncode == 1 and _json(bad)["ok"] is False


def test_check_reports_a_sound_file(tmp_path):
    data = demo_file(tmp_path)
    result = _cli(data, "check")
    assert result.returncode == 0
    health = _json(result)
    assert health["state"] == "ok" and health["location_warning"] is None


def test_restore_refuses_while_another_cellsec_holds_the_file(tmp_path):
    data = demo_file(tmp_path)
    backup = _json(_cli(data, "backup"))["backup"]["path"]
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom cellsec.store import Store\n"
            f"s = Store.open({str(data)!r})\nprint('open', flush=True)\ntime.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        result = _cli(data, "restore", backup)
        assert result.returncode == 1
        assert "đang được mở bởi một cửa sổ CellSec khác" in result.stderr
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


def test_check_and_restore_newest_work_on_a_damaged_file(tmp_path):
    data = demo_file(tmp_path)
    _cli(data, "backup")
    original = dump(data)
    scribble(data)
    result = _cli(data, "check")
    health = _json(result)
    assert result.returncode == 1 and health["state"] == "damaged" and health["can_restore"]
    assert _json(_cli(data, "restore", "newest"))["kept_aside"]
    assert dump(data) == original
