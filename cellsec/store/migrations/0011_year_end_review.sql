-- CellSec schema: the year-end review (kiểm điểm, đánh giá, xếp loại đảng viên; QĐ 366-QĐ/TW,
-- HD 43-HD/BTCTW; issue 15). review_years holds the cell's review of one year (the review meeting,
-- the report's number, the cell's own rating, the Đảng ủy's decision); member_reviews each rated
-- member's self-review (Mẫu 2C), scores by criterion, disqualifying conditions and levels.
-- Entering the decision seals the year: review_seals keeps, append-only, the whole year as JSON
-- with its SHA-256 (like minutes_seals), and triggers refuse to change a decided year or its rows.
CREATE TABLE review_years (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    year                 INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 1930 AND 2200),
    meeting_date         TEXT,
    cell_proposed_level  TEXT CHECK (cell_proposed_level IS NULL OR cell_proposed_level IN ('excellent', 'good', 'completed', 'not_completed')),
    cell_decided_level   TEXT CHECK (cell_decided_level IS NULL OR cell_decided_level IN ('excellent', 'good', 'completed', 'not_completed')),
    decision_ref         TEXT NOT NULL DEFAULT '',
    decision_date        TEXT,
    notes                TEXT NOT NULL DEFAULT '',
    created_at           TEXT NOT NULL
);

CREATE TABLE member_reviews (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    review_year_id   INTEGER NOT NULL REFERENCES review_years(id),
    member_id        INTEGER NOT NULL REFERENCES members(id),
    strengths        TEXT NOT NULL DEFAULT '',
    shortcomings     TEXT NOT NULL DEFAULT '',
    self_level       TEXT CHECK (self_level IS NULL OR self_level IN ('excellent', 'good', 'completed', 'not_completed')),
    scores_json      TEXT NOT NULL DEFAULT '{}',
    conditions_json  TEXT NOT NULL DEFAULT '[]',
    proposed_level   TEXT CHECK (proposed_level IS NULL OR proposed_level IN ('excellent', 'good', 'completed', 'not_completed')),
    decided_level    TEXT CHECK (decided_level IS NULL OR decided_level IN ('excellent', 'good', 'completed', 'not_completed')),
    notes            TEXT NOT NULL DEFAULT '',
    UNIQUE (review_year_id, member_id)
);
CREATE INDEX member_reviews_member ON member_reviews(member_id);

CREATE TABLE review_seals (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    review_year_id  INTEGER NOT NULL REFERENCES review_years(id),
    sealed_at       TEXT NOT NULL,
    reason          TEXT NOT NULL CHECK (reason IN ('decision', 'import')),
    record_json     TEXT NOT NULL,
    digest          TEXT NOT NULL
);
CREATE INDEX review_seals_year ON review_seals(review_year_id, id);

CREATE TRIGGER review_seals_append_only BEFORE UPDATE ON review_seals
BEGIN
    SELECT RAISE(ABORT, 'review seals are append-only');
END;

CREATE TRIGGER review_seals_kept BEFORE DELETE ON review_seals
BEGIN
    SELECT RAISE(ABORT, 'review seals are append-only');
END;

CREATE TRIGGER review_years_locked BEFORE UPDATE ON review_years
    WHEN EXISTS (SELECT 1 FROM review_seals WHERE review_year_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'a decided review year is locked');
END;

CREATE TRIGGER review_years_kept BEFORE DELETE ON review_years
    WHEN EXISTS (SELECT 1 FROM review_seals WHERE review_year_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'a decided review year is locked');
END;

CREATE TRIGGER member_reviews_locked_insert BEFORE INSERT ON member_reviews
    WHEN EXISTS (SELECT 1 FROM review_seals WHERE review_year_id = NEW.review_year_id)
BEGIN
    SELECT RAISE(ABORT, 'a decided review year is locked');
END;

CREATE TRIGGER member_reviews_locked_update BEFORE UPDATE ON member_reviews
    WHEN EXISTS (SELECT 1 FROM review_seals WHERE review_year_id = OLD.review_year_id)
BEGIN
    SELECT RAISE(ABORT, 'a decided review year is locked');
END;

CREATE TRIGGER member_reviews_locked_delete BEFORE DELETE ON member_reviews
    WHEN EXISTS (SELECT 1 FROM review_seals WHERE review_year_id = OLD.review_year_id)
BEGIN
    SELECT RAISE(ABORT, 'a decided review year is locked');
END;

