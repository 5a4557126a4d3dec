-- The households list reads its pages from one index: in list order (the head's pinyin initials, then name),
-- with every column the list filters on besides the village. A page is then a walk along the index that stops
-- after the page, and a name search or a count reads the index alone, never the table's rows (measured on
-- 100,000 households in bench/README.md). The list query orders by deleted_at first (always null there), so
-- the order matches this index from its first column.
DROP INDEX household_list_idx;
CREATE INDEX household_page_idx ON household (deleted_at, head_initials, head_name, id, category, poverty_status,
    monitoring_type, search_text);
