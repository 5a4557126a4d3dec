-- Visits (走访记录), problems raised (诉求 / 矛盾纠纷) and help given (帮扶措施 / 项目).
-- The visit log reaches millions of rows in a county over ten years, so every list and check reads an index
-- that starts with what it filters on and holds what it counts.

CREATE TABLE visit (
    id                    UUID          NOT NULL PRIMARY KEY,
    -- HOUSEHOLD, VILLAGE or UNIT; exactly the matching id below is set (village_id for every target but a unit).
    target_kind           VARCHAR(20)   NOT NULL,
    household_id          UUID,
    unit_id               UUID,
    -- The village visited, or the household's village (denormalised, so lists filter by village on an index).
    village_id            UUID,
    visit_date            DATE          NOT NULL,
    -- A visit kind code: a built-in one (入户走访 …, 六进六送) or one the office added in the settings.
    kind                  VARCHAR(40)   NOT NULL,
    -- The main cadre (the first named); every cadre of the visit, this one included, is in visit_cadre, whose
    -- foreign key holds them all (no key here: it would need one more index on the largest table).
    cadre_id              UUID          NOT NULL,
    cadre_count           INTEGER       NOT NULL,
    seen                  VARCHAR(2000),
    done                  VARCHAR(2000),
    -- The 两不愁三保障 + 饮水 check made on a household visit (all null when none was made).
    food_clothing         BOOLEAN,
    compulsory_education  BOOLEAN,
    basic_medical         BOOLEAN,
    housing_safety        BOOLEAN,
    drinking_water        BOOLEAN,
    check_note            VARCHAR(1000),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               INTEGER       NOT NULL,
    deleted_at            TIMESTAMP WITH TIME ZONE,
    CONSTRAINT visit_one_target CHECK (
        (target_kind = 'HOUSEHOLD' AND household_id IS NOT NULL AND village_id IS NOT NULL AND unit_id IS NULL)
        OR (target_kind = 'VILLAGE' AND household_id IS NULL AND village_id IS NOT NULL AND unit_id IS NULL)
        OR (target_kind = 'UNIT' AND household_id IS NULL AND unit_id IS NOT NULL))
);

-- The list by month (and the whole list): newest first, walked along the index; kind is there for its filter,
-- household_id for the overdue check (the households visited in the last 90 days, read from this index alone).
CREATE INDEX visit_date_idx ON visit (deleted_at, visit_date DESC, id DESC, kind, household_id);
-- The list of one village.
CREATE INDEX visit_village_idx ON visit (village_id, deleted_at, visit_date DESC, id DESC, kind);
-- A household's visits; the overdue check's last visit of a household (from this index alone).
CREATE INDEX visit_household_idx ON visit (household_id, visit_date, deleted_at);
CREATE INDEX visit_unit_idx ON visit (unit_id);
-- The foreign keys come after the indexes so that each uses one of them (declared inline, each would get an index
-- of its own, maintained on every insert for nothing).
ALTER TABLE visit ADD CONSTRAINT visit_household_fk FOREIGN KEY (household_id) REFERENCES household (id);
ALTER TABLE visit ADD CONSTRAINT visit_village_fk FOREIGN KEY (village_id) REFERENCES village (id);
ALTER TABLE visit ADD CONSTRAINT visit_unit_fk FOREIGN KEY (unit_id) REFERENCES unit (id);

-- Every cadre of a visit (the main one too). The visit's date, household, village and recycle-bin mark are
-- copied here, so that a cadre's page and the helper / leader checks read this table's indexes alone.
CREATE TABLE visit_cadre (
    visit_id      UUID          NOT NULL,
    cadre_id      UUID          NOT NULL,
    visit_date    DATE          NOT NULL,
    household_id  UUID,
    village_id    UUID,
    deleted_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (visit_id, cadre_id)
);

