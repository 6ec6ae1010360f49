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
