"""Property: arbitrary minutes (text, numbers, dates, rolls, opinions, reviews, scores) fed to the
meeting and correction services either succeed or raise a ValidationError — never another
exception; a refused call writes nothing; the file stays consistent (integrity and foreign keys)
and every approved record still verifies. The number of examples comes from the Hypothesis
profile (the bench's fuzz profile raises it; see tests/core/conftest.py)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import contextmanager
from dataclasses import replace
from datetime import date

import pytest
from factories import TODAY
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from meeting_helpers import complete

from cellsec.demo.cell import create_demo
from cellsec.entities.meetings import (
    AgendaItem,
    Guest,
    Mark,
    MeetingKind,
    Opinion,
    ReviewStatus,
    Task,
    TaskReview,
    Vote,
    VoteKind,
)
from cellsec.errors import ValidationError
from cellsec.services.meetings import add_correction, approve_meeting, check_record, new_meeting, save_meeting
from cellsec.store import Store

pytestmark = pytest.mark.slow  # starts processes / runs many examples: not in the fast loop

SETTINGS = settings(
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
ANY_CHAR = st.characters()  # lone surrogates and control characters too
TEXT = st.one_of(st.text(ANY_CHAR, max_size=20), st.sampled_from(["", " ", "\x0b", "\udc80"]))
MAYBE_TEXT = st.one_of(TEXT, st.none(), st.integers(), st.just(["x"]))
NUMBER = st.one_of(st.integers(-3, 60), st.integers(), st.sampled_from([True, "3", None, 2.5]))
DAY = st.dates(date(1850, 1, 1), date(2200, 12, 31))
HEADER = (
    "start_time",
    "end_time",
    "place",
    "chair",
    "recorder",
    "topic",
    "purpose",
    "dues_status",
    "resolution",
)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The demo register (no meetings), made once; each example works on its own copy, so the
    checks stay the same size however many examples the profile asks for."""
    from core_forms import PROFILE

    from cellsec.services.profile import save_profile

    path = tmp_path_factory.mktemp("template") / "demo.cellsec"
    with Store.open(path) as store:
        save_profile(store, PROFILE)
        create_demo(store, today=TODAY, meetings=False)
        meeting_id, _ = save_meeting(
            store, complete(new_meeting(store, MeetingKind.REGULAR, date(2026, 10, 5)))
        )
        approve_meeting(store, meeting_id)
    return path


@contextmanager
def fresh(template, tmp_path_factory):
    path = tmp_path_factory.mktemp("example") / "cell.cellsec"
    shutil.copy(template, path)
    with Store.open(path) as store:
        yield store