-- A cadre's page, newest first (by month: a range on visit_date).
CREATE INDEX visit_cadre_page_idx ON visit_cadre (cadre_id, deleted_at, visit_date DESC, visit_id DESC);
-- The check "each paired household visited at least twice a year by its helper", and a cadre's recent households.
CREATE INDEX visit_cadre_household_idx ON visit_cadre (cadre_id, household_id, visit_date, deleted_at);
ALTER TABLE visit_cadre ADD CONSTRAINT visit_cadre_visit_fk FOREIGN KEY (visit_id) REFERENCES visit (id);
ALTER TABLE visit_cadre ADD CONSTRAINT visit_cadre_cadre_fk FOREIGN KEY (cadre_id) REFERENCES cadre (id);

CREATE TABLE problem (
    id              UUID          NOT NULL PRIMARY KEY,
    -- DISPUTE (矛盾纠纷, with a sub-kind), HARDSHIP, POLICY, INFRASTRUCTURE, PETITION
    kind            VARCHAR(30)   NOT NULL,
    sub_kind        VARCHAR(30),
    -- Who raised it: a name as told, and/or a household of the ledger.
    raised_by       VARCHAR(100),
    household_id    UUID          REFERENCES household (id),
    village_id      UUID          NOT NULL REFERENCES village (id),
    raised_on       DATE          NOT NULL,
    description     VARCHAR(2000),
    -- FOUND 排查, MEDIATING 调处中, RESOLVED 已化解, TO_TOWNSHIP 上报乡镇, TO_COUNTY 上报县
    status          VARCHAR(20)   NOT NULL,
    resolved_on     DATE,
    resolution      VARCHAR(2000),
    -- VILLAGE 村, TOWNSHIP 乡, COUNTY 县: where it was settled (小事不出村, 大事不出乡).
    settled_level   VARCHAR(20),
    visit_id        UUID          REFERENCES visit (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         INTEGER       NOT NULL,
    deleted_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX problem_date_idx ON problem (raised_on, deleted_at, village_id, status);
CREATE INDEX problem_village_idx ON problem (village_id, raised_on);
CREATE INDEX problem_visit_idx ON problem (visit_id);
CREATE INDEX problem_household_idx ON problem (household_id);

CREATE TABLE help_item (
    id               UUID          NOT NULL PRIMARY KEY,
    -- HOUSEHOLD or VILLAGE; village_id is the village helped or the household's village.
    target_kind      VARCHAR(20)   NOT NULL,
    household_id     UUID          REFERENCES household (id),
    village_id       UUID          NOT NULL REFERENCES village (id),
    -- INDUSTRY 产业, EMPLOYMENT 就业, PUBLIC_JOB 公益性岗位, EDUCATION 教育, HEALTH 健康, HOUSING 住房,
    -- WATER 饮水, SAFETY_NET 兜底保障, CREDIT 金融/小额信贷, CONSUMPTION 消费帮扶, INFRASTRUCTURE 基础设施, OTHER 其他
    kind             VARCHAR(30)   NOT NULL,
    description      VARCHAR(2000),
    -- Yuan, exact.
    money            DECIMAL(14,2) NOT NULL,
    goods_value      DECIMAL(14,2) NOT NULL,
    helper_cadre_id  UUID          REFERENCES cadre (id),
    helper_unit_id   UUID          REFERENCES unit (id),
    help_date        DATE          NOT NULL,
    -- PLANNED 计划, IN_PROGRESS 实施中, DONE 完成
    status           VARCHAR(20)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          INTEGER       NOT NULL,
    deleted_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT help_item_target CHECK ((target_kind = 'HOUSEHOLD' AND household_id IS NOT NULL)
        OR (target_kind = 'VILLAGE' AND household_id IS NULL))
);

CREATE INDEX help_item_date_idx ON help_item (help_date, deleted_at, village_id, kind, money, goods_value);
CREATE INDEX help_item_village_idx ON help_item (village_id, help_date);
CREATE INDEX help_item_household_idx ON help_item (household_id);
CREATE INDEX help_item_cadre_idx ON help_item (helper_cadre_id);
