package org.townshipledger.cadre;

import java.util.Optional;
import org.townshipledger.common.Codes;

/** 帮扶单位的类型 (kind of helping unit). Stored by code; the label comes from the resource bundle. */
public enum UnitType {
    ORGAN, INSTITUTION, STATE_ENTERPRISE, PRIVATE_ENTERPRISE, SOCIAL_ORGANISATION, OTHER;

    static final String KEY = "unit.type.";

    public String label() {
        return Codes.label(KEY, this);
    }

    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<UnitType> parse(String text) {
        return Codes.parse(UnitType.class, KEY, text);
    }
}
