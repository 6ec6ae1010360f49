"""Property: whatever text, numbers, dates and aggregates reach a write service or an importer,
it either succeeds or says why in a Vietnamese ValidationError — never another exception; a
refused action writes nothing; and after every action the file passes PRAGMA integrity_check
and foreign_key_check, every member keeps an entry event and every approved minutes entry
still verifies (fuzz_tally). `python -m bench.fuzz` runs these with 10,000 examples each."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from core_forms import PROFILE
from factories import TODAY, entry_form, member_form
from hypothesis import given
from hypothesis import strategies as st

from cellsec.entities.liaison import LiaisonStatus
from cellsec.entities.meetings import AgendaItem, Guest, MeetingKind, Opinion, Task, Vote, VoteKind
from cellsec.entities.members import EventKind
from cellsec.rules.settings import Rules
from cellsec.services.liaison import (
    LIAISON_LABELS,
    SHEET_DATE_LABELS,
    change_status,
    fill_sheet,
    record_request,
    save_gathering,
    save_liaison,
)
from cellsec.services.meetings import new_meeting, save_meeting
from cellsec.services.member_form import MEMBER_LABELS
from cellsec.services.members import (
    ENTRY_LABELS,
    EVENT_LABELS,
    add_event,
    add_member,
    delete_event,
    update_event,
    update_member,
)
from cellsec.services.profile import PROFILE_LABELS, save_profile
from cellsec.services.rule_settings import reset_rule, set_rule
from cellsec.services.superiors import SUPERIOR_LABELS, add_direction, assign_follower, save_superior
from cellsec.services.working_away import LABELS as AWAY_LABELS
from cellsec.services.working_away import add_contact, record_return, start_working_away, update_dues

pytestmark = pytest.mark.slow  # starts processes / runs many examples: not in the fast loop

# --- what a caller might pass ------------------------------------------------------------------
TEXT = st.text(max_size=30)  # any code point: lone surrogates and control characters too
DATES = st.dates(date(1890, 1, 1), date(2110, 12, 31)).map(lambda d: d.strftime("%d/%m/%Y"))
DATEISH = st.one_of(
    TEXT,
    DATES,
    DATES,
    st.sampled_from(
        [
            "31/02/2020",
            "00/00/0000",
            "01/13/2020",
            "1/1/1",
            " ",
            "29/02/2023",
            "01/01/2999",
            "05.03.2026",
            "5-3-2026",
            "2026-03-05",
            "١٥/٠٣/٢٠٢٦",
            "15/03/2026\x0b",
        ]
    ),
)
# Dates near the cell's present, so that many calls get past the date checks.
RECENT = st.dates(date(2013, 1, 1), date(2027, 6, 30)).map(lambda d: d.strftime("%d/%m/%Y"))
NUMBER = st.one_of(st.integers(-3, 60), st.integers(), st.floats())
SCALAR = st.one_of(st.none(), st.booleans(), NUMBER, TEXT, st.dates())


def _nested(inner: st.SearchStrategy) -> st.SearchStrategy:
    # A def, not a lambda over two lines: hypothesis reads the source to check `inner` is used.
    return st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3))


VALUE = st.recursive(SCALAR, _nested, max_leaves=8)
FIELD = st.one_of(DATEISH, DATEISH, DATEISH, VALUE)
# An id: usually one of the records there are (see pick), else anything at all.
ID = st.one_of(
    st.integers(0, 8), st.integers(0, 8), st.none(), st.integers(), TEXT, st.booleans(), st.floats()
)


def overrides(keys) -> st.SearchStrategy[dict]:
    return st.dictionaries(st.one_of(st.sampled_from(sorted(keys)), TEXT), FIELD, max_size=4)


def _day(text: str) -> date:
    return date(int(text[6:]), int(text[3:5]), int(text[:2]))


def pick(ids: list, drawn):
    """A small whole number picks one of the existing ids; anything else is passed as it is."""
    if type(drawn) is int and 0 <= drawn <= 8 and ids:
        return ids[drawn % len(ids)]
    return drawn


@pytest.fixture
def cell(store):
    """A register to act on: admitted here, transferred in, and probationary members."""
    add_member(store, member_form(), entry_form(), today=TODAY)
    add_member(
        store,
        member_form(full_name="Trần Thị Hà", sex="Nữ", citizen_id="", party_card_no=""),
        entry_form(entry_kind="transferred_in", origin="Chi bộ thôn Yên Thế", joined_date="01/06/2020"),
        today=TODAY,
    )
    add_member(
        store,
        member_form(full_name="Lê Văn Toàn", citizen_id="", party_card_no=""),
        entry_form(admission_date="10/03/2026", official_date=""),
        today=TODAY,
    )
    return store


# --- the register ------------------------------------------------------------------------------
@given(form=overrides(MEMBER_LABELS), entry=overrides(ENTRY_LABELS), target=ID)
def test_member_service(cell, tally, form, entry, target):
    tally.example()
    tally.attempt(
        cell, lambda: add_member(cell, {**member_form(), **form}, {**entry_form(), **entry}, today=TODAY)
    )
    ids = [m.id for m in cell.members.all()]
    tally.attempt(
        cell, lambda: update_member(cell, pick(ids, target), {**member_form(), **form}, today=TODAY)
    )


@given(
    op=st.sampled_from(["member", "add", "add", "add", "update", "delete"]),
    kind=st.one_of(
        st.sampled_from([k.value for k in EventKind]),
        st.sampled_from([k.value for k in EventKind]),
        TEXT,
        VALUE,
    ),
    when=st.one_of(RECENT, RECENT, DATEISH),
    until=st.one_of(st.just(""), st.just(""), st.just(""), RECENT, DATEISH),
    form=st.dictionaries(st.sampled_from(["decision_ref", "detail", "note"]), FIELD, max_size=2)
    | overrides(EVENT_LABELS),
    member=ID,
    event=ID,
)
def test_event_service(cell, tally, op, kind, when, until, form, member, event):
    tally.example()
    if op == "member":  # a fresh history to act on
        tally.attempt(
            cell,
            lambda: add_member(
                cell,
                member_form(citizen_id="", party_card_no=""),
                entry_form(admission_date=when, official_date=""),
                today=TODAY,
            ),
        )
        return
    member_id = pick([m.id for m in cell.members.all()][::-1], member)
    values = {"kind": kind, "date": when, "end_date": until, **form}
    if op == "add":
        tally.attempt(cell, lambda: add_event(cell, member_id, values, today=TODAY))
        return
    events = [e.id for evs in cell.members.all_events().values() for e in evs]
    event_id = pick(events, event)
    if op == "update":
        tally.attempt(cell, lambda: update_event(cell, member_id, event_id, values, today=TODAY))
    else:
        tally.attempt(cell, lambda: delete_event(cell, member_id, event_id))


@given(form=overrides(PROFILE_LABELS))
def test_profile_service(store, tally, form):
    tally.example()
    tally.attempt(store, lambda: save_profile(store, {**PROFILE, **form}))


# --- superiors directory -------------------------------------------------------------------------
@given(
    form=overrides(SUPERIOR_LABELS),
    target=ID,
    new=st.booleans(),
    start=DATEISH,
    end=st.one_of(st.just(""), DATEISH),
    note=FIELD,
)
def test_superior_directory(store, tally, form, target, new, start, end, note):
    tally.example()
    ids = [s.id for s in store.superiors.all()]
    base = {"name": "Hoàng Minh Tuấn", "level": "commune", "phone": "0912000111"}
    tally.attempt(store, lambda: save_superior(store, {**base, **form}, None if new else pick(ids, target)))
    ids = [s.id for s in store.superiors.all()]
    tally.attempt(store, lambda: assign_follower(store, pick(ids, target), start, end, note))


# --- residence liaison -------------------------------------------------------------------------
LIAISON = {
    "full_name": "Trần Văn Hải",
    "sex": "Nam",
    "workplace": "Trường THPT Thanh Sơn",
    "received_date": "22/07/2023",
}
CRITERIA = [c["key"] for c in Rules.defaults()["comment_criteria"]]


@given(
    op=st.sampled_from(["save", "status", "gathering", "request", "sheet"]),
    form=overrides(LIAISON_LABELS),
    target=ID,
    new=st.booleans(),
    status=st.one_of(st.sampled_from(list(LiaisonStatus)), VALUE),
    when=DATEISH,
    text=FIELD,
    people=st.one_of(st.lists(ID, max_size=4), VALUE),
    gathering=st.one_of(st.none(), ID),
    year=st.one_of(st.integers(1985, 2110), VALUE),
    variant=st.one_of(st.none(), st.sampled_from(["full", "short"]), VALUE),
    criteria=st.one_of(
        st.dictionaries(
            st.one_of(st.sampled_from(CRITERIA), TEXT), st.one_of(st.integers(-1, 3), VALUE), max_size=6
        ),
        VALUE,
    ),
    dates=st.one_of(overrides(SHEET_DATE_LABELS), VALUE),
)
def test_liaison_service(
    store, tally, op, form, target, new, status, when, text, people, gathering, year, variant, criteria, dates
):
    tally.example()
    ids = [m.id for m in store.liaison.members()]
    who = pick(ids, target)
    if op == "save" or not ids:
        tally.attempt(
            store,
            lambda: save_liaison(store, {**LIAISON, **form}, None if new or not ids else who, today=TODAY),
        )
    elif op == "status":
        tally.attempt(store, lambda: change_status(store, who, status, when, text, today=TODAY))
    elif op == "gathering":
        present = [pick(ids, p) for p in people] if isinstance(people, list) else people
        known = [g.id for g in store.liaison.gatherings()]
        tally.attempt(
            store,
            lambda: save_gathering(
                store,
                when,
                text,
                text,
                present,
                None if gathering is None else pick(known, gathering),
                today=TODAY,
            ),
        )
    elif op == "request":
        tally.attempt(store, lambda: record_request(store, who, year, when, text, variant, today=TODAY))
    else:
        tally.attempt(
            store, lambda: fill_sheet(store, who, year, criteria, text, dates, variant, today=TODAY)
        )


# --- members working away ----------------------------------------------------------------------
AWAY = {
    "member_id": "1",
    "arrangement": "temporary_transfer",
    "application_date": "01/01/2026",
    "start": "15/01/2026",
    "end": "15/12/2026",
    "destination": "Hà Nội",
}


@given(
    op=st.sampled_from(["start", "start", "contact", "dues", "return"]),
    form=overrides(AWAY_LABELS),
    member=st.integers(0, 4),
    target=ID,
    when=st.one_of(RECENT, RECENT, DATEISH),
    text=FIELD,
    note=FIELD,
    period=st.tuples(RECENT, RECENT, RECENT),
)
def test_working_away_service(cell, tally, op, form, member, target, when, text, note, period):
    tally.example()
    records = [w.id for w in cell.liaison.working_away()]
    if op == "start" or not records:
        values = {
            **AWAY,
            "member_id": str(member),
            **dict(zip(("application_date", "start", "end"), sorted(period, key=_day))),
            **form,
        }
        tally.attempt(cell, lambda: start_working_away(cell, values, today=TODAY))
    elif op == "contact":
        tally.attempt(cell, lambda: add_contact(cell, pick(records, target), when, text, note, today=TODAY))
    elif op == "dues":
        tally.attempt(cell, lambda: update_dues(cell, pick(records, target), text))
    else:
        tally.attempt(cell, lambda: record_return(cell, pick(records, target), when, today=TODAY))


# --- rule settings -----------------------------------------------------------------------------
@given(
    key=st.one_of(st.sampled_from(sorted(Rules.defaults().settings)), VALUE), value=FIELD, reset=st.booleans()
)
def test_rule_settings_service(store, tally, key, value, reset):
    tally.example()
    tally.attempt(store, lambda: reset_rule(store, key) if reset else set_rule(store, key, value))


# --- meetings (the meeting services themselves are tested by their owners too) -----------------
@given(
    text=TEXT,
    times=st.tuples(TEXT, TEXT),
    votes=st.tuples(st.integers(-5, 80), st.integers(-5, 80), st.integers(-5, 80)),
)
def test_meetings(cell, tally, text, times, votes):
    tally.example()
    m = new_meeting(cell, MeetingKind.REGULAR, TODAY)
    m = replace(
        m,
        start_time=times[0],
        end_time=times[1],
        topic=text,
        items=(AgendaItem(text, text, text, (Opinion(text, text),)),),
        guests=(Guest(text, text, True, text),),
        votes=(Vote(text, VoteKind.RESOLUTION, *votes),),
        tasks=(Task(text, text),),
    )
    tally.attempt(cell, lambda: save_meeting(cell, m))
    ids = cell.meetings.all_ids()
    if ids:
        tally.attempt(
            cell, lambda: add_direction(cell, ids[0], {"text": text, "given_by": text, "deadline": times[0]})
        )
