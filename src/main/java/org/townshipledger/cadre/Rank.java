package org.townshipledger.cadre;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 干部级别 (rank of a cadre). Stored by code; the label comes from the resource bundle. */
public enum Rank {
    COUNTY_LEVEL, SECTION_LEVEL, GENERAL, VILLAGE_CADRE;

    static final String KEY = "cadre.rank.";

    public String label() {
        return Codes.label(KEY, this);
    }

    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<Rank> parse(String text) {
        return Codes.parse(Rank.class, KEY, text);
    }
}
