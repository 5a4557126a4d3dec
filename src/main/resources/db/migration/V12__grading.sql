-- Grading of village party organisations (评星定级 / 格次评定): the yearly grade from 三评三定, the 述职 scores of
-- branch and first secretaries, and star ratings (五星党员, 五星书记; a five-star organisation is village_grade.stars).
-- Yearly facts carry their year: saving one year never changes another. "One per village and year" (and one
-- review per cadre, year and kind) holds among live rows (deleted_at null); the service checks it in its
-- transaction, since a partial unique index is not portable between H2 and PostgreSQL.

CREATE TABLE village_grade (
    id               UUID          NOT NULL PRIMARY KEY,
    village_id       UUID          NOT NULL REFERENCES village (id),
    grade_year       INTEGER       NOT NULL,
    -- 党员互评, 群众测评, 支部考评: scores out of 100; null until entered
    member_score     DECIMAL(5,2),
    public_score     DECIMAL(5,2),
    branch_score     DECIMAL(5,2),
    -- 满意率 of the 群众测评, in percent (0-100)
    satisfaction     DECIMAL(5,2),
    -- the grade the thresholds propose from the three scores (a Grade code), and the grade set (定格次)
    proposed_grade   VARCHAR(20),
    grade            VARCHAR(20),
    override_reason  VARCHAR(500),
    -- 定奖惩, 定帮扶措施
    reward_penalty   VARCHAR(2000),
    help_measures    VARCHAR(2000),
    -- 星级 of the organisation (5 = 五星党组织), null when not rated
    stars            INTEGER,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          INTEGER       NOT NULL,
    deleted_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT village_grade_stars CHECK (stars IS NULL OR (stars BETWEEN 1 AND 5))
);

CREATE INDEX village_grade_year_idx ON village_grade (grade_year, village_id);
CREATE INDEX village_grade_village_idx ON village_grade (village_id, grade_year);

-- 述职考核: a branch secretary's four parts (日常记实, 现场观摩, 年度综合, 述职评议) or a first secretary's four
-- methods (电视述职, 明查暗访, 百姓测评, 相互比拼), in that order as part1..part4; the total and result are computed
-- with the weights and thresholds in force when saved, and kept.
CREATE TABLE secretary_review (
    id               UUID          NOT NULL PRIMARY KEY,
    cadre_id         UUID          NOT NULL REFERENCES cadre (id),
    village_id       UUID          REFERENCES village (id),
    review_year      INTEGER       NOT NULL,
    review_kind      VARCHAR(20)   NOT NULL,
    part1            DECIMAL(5,2)  NOT NULL,
    part2            DECIMAL(5,2)  NOT NULL,
    part3            DECIMAL(5,2)  NOT NULL,
    part4            DECIMAL(5,2)  NOT NULL,
    total            DECIMAL(5,2)  NOT NULL,
    result           VARCHAR(30)   NOT NULL,
    note             VARCHAR(1000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          INTEGER       NOT NULL,
    deleted_at       TIMESTAMP WITH TIME ZONE
);

CREATE INDEX secretary_review_year_idx ON secretary_review (review_year, cadre_id);
CREATE INDEX secretary_review_cadre_idx ON secretary_review (cadre_id);

-- 五星党员 / 五星书记: a member (by name, of a village's organisation) or a secretary (a cadre) rated for a year.
CREATE TABLE star_rating (
    id               UUID          NOT NULL PRIMARY KEY,
    rating_year      INTEGER       NOT NULL,
    subject_kind     VARCHAR(20)   NOT NULL,
    village_id       UUID          REFERENCES village (id),
    cadre_id         UUID          REFERENCES cadre (id),
    person_name      VARCHAR(50)   NOT NULL,
    stars            INTEGER       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          INTEGER       NOT NULL,
    deleted_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT star_rating_stars CHECK (stars BETWEEN 1 AND 5)
);

CREATE INDEX star_rating_year_idx ON star_rating (rating_year, subject_kind);
