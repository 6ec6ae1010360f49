"""Property: arbitrary text and dates fed to every service either succeed or raise a Vietnamese
ValidationError — never another exception, and a refused action writes nothing."""
from __future__ import annotations

from dataclasses import replace

from core_forms import PROFILE, TODAY, entry_form, member_form
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cellsec.errors import ValidationError
from cellsec.meeting_entities import AgendaItem, Guest, MeetingKind, Opinion, Task, Vote, VoteKind
from cellsec.services.cell_io import import_cell
from cellsec.services.liaison import fill_sheet, save_liaison
from cellsec.services.meetings import new_meeting, save_meeting
from cellsec.services.members import add_event, add_member, update_member
from cellsec.services.profile import save_profile
from cellsec.services.superiors import add_direction, save_superior
from cellsec.services.working_away import start_working_away

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
DATEISH = st.one_of(TEXT, st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
                    st.sampled_from(["31/02/2020", "00/00/0000", "01/13/2020", "1/1/1", " ",
                                     "29/02/2023", "01/01/2999", "05.03.2026", "5-3-2026"]))
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


def snapshot(store):
    """Everything a refused action must leave untouched (the audit trail included)."""
    return (store.audit.count(), store.members.count(), len(store.superiors.all()),
            len(store.liaison.members()), len(store.meetings.all_ids()))


def attempt(store, action):
    before = snapshot(store)
    try:
        action()
    except ValidationError as exc:
        assert str(exc)            # a message for the user
        assert snapshot(store) == before


@SETTINGS
@given(field=st.sampled_from(sorted(member_form()) + ["occupation", "ceremony_date",
                                                      "military_from", "youth_union_date"]),
       value=DATEISH, entry_key=st.sampled_from(sorted(entry_form()) + ["joined_date", "origin"]),
       entry_value=DATEISH)
def test_member_forms(store, field, value, entry_key, entry_value):
    attempt(store, lambda: add_member(store, member_form(**{field: value}),
                                      {**entry_form(), entry_key: entry_value}, today=TODAY))


@SETTINGS
@given(kind=st.one_of(TEXT, st.sampled_from(["exempted", "recognised", "transferred_out",
                                             "attached_out", "deceased", "disciplined"])),
       when=DATEISH, until=DATEISH, detail=TEXT)
def test_events_and_edits(store, kind, when, until, detail):
    if not store.members.count():
        add_member(store, member_form(), entry_form(), today=TODAY)
    member_id = store.members.all()[0].id
    attempt(store, lambda: add_event(store, member_id, {"kind": kind, "date": when,
                                                        "end_date": until, "detail": detail},
                                     today=TODAY))
    attempt(store, lambda: update_member(store, member_id, member_form(phone=detail),
                                         today=TODAY))


@SETTINGS
@given(values=st.lists(TEXT, min_size=7, max_size=7), when=DATEISH)
def test_profile_superiors_liaison(store, values, when):
    keys = ["cell_name", "superior_name", "place_name", "secretary", "deputy_secretary",
            "term_label", "term_start"]
    attempt(store, lambda: save_profile(store, {**PROFILE, **dict(zip(keys, values)),
                                                "term_start": when}))
    attempt(store, lambda: save_superior(store, {"name": values[0], "level": values[1],
                                                 "phone": values[2]}))
    attempt(store, lambda: save_liaison(store, {"full_name": values[0], "sex": values[1],
                                                "workplace": values[2], "received_date": when,
                                                "ggt_date": values[3], "category": values[4]},
                                        today=TODAY))
    attempt(store, lambda: fill_sheet(store, 1, 2026, {values[0]: 1}, values[1],
                                      {"sent_date": when}, today=TODAY))
    attempt(store, lambda: start_working_away(store, {"member_id": values[0], "arrangement":
                                                      values[1], "application_date": when,
                                                      "start": when, "end": values[2],
                                                      "destination": values[3]}, today=TODAY))


@SETTINGS
@given(text=TEXT, times=st.tuples(TEXT, TEXT), votes=st.tuples(
    st.integers(-5, 80), st.integers(-5, 80), st.integers(-5, 80)))
def test_meetings(store, text, times, votes):
    if not store.members.count():
        add_member(store, member_form(), entry_form(), today=TODAY)
    m = new_meeting(store, MeetingKind.REGULAR, TODAY)
    m = replace(m, start_time=times[0], end_time=times[1], topic=text,
                items=(AgendaItem(text, text, text, (Opinion(text, text),)),),
                guests=(Guest(text, text, True, text),),
                votes=(Vote(text, VoteKind.RESOLUTION, *votes),), tasks=(Task(text, text),))
    attempt(store, lambda: save_meeting(store, m))
    ids = store.meetings.all_ids()
    if ids:
        attempt(store, lambda: add_direction(store, ids[0], {"text": text, "given_by": text,
                                                             "deadline": times[0]}))


@SETTINGS
@given(data=st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), TEXT),
                         lambda children: st.one_of(st.lists(children, max_size=3),
                                                    st.dictionaries(TEXT, children, max_size=3)),
                         max_leaves=12),
       member=st.dictionaries(st.sampled_from(["full_name", "sex", "birth_date", "events",
                                               "citizen_id", "id"]),
                              st.one_of(st.none(), st.integers(), TEXT,
                                        st.lists(st.dictionaries(TEXT, TEXT, max_size=3),
                                                 max_size=2)), max_size=6))
def test_whole_cell_import(store, data, member):
    attempt(store, lambda: import_cell(store, data, today=TODAY))
    attempt(store, lambda: import_cell(store, {"format": "cellsec-cell", "version": 1,
                                               "members": [member]}, today=TODAY))
