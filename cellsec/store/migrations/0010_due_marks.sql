-- CellSec schema v10: the "Việc cần làm" list (issue 14). The list itself is computed from the
-- data and the rules every time; what is stored is the secretary's decision on an item: done
-- elsewhere, or postponed until a day with a reason. Rows are only added (the newest mark of an
-- item counts), so the history keeps every decision; the audit triggers write it to the log.
CREATE TABLE due_marks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    item_key    TEXT NOT NULL,               -- "regular_meeting:2026-12", "probation_end:member:12:…"
    rule        TEXT NOT NULL,               -- the rule's key in cellsec.rules.due.registry
    kind        TEXT NOT NULL CHECK (kind IN ('done', 'postponed')),
    on_date     TEXT NOT NULL,               -- the day it was recorded (ISO)
    until_date  TEXT,                        -- a postponement's new day (ISO)
    reason      TEXT NOT NULL DEFAULT '',
    what        TEXT NOT NULL DEFAULT '',    -- the item's text when marked (for the history)
    created_at  TEXT NOT NULL,
    CHECK (kind = 'done' OR until_date IS NOT NULL)
);
CREATE INDEX due_marks_item ON due_marks(item_key, id);

-- The list looks for running probations and ending periods among thousands of members' events.
CREATE INDEX member_events_kind ON member_events(kind, member_id, date);

CREATE TRIGGER audit_due_marks_insert AFTER INSERT ON due_marks
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'insert', 'due_marks', NEW.rowid, NULL, NULL, NULL, json_object('id', NEW.id, 'item_key', NEW.item_key, 'rule', NEW.rule, 'kind', NEW.kind, 'on_date', NEW.on_date, 'until_date', NEW.until_date, 'reason', NEW.reason, 'what', NEW.what)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_due_marks_update AFTER UPDATE ON due_marks
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'update', 'due_marks', NEW.rowid, NULL, NULL, json_object('id', OLD.id, 'item_key', OLD.item_key, 'rule', OLD.rule, 'kind', OLD.kind, 'on_date', OLD.on_date, 'until_date', OLD.until_date, 'reason', OLD.reason, 'what', OLD.what), json_object('id', NEW.id, 'item_key', NEW.item_key, 'rule', NEW.rule, 'kind', NEW.kind, 'on_date', NEW.on_date, 'until_date', NEW.until_date, 'reason', NEW.reason, 'what', NEW.what)
    FROM audit_context WHERE id = 1;
END;

CREATE TRIGGER audit_due_marks_delete AFTER DELETE ON due_marks
BEGIN
    INSERT INTO audit_log (txn, at, user, action, entity, row_id, scope, scope_id, old_json, new_json)
    SELECT txn, at, user, 'delete', 'due_marks', OLD.rowid, NULL, NULL, json_object('id', OLD.id, 'item_key', OLD.item_key, 'rule', OLD.rule, 'kind', OLD.kind, 'on_date', OLD.on_date, 'until_date', OLD.until_date, 'reason', OLD.reason, 'what', OLD.what), NULL
    FROM audit_context WHERE id = 1;
END;
