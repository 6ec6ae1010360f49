-- CellSec schema v10: facts about the data file itself (not about the cell), e.g. that it holds
-- the synthetic demo cell: the window says so in its title and banner, every printout in its
-- footer, and opening it never makes it the file of a later plain start.
CREATE TABLE file_facts (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
);
