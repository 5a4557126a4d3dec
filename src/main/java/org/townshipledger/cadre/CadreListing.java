package org.townshipledger.cadre;

import java.util.List;

/**
 * A cadre as the 干部 list shows it: the record and the postings held on the day asked for.
 *
 * @param current postings running on that day, village by village
 */
public record CadreListing(Cadre cadre, List<Assignment> current) {
}
