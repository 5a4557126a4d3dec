package org.townshipledger.village;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.TreeSet;

/**
 * A 行政村 or 社区 of the township, as kept in the ledger.
 *
 * @param id             null for a village not yet saved
 * @param statsCode      12-digit 统计用区划代码, or null
 * @param exitYear       出列年度 of a poverty village, or null
 * @param weakYears      years in which the party branch was 软弱涣散
 * @param version        optimistic-locking version read with the record
 * @param deletedAt      set while the village is in the recycle bin
 */
public record Village(UUID id, String name, String nameInitials, String statsCode, VillageKind kind,
                      boolean povertyVillage, Integer exitYear, Integer householdCount, Integer population,
                      String note, Set<Integer> weakYears, List<VillageGroup> groups, int version,
                      OffsetDateTime updatedAt, OffsetDateTime deletedAt) {

    public Village {
        weakYears = Set.copyOf(new TreeSet<>(weakYears == null ? Set.of() : weakYears));
        groups = List.copyOf(groups == null ? List.of() : groups);
    }

    /** A blank form for a new village. */
    public static Village blank() {
        return new Village(null, "", "", null, VillageKind.VILLAGE, false, null, null, null, null,
                Set.of(), List.of(), 0, null, null);
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean weakIn(int year) {
        return weakYears.contains(year);
    }

    /** Same facts as {@code other}, ignoring id, version and timestamps. */
    public boolean sameEntryAs(Village other) {
        return name.equals(other.name) && Objects.equals(statsCode, other.statsCode) && kind == other.kind
                && povertyVillage == other.povertyVillage && Objects.equals(exitYear, other.exitYear)
                && Objects.equals(householdCount, other.householdCount) && Objects.equals(population, other.population)
                && Objects.equals(note, other.note) && weakYears.equals(other.weakYears) && groups.equals(other.groups);
    }

    public List<String> groupNames() {
        return groups.stream().map(VillageGroup::name).toList();
    }
}
