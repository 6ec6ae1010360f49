-- CellSec schema v5: residence liaison (Quy định 213-QĐ/TW; Hướng dẫn 33-HD/BTCTW) — working
-- party members who live in the village, their 6-monthly gatherings and yearly comment sheets —
-- and the cell's own members who go to work far away.
CREATE TABLE liaison_members (
    id                  INTEGER PRIMARY KEY,
    full_name           TEXT NOT NULL,
    sex                 TEXT NOT NULL CHECK (sex IN ('nam', 'nu')),
    birth_date          TEXT,
    address             TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    workplace           TEXT NOT NULL,             -- cơ quan, đơn vị công tác
    workplace_party_org TEXT NOT NULL DEFAULT '',  -- chi bộ, đảng bộ nơi công tác
    workplace_contact   TEXT NOT NULL DEFAULT '',
    ggt_number          TEXT NOT NULL DEFAULT '',  -- giấy giới thiệu
    ggt_date            TEXT,
    received_date       TEXT NOT NULL,
    category            TEXT NOT NULL DEFAULT 'regular',  -- HD 33 exemption category
    notes               TEXT NOT NULL DEFAULT '',
    search_text         TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

CREATE TABLE liaison_status (
    id          INTEGER PRIMARY KEY,
    liaison_id  INTEGER NOT NULL REFERENCES liaison_members(id),
    status      TEXT NOT NULL CHECK (status IN ('active', 'moved', 'retired', 'ended')),
    date        TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX liaison_status_member ON liaison_status(liaison_id, date);

CREATE TABLE liaison_gatherings (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL,
    place       TEXT NOT NULL DEFAULT '',
    content     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

CREATE TABLE liaison_attendance (
    gathering_id  INTEGER NOT NULL REFERENCES liaison_gatherings(id) ON DELETE CASCADE,
    liaison_id    INTEGER NOT NULL REFERENCES liaison_members(id),
    present       INTEGER NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (gathering_id, liaison_id)
);

CREATE TABLE comment_sheets (
    id               INTEGER PRIMARY KEY,
    liaison_id       INTEGER NOT NULL REFERENCES liaison_members(id),
    year             INTEGER NOT NULL,
    variant          TEXT NOT NULL CHECK (variant IN ('full', 'short')),
    requested_date   TEXT,
    requesting_org   TEXT NOT NULL DEFAULT '',
    criteria_json    TEXT NOT NULL DEFAULT '{}',   -- criterion key -> chosen level (0, 1, 2)
    free_text        TEXT NOT NULL DEFAULT '',
    front_met_date   TEXT,                         -- agreed with the village Front committee
    signed_date      TEXT,
    sent_date        TEXT,
    confirmed_date   TEXT,                         -- confirmed by the Đảng ủy xã
    returned_date    TEXT,                         -- sent back to the workplace
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (liaison_id, year)
);

CREATE TABLE working_away (
    id               INTEGER PRIMARY KEY,
    member_id        INTEGER NOT NULL REFERENCES members(id),
    arrangement      TEXT NOT NULL CHECK (arrangement IN ('exemption', 'temporary_transfer')),
    application_date TEXT NOT NULL,
    start_date       TEXT NOT NULL,
    end_date         TEXT NOT NULL,
    reason           TEXT NOT NULL DEFAULT '',
    destination      TEXT NOT NULL DEFAULT '',
    employer         TEXT NOT NULL DEFAULT '',
    contact          TEXT NOT NULL DEFAULT '',
    decision_ref     TEXT NOT NULL DEFAULT '',
    dues             TEXT NOT NULL DEFAULT '',     -- đảng phí: nộp trước / nộp sau / nơi khác
    returned_date    TEXT,
    event_id         INTEGER REFERENCES member_events(id),  -- the matching register event
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE working_away_contacts (
    id          INTEGER PRIMARY KEY,
    record_id   INTEGER NOT NULL REFERENCES working_away(id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    method      TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
);
