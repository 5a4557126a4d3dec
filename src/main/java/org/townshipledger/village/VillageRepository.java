package org.townshipledger.village;

import static org.townshipledger.db.jooq.Tables.ASSIGNMENT;
import static org.townshipledger.db.jooq.Tables.HELP_ITEM;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_CHECK;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_INCOME;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_MEMBER;
import static org.townshipledger.db.jooq.Tables.PAIRING;
import static org.townshipledger.db.jooq.Tables.PROBLEM;
import static org.townshipledger.db.jooq.Tables.SECRETARY_REVIEW;
import static org.townshipledger.db.jooq.Tables.STAR_RATING;
import static org.townshipledger.db.jooq.Tables.VILLAGE;
import static org.townshipledger.db.jooq.Tables.VILLAGE_GRADE;
import static org.townshipledger.db.jooq.Tables.VILLAGE_PLAN;
import static org.townshipledger.db.jooq.Tables.VILLAGE_GROUP;
import static org.townshipledger.db.jooq.Tables.VILLAGE_WEAK_YEAR;
import static org.townshipledger.db.jooq.Tables.VISIT;
import static org.townshipledger.db.jooq.Tables.VISIT_CADRE;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.townshipledger.common.Pinyin;
import org.townshipledger.db.jooq.tables.records.VillageGroupRecord;
import org.townshipledger.db.jooq.tables.records.VillageRecord;

/** Villages, their groups and 软弱涣散 years in the ledger. No rules here: {@link VillageService} holds them. */
public final class VillageRepository {

    private final DSLContext dsl;

    public VillageRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Same repository, working inside the caller's transaction. */
    public VillageRepository with(DSLContext ctx) {
        return new VillageRepository(ctx);
    }

    /** Villages in use (not in the recycle bin), in pinyin order of their names. */
    public List<Village> findActive() {
        return find(VILLAGE.DELETED_AT.isNull());
    }

    /** Villages in the recycle bin, most recently deleted first. */
    public List<Village> findDeleted() {
        List<Village> deleted = new ArrayList<>(find(VILLAGE.DELETED_AT.isNotNull()));
        deleted.sort((a, b) -> b.deletedAt().compareTo(a.deletedAt()));
        return deleted;
    }

    public Optional<Village> findById(UUID id) {
        return find(VILLAGE.ID.eq(id)).stream().findFirst();
    }

    public Optional<Village> findActiveByName(String name) {
        return find(VILLAGE.DELETED_AT.isNull().and(VILLAGE.NAME.eq(name))).stream().findFirst();
    }

    /** True when a village in use other than {@code exceptId} has this name. */
    public boolean nameTaken(String name, UUID exceptId) {
        Condition c = VILLAGE.DELETED_AT.isNull().and(VILLAGE.NAME.eq(name));
        if (exceptId != null) {
            c = c.and(VILLAGE.ID.ne(exceptId));
        }
        return dsl.fetchExists(VILLAGE, c);
    }