def _mutations(m, draw):
    """A handful of random changes to a valid draft: each part of the aggregate can break."""
    roll = list(m.roll)
    for _ in range(draw(st.integers(0, 3))):
        part = draw(
            st.sampled_from(
                [
                    "header",
                    "roll",
                    "opinion",
                    "guest",
                    "vote",
                    "task",
                    "review",
                    "score",
                    "kind",
                    "date",
                    "item",
                ]
            )
        )
        if part == "header":
            m = replace(m, **{draw(st.sampled_from(HEADER)): draw(MAYBE_TEXT)})
        elif part == "roll" and roll:
            i = draw(st.integers(0, len(roll) - 1))
            change = draw(st.sampled_from(["mark", "drop", "dup", "id", "reason"]))
            if change == "mark":
                roll[i] = replace(roll[i], mark=draw(st.sampled_from(list(Mark))))
            elif change == "drop":
                roll.pop(i)
            elif change == "dup":
                roll.append(roll[i])
            elif change == "id":
                roll[i] = replace(roll[i], member_id=draw(NUMBER))
            else:
                roll[i] = replace(roll[i], reason=draw(MAYBE_TEXT))
            m = replace(m, roll=tuple(roll))
        elif part == "opinion" and m.items:
            member = draw(st.one_of(st.none(), st.sampled_from([e.member_id for e in roll] or [1]), NUMBER))
            o = Opinion(
                draw(MAYBE_TEXT), draw(MAYBE_TEXT), member, draw(st.one_of(st.none(), NUMBER)), draw(TEXT)
            )
            items = list(m.items)
            items[0] = replace(items[0], opinions=items[0].opinions + (o,))
            m = replace(m, items=tuple(items))
        elif part == "guest":
            m = replace(
                m,
                guests=m.guests
                + (
                    Guest(
                        draw(MAYBE_TEXT),
                        draw(TEXT),
                        draw(st.booleans()),
                        draw(TEXT),
                        draw(st.one_of(st.none(), NUMBER)),
                    ),
                ),
            )
        elif part == "vote":
            m = replace(
                m,
                votes=m.votes
                + (
                    Vote(
                        draw(MAYBE_TEXT),
                        draw(st.sampled_from(list(VoteKind))),
                        draw(NUMBER),
                        draw(NUMBER),
                        draw(NUMBER),
                    ),
                ),
            )
        elif part == "task":
            m = replace(
                m,
                tasks=m.tasks + (Task(draw(MAYBE_TEXT), draw(TEXT), draw(st.one_of(st.none(), DAY, TEXT))),),
            )
        elif part == "review":
            m = replace(
                m,
                reviews=m.reviews
                + (TaskReview(draw(NUMBER), draw(st.sampled_from(list(ReviewStatus))), draw(TEXT)),),
            )
        elif part == "score":
            m = replace(
                m,
                scores=m.scores
                + (
                    (
                        draw(st.one_of(st.sampled_from(["preparation", "attendance", "content"]), TEXT)),
                        draw(NUMBER),
                    ),
                ),
            )
        elif part == "kind":
            m = replace(m, kind=draw(st.one_of(st.sampled_from(list(MeetingKind)), TEXT)))
        elif part == "date":
            m = replace(m, date=draw(st.one_of(DAY, TEXT, st.none())))
        elif part == "item":
            m = replace(m, items=m.items + (AgendaItem(draw(MAYBE_TEXT), draw(TEXT)),))
    return m


def _state(store):
    return (store.audit.count(), tuple(store.meetings.all_ids()), store.meetings.document_numbers())


def _consistent(store):
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    for meeting_id in store.meetings.all_ids():
        assert check_record(store, meeting_id).ok is not False


def _attempt(store, action):
    before = _state(store)
    try:
        return action()
    except ValidationError as exc:
        assert str(exc)
        assert _state(store) == before
        return None


@SETTINGS
@given(data=st.data(), month=st.integers(1, 9), approve=st.booleans())
def test_any_minutes_are_saved_or_refused_cleanly(template, tmp_path_factory, data, month, approve):
    with fresh(template, tmp_path_factory) as cell:
        # GIVEN a complete draft for a month of 2026, changed at random
        base = complete(new_meeting(cell, MeetingKind.REGULAR, date(2026, month, 5)))
        m = _mutations(base, data.draw)
        # WHEN it is saved (and maybe approved) THEN only a ValidationError, nothing
        # half-written, the file consistent and every approved record verifying
        saved = _attempt(cell, lambda: save_meeting(cell, m))
        event("saved" if saved is not None else "refused")
        if saved is not None and approve:
            approved = _attempt(cell, lambda: approve_meeting(cell, saved[0]))
            event("approved" if approved is not None else "approval refused")
        _consistent(cell)


@SETTINGS
@given(texts=st.lists(MAYBE_TEXT, min_size=1, max_size=3), when=st.one_of(DAY, st.none()))
def test_any_correction_is_added_and_resealed_or_refused(template, tmp_path_factory, texts, when):
    with fresh(template, tmp_path_factory) as cell:
        meeting_id = cell.meetings.all_ids()[0]  # approved October minutes
        for text in texts:
            _attempt(cell, lambda text=text: add_correction(cell, meeting_id, text, today=when))
            _consistent(cell)
            assert check_record(cell, meeting_id).ok is True
