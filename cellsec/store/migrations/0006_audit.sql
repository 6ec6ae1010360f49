-- CellSec schema v6: the audit trail. Every insert, update and delete in the record tables is
-- written to audit_log by triggers (complete by construction: no service can forget it), with the
-- PC user and a transaction number that Store.transaction() sets in audit_context. Old and new
-- rows are JSON; the history viewer turns them into field-level "old -> new" lines.
-- Meeting content tables (agenda, opinions, roll, votes, tasks ...) are rewritten as a whole on
-- each save; their changes are recorded by the meeting service as one readable entry instead.
CREATE TABLE audit_context (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    txn   INTEGER NOT NULL,
    user  TEXT NOT NULL,
    at    TEXT NOT NULL
);
INSERT INTO audit_context (id, txn, user, at) VALUES (1, 0, '', '');

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    txn         INTEGER NOT NULL,
    at          TEXT NOT NULL,
    user        TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'note')),
    entity      TEXT NOT NULL,       -- table name, or 'meeting_content'
    row_id      INTEGER,
    scope       TEXT,                -- member / meeting / liaison / superior
    scope_id    INTEGER,
    old_json    TEXT,
    new_json    TEXT
);
CREATE INDEX audit_log_scope ON audit_log(scope, scope_id, id);
CREATE INDEX audit_log_txn ON audit_log(txn);

CREATE TRIGGER audit_cell_profile_insert AFTER INSERT ON cell_profile
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'cell_profile', NEW.rowid, NULL, NULL, NULL, json_object('id', NEW.id, 'cell_name', NEW.cell_name, 'superior_name', NEW.superior_name, 'place_name', NEW.place_name, 'secretary', NEW.secretary, 'deputy_secretary', NEW.deputy_secretary, 'term_label', NEW.term_label, 'term_start', NEW.term_start)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_cell_profile_update AFTER UPDATE ON cell_profile
    WHEN OLD.id IS NOT NEW.id OR OLD.cell_name IS NOT NEW.cell_name OR OLD.superior_name IS NOT NEW.superior_name OR OLD.place_name IS NOT NEW.place_name OR OLD.secretary IS NOT NEW.secretary OR OLD.deputy_secretary IS NOT NEW.deputy_secretary OR OLD.term_label IS NOT NEW.term_label OR OLD.term_start IS NOT NEW.term_start
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'cell_profile', NEW.rowid, NULL, NULL, json_object('id', OLD.id, 'cell_name', OLD.cell_name, 'superior_name', OLD.superior_name, 'place_name', OLD.place_name, 'secretary', OLD.secretary, 'deputy_secretary', OLD.deputy_secretary, 'term_label', OLD.term_label, 'term_start', OLD.term_start), json_object('id', NEW.id, 'cell_name', NEW.cell_name, 'superior_name', NEW.superior_name, 'place_name', NEW.place_name, 'secretary', NEW.secretary, 'deputy_secretary', NEW.deputy_secretary, 'term_label', NEW.term_label, 'term_start', NEW.term_start)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_cell_profile_delete AFTER DELETE ON cell_profile
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'cell_profile', OLD.rowid, NULL, NULL, json_object('id', OLD.id, 'cell_name', OLD.cell_name, 'superior_name', OLD.superior_name, 'place_name', OLD.place_name, 'secretary', OLD.secretary, 'deputy_secretary', OLD.deputy_secretary, 'term_label', OLD.term_label, 'term_start', OLD.term_start), NULL
    FROM audit_context WHERE id = 1;
END;

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

CREATE TRIGGER audit_liaison_attendance_insert AFTER INSERT ON liaison_attendance
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'liaison_attendance', NEW.rowid, NULL, NULL, NULL, json_object('gathering_id', NEW.gathering_id, 'liaison_id', NEW.liaison_id, 'present', NEW.present, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_liaison_attendance_update AFTER UPDATE ON liaison_attendance
    WHEN OLD.gathering_id IS NOT NEW.gathering_id OR OLD.liaison_id IS NOT NEW.liaison_id OR OLD.present IS NOT NEW.present OR OLD.note IS NOT NEW.note
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'liaison_attendance', NEW.rowid, NULL, NULL, json_object('gathering_id', OLD.gathering_id, 'liaison_id', OLD.liaison_id, 'present', OLD.present, 'note', OLD.note), json_object('gathering_id', NEW.gathering_id, 'liaison_id', NEW.liaison_id, 'present', NEW.present, 'note', NEW.note)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_liaison_attendance_delete AFTER DELETE ON liaison_attendance
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'liaison_attendance', OLD.rowid, NULL, NULL, json_object('gathering_id', OLD.gathering_id, 'liaison_id', OLD.liaison_id, 'present', OLD.present, 'note', OLD.note), NULL
    FROM audit_context WHERE id = 1;
END;

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

CREATE TRIGGER audit_rule_settings_insert AFTER INSERT ON rule_settings
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'rule_settings', NEW.rowid, NULL, NULL, NULL, json_object('key', NEW.key, 'value_json', NEW.value_json, 'changed_at', NEW.changed_at)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_rule_settings_update AFTER UPDATE ON rule_settings
    WHEN OLD.key IS NOT NEW.key OR OLD.value_json IS NOT NEW.value_json OR OLD.changed_at IS NOT NEW.changed_at
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'rule_settings', NEW.rowid, NULL, NULL, json_object('key', OLD.key, 'value_json', OLD.value_json, 'changed_at', OLD.changed_at), json_object('key', NEW.key, 'value_json', NEW.value_json, 'changed_at', NEW.changed_at)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_rule_settings_delete AFTER DELETE ON rule_settings
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'rule_settings', OLD.rowid, NULL, NULL, json_object('key', OLD.key, 'value_json', OLD.value_json, 'changed_at', OLD.changed_at), NULL
    FROM audit_context WHERE id = 1;
END;
