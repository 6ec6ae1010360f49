-- CellSec schema v9: approved minutes are sealed records (issue "a locked record never changes").
-- minutes_seals keeps, append-only, the whole record of approved minutes as JSON with its
-- SHA-256 digest: one row at approval and one more at each correction (the newest is current).
-- Every reader of approved minutes uses the record, never the live rows of other tables.
-- Triggers refuse to reopen, rewrite or delete approved minutes and their seals; a change made
-- by someone who drops the triggers is still detected (status 'draft' with a seal, digest or
-- content that no longer matches). See docs/records-and-digests.md.
CREATE TABLE minutes_seals (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id   INTEGER NOT NULL REFERENCES meetings(id),
    sealed_at    TEXT NOT NULL,
    reason       TEXT NOT NULL CHECK (reason IN ('approval', 'correction', 'upgrade', 'import')),
    record_json  TEXT NOT NULL,
    digest       TEXT NOT NULL
);
CREATE INDEX minutes_seals_meeting ON minutes_seals(meeting_id, id);

CREATE TRIGGER minutes_seals_append_only BEFORE UPDATE ON minutes_seals
BEGIN
    SELECT RAISE(ABORT, 'minutes seals are append-only');
END;

CREATE TRIGGER minutes_seals_kept BEFORE DELETE ON minutes_seals
BEGIN
    SELECT RAISE(ABORT, 'minutes seals are append-only');
END;

CREATE TRIGGER meetings_approved_locked BEFORE UPDATE ON meetings
    WHEN OLD.status = 'approved' AND (NEW.kind IS NOT OLD.kind OR NEW.date IS NOT OLD.date OR NEW.start_time IS NOT OLD.start_time OR NEW.end_time IS NOT OLD.end_time OR NEW.place IS NOT OLD.place OR NEW.chair IS NOT OLD.chair OR NEW.recorder IS NOT OLD.recorder OR NEW.topic IS NOT OLD.topic OR NEW.topic_preparer IS NOT OLD.topic_preparer OR NEW.purpose IS NOT OLD.purpose OR NEW.dues_status IS NOT OLD.dues_status OR NEW.resolution IS NOT OLD.resolution OR NEW.self_rating IS NOT OLD.self_rating OR NEW.status IS NOT OLD.status OR NEW.approved_at IS NOT OLD.approved_at OR NEW.id IS NOT OLD.id OR NEW.created_at IS NOT OLD.created_at)
BEGIN
    SELECT RAISE(ABORT, 'approved minutes are locked');
END;

CREATE TRIGGER meetings_approved_kept BEFORE DELETE ON meetings
    WHEN OLD.status = 'approved' OR EXISTS (SELECT 1 FROM minutes_seals WHERE meeting_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'approved minutes are kept');
END;

-- Minutes approved before this version: the app seals each once from its stored content,
-- checking it first against the digest it was approved with.
CREATE TABLE seal_pending (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings(id),
    old_digest  TEXT
);
INSERT INTO seal_pending (meeting_id, old_digest) SELECT id, digest FROM meetings
    WHERE status = 'approved';

-- A speaker who is neither on the roll nor a guest is written with their position.
ALTER TABLE opinions ADD COLUMN speaker_title TEXT NOT NULL DEFAULT '';

-- The cell committee (chi ủy) over time: who was secretary, deputy or committee member when
-- (a committee meeting's roll is the committee on its date).
CREATE TABLE committee_roles (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id   INTEGER NOT NULL REFERENCES members(id),
    role        TEXT NOT NULL CHECK (role IN ('secretary', 'deputy_secretary', 'committee_member')),
    start_date  TEXT NOT NULL,
    end_date    TEXT,                       -- inclusive; NULL while the role runs
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX committee_roles_dates ON committee_roles(start_date);

CREATE TRIGGER audit_committee_roles_insert AFTER INSERT ON committee_roles
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'committee_roles', NEW.rowid, 'member', NEW.member_id, NULL, json_object('id', NEW.id, 'member_id', NEW.member_id, 'role', NEW.role, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_committee_roles_update AFTER UPDATE ON committee_roles
    WHEN OLD.id IS NOT NEW.id OR OLD.member_id IS NOT NEW.member_id OR OLD.role IS NOT NEW.role OR OLD.start_date IS NOT NEW.start_date OR OLD.end_date IS NOT NEW.end_date OR OLD.note IS NOT NEW.note
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'committee_roles', NEW.rowid, 'member', NEW.member_id, json_object('id', OLD.id, 'member_id', OLD.member_id, 'role', OLD.role, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'note', OLD.note), json_object('id', NEW.id, 'member_id', NEW.member_id, 'role', NEW.role, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_committee_roles_delete AFTER DELETE ON committee_roles
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'committee_roles', OLD.rowid, 'member', OLD.member_id, json_object('id', OLD.id, 'member_id', OLD.member_id, 'role', OLD.role, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'note', OLD.note), NULL
    FROM audit_context WHERE id = 1;
END;
