-- Fewer indexes to keep up at every member written. An import writes each row into every index of its table
-- (and an undo entry for each, in one transaction); the indexes whose keys come in random order (ID numbers)
-- cost the most, as every page of them is written again at each store. Dropping these three took the H2 bytes
-- written by a 100,000-member import from 300 MB to 186 MB (bench/README.md).
--
-- household_member_household_idx is the same index H2 made itself for the foreign key household_member.household_id
-- (H2 indexes every foreign key; a PostgreSQL port must create the indexes of its foreign keys itself).
DROP INDEX household_member_household_idx;
-- The exact ID look-ups (who holds an ID number) use id_reversed, the same number written backwards, whose index
-- also serves the search by the last digits of an ID: one index on the member's ID instead of two.
DROP INDEX household_member_id_number_idx;
-- A household is found by its head's ID number through the same index (its head is one of its members in use).
DROP INDEX household_head_id_idx;