    private List<Village> find(Condition condition) {
        List<VillageRecord> rows = dsl.selectFrom(VILLAGE).where(condition)
                .orderBy(VILLAGE.NAME_INITIALS, VILLAGE.NAME).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<UUID> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.getId()));
        Map<UUID, List<VillageGroup>> groups = groupsOf(ids);
        Map<UUID, Set<Integer>> weak = weakYearsOf(ids);
        List<Village> result = new ArrayList<>(rows.size());
        for (VillageRecord r : rows) {
            result.add(new Village(r.getId(), r.getName(), r.getNameInitials(), r.getStatsCode(),
                    VillageKind.valueOf(r.getKind()), r.getPovertyVillage(), r.getExitYear(),
                    r.getHouseholdCount(), r.getPopulation(), r.getNote(),
                    weak.getOrDefault(r.getId(), Set.of()), groups.getOrDefault(r.getId(), List.of()),
                    r.getVersion(), r.getUpdatedAt(), r.getDeletedAt()));
        }
        return result;
    }

    private Map<UUID, List<VillageGroup>> groupsOf(Collection<UUID> villageIds) {
        Map<UUID, List<VillageGroup>> map = new HashMap<>();
        // Fetch all and filter in Java when many villages are asked for: one query instead of a huge IN list.
        Condition which = villageIds.size() > 500 ? VILLAGE_GROUP.DELETED_AT.isNull()
                : VILLAGE_GROUP.DELETED_AT.isNull().and(VILLAGE_GROUP.VILLAGE_ID.in(villageIds));
        for (VillageGroupRecord g : dsl.selectFrom(VILLAGE_GROUP).where(which)
                .orderBy(VILLAGE_GROUP.VILLAGE_ID, VILLAGE_GROUP.SORT_ORDER).fetch()) {
            if (villageIds.contains(g.getVillageId())) {
                map.computeIfAbsent(g.getVillageId(), k -> new ArrayList<>()).add(new VillageGroup(g.getId(), g.getName()));
            }
        }
        return map;
    }

    private Map<UUID, Set<Integer>> weakYearsOf(Collection<UUID> villageIds) {
        Map<UUID, Set<Integer>> map = new HashMap<>();
        Condition which = villageIds.size() > 500 ? org.jooq.impl.DSL.noCondition()
                : VILLAGE_WEAK_YEAR.VILLAGE_ID.in(villageIds);
        dsl.selectFrom(VILLAGE_WEAK_YEAR).where(which).forEach(w -> {
            if (villageIds.contains(w.getVillageId())) {
                map.computeIfAbsent(w.getVillageId(), k -> new HashSet<>()).add(w.getWeakYear());
            }
        });
        return map;
    }

    /** Inserts a new village (its id already made by the caller) with its groups and weak years. */
    public void insert(Village v, OffsetDateTime now) {
        VillageRecord r = dsl.newRecord(VILLAGE);
        r.setId(v.id());
        fill(r, v);
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        r.setVersion(0);
        r.insert();
        saveGroups(v.id(), v.groups(), now);
        saveWeakYears(v.id(), v.weakYears(), now);
    }

    /**
     * Updates the village if nobody changed it since {@code v.version()} was read.
     *
     * @return false when the record was changed or deleted meanwhile (nothing written)
     */
    public boolean update(Village v, OffsetDateTime now) {
        int rows = dsl.update(VILLAGE)
                .set(VILLAGE.NAME, v.name())
                .set(VILLAGE.NAME_INITIALS, Pinyin.initials(v.name()))
                .set(VILLAGE.STATS_CODE, v.statsCode())
                .set(VILLAGE.KIND, v.kind().name())
                .set(VILLAGE.POVERTY_VILLAGE, v.povertyVillage())
                .set(VILLAGE.EXIT_YEAR, v.exitYear())
                .set(VILLAGE.HOUSEHOLD_COUNT, v.householdCount())
                .set(VILLAGE.POPULATION, v.population())
                .set(VILLAGE.NOTE, v.note())
                .set(VILLAGE.UPDATED_AT, now)
                .set(VILLAGE.VERSION, VILLAGE.VERSION.plus(1))
                .where(VILLAGE.ID.eq(v.id()).and(VILLAGE.VERSION.eq(v.version())).and(VILLAGE.DELETED_AT.isNull()))
                .execute();
        if (rows == 0) {
            return false;
        }
        saveGroups(v.id(), v.groups(), now);
        saveWeakYears(v.id(), v.weakYears(), now);
        return true;
    }

    private static void fill(VillageRecord r, Village v) {
        r.setName(v.name());
        r.setNameInitials(Pinyin.initials(v.name()));
        r.setStatsCode(v.statsCode());
        r.setKind(v.kind().name());
        r.setPovertyVillage(v.povertyVillage());
        r.setExitYear(v.exitYear());
        r.setHouseholdCount(v.householdCount());
        r.setPopulation(v.population());
        r.setNote(v.note());
    }

    /** Groups keep their ids across renames; a group no longer listed goes to the recycle bin, not away. */
    private void saveGroups(UUID villageId, List<VillageGroup> groups, OffsetDateTime now) {
        Map<UUID, VillageGroupRecord> existing = new HashMap<>();
        dsl.selectFrom(VILLAGE_GROUP)
                .where(VILLAGE_GROUP.VILLAGE_ID.eq(villageId).and(VILLAGE_GROUP.DELETED_AT.isNull()))
                .forEach(g -> existing.put(g.getId(), g));
        List<VillageGroupRecord> inserts = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            VillageGroup g = groups.get(i);
            VillageGroupRecord old = g.id() == null ? null : existing.remove(g.id());
            if (old == null) {
                VillageGroupRecord r = dsl.newRecord(VILLAGE_GROUP);
                r.setId(g.id() != null ? g.id() : UUID.randomUUID());
                r.setVillageId(villageId);
                r.setName(g.name());
                r.setSortOrder(i);
                r.setCreatedAt(now);
                r.setUpdatedAt(now);
                r.setVersion(0);
                inserts.add(r);
            } else if (!old.getName().equals(g.name()) || old.getSortOrder() != i) {
                dsl.update(VILLAGE_GROUP)
                        .set(VILLAGE_GROUP.NAME, g.name())
                        .set(VILLAGE_GROUP.SORT_ORDER, i)
                        .set(VILLAGE_GROUP.UPDATED_AT, now)
                        .set(VILLAGE_GROUP.VERSION, VILLAGE_GROUP.VERSION.plus(1))
                        .where(VILLAGE_GROUP.ID.eq(old.getId()))
                        .execute();
            }
        }
        if (!inserts.isEmpty()) {
            dsl.batchInsert(inserts).execute();
        }
        if (!existing.isEmpty()) {
            dsl.update(VILLAGE_GROUP)
                    .set(VILLAGE_GROUP.DELETED_AT, now)
                    .set(VILLAGE_GROUP.UPDATED_AT, now)
                    .where(VILLAGE_GROUP.ID.in(existing.keySet()))
                    .execute();
        }
    }

    private void saveWeakYears(UUID villageId, Set<Integer> years, OffsetDateTime now) {
        Set<Integer> stored = new HashSet<>(dsl.select(VILLAGE_WEAK_YEAR.WEAK_YEAR).from(VILLAGE_WEAK_YEAR)
                .where(VILLAGE_WEAK_YEAR.VILLAGE_ID.eq(villageId)).fetch(VILLAGE_WEAK_YEAR.WEAK_YEAR));
        Set<Integer> removed = new HashSet<>(stored);
        removed.removeAll(years);
        if (!removed.isEmpty()) {
            dsl.deleteFrom(VILLAGE_WEAK_YEAR)
                    .where(VILLAGE_WEAK_YEAR.VILLAGE_ID.eq(villageId).and(VILLAGE_WEAK_YEAR.WEAK_YEAR.in(removed)))
                    .execute();
        }
        for (Integer year : years) {
            if (!stored.contains(year)) {
                dsl.insertInto(VILLAGE_WEAK_YEAR, VILLAGE_WEAK_YEAR.VILLAGE_ID, VILLAGE_WEAK_YEAR.WEAK_YEAR,
                        VILLAGE_WEAK_YEAR.CREATED_AT).values(villageId, year, now).execute();
            }
        }
    }

    /** Moves the village to the recycle bin, if it has not changed since it was read. */
    public boolean moveToBin(UUID id, int version, OffsetDateTime now) {
        return dsl.update(VILLAGE)
                .set(VILLAGE.DELETED_AT, now)
                .set(VILLAGE.UPDATED_AT, now)
                .set(VILLAGE.VERSION, VILLAGE.VERSION.plus(1))
                .where(VILLAGE.ID.eq(id).and(VILLAGE.VERSION.eq(version)).and(VILLAGE.DELETED_AT.isNull()))
                .execute() == 1;
    }

    public boolean restoreFromBin(UUID id, OffsetDateTime now) {
        return dsl.update(VILLAGE)
                .set(VILLAGE.DELETED_AT, (OffsetDateTime) null)
                .set(VILLAGE.UPDATED_AT, now)
                .set(VILLAGE.VERSION, VILLAGE.VERSION.plus(1))
                .where(VILLAGE.ID.eq(id).and(VILLAGE.DELETED_AT.isNotNull()))
                .execute() == 1;
    }

    /** Households in use (not in the recycle bin) in the village. */
    public int householdsInUse(UUID villageId) {
        return dsl.fetchCount(HOUSEHOLD, HOUSEHOLD.VILLAGE_ID.eq(villageId).and(HOUSEHOLD.DELETED_AT.isNull()));
    }

    /**
     * Deletes a village in the recycle bin for good with everything under it: its groups, 软弱涣散 years,
     * development paths, postings, the pairings with it or with its households and students, the visits to it and
     * its households (with their cadres' rows and the problems raised on them), the problems raised and help given
     * in it, its grades (格次), the 述职 reviews and star ratings made at it, and its households (all in the bin: the service checks that none is in use) with their members, checks
     * and incomes. Run it in a transaction.
     *
     * @return false when the village is not in the bin (nothing deleted)
     */
    public boolean purge(UUID id) {
        if (!dsl.fetchExists(VILLAGE, VILLAGE.ID.eq(id).and(VILLAGE.DELETED_AT.isNotNull()))) {
            return false;
        }
        purgeVisits(id);
        var households = dsl.select(HOUSEHOLD.ID).from(HOUSEHOLD).where(HOUSEHOLD.VILLAGE_ID.eq(id));
        var members = dsl.select(HOUSEHOLD_MEMBER.ID).from(HOUSEHOLD_MEMBER)
                .where(HOUSEHOLD_MEMBER.HOUSEHOLD_ID.in(households));
        dsl.deleteFrom(PAIRING).where(PAIRING.VILLAGE_ID.eq(id).or(PAIRING.HOUSEHOLD_ID.in(households))
                .or(PAIRING.MEMBER_ID.in(members))).execute();
        dsl.deleteFrom(ASSIGNMENT).where(ASSIGNMENT.VILLAGE_ID.eq(id)).execute();
        dsl.deleteFrom(VILLAGE_GRADE).where(VILLAGE_GRADE.VILLAGE_ID.eq(id)).execute();
        dsl.deleteFrom(SECRETARY_REVIEW).where(SECRETARY_REVIEW.VILLAGE_ID.eq(id)).execute();
        dsl.deleteFrom(STAR_RATING).where(STAR_RATING.VILLAGE_ID.eq(id)).execute();
        dsl.deleteFrom(VILLAGE_PLAN).where(VILLAGE_PLAN.VILLAGE_ID.eq(id)).execute();
        dsl.deleteFrom(HOUSEHOLD_CHECK).where(HOUSEHOLD_CHECK.HOUSEHOLD_ID.in(households)).execute();
        dsl.deleteFrom(HOUSEHOLD_INCOME).where(HOUSEHOLD_INCOME.HOUSEHOLD_ID.in(households)).execute();
        dsl.deleteFrom(HOUSEHOLD_MEMBER).where(HOUSEHOLD_MEMBER.HOUSEHOLD_ID.in(households)).execute();
        dsl.deleteFrom(HOUSEHOLD).where(HOUSEHOLD.VILLAGE_ID.eq(id)).execute();
        dsl.deleteFrom(VILLAGE_WEAK_YEAR).where(VILLAGE_WEAK_YEAR.VILLAGE_ID.eq(id)).execute();
        dsl.deleteFrom(VILLAGE_GROUP).where(VILLAGE_GROUP.VILLAGE_ID.eq(id)).execute();
        return dsl.deleteFrom(VILLAGE).where(VILLAGE.ID.eq(id)).execute() == 1;
    }

    /** The visits, problems and help of a village and of its households, for good (part of {@link #purge}). */
    private void purgeVisits(UUID villageId) {
        List<UUID> households = dsl.select(HOUSEHOLD.ID).from(HOUSEHOLD).where(HOUSEHOLD.VILLAGE_ID.eq(villageId))
                .fetch(HOUSEHOLD.ID);
        Set<UUID> visits = new java.util.LinkedHashSet<>(dsl.select(VISIT.ID).from(VISIT)
                .where(VISIT.VILLAGE_ID.eq(villageId)).fetch(VISIT.ID));
        for (int i = 0; i < households.size(); i += 1000) {
            List<UUID> slice = households.subList(i, Math.min(households.size(), i + 1000));
            visits.addAll(dsl.select(VISIT.ID).from(VISIT).where(VISIT.HOUSEHOLD_ID.in(slice)).fetch(VISIT.ID));
            dsl.deleteFrom(PROBLEM).where(PROBLEM.HOUSEHOLD_ID.in(slice)).execute();
            dsl.deleteFrom(HELP_ITEM).where(HELP_ITEM.HOUSEHOLD_ID.in(slice)).execute();
        }
        List<UUID> visitIds = List.copyOf(visits);
        for (int i = 0; i < visitIds.size(); i += 1000) {
            List<UUID> slice = visitIds.subList(i, Math.min(visitIds.size(), i + 1000));
            dsl.deleteFrom(PROBLEM).where(PROBLEM.VISIT_ID.in(slice)).execute();
            dsl.deleteFrom(VISIT_CADRE).where(VISIT_CADRE.VISIT_ID.in(slice)).execute();
            dsl.deleteFrom(VISIT).where(VISIT.ID.in(slice)).execute();
        }
        dsl.deleteFrom(PROBLEM).where(PROBLEM.VILLAGE_ID.eq(villageId)).execute();
        dsl.deleteFrom(HELP_ITEM).where(HELP_ITEM.VILLAGE_ID.eq(villageId)).execute();
    }

    public int countActive() {
        return dsl.fetchCount(VILLAGE, VILLAGE.DELETED_AT.isNull());
    }

    /** Groups of villages in use. */
    public int countActiveGroups() {
        return dsl.fetchCount(dsl.select().from(VILLAGE_GROUP).join(VILLAGE).on(VILLAGE.ID.eq(VILLAGE_GROUP.VILLAGE_ID))
                .where(VILLAGE_GROUP.DELETED_AT.isNull().and(VILLAGE.DELETED_AT.isNull())));
    }
}
