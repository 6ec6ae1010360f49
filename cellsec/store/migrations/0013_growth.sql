-- CellSec schema: growing the cell (issue 16). Party badges — the early (serious illness) and
-- posthumous awards the secretary chose for a member; a probationer's assigned helper (đảng
-- viên giúp đỡ).
CREATE TABLE badge_choices (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id    INTEGER NOT NULL REFERENCES members(id),
    basis        TEXT NOT NULL CHECK (basis IN ('illness', 'posthumous')),
    recorded_on  TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    UNIQUE (member_id, basis)
);

CREATE TABLE probation_helpers (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id    INTEGER NOT NULL REFERENCES members(id),   -- the probationer
    helper_id    INTEGER NOT NULL REFERENCES members(id),
    assigned_on  TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    CHECK (member_id <> helper_id)
);
CREATE INDEX probation_helpers_member ON probation_helpers(member_id, assigned_on);

-- The register of candidates for admission (nguồn phát triển đảng viên, DOMAIN.md §8): the
-- person as typed on the member form (person_json: the member form's fields, carried into the
-- member at the ceremony) and the dated stages towards admission.
CREATE TABLE candidates (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    full_name              TEXT NOT NULL,
    person_json            TEXT NOT NULL DEFAULT '{}',
    course_date            TEXT,            -- awareness course certificate (valid 60 months)
    course_certificate_no  TEXT NOT NULL DEFAULT '',
    application_date       TEXT,
    cv_date                TEXT,            -- lý lịch người xin vào Đảng
    verification_date      TEXT,            -- thẩm tra lý lịch
    introducer_1_id        INTEGER REFERENCES members(id),
    introducer_1_since     TEXT,            -- worked or lived with the candidate since
    introducer_2_id        INTEGER REFERENCES members(id),
    introducer_2_since     TEXT,
    youth_union_introduces INTEGER NOT NULL DEFAULT 0 CHECK (youth_union_introduces IN (0, 1)),
    resolution_date        TEXT,            -- the cell's resolution proposing admission
    resolution_ref         TEXT NOT NULL DEFAULT '',
    votes_for              INTEGER,
    votes_entitled         INTEGER,         -- full members entitled to vote
    decision_date          TEXT,            -- the Đảng ủy's admission decision
    decision_ref           TEXT NOT NULL DEFAULT '',
    ceremony_date          TEXT,
    member_id              INTEGER REFERENCES members(id),   -- once admitted
    dropped_on             TEXT,            -- no longer developed
    dropped_reason         TEXT NOT NULL DEFAULT '',
    notes                  TEXT NOT NULL DEFAULT '',
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
);

