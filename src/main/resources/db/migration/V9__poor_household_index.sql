-- The poor and monitored households, read from the index alone: the pairing checks and the suggestion look for
-- those nobody helps without reading 100,000 household rows (with their long search text) from disk.
CREATE INDEX household_poor_idx ON household (deleted_at, category, monitoring_type, village_id, id);
