"""The Windows CI job is in the repository and runs what CONTRIBUTING.md says it runs."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_windows_job_runs_the_readme_command_cp1258_and_the_bundle():
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python3 dev.py test" in readme  # the README's test command (py/python on Windows)
    assert "runs-on: windows-latest" in workflow
    assert 'python: ["3.11", "3.12", "3.13"]' in workflow
    assert "run: python dev.py test\n" in workflow
    assert "PYTHONIOENCODING: cp1258" in workflow
    assert "QT_QPA_PLATFORM: windows" in workflow
    assert "python dev.py build" in workflow and "Bí thư chi bộ" in workflow
    assert ".ci/run" in workflow  # Linux: the checks, then the tests
