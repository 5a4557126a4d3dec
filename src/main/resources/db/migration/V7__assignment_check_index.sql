-- The assignment checks (check assignments, the 检查 screen) count each village's postings in one grouped query
-- (CadreRepository.checkFacts). This index holds every posting column that query reads, so it walks the index
-- village by village and never reads the table's rows; the in-charge and early-end look-ups of the villages
-- found use its (village_id, role) prefix. It replaces assignment_village_idx, which is that prefix.
CREATE INDEX assignment_check_idx ON assignment (village_id, role, deleted_at, start_date, end_date, cadre_id,
    end_reason);
DROP INDEX assignment_village_idx;
