-- CellSec schema v2: rule settings the cell overrides (defaults live in cellsec/rules/defaults.json),
-- and indexes for the duplicate checks on identifiers.
CREATE TABLE rule_settings (
    key         TEXT PRIMARY KEY,
    value_json  TEXT NOT NULL,
    changed_at  TEXT NOT NULL
);

CREATE INDEX members_citizen_id ON members(citizen_id) WHERE citizen_id <> '';
CREATE INDEX members_party_card ON members(party_card_no) WHERE party_card_no <> '';
