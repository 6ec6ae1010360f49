-- CellSec schema v1: the cell profile, the member register and the members' lifecycle events.
-- Append-only: once landed, never edit this file; add a new numbered migration instead.
PRAGMA application_id = 1129530691;  -- 'CSEC'

CREATE TABLE cell_profile (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    cell_name       TEXT NOT NULL,
    superior_name   TEXT NOT NULL,
    place_name      TEXT NOT NULL,
    secretary       TEXT NOT NULL DEFAULT '',
    deputy_secretary TEXT NOT NULL DEFAULT '',
    term_label      TEXT NOT NULL DEFAULT '',
    term_start      TEXT
);

CREATE TABLE members (
    id                  INTEGER PRIMARY KEY,
    full_name           TEXT NOT NULL,
    alias               TEXT NOT NULL DEFAULT '',
    sex                 TEXT NOT NULL CHECK (sex IN ('nam', 'nu')),
    birth_date          TEXT,
    birth_place         TEXT NOT NULL DEFAULT '',
    hometown            TEXT NOT NULL DEFAULT '',
    permanent_address   TEXT NOT NULL DEFAULT '',
    permanent_commune   TEXT NOT NULL DEFAULT '',
    permanent_province  TEXT NOT NULL DEFAULT '',
    old_address         TEXT NOT NULL DEFAULT '',
    temporary_address   TEXT NOT NULL DEFAULT '',
    ethnicity           TEXT NOT NULL DEFAULT '',
    religion            TEXT NOT NULL DEFAULT '',
    occupation          TEXT NOT NULL DEFAULT '',
    education           TEXT NOT NULL DEFAULT '',
    qualification       TEXT NOT NULL DEFAULT '',
    political_theory    TEXT NOT NULL DEFAULT '',
    citizen_id          TEXT NOT NULL DEFAULT '',
    party_card_no       TEXT NOT NULL DEFAULT '',
    old_card_no         TEXT NOT NULL DEFAULT '',
    lylich_no           TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    ceremony_date       TEXT,
    admitting_cell      TEXT NOT NULL DEFAULT '',
    introducer_1        TEXT NOT NULL DEFAULT '',
    introducer_2        TEXT NOT NULL DEFAULT '',
    youth_union_date    TEXT,
    military_from       TEXT,
    military_to         TEXT,
    rewards             TEXT NOT NULL DEFAULT '',
    discipline_notes    TEXT NOT NULL DEFAULT '',
    badges              TEXT NOT NULL DEFAULT '',
    notes               TEXT NOT NULL DEFAULT '',
    search_text         TEXT NOT NULL DEFAULT '',   -- folded in Python (SQLite cannot fold đ)
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

CREATE TABLE member_events (
    id            INTEGER PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    kind          TEXT NOT NULL,
    date          TEXT NOT NULL,
    end_date      TEXT,
    decision_ref  TEXT NOT NULL DEFAULT '',
    detail        TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);

CREATE INDEX member_events_member ON member_events(member_id, date);
