-- Helping units (帮扶单位), cadres (干部) and their postings (任职/派驻) at villages, with history kept:
-- an assignment is ended, never overwritten. Plus the village's development path per year (四个一).

CREATE TABLE unit (
    id              UUID          NOT NULL PRIMARY KEY,
    name            VARCHAR(100)  NOT NULL,
    name_initials   VARCHAR(100)  NOT NULL,
    unit_level      VARCHAR(20),
    unit_type       VARCHAR(30),
    contact_person  VARCHAR(50),
    phone           VARCHAR(30),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         INTEGER       NOT NULL,
    deleted_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX unit_name_idx ON unit (name);

CREATE TABLE cadre (
    id              UUID          NOT NULL PRIMARY KEY,
    name            VARCHAR(50)   NOT NULL,
    name_initials   VARCHAR(50)   NOT NULL,
    sex             VARCHAR(10)   NOT NULL,
    birth_date      DATE,
    id_number       VARCHAR(18),
    phone           VARCHAR(30),
    unit_id         UUID          REFERENCES unit (id),
    cadre_rank      VARCHAR(20),
    party_member    BOOLEAN       NOT NULL,
    note            VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         INTEGER       NOT NULL,
    deleted_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX cadre_initials_idx ON cadre (name_initials);
CREATE INDEX cadre_unit_idx ON cadre (unit_id);
CREATE INDEX cadre_id_number_idx ON cadre (id_number);

CREATE TABLE assignment (
    id              UUID          NOT NULL PRIMARY KEY,
    cadre_id        UUID          NOT NULL REFERENCES cadre (id),
    village_id      UUID          NOT NULL REFERENCES village (id),
    role            VARCHAR(40)   NOT NULL,
    start_date      DATE          NOT NULL,
    end_date        DATE,
    sent_by_unit_id UUID          REFERENCES unit (id),
    end_reason      VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         INTEGER       NOT NULL,
    deleted_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX assignment_village_idx ON assignment (village_id, role);
CREATE INDEX assignment_cadre_idx ON assignment (cadre_id);

-- 发展思路: the development path a village wrote for a year (one of the 四个一 of a 软弱涣散 village).
CREATE TABLE village_plan (
    village_id       UUID          NOT NULL REFERENCES village (id),
    plan_year        INTEGER       NOT NULL,
    development_path VARCHAR(4000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (village_id, plan_year)
);
