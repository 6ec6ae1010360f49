-- CellSec schema v8: identifiers are never reused. A deleted record's id must never be given to a
-- new record, or the new one's history (audit_log rows by row_id / scope_id) would show the old
-- one's entries. Every table whose rows the audit trail references is rebuilt with AUTOINCREMENT
-- (SQLite's table-rebuild procedure; the runner turns foreign keys off for the step and checks
-- them before committing), keeping every row, index and audit trigger. Each table's sequence
-- starts above the highest id ever used: in the table or anywhere in the audit trail.
-- Tables without an integer key are identified by natural keys made of such ids
-- (liaison_attendance: gathering + liaison member; rule_settings: the setting's key).

-- members
CREATE TABLE members__v8 (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO members__v8 (id, full_name, alias, sex, birth_date, birth_place, hometown, permanent_address, permanent_commune, permanent_province, old_address, temporary_address, ethnicity, religion, occupation, education, qualification, political_theory, citizen_id, party_card_no, old_card_no, lylich_no, phone, ceremony_date, admitting_cell, introducer_1, introducer_2, youth_union_date, military_from, military_to, rewards, discipline_notes, badges, notes, search_text, created_at, updated_at)
    SELECT id, full_name, alias, sex, birth_date, birth_place, hometown, permanent_address, permanent_commune, permanent_province, old_address, temporary_address, ethnicity, religion, occupation, education, qualification, political_theory, citizen_id, party_card_no, old_card_no, lylich_no, phone, ceremony_date, admitting_cell, introducer_1, introducer_2, youth_union_date, military_from, military_to, rewards, discipline_notes, badges, notes, search_text, created_at, updated_at FROM members;
DROP TABLE members;
ALTER TABLE members__v8 RENAME TO members;
CREATE INDEX members_citizen_id ON members(citizen_id) WHERE citizen_id <> '';
CREATE INDEX members_party_card ON members(party_card_no) WHERE party_card_no <> '';
CREATE TRIGGER audit_members_insert AFTER INSERT ON members
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'members', NEW.rowid, 'member', NEW.id, NULL, json_object('id', NEW.id, 'full_name', NEW.full_name, 'alias', NEW.alias, 'sex', NEW.sex, 'birth_date', NEW.birth_date, 'birth_place', NEW.birth_place, 'hometown', NEW.hometown, 'permanent_address', NEW.permanent_address, 'permanent_commune', NEW.permanent_commune, 'permanent_province', NEW.permanent_province, 'old_address', NEW.old_address, 'temporary_address', NEW.temporary_address, 'ethnicity', NEW.ethnicity, 'religion', NEW.religion, 'occupation', NEW.occupation, 'education', NEW.education, 'qualification', NEW.qualification, 'political_theory', NEW.political_theory, 'citizen_id', NEW.citizen_id, 'party_card_no', NEW.party_card_no, 'old_card_no', NEW.old_card_no, 'lylich_no', NEW.lylich_no, 'phone', NEW.phone, 'ceremony_date', NEW.ceremony_date, 'admitting_cell', NEW.admitting_cell, 'introducer_1', NEW.introducer_1, 'introducer_2', NEW.introducer_2, 'youth_union_date', NEW.youth_union_date, 'military_from', NEW.military_from, 'military_to', NEW.military_to, 'rewards', NEW.rewards, 'discipline_notes', NEW.discipline_notes, 'badges', NEW.badges, 'notes', NEW.notes)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_members_update AFTER UPDATE ON members
    WHEN OLD.id IS NOT NEW.id OR OLD.full_name IS NOT NEW.full_name OR OLD.alias IS NOT NEW.alias OR OLD.sex IS NOT NEW.sex OR OLD.birth_date IS NOT NEW.birth_date OR OLD.birth_place IS NOT NEW.birth_place OR OLD.hometown IS NOT NEW.hometown OR OLD.permanent_address IS NOT NEW.permanent_address OR OLD.permanent_commune IS NOT NEW.permanent_commune OR OLD.permanent_province IS NOT NEW.permanent_province OR OLD.old_address IS NOT NEW.old_address OR OLD.temporary_address IS NOT NEW.temporary_address OR OLD.ethnicity IS NOT NEW.ethnicity OR OLD.religion IS NOT NEW.religion OR OLD.occupation IS NOT NEW.occupation OR OLD.education IS NOT NEW.education OR OLD.qualification IS NOT NEW.qualification OR OLD.political_theory IS NOT NEW.political_theory OR OLD.citizen_id IS NOT NEW.citizen_id OR OLD.party_card_no IS NOT NEW.party_card_no OR OLD.old_card_no IS NOT NEW.old_card_no OR OLD.lylich_no IS NOT NEW.lylich_no OR OLD.phone IS NOT NEW.phone OR OLD.ceremony_date IS NOT NEW.ceremony_date OR OLD.admitting_cell IS NOT NEW.admitting_cell OR OLD.introducer_1 IS NOT NEW.introducer_1 OR OLD.introducer_2 IS NOT NEW.introducer_2 OR OLD.youth_union_date IS NOT NEW.youth_union_date OR OLD.military_from IS NOT NEW.military_from OR OLD.military_to IS NOT NEW.military_to OR OLD.rewards IS NOT NEW.rewards OR OLD.discipline_notes IS NOT NEW.discipline_notes OR OLD.badges IS NOT NEW.badges OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'members', NEW.rowid, 'member', NEW.id, json_object('id', OLD.id, 'full_name', OLD.full_name, 'alias', OLD.alias, 'sex', OLD.sex, 'birth_date', OLD.birth_date, 'birth_place', OLD.birth_place, 'hometown', OLD.hometown, 'permanent_address', OLD.permanent_address, 'permanent_commune', OLD.permanent_commune, 'permanent_province', OLD.permanent_province, 'old_address', OLD.old_address, 'temporary_address', OLD.temporary_address, 'ethnicity', OLD.ethnicity, 'religion', OLD.religion, 'occupation', OLD.occupation, 'education', OLD.education, 'qualification', OLD.qualification, 'political_theory', OLD.political_theory, 'citizen_id', OLD.citizen_id, 'party_card_no', OLD.party_card_no, 'old_card_no', OLD.old_card_no, 'lylich_no', OLD.lylich_no, 'phone', OLD.phone, 'ceremony_date', OLD.ceremony_date, 'admitting_cell', OLD.admitting_cell, 'introducer_1', OLD.introducer_1, 'introducer_2', OLD.introducer_2, 'youth_union_date', OLD.youth_union_date, 'military_from', OLD.military_from, 'military_to', OLD.military_to, 'rewards', OLD.rewards, 'discipline_notes', OLD.discipline_notes, 'badges', OLD.badges, 'notes', OLD.notes), json_object('id', NEW.id, 'full_name', NEW.full_name, 'alias', NEW.alias, 'sex', NEW.sex, 'birth_date', NEW.birth_date, 'birth_place', NEW.birth_place, 'hometown', NEW.hometown, 'permanent_address', NEW.permanent_address, 'permanent_commune', NEW.permanent_commune, 'permanent_province', NEW.permanent_province, 'old_address', NEW.old_address, 'temporary_address', NEW.temporary_address, 'ethnicity', NEW.ethnicity, 'religion', NEW.religion, 'occupation', NEW.occupation, 'education', NEW.education, 'qualification', NEW.qualification, 'political_theory', NEW.political_theory, 'citizen_id', NEW.citizen_id, 'party_card_no', NEW.party_card_no, 'old_card_no', NEW.old_card_no, 'lylich_no', NEW.lylich_no, 'phone', NEW.phone, 'ceremony_date', NEW.ceremony_date, 'admitting_cell', NEW.admitting_cell, 'introducer_1', NEW.introducer_1, 'introducer_2', NEW.introducer_2, 'youth_union_date', NEW.youth_union_date, 'military_from', NEW.military_from, 'military_to', NEW.military_to, 'rewards', NEW.rewards, 'discipline_notes', NEW.discipline_notes, 'badges', NEW.badges, 'notes', NEW.notes)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_members_delete AFTER DELETE ON members
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'members', OLD.rowid, 'member', OLD.id, json_object('id', OLD.id, 'full_name', OLD.full_name, 'alias', OLD.alias, 'sex', OLD.sex, 'birth_date', OLD.birth_date, 'birth_place', OLD.birth_place, 'hometown', OLD.hometown, 'permanent_address', OLD.permanent_address, 'permanent_commune', OLD.permanent_commune, 'permanent_province', OLD.permanent_province, 'old_address', OLD.old_address, 'temporary_address', OLD.temporary_address, 'ethnicity', OLD.ethnicity, 'religion', OLD.religion, 'occupation', OLD.occupation, 'education', OLD.education, 'qualification', OLD.qualification, 'political_theory', OLD.political_theory, 'citizen_id', OLD.citizen_id, 'party_card_no', OLD.party_card_no, 'old_card_no', OLD.old_card_no, 'lylich_no', OLD.lylich_no, 'phone', OLD.phone, 'ceremony_date', OLD.ceremony_date, 'admitting_cell', OLD.admitting_cell, 'introducer_1', OLD.introducer_1, 'introducer_2', OLD.introducer_2, 'youth_union_date', OLD.youth_union_date, 'military_from', OLD.military_from, 'military_to', OLD.military_to, 'rewards', OLD.rewards, 'discipline_notes', OLD.discipline_notes, 'badges', OLD.badges, 'notes', OLD.notes), NULL
    FROM audit_context WHERE id = 1;
END;
DELETE FROM sqlite_sequence WHERE name IN ('members', 'members__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('members', max(0, coalesce((SELECT max(id) FROM members), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'members'), 0), coalesce((SELECT max(scope_id) FROM audit_log WHERE scope = 'member'), 0)));

-- member_events
CREATE TABLE member_events__v8 (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id     INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
    kind          TEXT NOT NULL,
    date          TEXT NOT NULL,
    end_date      TEXT,
    decision_ref  TEXT NOT NULL DEFAULT '',
    detail        TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);
INSERT INTO member_events__v8 (id, member_id, kind, date, end_date, decision_ref, detail, note, created_at)
    SELECT id, member_id, kind, date, end_date, decision_ref, detail, note, created_at FROM member_events;
DROP TABLE member_events;
ALTER TABLE member_events__v8 RENAME TO member_events;
CREATE INDEX member_events_member ON member_events(member_id, date);
CREATE TRIGGER audit_member_events_insert AFTER INSERT ON member_events
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'member_events', NEW.rowid, 'member', NEW.member_id, NULL, json_object('id', NEW.id, 'member_id', NEW.member_id, 'kind', NEW.kind, 'date', NEW.date, 'end_date', NEW.end_date, 'decision_ref', NEW.decision_ref, 'detail', NEW.detail, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_member_events_update AFTER UPDATE ON member_events
    WHEN OLD.id IS NOT NEW.id OR OLD.member_id IS NOT NEW.member_id OR OLD.kind IS NOT NEW.kind OR OLD.date IS NOT NEW.date OR OLD.end_date IS NOT NEW.end_date OR OLD.decision_ref IS NOT NEW.decision_ref OR OLD.detail IS NOT NEW.detail OR OLD.note IS NOT NEW.note
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'member_events', NEW.rowid, 'member', NEW.member_id, json_object('id', OLD.id, 'member_id', OLD.member_id, 'kind', OLD.kind, 'date', OLD.date, 'end_date', OLD.end_date, 'decision_ref', OLD.decision_ref, 'detail', OLD.detail, 'note', OLD.note), json_object('id', NEW.id, 'member_id', NEW.member_id, 'kind', NEW.kind, 'date', NEW.date, 'end_date', NEW.end_date, 'decision_ref', NEW.decision_ref, 'detail', NEW.detail, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_member_events_delete AFTER DELETE ON member_events
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'member_events', OLD.rowid, 'member', OLD.member_id, json_object('id', OLD.id, 'member_id', OLD.member_id, 'kind', OLD.kind, 'date', OLD.date, 'end_date', OLD.end_date, 'decision_ref', OLD.decision_ref, 'detail', OLD.detail, 'note', OLD.note), NULL
    FROM audit_context WHERE id = 1;
END;
DELETE FROM sqlite_sequence WHERE name IN ('member_events', 'member_events__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('member_events', max(0, coalesce((SELECT max(id) FROM member_events), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'member_events'), 0)));

-- meetings
CREATE TABLE meetings__v8 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO meetings__v8 (id, kind, date, start_time, end_time, place, chair, recorder, topic, topic_preparer, purpose, dues_status, resolution, self_rating, status, approved_at, digest, created_at, updated_at)
    SELECT id, kind, date, start_time, end_time, place, chair, recorder, topic, topic_preparer, purpose, dues_status, resolution, self_rating, status, approved_at, digest, created_at, updated_at FROM meetings;
DROP TABLE meetings;
ALTER TABLE meetings__v8 RENAME TO meetings;
CREATE INDEX meetings_date ON meetings(date);
CREATE TRIGGER audit_meetings_insert AFTER INSERT ON meetings
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'meetings', NEW.rowid, 'meeting', NEW.id, NULL, json_object('id', NEW.id, 'kind', NEW.kind, 'date', NEW.date, 'start_time', NEW.start_time, 'end_time', NEW.end_time, 'place', NEW.place, 'chair', NEW.chair, 'recorder', NEW.recorder, 'topic', NEW.topic, 'topic_preparer', NEW.topic_preparer, 'purpose', NEW.purpose, 'dues_status', NEW.dues_status, 'resolution', NEW.resolution, 'self_rating', NEW.self_rating, 'status', NEW.status, 'approved_at', NEW.approved_at, 'digest', NEW.digest)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_meetings_update AFTER UPDATE ON meetings
    WHEN OLD.id IS NOT NEW.id OR OLD.kind IS NOT NEW.kind OR OLD.date IS NOT NEW.date OR OLD.start_time IS NOT NEW.start_time OR OLD.end_time IS NOT NEW.end_time OR OLD.place IS NOT NEW.place OR OLD.chair IS NOT NEW.chair OR OLD.recorder IS NOT NEW.recorder OR OLD.topic IS NOT NEW.topic OR OLD.topic_preparer IS NOT NEW.topic_preparer OR OLD.purpose IS NOT NEW.purpose OR OLD.dues_status IS NOT NEW.dues_status OR OLD.resolution IS NOT NEW.resolution OR OLD.self_rating IS NOT NEW.self_rating OR OLD.status IS NOT NEW.status OR OLD.approved_at IS NOT NEW.approved_at OR OLD.digest IS NOT NEW.digest
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'meetings', NEW.rowid, 'meeting', NEW.id, json_object('id', OLD.id, 'kind', OLD.kind, 'date', OLD.date, 'start_time', OLD.start_time, 'end_time', OLD.end_time, 'place', OLD.place, 'chair', OLD.chair, 'recorder', OLD.recorder, 'topic', OLD.topic, 'topic_preparer', OLD.topic_preparer, 'purpose', OLD.purpose, 'dues_status', OLD.dues_status, 'resolution', OLD.resolution, 'self_rating', OLD.self_rating, 'status', OLD.status, 'approved_at', OLD.approved_at, 'digest', OLD.digest), json_object('id', NEW.id, 'kind', NEW.kind, 'date', NEW.date, 'start_time', NEW.start_time, 'end_time', NEW.end_time, 'place', NEW.place, 'chair', NEW.chair, 'recorder', NEW.recorder, 'topic', NEW.topic, 'topic_preparer', NEW.topic_preparer, 'purpose', NEW.purpose, 'dues_status', NEW.dues_status, 'resolution', NEW.resolution, 'self_rating', NEW.self_rating, 'status', NEW.status, 'approved_at', NEW.approved_at, 'digest', NEW.digest)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_meetings_delete AFTER DELETE ON meetings
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'meetings', OLD.rowid, 'meeting', OLD.id, json_object('id', OLD.id, 'kind', OLD.kind, 'date', OLD.date, 'start_time', OLD.start_time, 'end_time', OLD.end_time, 'place', OLD.place, 'chair', OLD.chair, 'recorder', OLD.recorder, 'topic', OLD.topic, 'topic_preparer', OLD.topic_preparer, 'purpose', OLD.purpose, 'dues_status', OLD.dues_status, 'resolution', OLD.resolution, 'self_rating', OLD.self_rating, 'status', OLD.status, 'approved_at', OLD.approved_at, 'digest', OLD.digest), NULL
    FROM audit_context WHERE id = 1;
END;
DELETE FROM sqlite_sequence WHERE name IN ('meetings', 'meetings__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('meetings', max(0, coalesce((SELECT max(id) FROM meetings), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'meetings'), 0), coalesce((SELECT max(scope_id) FROM audit_log WHERE scope = 'meeting'), 0), coalesce((SELECT max(meeting_id) FROM document_numbers), 0)));

-- tasks
CREATE TABLE tasks__v8 (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id    INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    content       TEXT NOT NULL,
    owner         TEXT NOT NULL DEFAULT '',
    deadline      TEXT
);
INSERT INTO tasks__v8 (id, meeting_id, position, content, owner, deadline)
    SELECT id, meeting_id, position, content, owner, deadline FROM tasks;
DROP TABLE tasks;
ALTER TABLE tasks__v8 RENAME TO tasks;
CREATE INDEX tasks_meeting ON tasks(meeting_id);
DELETE FROM sqlite_sequence WHERE name IN ('tasks', 'tasks__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('tasks', max(0, coalesce((SELECT max(id) FROM tasks), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'tasks'), 0)));

-- corrections
CREATE TABLE corrections__v8 (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    text        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
INSERT INTO corrections__v8 (id, meeting_id, date, text, created_at)
    SELECT id, meeting_id, date, text, created_at FROM corrections;
DROP TABLE corrections;
ALTER TABLE corrections__v8 RENAME TO corrections;
CREATE TRIGGER audit_corrections_insert AFTER INSERT ON corrections
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'corrections', NEW.rowid, 'meeting', NEW.meeting_id, NULL, json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'date', NEW.date, 'text', NEW.text)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_corrections_update AFTER UPDATE ON corrections
    WHEN OLD.id IS NOT NEW.id OR OLD.meeting_id IS NOT NEW.meeting_id OR OLD.date IS NOT NEW.date OR OLD.text IS NOT NEW.text
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'corrections', NEW.rowid, 'meeting', NEW.meeting_id, json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'date', OLD.date, 'text', OLD.text), json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'date', NEW.date, 'text', NEW.text)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_corrections_delete AFTER DELETE ON corrections
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'corrections', OLD.rowid, 'meeting', OLD.meeting_id, json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'date', OLD.date, 'text', OLD.text), NULL
    FROM audit_context WHERE id = 1;
END;
DELETE FROM sqlite_sequence WHERE name IN ('corrections', 'corrections__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('corrections', max(0, coalesce((SELECT max(id) FROM corrections), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'corrections'), 0)));

-- document_numbers
CREATE TABLE document_numbers__v8 (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    type_code   TEXT NOT NULL,
    term        TEXT NOT NULL,
    number      INTEGER NOT NULL,
    meeting_id  INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    date        TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '', issuer TEXT NOT NULL DEFAULT 'CB',
    UNIQUE (type_code, term, number)
);
INSERT INTO document_numbers__v8 (id, type_code, term, number, meeting_id, date, title, issuer)
    SELECT id, type_code, term, number, meeting_id, date, title, issuer FROM document_numbers;
DROP TABLE document_numbers;
ALTER TABLE document_numbers__v8 RENAME TO document_numbers;
CREATE TRIGGER audit_document_numbers_insert AFTER INSERT ON document_numbers
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'document_numbers', NEW.rowid, 'meeting', NEW.meeting_id, NULL, json_object('id', NEW.id, 'type_code', NEW.type_code, 'term', NEW.term, 'number', NEW.number, 'meeting_id', NEW.meeting_id, 'date', NEW.date, 'title', NEW.title)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_document_numbers_update AFTER UPDATE ON document_numbers
    WHEN OLD.id IS NOT NEW.id OR OLD.type_code IS NOT NEW.type_code OR OLD.term IS NOT NEW.term OR OLD.number IS NOT NEW.number OR OLD.meeting_id IS NOT NEW.meeting_id OR OLD.date IS NOT NEW.date OR OLD.title IS NOT NEW.title
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'document_numbers', NEW.rowid, 'meeting', NEW.meeting_id, json_object('id', OLD.id, 'type_code', OLD.type_code, 'term', OLD.term, 'number', OLD.number, 'meeting_id', OLD.meeting_id, 'date', OLD.date, 'title', OLD.title), json_object('id', NEW.id, 'type_code', NEW.type_code, 'term', NEW.term, 'number', NEW.number, 'meeting_id', NEW.meeting_id, 'date', NEW.date, 'title', NEW.title)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_document_numbers_delete AFTER DELETE ON document_numbers
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'document_numbers', OLD.rowid, 'meeting', OLD.meeting_id, json_object('id', OLD.id, 'type_code', OLD.type_code, 'term', OLD.term, 'number', OLD.number, 'meeting_id', OLD.meeting_id, 'date', OLD.date, 'title', OLD.title), NULL
    FROM audit_context WHERE id = 1;
END;
DELETE FROM sqlite_sequence WHERE name IN ('document_numbers', 'document_numbers__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('document_numbers', max(0, coalesce((SELECT max(id) FROM document_numbers), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'document_numbers'), 0)));

-- superiors
CREATE TABLE superiors__v8 (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO superiors__v8 (id, name, position, level, committee, phone, notes, search_text, created_at, updated_at)
    SELECT id, name, position, level, committee, phone, notes, search_text, created_at, updated_at FROM superiors;
DROP TABLE superiors;
ALTER TABLE superiors__v8 RENAME TO superiors;
CREATE TRIGGER audit_superiors_insert AFTER INSERT ON superiors
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'superiors', NEW.rowid, 'superior', NEW.id, NULL, json_object('id', NEW.id, 'name', NEW.name, 'position', NEW.position, 'level', NEW.level, 'committee', NEW.committee, 'phone', NEW.phone, 'notes', NEW.notes)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_superiors_update AFTER UPDATE ON superiors
    WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.position IS NOT NEW.position OR OLD.level IS NOT NEW.level OR OLD.committee IS NOT NEW.committee OR OLD.phone IS NOT NEW.phone OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'superiors', NEW.rowid, 'superior', NEW.id, json_object('id', OLD.id, 'name', OLD.name, 'position', OLD.position, 'level', OLD.level, 'committee', OLD.committee, 'phone', OLD.phone, 'notes', OLD.notes), json_object('id', NEW.id, 'name', NEW.name, 'position', NEW.position, 'level', NEW.level, 'committee', NEW.committee, 'phone', NEW.phone, 'notes', NEW.notes)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_superiors_delete AFTER DELETE ON superiors
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'superiors', OLD.rowid, 'superior', OLD.id, json_object('id', OLD.id, 'name', OLD.name, 'position', OLD.position, 'level', OLD.level, 'committee', OLD.committee, 'phone', OLD.phone, 'notes', OLD.notes), NULL
    FROM audit_context WHERE id = 1;
END;
DELETE FROM sqlite_sequence WHERE name IN ('superiors', 'superiors__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('superiors', max(0, coalesce((SELECT max(id) FROM superiors), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'superiors'), 0), coalesce((SELECT max(scope_id) FROM audit_log WHERE scope = 'superior'), 0)));

-- superior_assignments
CREATE TABLE superior_assignments__v8 (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    superior_id  INTEGER NOT NULL REFERENCES superiors(id),
    start_date   TEXT NOT NULL,
    end_date     TEXT,                         -- inclusive; NULL while the assignment runs
    note         TEXT NOT NULL DEFAULT ''
);
INSERT INTO superior_assignments__v8 (id, superior_id, start_date, end_date, note)
    SELECT id, superior_id, start_date, end_date, note FROM superior_assignments;
DROP TABLE superior_assignments;
ALTER TABLE superior_assignments__v8 RENAME TO superior_assignments;
CREATE INDEX superior_assignments_dates ON superior_assignments(start_date);
CREATE TRIGGER audit_superior_assignments_insert AFTER INSERT ON superior_assignments
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'superior_assignments', NEW.rowid, 'superior', NEW.superior_id, NULL, json_object('id', NEW.id, 'superior_id', NEW.superior_id, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_superior_assignments_update AFTER UPDATE ON superior_assignments
    WHEN OLD.id IS NOT NEW.id OR OLD.superior_id IS NOT NEW.superior_id OR OLD.start_date IS NOT NEW.start_date OR OLD.end_date IS NOT NEW.end_date OR OLD.note IS NOT NEW.note
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'superior_assignments', NEW.rowid, 'superior', NEW.superior_id, json_object('id', OLD.id, 'superior_id', OLD.superior_id, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'note', OLD.note), json_object('id', NEW.id, 'superior_id', NEW.superior_id, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_superior_assignments_delete AFTER DELETE ON superior_assignments
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'superior_assignments', OLD.rowid, 'superior', OLD.superior_id, json_object('id', OLD.id, 'superior_id', OLD.superior_id, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'note', OLD.note), NULL
    FROM audit_context WHERE id = 1;
END;
DELETE FROM sqlite_sequence WHERE name IN ('superior_assignments', 'superior_assignments__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('superior_assignments', max(0, coalesce((SELECT max(id) FROM superior_assignments), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'superior_assignments'), 0)));

-- meeting_notices
CREATE TABLE meeting_notices__v8 (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id   INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    superior_id  INTEGER NOT NULL REFERENCES superiors(id),
    sent_date    TEXT NOT NULL,
    method       TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    UNIQUE (meeting_id, superior_id)
);
INSERT INTO meeting_notices__v8 (id, meeting_id, superior_id, sent_date, method, note)
    SELECT id, meeting_id, superior_id, sent_date, method, note FROM meeting_notices;
DROP TABLE meeting_notices;
ALTER TABLE meeting_notices__v8 RENAME TO meeting_notices;
CREATE TRIGGER audit_meeting_notices_insert AFTER INSERT ON meeting_notices
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'meeting_notices', NEW.rowid, 'meeting', NEW.meeting_id, NULL, json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'superior_id', NEW.superior_id, 'sent_date', NEW.sent_date, 'method', NEW.method, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_meeting_notices_update AFTER UPDATE ON meeting_notices
    WHEN OLD.id IS NOT NEW.id OR OLD.meeting_id IS NOT NEW.meeting_id OR OLD.superior_id IS NOT NEW.superior_id OR OLD.sent_date IS NOT NEW.sent_date OR OLD.method IS NOT NEW.method OR OLD.note IS NOT NEW.note
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'meeting_notices', NEW.rowid, 'meeting', NEW.meeting_id, json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'superior_id', OLD.superior_id, 'sent_date', OLD.sent_date, 'method', OLD.method, 'note', OLD.note), json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'superior_id', NEW.superior_id, 'sent_date', NEW.sent_date, 'method', NEW.method, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_meeting_notices_delete AFTER DELETE ON meeting_notices
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'meeting_notices', OLD.rowid, 'meeting', OLD.meeting_id, json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'superior_id', OLD.superior_id, 'sent_date', OLD.sent_date, 'method', OLD.method, 'note', OLD.note), NULL
    FROM audit_context WHERE id = 1;
END;
DELETE FROM sqlite_sequence WHERE name IN ('meeting_notices', 'meeting_notices__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('meeting_notices', max(0, coalesce((SELECT max(id) FROM meeting_notices), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'meeting_notices'), 0)));

-- directions
CREATE TABLE directions__v8 (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO directions__v8 (id, meeting_id, superior_id, given_by, text, owner, deadline, status, closed_meeting_id, result, created_at, updated_at)
    SELECT id, meeting_id, superior_id, given_by, text, owner, deadline, status, closed_meeting_id, result, created_at, updated_at FROM directions;
DROP TABLE directions;
ALTER TABLE directions__v8 RENAME TO directions;
CREATE INDEX directions_status ON directions(status, deadline);
CREATE TRIGGER audit_directions_insert AFTER INSERT ON directions
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'directions', NEW.rowid, 'meeting', NEW.meeting_id, NULL, json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'superior_id', NEW.superior_id, 'given_by', NEW.given_by, 'text', NEW.text, 'owner', NEW.owner, 'deadline', NEW.deadline, 'status', NEW.status, 'closed_meeting_id', NEW.closed_meeting_id, 'result', NEW.result)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_directions_update AFTER UPDATE ON directions
    WHEN OLD.id IS NOT NEW.id OR OLD.meeting_id IS NOT NEW.meeting_id OR OLD.superior_id IS NOT NEW.superior_id OR OLD.given_by IS NOT NEW.given_by OR OLD.text IS NOT NEW.text OR OLD.owner IS NOT NEW.owner OR OLD.deadline IS NOT NEW.deadline OR OLD.status IS NOT NEW.status OR OLD.closed_meeting_id IS NOT NEW.closed_meeting_id OR OLD.result IS NOT NEW.result
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'directions', NEW.rowid, 'meeting', NEW.meeting_id, json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'superior_id', OLD.superior_id, 'given_by', OLD.given_by, 'text', OLD.text, 'owner', OLD.owner, 'deadline', OLD.deadline, 'status', OLD.status, 'closed_meeting_id', OLD.closed_meeting_id, 'result', OLD.result), json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'superior_id', NEW.superior_id, 'given_by', NEW.given_by, 'text', NEW.text, 'owner', NEW.owner, 'deadline', NEW.deadline, 'status', NEW.status, 'closed_meeting_id', NEW.closed_meeting_id, 'result', NEW.result)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_directions_delete AFTER DELETE ON directions
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'directions', OLD.rowid, 'meeting', OLD.meeting_id, json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'superior_id', OLD.superior_id, 'given_by', OLD.given_by, 'text', OLD.text, 'owner', OLD.owner, 'deadline', OLD.deadline, 'status', OLD.status, 'closed_meeting_id', OLD.closed_meeting_id, 'result', OLD.result), NULL
    FROM audit_context WHERE id = 1;
END;
DELETE FROM sqlite_sequence WHERE name IN ('directions', 'directions__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('directions', max(0, coalesce((SELECT max(id) FROM directions), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'directions'), 0)));

-- liaison_members
CREATE TABLE liaison_members__v8 (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO liaison_members__v8 (id, full_name, sex, birth_date, address, phone, workplace, workplace_party_org, workplace_contact, ggt_number, ggt_date, received_date, category, notes, search_text, created_at, updated_at)
    SELECT id, full_name, sex, birth_date, address, phone, workplace, workplace_party_org, workplace_contact, ggt_number, ggt_date, received_date, category, notes, search_text, created_at, updated_at FROM liaison_members;
DROP TABLE liaison_members;
ALTER TABLE liaison_members__v8 RENAME TO liaison_members;
CREATE TRIGGER audit_liaison_members_insert AFTER INSERT ON liaison_members
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'liaison_members', NEW.rowid, 'liaison', NEW.id, NULL, json_object('id', NEW.id, 'full_name', NEW.full_name, 'sex', NEW.sex, 'birth_date', NEW.birth_date, 'address', NEW.address, 'phone', NEW.phone, 'workplace', NEW.workplace, 'workplace_party_org', NEW.workplace_party_org, 'workplace_contact', NEW.workplace_contact, 'ggt_number', NEW.ggt_number, 'ggt_date', NEW.ggt_date, 'received_date', NEW.received_date, 'category', NEW.category, 'notes', NEW.notes)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_liaison_members_update AFTER UPDATE ON liaison_members
    WHEN OLD.id IS NOT NEW.id OR OLD.full_name IS NOT NEW.full_name OR OLD.sex IS NOT NEW.sex OR OLD.birth_date IS NOT NEW.birth_date OR OLD.address IS NOT NEW.address OR OLD.phone IS NOT NEW.phone OR OLD.workplace IS NOT NEW.workplace OR OLD.workplace_party_org IS NOT NEW.workplace_party_org OR OLD.workplace_contact IS NOT NEW.workplace_contact OR OLD.ggt_number IS NOT NEW.ggt_number OR OLD.ggt_date IS NOT NEW.ggt_date OR OLD.received_date IS NOT NEW.received_date OR OLD.category IS NOT NEW.category OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'liaison_members', NEW.rowid, 'liaison', NEW.id, json_object('id', OLD.id, 'full_name', OLD.full_name, 'sex', OLD.sex, 'birth_date', OLD.birth_date, 'address', OLD.address, 'phone', OLD.phone, 'workplace', OLD.workplace, 'workplace_party_org', OLD.workplace_party_org, 'workplace_contact', OLD.workplace_contact, 'ggt_number', OLD.ggt_number, 'ggt_date', OLD.ggt_date, 'received_date', OLD.received_date, 'category', OLD.category, 'notes', OLD.notes), json_object('id', NEW.id, 'full_name', NEW.full_name, 'sex', NEW.sex, 'birth_date', NEW.birth_date, 'address', NEW.address, 'phone', NEW.phone, 'workplace', NEW.workplace, 'workplace_party_org', NEW.workplace_party_org, 'workplace_contact', NEW.workplace_contact, 'ggt_number', NEW.ggt_number, 'ggt_date', NEW.ggt_date, 'received_date', NEW.received_date, 'category', NEW.category, 'notes', NEW.notes)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_liaison_members_delete AFTER DELETE ON liaison_members
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'liaison_members', OLD.rowid, 'liaison', OLD.id, json_object('id', OLD.id, 'full_name', OLD.full_name, 'sex', OLD.sex, 'birth_date', OLD.birth_date, 'address', OLD.address, 'phone', OLD.phone, 'workplace', OLD.workplace, 'workplace_party_org', OLD.workplace_party_org, 'workplace_contact', OLD.workplace_contact, 'ggt_number', OLD.ggt_number, 'ggt_date', OLD.ggt_date, 'received_date', OLD.received_date, 'category', OLD.category, 'notes', OLD.notes), NULL
    FROM audit_context WHERE id = 1;
END;
DELETE FROM sqlite_sequence WHERE name IN ('liaison_members', 'liaison_members__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('liaison_members', max(0, coalesce((SELECT max(id) FROM liaison_members), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'liaison_members'), 0), coalesce((SELECT max(scope_id) FROM audit_log WHERE scope = 'liaison'), 0)));

-- liaison_status
CREATE TABLE liaison_status__v8 (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    liaison_id  INTEGER NOT NULL REFERENCES liaison_members(id),
    status      TEXT NOT NULL CHECK (status IN ('active', 'moved', 'retired', 'ended')),
    date        TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
INSERT INTO liaison_status__v8 (id, liaison_id, status, date, note)
    SELECT id, liaison_id, status, date, note FROM liaison_status;
DROP TABLE liaison_status;
ALTER TABLE liaison_status__v8 RENAME TO liaison_status;
CREATE INDEX liaison_status_member ON liaison_status(liaison_id, date);
CREATE TRIGGER audit_liaison_status_insert AFTER INSERT ON liaison_status
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'liaison_status', NEW.rowid, 'liaison', NEW.liaison_id, NULL, json_object('id', NEW.id, 'liaison_id', NEW.liaison_id, 'status', NEW.status, 'date', NEW.date, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_liaison_status_update AFTER UPDATE ON liaison_status
    WHEN OLD.id IS NOT NEW.id OR OLD.liaison_id IS NOT NEW.liaison_id OR OLD.status IS NOT NEW.status OR OLD.date IS NOT NEW.date OR OLD.note IS NOT NEW.note
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'liaison_status', NEW.rowid, 'liaison', NEW.liaison_id, json_object('id', OLD.id, 'liaison_id', OLD.liaison_id, 'status', OLD.status, 'date', OLD.date, 'note', OLD.note), json_object('id', NEW.id, 'liaison_id', NEW.liaison_id, 'status', NEW.status, 'date', NEW.date, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_liaison_status_delete AFTER DELETE ON liaison_status
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'liaison_status', OLD.rowid, 'liaison', OLD.liaison_id, json_object('id', OLD.id, 'liaison_id', OLD.liaison_id, 'status', OLD.status, 'date', OLD.date, 'note', OLD.note), NULL
    FROM audit_context WHERE id = 1;
END;
DELETE FROM sqlite_sequence WHERE name IN ('liaison_status', 'liaison_status__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('liaison_status', max(0, coalesce((SELECT max(id) FROM liaison_status), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'liaison_status'), 0)));

-- liaison_gatherings
CREATE TABLE liaison_gatherings__v8 (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    date        TEXT NOT NULL,
    place       TEXT NOT NULL DEFAULT '',
    content     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
INSERT INTO liaison_gatherings__v8 (id, date, place, content, created_at)
    SELECT id, date, place, content, created_at FROM liaison_gatherings;
DROP TABLE liaison_gatherings;
ALTER TABLE liaison_gatherings__v8 RENAME TO liaison_gatherings;
CREATE TRIGGER audit_liaison_gatherings_insert AFTER INSERT ON liaison_gatherings
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'liaison_gatherings', NEW.rowid, NULL, NULL, NULL, json_object('id', NEW.id, 'date', NEW.date, 'place', NEW.place, 'content', NEW.content)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_liaison_gatherings_update AFTER UPDATE ON liaison_gatherings
    WHEN OLD.id IS NOT NEW.id OR OLD.date IS NOT NEW.date OR OLD.place IS NOT NEW.place OR OLD.content IS NOT NEW.content
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'liaison_gatherings', NEW.rowid, NULL, NULL, json_object('id', OLD.id, 'date', OLD.date, 'place', OLD.place, 'content', OLD.content), json_object('id', NEW.id, 'date', NEW.date, 'place', NEW.place, 'content', NEW.content)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_liaison_gatherings_delete AFTER DELETE ON liaison_gatherings
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'liaison_gatherings', OLD.rowid, NULL, NULL, json_object('id', OLD.id, 'date', OLD.date, 'place', OLD.place, 'content', OLD.content), NULL
    FROM audit_context WHERE id = 1;
END;
DELETE FROM sqlite_sequence WHERE name IN ('liaison_gatherings', 'liaison_gatherings__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('liaison_gatherings', max(0, coalesce((SELECT max(id) FROM liaison_gatherings), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'liaison_gatherings'), 0)));

-- comment_sheets
CREATE TABLE comment_sheets__v8 (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO comment_sheets__v8 (id, liaison_id, year, variant, requested_date, requesting_org, criteria_json, free_text, front_met_date, signed_date, sent_date, confirmed_date, returned_date, created_at, updated_at)
    SELECT id, liaison_id, year, variant, requested_date, requesting_org, criteria_json, free_text, front_met_date, signed_date, sent_date, confirmed_date, returned_date, created_at, updated_at FROM comment_sheets;
DROP TABLE comment_sheets;
ALTER TABLE comment_sheets__v8 RENAME TO comment_sheets;
CREATE TRIGGER audit_comment_sheets_insert AFTER INSERT ON comment_sheets
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'comment_sheets', NEW.rowid, 'liaison', NEW.liaison_id, NULL, json_object('id', NEW.id, 'liaison_id', NEW.liaison_id, 'year', NEW.year, 'variant', NEW.variant, 'requested_date', NEW.requested_date, 'requesting_org', NEW.requesting_org, 'criteria_json', NEW.criteria_json, 'free_text', NEW.free_text, 'front_met_date', NEW.front_met_date, 'signed_date', NEW.signed_date, 'sent_date', NEW.sent_date, 'confirmed_date', NEW.confirmed_date, 'returned_date', NEW.returned_date)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_comment_sheets_update AFTER UPDATE ON comment_sheets
    WHEN OLD.id IS NOT NEW.id OR OLD.liaison_id IS NOT NEW.liaison_id OR OLD.year IS NOT NEW.year OR OLD.variant IS NOT NEW.variant OR OLD.requested_date IS NOT NEW.requested_date OR OLD.requesting_org IS NOT NEW.requesting_org OR OLD.criteria_json IS NOT NEW.criteria_json OR OLD.free_text IS NOT NEW.free_text OR OLD.front_met_date IS NOT NEW.front_met_date OR OLD.signed_date IS NOT NEW.signed_date OR OLD.sent_date IS NOT NEW.sent_date OR OLD.confirmed_date IS NOT NEW.confirmed_date OR OLD.returned_date IS NOT NEW.returned_date
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'comment_sheets', NEW.rowid, 'liaison', NEW.liaison_id, json_object('id', OLD.id, 'liaison_id', OLD.liaison_id, 'year', OLD.year, 'variant', OLD.variant, 'requested_date', OLD.requested_date, 'requesting_org', OLD.requesting_org, 'criteria_json', OLD.criteria_json, 'free_text', OLD.free_text, 'front_met_date', OLD.front_met_date, 'signed_date', OLD.signed_date, 'sent_date', OLD.sent_date, 'confirmed_date', OLD.confirmed_date, 'returned_date', OLD.returned_date), json_object('id', NEW.id, 'liaison_id', NEW.liaison_id, 'year', NEW.year, 'variant', NEW.variant, 'requested_date', NEW.requested_date, 'requesting_org', NEW.requesting_org, 'criteria_json', NEW.criteria_json, 'free_text', NEW.free_text, 'front_met_date', NEW.front_met_date, 'signed_date', NEW.signed_date, 'sent_date', NEW.sent_date, 'confirmed_date', NEW.confirmed_date, 'returned_date', NEW.returned_date)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_comment_sheets_delete AFTER DELETE ON comment_sheets
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'comment_sheets', OLD.rowid, 'liaison', OLD.liaison_id, json_object('id', OLD.id, 'liaison_id', OLD.liaison_id, 'year', OLD.year, 'variant', OLD.variant, 'requested_date', OLD.requested_date, 'requesting_org', OLD.requesting_org, 'criteria_json', OLD.criteria_json, 'free_text', OLD.free_text, 'front_met_date', OLD.front_met_date, 'signed_date', OLD.signed_date, 'sent_date', OLD.sent_date, 'confirmed_date', OLD.confirmed_date, 'returned_date', OLD.returned_date), NULL
    FROM audit_context WHERE id = 1;
END;
DELETE FROM sqlite_sequence WHERE name IN ('comment_sheets', 'comment_sheets__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('comment_sheets', max(0, coalesce((SELECT max(id) FROM comment_sheets), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'comment_sheets'), 0)));

-- working_away
CREATE TABLE working_away__v8 (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO working_away__v8 (id, member_id, arrangement, application_date, start_date, end_date, reason, destination, employer, contact, decision_ref, dues, returned_date, event_id, notes, created_at, updated_at)
    SELECT id, member_id, arrangement, application_date, start_date, end_date, reason, destination, employer, contact, decision_ref, dues, returned_date, event_id, notes, created_at, updated_at FROM working_away;
DROP TABLE working_away;
ALTER TABLE working_away__v8 RENAME TO working_away;
CREATE TRIGGER audit_working_away_insert AFTER INSERT ON working_away
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'working_away', NEW.rowid, 'member', NEW.member_id, NULL, json_object('id', NEW.id, 'member_id', NEW.member_id, 'arrangement', NEW.arrangement, 'application_date', NEW.application_date, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'reason', NEW.reason, 'destination', NEW.destination, 'employer', NEW.employer, 'contact', NEW.contact, 'decision_ref', NEW.decision_ref, 'dues', NEW.dues, 'returned_date', NEW.returned_date, 'event_id', NEW.event_id, 'notes', NEW.notes)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_working_away_update AFTER UPDATE ON working_away
    WHEN OLD.id IS NOT NEW.id OR OLD.member_id IS NOT NEW.member_id OR OLD.arrangement IS NOT NEW.arrangement OR OLD.application_date IS NOT NEW.application_date OR OLD.start_date IS NOT NEW.start_date OR OLD.end_date IS NOT NEW.end_date OR OLD.reason IS NOT NEW.reason OR OLD.destination IS NOT NEW.destination OR OLD.employer IS NOT NEW.employer OR OLD.contact IS NOT NEW.contact OR OLD.decision_ref IS NOT NEW.decision_ref OR OLD.dues IS NOT NEW.dues OR OLD.returned_date IS NOT NEW.returned_date OR OLD.event_id IS NOT NEW.event_id OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'working_away', NEW.rowid, 'member', NEW.member_id, json_object('id', OLD.id, 'member_id', OLD.member_id, 'arrangement', OLD.arrangement, 'application_date', OLD.application_date, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'reason', OLD.reason, 'destination', OLD.destination, 'employer', OLD.employer, 'contact', OLD.contact, 'decision_ref', OLD.decision_ref, 'dues', OLD.dues, 'returned_date', OLD.returned_date, 'event_id', OLD.event_id, 'notes', OLD.notes), json_object('id', NEW.id, 'member_id', NEW.member_id, 'arrangement', NEW.arrangement, 'application_date', NEW.application_date, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'reason', NEW.reason, 'destination', NEW.destination, 'employer', NEW.employer, 'contact', NEW.contact, 'decision_ref', NEW.decision_ref, 'dues', NEW.dues, 'returned_date', NEW.returned_date, 'event_id', NEW.event_id, 'notes', NEW.notes)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_working_away_delete AFTER DELETE ON working_away
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'working_away', OLD.rowid, 'member', OLD.member_id, json_object('id', OLD.id, 'member_id', OLD.member_id, 'arrangement', OLD.arrangement, 'application_date', OLD.application_date, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'reason', OLD.reason, 'destination', OLD.destination, 'employer', OLD.employer, 'contact', OLD.contact, 'decision_ref', OLD.decision_ref, 'dues', OLD.dues, 'returned_date', OLD.returned_date, 'event_id', OLD.event_id, 'notes', OLD.notes), NULL
    FROM audit_context WHERE id = 1;
END;
DELETE FROM sqlite_sequence WHERE name IN ('working_away', 'working_away__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('working_away', max(0, coalesce((SELECT max(id) FROM working_away), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'working_away'), 0)));

-- working_away_contacts
CREATE TABLE working_away_contacts__v8 (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id   INTEGER NOT NULL REFERENCES working_away(id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    method      TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
);
INSERT INTO working_away_contacts__v8 (id, record_id, date, method, note)
    SELECT id, record_id, date, method, note FROM working_away_contacts;
DROP TABLE working_away_contacts;
ALTER TABLE working_away_contacts__v8 RENAME TO working_away_contacts;
CREATE TRIGGER audit_working_away_contacts_insert AFTER INSERT ON working_away_contacts
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'working_away_contacts', NEW.rowid, NULL, NULL, NULL, json_object('id', NEW.id, 'record_id', NEW.record_id, 'date', NEW.date, 'method', NEW.method, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_working_away_contacts_update AFTER UPDATE ON working_away_contacts
    WHEN OLD.id IS NOT NEW.id OR OLD.record_id IS NOT NEW.record_id OR OLD.date IS NOT NEW.date OR OLD.method IS NOT NEW.method OR OLD.note IS NOT NEW.note
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'working_away_contacts', NEW.rowid, NULL, NULL, json_object('id', OLD.id, 'record_id', OLD.record_id, 'date', OLD.date, 'method', OLD.method, 'note', OLD.note), json_object('id', NEW.id, 'record_id', NEW.record_id, 'date', NEW.date, 'method', NEW.method, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;
CREATE TRIGGER audit_working_away_contacts_delete AFTER DELETE ON working_away_contacts
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'working_away_contacts', OLD.rowid, NULL, NULL, json_object('id', OLD.id, 'record_id', OLD.record_id, 'date', OLD.date, 'method', OLD.method, 'note', OLD.note), NULL
    FROM audit_context WHERE id = 1;
END;
DELETE FROM sqlite_sequence WHERE name IN ('working_away_contacts', 'working_away_contacts__v8');
INSERT INTO sqlite_sequence (name, seq) VALUES ('working_away_contacts', max(0, coalesce((SELECT max(id) FROM working_away_contacts), 0), coalesce((SELECT max(row_id) FROM audit_log WHERE entity = 'working_away_contacts'), 0)));
