package org.townshipledger.pairing;

import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.Rank;
import org.townshipledger.cadre.Unit;
import org.townshipledger.cadre.UnitLevel;
import org.townshipledger.cadre.UnitType;
import org.townshipledger.common.Codes;

/**
 * Which quota a helper owes (DOMAIN.md, "Pairing"): county-level leaders, county organs (机关 and 事业单位 at
 * county level), section-level cadres and private enterprises have one; everybody else only a household limit.
 */
public enum HelperCategory {
    COUNTY_LEADER, COUNTY_ORGAN, SECTION_CADRE, PRIVATE_ENTERPRISE, OTHER;

    static final String KEY = "pairing.category.";

    public String label() {
        return Codes.label(KEY, this);
    }

    public static HelperCategory of(Cadre cadre) {
        if (cadre.rank() == Rank.COUNTY_LEVEL) {
            return COUNTY_LEADER;
        }
        return cadre.rank() == Rank.SECTION_LEVEL ? SECTION_CADRE : OTHER;
    }

    public static HelperCategory of(Unit unit) {
        if (unit.type() == UnitType.PRIVATE_ENTERPRISE) {
            return PRIVATE_ENTERPRISE;
        }
        boolean organ = unit.type() == UnitType.ORGAN || unit.type() == UnitType.INSTITUTION;
        return organ && unit.level() == UnitLevel.COUNTY ? COUNTY_ORGAN : OTHER;
    }
}
