-- CellSec schema: an issued report's content as it was when it got its number (a snapshot).
-- Printing the report again prints exactly this, whatever is done later to the records it was
-- made from (a member renamed, a list setting changed). One per report (its type and title, as
-- in document_numbers); append-only like the seals.
CREATE TABLE issued_records (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    type_code    TEXT NOT NULL,
    title        TEXT NOT NULL,
    issued_at    TEXT NOT NULL,
    record_json  TEXT NOT NULL,
    digest       TEXT NOT NULL,
    UNIQUE (type_code, title)
);

CREATE TRIGGER issued_records_append_only BEFORE UPDATE ON issued_records
BEGIN
    SELECT RAISE(ABORT, 'issued records are append-only');
END;

CREATE TRIGGER issued_records_kept BEFORE DELETE ON issued_records
BEGIN
    SELECT RAISE(ABORT, 'issued records are append-only');
END;
