-- CellSec schema v7: a numbered document keeps the issuer code it was given ("05-NQ/CB"), so a
-- later change of the setting never renumbers documents already issued. Numbers issued before
-- this version were all issued with the default code.
ALTER TABLE document_numbers ADD COLUMN issuer TEXT NOT NULL DEFAULT 'CB';
