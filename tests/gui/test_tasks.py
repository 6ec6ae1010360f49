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


def test_a_job_whose_handle_the_caller_dropped_still_reports(qtbot):
    import gc

    # GIVEN a job started by a caller that keeps no handle (a fire-and-forget save or check)
    results: list[object] = []
    tasks.run_in_background(lambda _handle: "xong", on_done=results.append)
    # WHEN the job has ended on its worker and Python collects garbage before the GUI thread
    # gets to the queued report
    assert tasks.wait_for_tasks()
    gc.collect()
    # THEN the report still arrives on the GUI thread
    qtbot.waitUntil(lambda: results == ["xong"], timeout=2000)