CREATE TRIGGER audit_review_years_insert AFTER INSERT ON review_years
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'review_years', NEW.rowid, NULL, NULL, NULL, json_object('id', NEW.id, 'year', NEW.year, 'meeting_date', NEW.meeting_date, 'cell_proposed_level', NEW.cell_proposed_level, 'cell_decided_level', NEW.cell_decided_level, 'decision_ref', NEW.decision_ref, 'decision_date', NEW.decision_date, 'notes', NEW.notes)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_review_years_update AFTER UPDATE ON review_years
    WHEN OLD.id IS NOT NEW.id OR OLD.year IS NOT NEW.year OR OLD.meeting_date IS NOT NEW.meeting_date OR OLD.cell_proposed_level IS NOT NEW.cell_proposed_level OR OLD.cell_decided_level IS NOT NEW.cell_decided_level OR OLD.decision_ref IS NOT NEW.decision_ref OR OLD.decision_date IS NOT NEW.decision_date OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'review_years', NEW.rowid, NULL, NULL, json_object('id', OLD.id, 'year', OLD.year, 'meeting_date', OLD.meeting_date, 'cell_proposed_level', OLD.cell_proposed_level, 'cell_decided_level', OLD.cell_decided_level, 'decision_ref', OLD.decision_ref, 'decision_date', OLD.decision_date, 'notes', OLD.notes), json_object('id', NEW.id, 'year', NEW.year, 'meeting_date', NEW.meeting_date, 'cell_proposed_level', NEW.cell_proposed_level, 'cell_decided_level', NEW.cell_decided_level, 'decision_ref', NEW.decision_ref, 'decision_date', NEW.decision_date, 'notes', NEW.notes)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_review_years_delete AFTER DELETE ON review_years
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'review_years', OLD.rowid, NULL, NULL, json_object('id', OLD.id, 'year', OLD.year, 'meeting_date', OLD.meeting_date, 'cell_proposed_level', OLD.cell_proposed_level, 'cell_decided_level', OLD.cell_decided_level, 'decision_ref', OLD.decision_ref, 'decision_date', OLD.decision_date, 'notes', OLD.notes), NULL
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_member_reviews_insert AFTER INSERT ON member_reviews
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'member_reviews', NEW.rowid, 'member', NEW.member_id, NULL, json_object('id', NEW.id, 'review_year_id', NEW.review_year_id, 'member_id', NEW.member_id, 'strengths', NEW.strengths, 'shortcomings', NEW.shortcomings, 'self_level', NEW.self_level, 'scores_json', NEW.scores_json, 'conditions_json', NEW.conditions_json, 'proposed_level', NEW.proposed_level, 'decided_level', NEW.decided_level, 'notes', NEW.notes)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_member_reviews_update AFTER UPDATE ON member_reviews
    WHEN OLD.id IS NOT NEW.id OR OLD.review_year_id IS NOT NEW.review_year_id OR OLD.member_id IS NOT NEW.member_id OR OLD.strengths IS NOT NEW.strengths OR OLD.shortcomings IS NOT NEW.shortcomings OR OLD.self_level IS NOT NEW.self_level OR OLD.scores_json IS NOT NEW.scores_json OR OLD.conditions_json IS NOT NEW.conditions_json OR OLD.proposed_level IS NOT NEW.proposed_level OR OLD.decided_level IS NOT NEW.decided_level OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'member_reviews', NEW.rowid, 'member', NEW.member_id, json_object('id', OLD.id, 'review_year_id', OLD.review_year_id, 'member_id', OLD.member_id, 'strengths', OLD.strengths, 'shortcomings', OLD.shortcomings, 'self_level', OLD.self_level, 'scores_json', OLD.scores_json, 'conditions_json', OLD.conditions_json, 'proposed_level', OLD.proposed_level, 'decided_level', OLD.decided_level, 'notes', OLD.notes), json_object('id', NEW.id, 'review_year_id', NEW.review_year_id, 'member_id', NEW.member_id, 'strengths', NEW.strengths, 'shortcomings', NEW.shortcomings, 'self_level', NEW.self_level, 'scores_json', NEW.scores_json, 'conditions_json', NEW.conditions_json, 'proposed_level', NEW.proposed_level, 'decided_level', NEW.decided_level, 'notes', NEW.notes)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_member_reviews_delete AFTER DELETE ON member_reviews
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'member_reviews', OLD.rowid, 'member', OLD.member_id, json_object('id', OLD.id, 'review_year_id', OLD.review_year_id, 'member_id', OLD.member_id, 'strengths', OLD.strengths, 'shortcomings', OLD.shortcomings, 'self_level', OLD.self_level, 'scores_json', OLD.scores_json, 'conditions_json', OLD.conditions_json, 'proposed_level', OLD.proposed_level, 'decided_level', OLD.decided_level, 'notes', OLD.notes), NULL
    FROM audit_context WHERE id = 1;
END;
