"""Background jobs report in Vietnamese: a refusal of the core with its own message, a bug with
a Vietnamese sentence (never Python's English text), its details going the crash path."""

from __future__ import annotations

from cellsec.errors import ValidationError

from ui.common import tasks


def _fail_with(qtbot, error: Exception) -> tuple[list[str], list]:
    messages: list[str] = []

    def job(_handle):
        raise error

    with qtbot.captureExceptions() as bugs:
        tasks.run_in_background(job, on_failed=messages.append, failure="Không đọc được tệp")
        qtbot.waitUntil(lambda: bool(messages))
        qtbot.wait(50)  # the bug report is queued like the message
    return messages, bugs


def test_a_bug_in_a_background_job_is_told_in_vietnamese_and_reported(qtbot):
    # GIVEN a job that fails on a bug (Python's own English error)
    messages, bugs = _fail_with(qtbot, TypeError("string indices must be integers, not 'str'"))
    # THEN the user reads Vietnamese only, and the details went to the crash reporter
    assert messages == [f"Không đọc được tệp: {tasks.BUG_TEXT}"]
    assert "string indices" not in messages[0]
    assert [type(value) for _, value, _ in bugs] == [TypeError]


def test_a_refusal_in_a_background_job_is_shown_with_its_own_message(qtbot):
    messages, bugs = _fail_with(qtbot, ValidationError("Tệp “x.xlsx” không có dòng tiêu đề."))
    assert messages == ["Không đọc được tệp: Tệp “x.xlsx” không có dòng tiêu đề."]
    assert bugs == []
