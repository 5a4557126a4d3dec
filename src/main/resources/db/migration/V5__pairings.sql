-- Pairings (结对帮扶): a helper (a cadre or a unit) with a target (a household, a village, a student who is a
-- household member, or the township itself for a county leader's contact), from a date to a date. Ended, never
-- overwritten, as assignments are.

CREATE TABLE pairing (
    id               UUID          NOT NULL PRIMARY KEY,
    helper_cadre_id  UUID          REFERENCES cadre (id),
    helper_unit_id   UUID          REFERENCES unit (id),
    target_kind      VARCHAR(20)   NOT NULL,
    household_id     UUID          REFERENCES household (id),
    member_id        UUID          REFERENCES household_member (id),
    village_id       UUID          REFERENCES village (id),
    pairing_kind     VARCHAR(20)   NOT NULL,
    start_date       DATE          NOT NULL,
    end_date         DATE,
    promise          VARCHAR(1000),
    end_reason       VARCHAR(200),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          INTEGER       NOT NULL,
    deleted_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pairing_one_helper CHECK ((helper_cadre_id IS NULL) <> (helper_unit_id IS NULL))
);

CREATE INDEX pairing_household_idx ON pairing (household_id);
CREATE INDEX pairing_cadre_idx ON pairing (helper_cadre_id);
CREATE INDEX pairing_unit_idx ON pairing (helper_unit_id);
CREATE INDEX pairing_village_idx ON pairing (village_id);
