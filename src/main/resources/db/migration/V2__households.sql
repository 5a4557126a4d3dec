-- Households (贫困户 / 监测户) and their members, the yearly 两不愁三保障 + 饮水 check, and yearly income.
-- Enumerations are stored as stable codes; labels live in the resource bundles.

CREATE TABLE household (
    id                  UUID          NOT NULL PRIMARY KEY,
    household_no        VARCHAR(40),
    village_id          UUID          NOT NULL REFERENCES village (id),
    group_id            UUID          REFERENCES village_group (id),
    head_name           VARCHAR(50)   NOT NULL,
    head_initials       VARCHAR(50)   NOT NULL,
    head_id_number      VARCHAR(18)   NOT NULL,
    member_count        INTEGER       NOT NULL,
    -- '|' separated member names and their pinyin initials, lower case: the list's search box scans this.
    search_text         VARCHAR(4000) NOT NULL,
    phone               VARCHAR(30),
    category            VARCHAR(30),
    main_cause          VARCHAR(30),
    poverty_status      VARCHAR(30),
    exit_year           INTEGER,
    monitoring_type     VARCHAR(30),
    risk_type           VARCHAR(30),
    risk_eliminated     BOOLEAN       NOT NULL,
    risk_eliminated_on  DATE,
    note                VARCHAR(1000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             INTEGER       NOT NULL,
    deleted_at          TIMESTAMP WITH TIME ZONE
);

CREATE INDEX household_village_idx ON household (village_id, head_initials);
CREATE INDEX household_list_idx ON household (deleted_at, head_initials);
CREATE INDEX household_head_id_idx ON household (head_id_number);
CREATE INDEX household_no_idx ON household (household_no);

CREATE TABLE household_member (
    id                  UUID          NOT NULL PRIMARY KEY,
    household_id        UUID          NOT NULL REFERENCES household (id),
    name                VARCHAR(50)   NOT NULL,
    id_number           VARCHAR(18)   NOT NULL,
    -- The ID written backwards, so "last digits of the ID" is a prefix search that an index serves.
    id_reversed         VARCHAR(18)   NOT NULL,
    relation            VARCHAR(30)   NOT NULL,
    sex                 VARCHAR(10)   NOT NULL,
    birth_date          DATE          NOT NULL,
    ethnicity           VARCHAR(20),
    education           VARCHAR(30),
    in_school           VARCHAR(30),
    health              VARCHAR(30),
    labour_skill        VARCHAR(30),
    work_status         VARCHAR(30),
    sort_order          INTEGER       NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             INTEGER       NOT NULL,
    deleted_at          TIMESTAMP WITH TIME ZONE
);

CREATE INDEX household_member_household_idx ON household_member (household_id);
CREATE INDEX household_member_id_number_idx ON household_member (id_number);
CREATE INDEX household_member_id_reversed_idx ON household_member (id_reversed);

-- 两不愁三保障 + 饮水安全, as last verified, one row per household and year.
CREATE TABLE household_check (
    household_id          UUID        NOT NULL REFERENCES household (id),
    check_year            INTEGER     NOT NULL,
    food_clothing         BOOLEAN     NOT NULL,
    compulsory_education  BOOLEAN     NOT NULL,
    basic_medical         BOOLEAN     NOT NULL,
    housing_safety        BOOLEAN     NOT NULL,
    drinking_water        BOOLEAN     NOT NULL,
    note                  VARCHAR(1000),
    verified_on           DATE,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               INTEGER     NOT NULL,
    PRIMARY KEY (household_id, check_year)
);

-- 人均纯收入 by year, in yuan.
CREATE TABLE household_income (
    household_id          UUID          NOT NULL REFERENCES household (id),
    income_year           INTEGER       NOT NULL,
    per_capita_income     DECIMAL(14,2) NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (household_id, income_year)
);
