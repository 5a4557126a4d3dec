-- The 贫困户/监测户台账 (HouseholdRepository.forEachRegisterLine) prints a village at a time: every column it
-- reads from a household is in this index, behind (deleted_at, village_id), so a village's households are one
-- short range of it and their rows are never read (a row carries the members' search text besides). Without it
-- the county register (30,000 of 100,000 households) read the households one by one: about three times the
-- work on a freshly opened ledger (measured in bench/README.md).
CREATE INDEX household_register_idx ON household (deleted_at, village_id, category, monitoring_type, group_id,
    head_initials, id, head_name, head_id_number, member_count, main_cause, poverty_status, exit_year);
