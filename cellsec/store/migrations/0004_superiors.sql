-- CellSec schema v4: superior committee members who attend cell meetings (Kế hoạch 10-KH/TW;
-- HD 42-HD/BTCTW): the directory, who is assigned to follow the cell, notices before meetings,
-- and directions given at meetings followed up until done.
CREATE TABLE superiors (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    position    TEXT NOT NULL DEFAULT '',      -- chức vụ
    level       TEXT NOT NULL CHECK (level IN ('commune', 'province', 'other')),
    committee   TEXT NOT NULL DEFAULT '',      -- "Đảng ủy xã Thanh Sơn"
    phone       TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE superior_assignments (
    id           INTEGER PRIMARY KEY,
    superior_id  INTEGER NOT NULL REFERENCES superiors(id),
    start_date   TEXT NOT NULL,
    end_date     TEXT,                         -- inclusive; NULL while the assignment runs
    note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX superior_assignments_dates ON superior_assignments(start_date);

ALTER TABLE guests ADD COLUMN superior_id INTEGER REFERENCES superiors(id);

CREATE TABLE meeting_notices (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    superior_id  INTEGER NOT NULL REFERENCES superiors(id),
    sent_date    TEXT NOT NULL,
    method       TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    UNIQUE (meeting_id, superior_id)
);

CREATE TABLE directions (
    id                INTEGER PRIMARY KEY,
    meeting_id        INTEGER NOT NULL REFERENCES meetings(id),
    superior_id       INTEGER REFERENCES superiors(id),
    given_by          TEXT NOT NULL,            -- the name as said in the minutes
    text              TEXT NOT NULL,
    owner             TEXT NOT NULL DEFAULT '', -- a member's name or "Chi ủy"
    deadline          TEXT,
    status            TEXT NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    closed_meeting_id INTEGER REFERENCES meetings(id),
    result            TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX directions_status ON directions(status, deadline);
