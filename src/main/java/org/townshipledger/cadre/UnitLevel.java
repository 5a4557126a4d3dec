package org.townshipledger.cadre;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 帮扶单位的级别 (the 五级). Stored by code; the label comes from the resource bundle. */
public enum UnitLevel {
    PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE;

    static final String KEY = "unit.level.";

    public String label() {
        return Codes.label(KEY, this);
    }

    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<UnitLevel> parse(String text) {
        return Codes.parse(UnitLevel.class, KEY, text);
    }
}
