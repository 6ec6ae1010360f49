-- CellSec schema: a demo file made before the file knew it held the demo (schema 12 added
-- file_facts, but an older demo file upgraded through it was never marked, so its window and
-- printouts did not say "Chi bộ mẫu — dữ liệu giả"). The demo cell is recognised by its whole
-- synthetic profile — every demo the app ever made has this one — never by a single name.
INSERT OR IGNORE INTO file_facts (key, value)
SELECT 'demo', '1' FROM cell_profile
WHERE cell_name = 'Chi bộ thôn Tân Hồng'
  AND superior_name = 'Đảng bộ xã Thanh Sơn'
  AND place_name = 'Thanh Sơn'
  AND secretary = 'Đặng Văn Khải'
  AND deputy_secretary = 'Lê Thị Hằng';
