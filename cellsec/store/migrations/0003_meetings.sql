-- CellSec schema v3: meetings and the minutes book (HD 42-HD/BTCTW 2025), numbered documents.
CREATE TABLE meetings (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,            -- regular, thematic, combined, extraordinary, committee
    date            TEXT NOT NULL,
    start_time      TEXT NOT NULL DEFAULT '',  -- HH:MM
    end_time        TEXT NOT NULL DEFAULT '',
    place           TEXT NOT NULL DEFAULT '',
    chair           TEXT NOT NULL DEFAULT '',
    recorder        TEXT NOT NULL DEFAULT '',
    topic           TEXT NOT NULL DEFAULT '',  -- thematic topic
    topic_preparer  TEXT NOT NULL DEFAULT '',
    purpose         TEXT NOT NULL DEFAULT '',  -- opening: purpose of the meeting
    dues_status     TEXT NOT NULL DEFAULT '',
    resolution      TEXT NOT NULL DEFAULT '',  -- conclusion and resolution text
    self_rating     TEXT NOT NULL DEFAULT '',  -- Tốt / Khá / Trung bình / Kém (computed from scores)
    status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
    approved_at     TEXT,
    digest          TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX meetings_date ON meetings(date);

CREATE TABLE agenda_items (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    content     TEXT NOT NULL DEFAULT '',
    conclusion  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

CREATE TABLE guests (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',     -- chức vụ
    is_superior  INTEGER NOT NULL DEFAULT 0,   -- cấp ủy viên cấp trên
    remarks      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX guests_meeting ON guests(meeting_id);

CREATE TABLE opinions (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    member_id   INTEGER REFERENCES members(id),
    guest_id    INTEGER REFERENCES guests(id) ON DELETE SET NULL,
    speaker     TEXT NOT NULL,                 -- the name as written in the minutes
    content     TEXT NOT NULL
);
CREATE INDEX opinions_item ON opinions(item_id, position);

-- The roll as it stood on the meeting date, frozen with the marks (approved minutes never move).
CREATE TABLE attendance (
    meeting_id    INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    member_id     INTEGER NOT NULL REFERENCES members(id),
    name          TEXT NOT NULL,
    category      TEXT NOT NULL CHECK (category IN ('full', 'probationary', 'guest')),
    exempted      INTEGER NOT NULL DEFAULT 0,
    attached_out  INTEGER NOT NULL DEFAULT 0,
    suspended     INTEGER NOT NULL DEFAULT 0,
    mark          TEXT NOT NULL CHECK (mark IN ('present', 'absent_reason', 'absent_no_reason', 'not_expected')),
    reason        TEXT NOT NULL DEFAULT '',
    reason_accepted INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE votes (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    subject     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('resolution', 'admission', 'recognition', 'other')),
    in_favour   INTEGER NOT NULL,
    against     INTEGER NOT NULL,
    other       INTEGER NOT NULL
);

CREATE TABLE tasks (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    content       TEXT NOT NULL,
    owner         TEXT NOT NULL DEFAULT '',
    deadline      TEXT
);
CREATE INDEX tasks_meeting ON tasks(meeting_id);

-- The next meeting's assessment of an earlier meeting's task, task by task (HD 42 agenda).
CREATE TABLE task_reviews (
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    task_id     INTEGER NOT NULL REFERENCES tasks(id),
    status      TEXT NOT NULL CHECK (status IN ('done', 'in_progress', 'not_done')),
    result      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, task_id)
);

CREATE TABLE meeting_scores (
    meeting_id    INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    criterion     TEXT NOT NULL,
    points        INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, criterion)
);

CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    text        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- Numbered documents: "Số 05-NQ/CB", from 01 for each committee term and document type.
CREATE TABLE document_numbers (
    id          INTEGER PRIMARY KEY,
    type_code   TEXT NOT NULL,
    term        TEXT NOT NULL,
    number      INTEGER NOT NULL,
    meeting_id  INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    date        TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    UNIQUE (type_code, term, number)
);