-- The change log (audit_log, migration 0006) records these tables like the others.
CREATE TRIGGER audit_badge_choices_insert AFTER INSERT ON badge_choices
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'badge_choices', NEW.rowid, 'member', NEW.member_id, NULL, json_object('id', NEW.id, 'member_id', NEW.member_id, 'basis', NEW.basis, 'recorded_on', NEW.recorded_on, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_badge_choices_update AFTER UPDATE ON badge_choices
    WHEN OLD.id IS NOT NEW.id OR OLD.member_id IS NOT NEW.member_id OR OLD.basis IS NOT NEW.basis OR OLD.recorded_on IS NOT NEW.recorded_on OR OLD.note IS NOT NEW.note
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'badge_choices', NEW.rowid, 'member', NEW.member_id, json_object('id', OLD.id, 'member_id', OLD.member_id, 'basis', OLD.basis, 'recorded_on', OLD.recorded_on, 'note', OLD.note), json_object('id', NEW.id, 'member_id', NEW.member_id, 'basis', NEW.basis, 'recorded_on', NEW.recorded_on, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_badge_choices_delete AFTER DELETE ON badge_choices
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'badge_choices', OLD.rowid, 'member', OLD.member_id, json_object('id', OLD.id, 'member_id', OLD.member_id, 'basis', OLD.basis, 'recorded_on', OLD.recorded_on, 'note', OLD.note), NULL
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_probation_helpers_insert AFTER INSERT ON probation_helpers
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'probation_helpers', NEW.rowid, 'member', NEW.member_id, NULL, json_object('id', NEW.id, 'member_id', NEW.member_id, 'helper_id', NEW.helper_id, 'assigned_on', NEW.assigned_on, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_probation_helpers_update AFTER UPDATE ON probation_helpers
    WHEN OLD.id IS NOT NEW.id OR OLD.member_id IS NOT NEW.member_id OR OLD.helper_id IS NOT NEW.helper_id OR OLD.assigned_on IS NOT NEW.assigned_on OR OLD.note IS NOT NEW.note
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'probation_helpers', NEW.rowid, 'member', NEW.member_id, json_object('id', OLD.id, 'member_id', OLD.member_id, 'helper_id', OLD.helper_id, 'assigned_on', OLD.assigned_on, 'note', OLD.note), json_object('id', NEW.id, 'member_id', NEW.member_id, 'helper_id', NEW.helper_id, 'assigned_on', NEW.assigned_on, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_probation_helpers_delete AFTER DELETE ON probation_helpers
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'probation_helpers', OLD.rowid, 'member', OLD.member_id, json_object('id', OLD.id, 'member_id', OLD.member_id, 'helper_id', OLD.helper_id, 'assigned_on', OLD.assigned_on, 'note', OLD.note), NULL
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_candidates_insert AFTER INSERT ON candidates
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'candidates', NEW.rowid, NULL, NULL, NULL, json_object('id', NEW.id, 'full_name', NEW.full_name, 'person_json', NEW.person_json, 'course_date', NEW.course_date, 'course_certificate_no', NEW.course_certificate_no, 'application_date', NEW.application_date, 'cv_date', NEW.cv_date, 'verification_date', NEW.verification_date, 'introducer_1_id', NEW.introducer_1_id, 'introducer_1_since', NEW.introducer_1_since, 'introducer_2_id', NEW.introducer_2_id, 'introducer_2_since', NEW.introducer_2_since, 'youth_union_introduces', NEW.youth_union_introduces, 'resolution_date', NEW.resolution_date, 'resolution_ref', NEW.resolution_ref, 'votes_for', NEW.votes_for, 'votes_entitled', NEW.votes_entitled, 'decision_date', NEW.decision_date, 'decision_ref', NEW.decision_ref, 'ceremony_date', NEW.ceremony_date, 'member_id', NEW.member_id, 'dropped_on', NEW.dropped_on, 'dropped_reason', NEW.dropped_reason, 'notes', NEW.notes)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_candidates_update AFTER UPDATE ON candidates
    WHEN OLD.id IS NOT NEW.id OR OLD.full_name IS NOT NEW.full_name OR OLD.person_json IS NOT NEW.person_json OR OLD.course_date IS NOT NEW.course_date OR OLD.course_certificate_no IS NOT NEW.course_certificate_no OR OLD.application_date IS NOT NEW.application_date OR OLD.cv_date IS NOT NEW.cv_date OR OLD.verification_date IS NOT NEW.verification_date OR OLD.introducer_1_id IS NOT NEW.introducer_1_id OR OLD.introducer_1_since IS NOT NEW.introducer_1_since OR OLD.introducer_2_id IS NOT NEW.introducer_2_id OR OLD.introducer_2_since IS NOT NEW.introducer_2_since OR OLD.youth_union_introduces IS NOT NEW.youth_union_introduces OR OLD.resolution_date IS NOT NEW.resolution_date OR OLD.resolution_ref IS NOT NEW.resolution_ref OR OLD.votes_for IS NOT NEW.votes_for OR OLD.votes_entitled IS NOT NEW.votes_entitled OR OLD.decision_date IS NOT NEW.decision_date OR OLD.decision_ref IS NOT NEW.decision_ref OR OLD.ceremony_date IS NOT NEW.ceremony_date OR OLD.member_id IS NOT NEW.member_id OR OLD.dropped_on IS NOT NEW.dropped_on OR OLD.dropped_reason IS NOT NEW.dropped_reason OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'candidates', NEW.rowid, NULL, NULL, json_object('id', OLD.id, 'full_name', OLD.full_name, 'person_json', OLD.person_json, 'course_date', OLD.course_date, 'course_certificate_no', OLD.course_certificate_no, 'application_date', OLD.application_date, 'cv_date', OLD.cv_date, 'verification_date', OLD.verification_date, 'introducer_1_id', OLD.introducer_1_id, 'introducer_1_since', OLD.introducer_1_since, 'introducer_2_id', OLD.introducer_2_id, 'introducer_2_since', OLD.introducer_2_since, 'youth_union_introduces', OLD.youth_union_introduces, 'resolution_date', OLD.resolution_date, 'resolution_ref', OLD.resolution_ref, 'votes_for', OLD.votes_for, 'votes_entitled', OLD.votes_entitled, 'decision_date', OLD.decision_date, 'decision_ref', OLD.decision_ref, 'ceremony_date', OLD.ceremony_date, 'member_id', OLD.member_id, 'dropped_on', OLD.dropped_on, 'dropped_reason', OLD.dropped_reason, 'notes', OLD.notes), json_object('id', NEW.id, 'full_name', NEW.full_name, 'person_json', NEW.person_json, 'course_date', NEW.course_date, 'course_certificate_no', NEW.course_certificate_no, 'application_date', NEW.application_date, 'cv_date', NEW.cv_date, 'verification_date', NEW.verification_date, 'introducer_1_id', NEW.introducer_1_id, 'introducer_1_since', NEW.introducer_1_since, 'introducer_2_id', NEW.introducer_2_id, 'introducer_2_since', NEW.introducer_2_since, 'youth_union_introduces', NEW.youth_union_introduces, 'resolution_date', NEW.resolution_date, 'resolution_ref', NEW.resolution_ref, 'votes_for', NEW.votes_for, 'votes_entitled', NEW.votes_entitled, 'decision_date', NEW.decision_date, 'decision_ref', NEW.decision_ref, 'ceremony_date', NEW.ceremony_date, 'member_id', NEW.member_id, 'dropped_on', NEW.dropped_on, 'dropped_reason', NEW.dropped_reason, 'notes', NEW.notes)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_candidates_delete AFTER DELETE ON candidates
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'candidates', OLD.rowid, NULL, NULL, json_object('id', OLD.id, 'full_name', OLD.full_name, 'person_json', OLD.person_json, 'course_date', OLD.course_date, 'course_certificate_no', OLD.course_certificate_no, 'application_date', OLD.application_date, 'cv_date', OLD.cv_date, 'verification_date', OLD.verification_date, 'introducer_1_id', OLD.introducer_1_id, 'introducer_1_since', OLD.introducer_1_since, 'introducer_2_id', OLD.introducer_2_id, 'introducer_2_since', OLD.introducer_2_since, 'youth_union_introduces', OLD.youth_union_introduces, 'resolution_date', OLD.resolution_date, 'resolution_ref', OLD.resolution_ref, 'votes_for', OLD.votes_for, 'votes_entitled', OLD.votes_entitled, 'decision_date', OLD.decision_date, 'decision_ref', OLD.decision_ref, 'ceremony_date', OLD.ceremony_date, 'member_id', OLD.member_id, 'dropped_on', OLD.dropped_on, 'dropped_reason', OLD.dropped_reason, 'notes', OLD.notes), NULL
    FROM audit_context WHERE id = 1;
END;
