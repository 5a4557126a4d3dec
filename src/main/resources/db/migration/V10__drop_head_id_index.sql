-- One index fewer to keep up at every household written by an import (H2 bytes written by a 100,000-member import:
-- 197 MB with it, 186 MB without; bench/README.md). A household is found by its head's ID number through the
-- members' id_reversed index (its head is one of its members in use), so household_head_id_idx serves no query.
DROP INDEX household_head_id_idx;
