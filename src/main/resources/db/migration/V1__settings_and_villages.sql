-- Foundation schema: ledger settings and the villages register.
-- Portable SQL only (H2 and PostgreSQL): keys are UUIDs made in Java.

CREATE TABLE setting (
    setting_key   VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(4000),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE village (
    id              UUID          NOT NULL PRIMARY KEY,
    name            VARCHAR(100)  NOT NULL,
    name_initials   VARCHAR(100)  NOT NULL,
    stats_code      VARCHAR(12),
    kind            VARCHAR(20)   NOT NULL,
    poverty_village BOOLEAN       NOT NULL,
    exit_year       INTEGER,
    household_count INTEGER,
    population      INTEGER,
    note            VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         INTEGER       NOT NULL,
    deleted_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX village_name_idx ON village (name);

-- 村民小组
CREATE TABLE village_group (
    id              UUID          NOT NULL PRIMARY KEY,
    village_id      UUID          NOT NULL REFERENCES village (id),
    name            VARCHAR(100)  NOT NULL,
    sort_order      INTEGER       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         INTEGER       NOT NULL,
    deleted_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX village_group_village_idx ON village_group (village_id);

-- 软弱涣散 is decided year by year; one row per village and year it was so flagged.
CREATE TABLE village_weak_year (
    village_id UUID    NOT NULL REFERENCES village (id),
    weak_year  INTEGER NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (village_id, weak_year)
);
