package org.townshipledger.visit;

import static org.townshipledger.db.jooq.Tables.CADRE;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD;
import static org.townshipledger.db.jooq.Tables.PAIRING;
import static org.townshipledger.db.jooq.Tables.PROBLEM;
import static org.townshipledger.db.jooq.Tables.UNIT;
import static org.townshipledger.db.jooq.Tables.VILLAGE;
import static org.townshipledger.db.jooq.Tables.VISIT;
import static org.townshipledger.db.jooq.Tables.VISIT_CADRE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.townshipledger.common.Page;

/**
 * Visits and their cadres. Lists are paged in SQL: the page's ids are read from an index in list order (newest
 * first), then only those rows are read with their names.
 */
public final class VisitRepository {

    private static final int BATCH = 2000;

    private final DSLContext dsl;

    public VisitRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public VisitRepository with(DSLContext ctx) {
        return new VisitRepository(ctx);
    }

    // ---- the list ----

    /**
     * One page of visits in use matching {@code f}, newest first. A cadre's visits are read from visit_cadre's
     * page index, a village's from visit_village_idx, the rest from visit_date_idx; each query orders by the
     * index's columns from its first one (those with an equality filter included), so H2 walks the index and stops
     * after the page instead of sorting.
     */
    public Page<Visit> page(VisitFilter f, int offset, int limit) {
        Hidden hidden = hidden();
        int total = count(f, hidden);
        List<UUID> ids = limit == 0 ? List.of() : pageIds(f, offset, limit, hidden);
        return new Page<>(visits(ids), offset, total);
    }

    private int count(VisitFilter f, Hidden hidden) {
        if (f.equals(VisitFilter.all())) {
            return count(hidden);
        }
        return f.cadreId() != null
                ? dsl.fetchCount(VISIT_CADRE, cadreCondition(f).and(hidden.visible(VISIT_CADRE.HOUSEHOLD_ID,
                VISIT_CADRE.VILLAGE_ID)))
                : dsl.fetchCount(VISIT, visitCondition(f).and(hidden.visible(VISIT.HOUSEHOLD_ID, VISIT.VILLAGE_ID)));
    }

    // ---- what is hidden with a parent in the recycle bin ----

    /** Rows in the recycle bin have a deleted_at at or after this: a range H2 reads from an index that starts with it. */
    static final OffsetDateTime LONG_AGO = OffsetDateTime.parse("1900-01-01T00:00:00Z");

    /**
     * The households and villages in the recycle bin. Their visits, problems and help items stay as they were and
     * are hidden with them (left out of every list, count, check and sheet), so restoring the household or village
     * brings them back; purging it deletes them for good.
     */
    record Hidden(Set<UUID> households, Set<UUID> villages) {

        boolean none() {
            return households.isEmpty() && villages.isEmpty();
        }

        /**
         * Rows whose household (when they have one) and village (when they have one) are not in the bin. No
         * condition at all when the bin holds neither, so the lists' index walks stay as they are.
         */
        Condition visible(Field<UUID> household, Field<UUID> village) {
            Condition c = DSL.noCondition();
            if (!households.isEmpty()) {
                c = c.and(household.isNull().or(household.notIn(households)));
            }
            if (!villages.isEmpty()) {
                c = c.and(village.isNull().or(village.notIn(villages)));
            }
            return c;
        }
    }

    /** The households and villages in the recycle bin now (few; read from indexes that start with deleted_at). */
    Hidden hidden() {
        return hidden(dsl);
    }

    static Hidden hidden(DSLContext dsl) {
        Set<UUID> households = new HashSet<>(dsl.select(HOUSEHOLD.ID).from(HOUSEHOLD)
                .where(HOUSEHOLD.DELETED_AT.ge(LONG_AGO)).fetch(HOUSEHOLD.ID));
        Set<UUID> villages = new HashSet<>(dsl.select(VILLAGE.ID).from(VILLAGE)
                .where(VILLAGE.DELETED_AT.isNotNull()).fetch(VILLAGE.ID));
        return new Hidden(households, villages);
    }

    /**
     * The visits whose problems are hidden: those in the recycle bin and those of households in it. (A problem's
     * own village is the visit's, so a village in the bin hides it through {@link Hidden#visible}.)
     */
    static Set<UUID> visitsHidingProblems(DSLContext dsl, Hidden hidden) {
        Set<UUID> out = new HashSet<>(dsl.select(VISIT.ID).from(VISIT).where(VISIT.DELETED_AT.ge(LONG_AGO))
                .fetch(VISIT.ID));
        if (!hidden.households().isEmpty()) {
            out.addAll(dsl.select(VISIT.ID).from(VISIT).where(VISIT.HOUSEHOLD_ID.in(hidden.households()))
                    .fetch(VISIT.ID));
        }
        return out;
    }

    /** Visits not in the bin themselves but hidden with their household or village. */
    private int hiddenInUse(Hidden hidden) {
        int n = 0;
        if (!hidden.villages().isEmpty()) {
            n += dsl.fetchCount(VISIT, VISIT.VILLAGE_ID.in(hidden.villages()).and(VISIT.DELETED_AT.isNull()));
        }
        if (!hidden.households().isEmpty()) {
            // A household visit always has its village; those of a village in the bin are counted above.
            Condition c = VISIT.HOUSEHOLD_ID.in(hidden.households()).and(VISIT.DELETED_AT.isNull());
            if (!hidden.villages().isEmpty()) {
                c = c.and(VISIT.VILLAGE_ID.notIn(hidden.villages()));
            }
            n += dsl.fetchCount(VISIT, c);
        }
        return n;
    }

    private static Condition cadreCondition(VisitFilter f) {
        Condition c = VISIT_CADRE.CADRE_ID.eq(f.cadreId()).and(VISIT_CADRE.DELETED_AT.isNull());
        if (f.month() != null) {
            c = c.and(VISIT_CADRE.VISIT_DATE.between(f.month().atDay(1), f.month().atEndOfMonth()));
        }
        if (f.villageId() != null) {
            c = c.and(VISIT_CADRE.VILLAGE_ID.eq(f.villageId()));
        }
        if (f.householdId() != null) {
            c = c.and(VISIT_CADRE.HOUSEHOLD_ID.eq(f.householdId()));
        }
        if (f.kind() != null) {
            c = c.and(VISIT_CADRE.VISIT_ID.in(DSL.select(VISIT.ID).from(VISIT)
                    .where(VISIT.ID.eq(VISIT_CADRE.VISIT_ID).and(VISIT.KIND.eq(f.kind())))));
        }
        return c;
    }

    private static Condition visitCondition(VisitFilter f) {
        Condition c = VISIT.DELETED_AT.isNull();
        if (f.month() != null) {
            c = c.and(VISIT.VISIT_DATE.between(f.month().atDay(1), f.month().atEndOfMonth()));
        }
        if (f.kind() != null) {
            c = c.and(VISIT.KIND.eq(f.kind()));
        }
        if (f.householdId() != null) {
            c = c.and(VISIT.HOUSEHOLD_ID.eq(f.householdId()));
        }
        if (f.villageId() != null) {
            c = c.and(VISIT.VILLAGE_ID.eq(f.villageId()));
        }
        return c;
    }

    private List<UUID> pageIds(VisitFilter f, int offset, int limit, Hidden hidden) {
        if (f.cadreId() != null) {
            return dsl.select(VISIT_CADRE.VISIT_ID).from(VISIT_CADRE)
                    .where(cadreCondition(f).and(hidden.visible(VISIT_CADRE.HOUSEHOLD_ID, VISIT_CADRE.VILLAGE_ID)))
                    .orderBy(VISIT_CADRE.CADRE_ID.asc(), VISIT_CADRE.DELETED_AT.asc(), VISIT_CADRE.VISIT_DATE.desc(),
                            VISIT_CADRE.VISIT_ID.desc())
                    .offset(offset).limit(limit).fetch(VISIT_CADRE.VISIT_ID);
        }
        List<SortField<?>> order;
        if (f.householdId() != null) {
            order = List.of(VISIT.VISIT_DATE.desc(), VISIT.ID.desc());
        } else if (f.villageId() != null) {
            order = List.of(VISIT.VILLAGE_ID.asc(), VISIT.DELETED_AT.asc(), VISIT.VISIT_DATE.desc(), VISIT.ID.desc());
        } else {
            order = List.of(VISIT.DELETED_AT.asc(), VISIT.VISIT_DATE.desc(), VISIT.ID.desc());
        }
        return dsl.select(VISIT.ID).from(VISIT)
                .where(visitCondition(f).and(hidden.visible(VISIT.HOUSEHOLD_ID, VISIT.VILLAGE_ID)))
                .orderBy(order).offset(offset).limit(limit).fetch(VISIT.ID);
    }

    /** Streams every visit matching {@code f} in list order (exports): ids along the index, rows a batch at a time. */
    public void forEach(VisitFilter f, java.util.function.Consumer<Visit> sink) {
        Hidden hidden = hidden();
        int total = count(f, hidden);
        List<UUID> batch = new ArrayList<>(BATCH);
        for (UUID id : total == 0 ? List.<UUID>of() : pageIds(f, 0, total, hidden)) {
            batch.add(id);
            if (batch.size() == BATCH) {
                visits(batch).forEach(sink);
                batch.clear();
            }
        }
        visits(batch).forEach(sink);
    }

    /** The visits with these ids, in the order of the ids, with their names and cadres. */
    public List<Visit> visits(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<UUID>> cadreIds = new HashMap<>();
        Map<UUID, List<String>> cadreNames = new HashMap<>();
        Map<UUID, UUID> main = new HashMap<>();
        Map<UUID, Record> rows = new HashMap<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<UUID> slice = ids.subList(i, Math.min(ids.size(), i + BATCH));
            dsl.select(VISIT.fields()).select(HOUSEHOLD.HEAD_NAME, VILLAGE.NAME, UNIT.NAME)
                    .from(VISIT)
                    .leftJoin(HOUSEHOLD).on(HOUSEHOLD.ID.eq(VISIT.HOUSEHOLD_ID))
                    .leftJoin(VILLAGE).on(VILLAGE.ID.eq(VISIT.VILLAGE_ID))
                    .leftJoin(UNIT).on(UNIT.ID.eq(VISIT.UNIT_ID))
                    .where(VISIT.ID.in(slice))
                    .forEach(r -> {
                        rows.put(r.get(VISIT.ID), r);
                        main.put(r.get(VISIT.ID), r.get(VISIT.CADRE_ID));
                    });
            // The main cadre first, then the others by name.
            dsl.select(VISIT_CADRE.VISIT_ID, VISIT_CADRE.CADRE_ID, CADRE.NAME)
                    .from(VISIT_CADRE).join(CADRE).on(CADRE.ID.eq(VISIT_CADRE.CADRE_ID))
                    .where(VISIT_CADRE.VISIT_ID.in(slice))
                    .orderBy(CADRE.NAME_INITIALS, CADRE.NAME, CADRE.ID)
                    .forEach(r -> {
                        UUID visit = r.value1();
                        boolean isMain = r.value2().equals(main.get(visit));
                        List<UUID> idList = cadreIds.computeIfAbsent(visit, v -> new ArrayList<>());
                        List<String> nameList = cadreNames.computeIfAbsent(visit, v -> new ArrayList<>());
                        idList.add(isMain ? 0 : idList.size(), r.value2());
                        nameList.add(isMain ? 0 : nameList.size(), r.value3());
                    });
        }
        List<Visit> out = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Record r = rows.get(id);
            if (r != null) {
                out.add(visit(r, cadreIds.getOrDefault(id, List.of()), cadreNames.getOrDefault(id, List.of())));
            }
        }
        return out;
    }

    private static Visit visit(Record r, List<UUID> cadreIds, List<String> cadreNames) {
        VisitTarget target = VisitTarget.valueOf(r.get(VISIT.TARGET_KIND));
        String targetName = switch (target) {
            case HOUSEHOLD -> r.get(HOUSEHOLD.HEAD_NAME);
            case VILLAGE -> r.get(VILLAGE.NAME);
            case UNIT -> r.get(UNIT.NAME);
        };
        VisitCheck check = r.get(VISIT.FOOD_CLOTHING) == null ? null : new VisitCheck(r.get(VISIT.FOOD_CLOTHING),
                r.get(VISIT.COMPULSORY_EDUCATION), r.get(VISIT.BASIC_MEDICAL), r.get(VISIT.HOUSING_SAFETY),
                r.get(VISIT.DRINKING_WATER), r.get(VISIT.CHECK_NOTE));
        return new Visit(r.get(VISIT.ID), target, r.get(VISIT.HOUSEHOLD_ID), r.get(VISIT.VILLAGE_ID),
                r.get(VISIT.UNIT_ID), targetName, r.get(VILLAGE.NAME), r.get(VISIT.VISIT_DATE), r.get(VISIT.KIND),
                cadreIds, cadreNames, r.get(VISIT.SEEN), r.get(VISIT.DONE), check, r.get(VISIT.VERSION));
    }

    /** A visit in use by id. */
    public Optional<Visit> visit(UUID id) {
        boolean inUse = dsl.fetchExists(VISIT, VISIT.ID.eq(id).and(VISIT.DELETED_AT.isNull()));
        return inUse ? visits(List.of(id)).stream().findFirst() : Optional.empty();
    }

    /**
     * Visits in use: all rows (H2 keeps the table's row count) less those in the recycle bin (a range at the start
     * of visit_date_idx) and those hidden with a household or village in the bin (ranges of visit_household_idx
     * and visit_village_idx). Counting the rows in use directly read a million index entries (about a second).
     */
    public int count() {
        return count(hidden());
    }

    private int count(Hidden hidden) {
        int all = dsl.fetchCount(VISIT);
        int inBin = dsl.fetchCount(VISIT, VISIT.DELETED_AT.ge(LONG_AGO));
        return all - inBin - (hidden.none() ? 0 : hiddenInUse(hidden));
    }

    /** Visits in use (not hidden with their household or village) whose date lies in the year. */
    public int count(int year) {
        return dsl.fetchCount(VISIT, VISIT.DELETED_AT.isNull()
                .and(VISIT.VISIT_DATE.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .and(hidden().visible(VISIT.HOUSEHOLD_ID, VISIT.VILLAGE_ID)));
    }

    // ---- imports: the visits a row of a file may be ----

    /**
     * The visits in use with the target and date of one of {@code rows} (a household, village or unit visited on
     * that day), with their cadres: the candidates an imported row may repeat. Read a batch of (target, date) pairs
     * at a time, each pair joined from an UNNEST of two array bind values: a household's visits of the day from
     * visit_household_idx, a village's from visit_village_idx, a unit's from visit_unit_idx. Never reads the log.
     */
    public List<Visit> sameDayVisits(Collection<Visit> rows) {
        Map<VisitTarget, Set<Map.Entry<UUID, LocalDate>>> pairs = new java.util.EnumMap<>(VisitTarget.class);
        for (Visit v : rows) {
            UUID target = switch (v.target()) {
                case HOUSEHOLD -> v.householdId();
                case VILLAGE -> v.villageId();
                case UNIT -> v.unitId();
            };
            if (target != null && v.date() != null) {
                pairs.computeIfAbsent(v.target(), t -> new java.util.LinkedHashSet<>())
                        .add(Map.entry(target, v.date()));
            }
        }
        Map<UUID, OffsetDateTime> found = new HashMap<>();
        for (Map.Entry<VisitTarget, Set<Map.Entry<UUID, LocalDate>>> e : pairs.entrySet()) {
            List<Map.Entry<UUID, LocalDate>> all = List.copyOf(e.getValue());
            for (int i = 0; i < all.size(); i += BATCH) {
                List<Map.Entry<UUID, LocalDate>> slice = all.subList(i, Math.min(all.size(), i + BATCH));
                // The index named: with bind values H2 took visit_village_fk's index (village_id alone) or walked
                // visit_date_idx, reading a village's or a day's every visit for each pair. No ORDER BY either: it
                // made H2 walk visit_date_idx (the whole log) to spare a sort.
                org.jooq.Table<?> visit = switch (e.getKey()) {
                    case HOUSEHOLD -> VISIT.useIndex("VISIT_HOUSEHOLD_IDX");
                    case VILLAGE -> VISIT.useIndex("VISIT_VILLAGE_IDX");
                    case UNIT -> VISIT.useIndex("VISIT_UNIT_IDX");
                };
                Condition on = switch (e.getKey()) {
                    case HOUSEHOLD -> VISIT.HOUSEHOLD_ID.eq(PAIR_ID).and(VISIT.VISIT_DATE.eq(PAIR_DAY));
                    case VILLAGE -> VISIT.VILLAGE_ID.eq(PAIR_ID).and(VISIT.VISIT_DATE.eq(PAIR_DAY))
                            .and(VISIT.TARGET_KIND.eq(VisitTarget.VILLAGE.name()));
                    case UNIT -> VISIT.UNIT_ID.eq(PAIR_ID).and(VISIT.VISIT_DATE.eq(PAIR_DAY));
                };
                dsl.select(VISIT.ID, VISIT.CREATED_AT).from(pairsTable(slice)).join(visit)
                        .on(on.and(VISIT.DELETED_AT.isNull()))
                        .forEach(r -> found.put(r.value1(), r.value2()));
            }
        }
        // Oldest first, so that of two visits alike the one saved first is matched first.
        List<UUID> ids = found.entrySet().stream().sorted(Map.Entry.<UUID, OffsetDateTime>comparingByValue()
                .thenComparing(Map.Entry::getKey)).map(Map.Entry::getKey).toList();
        return visits(ids);
    }

    /**
     * A table of (id, day) pairs, columns {@code t} and {@code d}, from two array bind values (H2's UNNEST of
     * several arrays): joined to an index that starts with the id and the day, each pair is one index look-up.
     * Its columns are {@link #PAIR_ID} and {@link #PAIR_DAY} (a plain SQL table does not know its fields).
     */
    static final Field<UUID> PAIR_ID = DSL.field(DSL.name("wanted", "t"), UUID.class);
    static final Field<LocalDate> PAIR_DAY = DSL.field(DSL.name("wanted", "d"), LocalDate.class);

    static org.jooq.Table<?> pairsTable(List<Map.Entry<UUID, LocalDate>> pairs) {
        UUID[] ids = pairs.stream().map(Map.Entry::getKey).toArray(UUID[]::new);
        LocalDate[] days = pairs.stream().map(Map.Entry::getValue).toArray(LocalDate[]::new);
        return DSL.table("UNNEST(CAST({0} AS UUID ARRAY), CAST({1} AS DATE ARRAY))", DSL.val(ids),
                DSL.val(days)).as("wanted", "t", "d");
    }

    /**
     * Saves what an imported row changes on a visit it repeats (了解情况, 办理事项 and the check; the target, date,
     * kind and cadres are the same), in JDBC batches, if nobody changed the visits since they were read.
     *
     * @return false when one of them was changed or removed meanwhile (run it in a transaction: roll back)
     */
    public boolean updateNotes(List<Visit> list, OffsetDateTime now) {
        if (list.isEmpty()) {
            return true;
        }
        boolean[] all = {true};
        dsl.connection(c -> {
            try (java.sql.PreparedStatement update = c.prepareStatement(dsl.render(dsl.update(VISIT)
                    .set(VISIT.SEEN, DSL.param("seen", String.class))
                    .set(VISIT.DONE, DSL.param("done", String.class))
                    .set(VISIT.FOOD_CLOTHING, DSL.param("food", Boolean.class))
                    .set(VISIT.COMPULSORY_EDUCATION, DSL.param("education", Boolean.class))
                    .set(VISIT.BASIC_MEDICAL, DSL.param("medical", Boolean.class))
                    .set(VISIT.HOUSING_SAFETY, DSL.param("housing", Boolean.class))
                    .set(VISIT.DRINKING_WATER, DSL.param("water", Boolean.class))
                    .set(VISIT.CHECK_NOTE, DSL.param("note", String.class))
                    .set(VISIT.UPDATED_AT, DSL.param("now", OffsetDateTime.class))
                    .set(VISIT.VERSION, VISIT.VERSION.plus(DSL.inline(1)))
                    .where(VISIT.ID.eq(DSL.param("id", UUID.class))
                            .and(VISIT.VERSION.eq(DSL.param("version", Integer.class)))
                            .and(VISIT.DELETED_AT.isNull()))))) {
                int n = 0;
                for (Visit v : list) {
                    VisitCheck k = v.check();
                    update.setString(1, v.seen());
                    update.setString(2, v.done());
                    update.setObject(3, k == null ? null : k.foodAndClothing(), java.sql.Types.BOOLEAN);
                    update.setObject(4, k == null ? null : k.compulsoryEducation(), java.sql.Types.BOOLEAN);
                    update.setObject(5, k == null ? null : k.basicMedical(), java.sql.Types.BOOLEAN);
                    update.setObject(6, k == null ? null : k.housingSafety(), java.sql.Types.BOOLEAN);
                    update.setObject(7, k == null ? null : k.drinkingWater(), java.sql.Types.BOOLEAN);
                    update.setString(8, k == null ? null : k.note());
                    update.setObject(9, now);
                    update.setObject(10, v.id());
                    update.setInt(11, v.version());
                    update.addBatch();
                    if (++n % BATCH == 0 || n == list.size()) {
                        for (int count : update.executeBatch()) {
                            all[0] &= count == 1;
                        }
                    }
                }
            }
        });
        return all[0];
    }

    // ---- quick entry ----

    /** A household in use, as an imported row names it: by the head's ID, or by the head's name in a village. */
    public record HouseholdKey(UUID id, UUID villageId, String headName, String headIdNumber) {
    }

    public List<HouseholdKey> householdKeys() {
        return dsl.select(HOUSEHOLD.ID, HOUSEHOLD.VILLAGE_ID, HOUSEHOLD.HEAD_NAME, HOUSEHOLD.HEAD_ID_NUMBER)
                .from(HOUSEHOLD).where(HOUSEHOLD.DELETED_AT.isNull())
                .fetch(r -> new HouseholdKey(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Every cadre's ID number (those without one left out), for the sheets: cadre id → ID number. */
    public Map<UUID, String> cadreIdNumbers() {
        Map<UUID, String> out = new HashMap<>();
        dsl.select(CADRE.ID, CADRE.ID_NUMBER).from(CADRE).where(CADRE.ID_NUMBER.isNotNull())
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** A household a cadre visited lately, for quick entry. */
    public record RecentHousehold(UUID householdId, String headName, UUID villageId, String villageName,
                                  LocalDate lastVisit) {
    }

    /** The households the cadre visited last, most recent first, each once. */
    public List<RecentHousehold> recentHouseholds(UUID cadreId, int limit) {
        Map<UUID, LocalDate> last = new LinkedHashMap<>();
        // Newest first along the cadre's page index; a few hundred entries give the last households.
        try (var cursor = dsl.select(VISIT_CADRE.HOUSEHOLD_ID, VISIT_CADRE.VISIT_DATE).from(VISIT_CADRE)
                .where(VISIT_CADRE.CADRE_ID.eq(cadreId).and(VISIT_CADRE.DELETED_AT.isNull()))
                .orderBy(VISIT_CADRE.CADRE_ID, VISIT_CADRE.DELETED_AT, VISIT_CADRE.VISIT_DATE.desc(),
                        VISIT_CADRE.VISIT_ID.desc())
                .limit(limit * 20).fetchSize(200).fetchLazy()) {
            for (var r : cursor) {
                if (r.value1() != null) {
                    last.putIfAbsent(r.value1(), r.value2());
                    if (last.size() >= limit) {
                        break;
                    }
                }
            }
        }
        if (last.isEmpty()) {
            return List.of();
        }
        Map<UUID, RecentHousehold> byId = new HashMap<>();
        dsl.select(HOUSEHOLD.ID, HOUSEHOLD.HEAD_NAME, HOUSEHOLD.VILLAGE_ID, VILLAGE.NAME)
                .from(HOUSEHOLD).join(VILLAGE).on(VILLAGE.ID.eq(HOUSEHOLD.VILLAGE_ID))
                .where(HOUSEHOLD.ID.in(last.keySet()).and(HOUSEHOLD.DELETED_AT.isNull()))
                .forEach(r -> byId.put(r.value1(), new RecentHousehold(r.value1(), r.value2(), r.value3(),
                        r.value4(), last.get(r.value1()))));
        return last.keySet().stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    // ---- what the checks read ----

    /**
     * Every household pairing with a cadre running on {@code on} whose helper went on fewer than {@code min} of
     * the household's visits dated {@code from}..{@code to}: one query, each pairing probing the (cadre,
     * household, date) index of visit_cadre for its min-th visit.
     */
    public List<HelperShortfall> helpersBehind(LocalDate from, LocalDate to, LocalDate on, int min) {
        if (min <= 0) {
            return List.of();
        }
        // Pairings hidden with a household or helper in the recycle bin are left out (the household's village in
        // the bin: left out by the service, which reads the households' villages anyway).
        Hidden hidden = hidden();
        Set<UUID> cadresGone = cadresInBin();
        Condition shown = hidden.households().isEmpty() ? DSL.noCondition()
                : PAIRING.HOUSEHOLD_ID.notIn(hidden.households());
        if (!cadresGone.isEmpty()) {
            shown = shown.and(PAIRING.HELPER_CADRE_ID.notIn(cadresGone));
        }
        Condition helperWent = VISIT_CADRE.CADRE_ID.eq(PAIRING.HELPER_CADRE_ID)
                .and(VISIT_CADRE.HOUSEHOLD_ID.eq(PAIRING.HOUSEHOLD_ID))
                .and(VISIT_CADRE.VISIT_DATE.between(from, to))
                .and(VISIT_CADRE.DELETED_AT.isNull());
        // "Fewer than min" as "no min-th visit": each pairing reads at most min entries of the (cadre, household,
        // date) index instead of counting all of the year's (about ten each in the county demo: 320,000 entries,
        // 3× slower warm and 8× cold). The count is read for the few pairings behind only.
        Field<Integer> visits = DSL.field(DSL.selectCount().from(VISIT_CADRE).where(helperWent));
        return dsl.selectDistinct(PAIRING.HELPER_CADRE_ID, PAIRING.HOUSEHOLD_ID, visits)
                .from(PAIRING)
                .where(PAIRING.DELETED_AT.isNull().and(PAIRING.TARGET_KIND.eq("HOUSEHOLD")).and(shown)
                        .and(PAIRING.HELPER_CADRE_ID.isNotNull())
                        .and(PAIRING.START_DATE.le(on))
                        .and(PAIRING.END_DATE.isNull().or(PAIRING.END_DATE.ge(on))))
                .andNotExists(DSL.selectOne().from(VISIT_CADRE).where(helperWent).offset(min - 1).limit(1))
                .fetch(r -> new HelperShortfall(r.value1(), r.value2(), null, r.value3()));
    }

    /**
     * Every village pairing of a county-level cadre running on {@code on} whose cadre went on fewer than
     * {@code min} visits in the village dated {@code from}..{@code to} (any visit there counts: the village, or
     * one of its households).
     */
    public List<HelperShortfall> leadersBehind(LocalDate from, LocalDate to, LocalDate on, int min,
                                               String countyRank) {
        // visit_date, not visit_id: H2 keeps visit_cadre's rows under a hidden row id, so visit_id is not in the
        // index and counting it read every visit's row; visit_date is never null and is in the index.
        Field<Integer> visits = DSL.count(VISIT_CADRE.VISIT_DATE);
        // Villages in the recycle bin are left out, and so are the visits hidden with a household in it.
        Hidden hidden = hidden();
        Condition shown = hidden.villages().isEmpty() ? DSL.noCondition()
                : PAIRING.VILLAGE_ID.notIn(hidden.villages());
        return dsl.select(PAIRING.HELPER_CADRE_ID, PAIRING.VILLAGE_ID, visits)
                .from(PAIRING)
                .join(CADRE).on(CADRE.ID.eq(PAIRING.HELPER_CADRE_ID))
                .leftJoin(VISIT_CADRE).on(VISIT_CADRE.CADRE_ID.eq(PAIRING.HELPER_CADRE_ID)
                        .and(VISIT_CADRE.VILLAGE_ID.eq(PAIRING.VILLAGE_ID))
                        .and(VISIT_CADRE.VISIT_DATE.between(from, to))
                        .and(VISIT_CADRE.DELETED_AT.isNull())
                        .and(hidden.visible(VISIT_CADRE.HOUSEHOLD_ID, VISIT_CADRE.VILLAGE_ID)))
                .where(PAIRING.DELETED_AT.isNull().and(PAIRING.TARGET_KIND.eq("VILLAGE")).and(shown)
                        .and(CADRE.CADRE_RANK.eq(countyRank)).and(CADRE.DELETED_AT.isNull())
                        .and(PAIRING.START_DATE.le(on))
                        .and(PAIRING.END_DATE.isNull().or(PAIRING.END_DATE.ge(on))))
                .groupBy(PAIRING.HELPER_CADRE_ID, PAIRING.VILLAGE_ID)
                .having(visits.lt(min))
                .fetch(r -> new HelperShortfall(r.value1(), null, r.value2(), r.value3()));
    }

    /** A helper who went on too few visits to a paired household or contact village this year. */
    public record HelperShortfall(UUID cadreId, UUID householdId, UUID villageId, int visits) {
    }

    /** The households visited on a day in {@code from}..{@code to} (visits in use), from visit_date_idx. */
    public Set<UUID> householdsVisited(LocalDate from, LocalDate to) {
        return new HashSet<>(dsl.selectDistinct(VISIT.HOUSEHOLD_ID).from(VISIT)
                .where(VISIT.DELETED_AT.isNull().and(VISIT.VISIT_DATE.between(from, to))
                        .and(VISIT.HOUSEHOLD_ID.isNotNull()))
                .fetch(VISIT.HOUSEHOLD_ID));
    }

    /**
     * The last visit (in use, on or before {@code on}) of each of these households that has one. The dates are read
     * from visit_household_idx alone and the latest kept here: grouped in SQL, H2 walked the whole index in
     * household order instead of looking the households up.
     */
    public Map<UUID, LocalDate> lastVisits(Collection<UUID> householdIds, LocalDate on) {
        Map<UUID, LocalDate> out = new HashMap<>();
        List<UUID> ids = List.copyOf(householdIds);
        // The newest date per household computed in H2 (one row each, not every visit), the households joined as an
        // UNNEST of one array bind value: an IN list makes H2 compare each row with every value of the list.
        Field<LocalDate> last = DSL.max(VISIT.VISIT_DATE);
        for (int i = 0; i < ids.size(); i += BATCH) {
            org.jooq.Table<?> wanted = DSL.unnest(ids.subList(i, Math.min(ids.size(), i + BATCH))
                    .toArray(UUID[]::new)).as("wanted", "v");
            dsl.select(VISIT.HOUSEHOLD_ID, last).from(wanted)
                    .join(VISIT).on(VISIT.HOUSEHOLD_ID.eq(wanted.field("v", UUID.class)))
                    .where(VISIT.VISIT_DATE.le(on).and(VISIT.DELETED_AT.isNull()))
                    .groupBy(VISIT.HOUSEHOLD_ID)
                    .forEach(r -> out.put(r.value1(), r.value2()));
        }
        return out;
    }

    /** Visits per cadre and month of a year (visits in use), for the 走访台账: cadre → month (1-12) → count. */
    public Map<UUID, int[]> visitsByCadreAndMonth(int year, UUID villageId) {
        Field<Integer> month = DSL.month(VISIT_CADRE.VISIT_DATE);
        Condition c = VISIT_CADRE.DELETED_AT.isNull()
                .and(VISIT_CADRE.VISIT_DATE.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .and(hidden().visible(VISIT_CADRE.HOUSEHOLD_ID, VISIT_CADRE.VILLAGE_ID));
        if (villageId != null) {
            c = c.and(VISIT_CADRE.VILLAGE_ID.eq(villageId));
        }
        Map<UUID, int[]> out = new HashMap<>();
        dsl.select(VISIT_CADRE.CADRE_ID, month, DSL.count()).from(VISIT_CADRE).where(c)
                .groupBy(VISIT_CADRE.CADRE_ID, month)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new int[12])[r.value2() - 1] = r.value3());
        return out;
    }

    /**
     * Poor or monitored households in use: id → village id, from household_poor_idx alone. Those of a village in
     * the recycle bin are left out (hidden with it, as their visits are).
     */
    public Map<UUID, UUID> poorHouseholds() {
        Set<UUID> villagesGone = hidden().villages();
        Map<UUID, UUID> out = new HashMap<>();
        dsl.select(HOUSEHOLD.ID, HOUSEHOLD.VILLAGE_ID).from(HOUSEHOLD)
                .where(HOUSEHOLD.DELETED_AT.isNull()
                        .and(HOUSEHOLD.CATEGORY.isNotNull().or(HOUSEHOLD.MONITORING_TYPE.isNotNull())))
                .forEach(r -> {
                    if (!villagesGone.contains(r.value2())) {
                        out.put(r.value1(), r.value2());
                    }
                });
        return out;
    }

    /** The cadres in the recycle bin (few): their pairings are hidden with them. */
    private Set<UUID> cadresInBin() {
        return new HashSet<>(dsl.select(CADRE.ID).from(CADRE).where(CADRE.DELETED_AT.isNotNull()).fetch(CADRE.ID));
    }

    /** A household's head and village, for messages. */
    public record HouseholdName(UUID id, String headName, UUID villageId, String villageName, String initials) {
    }

    public Map<UUID, HouseholdName> householdNames(Collection<UUID> ids) {
        Map<UUID, HouseholdName> out = new HashMap<>();
        List<UUID> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += BATCH) {
            dsl.select(HOUSEHOLD.ID, HOUSEHOLD.HEAD_NAME, HOUSEHOLD.VILLAGE_ID, VILLAGE.NAME, HOUSEHOLD.HEAD_INITIALS)
                    .from(HOUSEHOLD).join(VILLAGE).on(VILLAGE.ID.eq(HOUSEHOLD.VILLAGE_ID))
                    .where(HOUSEHOLD.ID.in(all.subList(i, Math.min(all.size(), i + BATCH))))
                    .forEach(r -> out.put(r.value1(), new HouseholdName(r.value1(), r.value2(), r.value3(), r.value4(),
                            r.value5())));
        }
        return out;
    }

    /** A cadre's name and phone, for whom to call. */
    public record CadreName(UUID id, String name, String phone) {
    }

    public Map<UUID, CadreName> cadreNames(Collection<UUID> ids) {
        Map<UUID, CadreName> out = new HashMap<>();
        List<UUID> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += BATCH) {
            dsl.select(CADRE.ID, CADRE.NAME, CADRE.PHONE).from(CADRE)
                    .where(CADRE.ID.in(all.subList(i, Math.min(all.size(), i + BATCH))))
                    .forEach(r -> out.put(r.value1(), new CadreName(r.value1(), r.value2(), r.value3())));
        }
        return out;
    }

    /** The cadres helping each of these households on the day (running pairings with a cadre in use). */
    public Map<UUID, List<UUID>> helpersOf(Collection<UUID> householdIds, LocalDate on) {
        Map<UUID, List<UUID>> out = new HashMap<>();
        List<UUID> all = List.copyOf(householdIds);
        for (int i = 0; i < all.size(); i += BATCH) {
            dsl.select(PAIRING.HOUSEHOLD_ID, PAIRING.HELPER_CADRE_ID).from(PAIRING)
                    .where(PAIRING.HOUSEHOLD_ID.in(all.subList(i, Math.min(all.size(), i + BATCH)))
                            .and(PAIRING.DELETED_AT.isNull()).and(PAIRING.HELPER_CADRE_ID.isNotNull())
                            .and(PAIRING.START_DATE.le(on))
                            .and(PAIRING.END_DATE.isNull().or(PAIRING.END_DATE.ge(on))))
                    .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        }
        return out;
    }

    // ---- bulk loading (demo data) ----

    /** The indexes of visit and visit_cadre (as V11 makes them), built once after a bulk load. */
    private static final List<String> INDEXES = List.of(
            "CREATE INDEX visit_date_idx ON visit (deleted_at, visit_date DESC, id DESC, kind, household_id)",
            "CREATE INDEX visit_village_idx ON visit (village_id, deleted_at, visit_date DESC, id DESC, kind)",
            "CREATE INDEX visit_household_idx ON visit (household_id, visit_date, deleted_at)",
            "CREATE INDEX visit_unit_idx ON visit (unit_id)",
            "CREATE INDEX visit_cadre_page_idx ON visit_cadre (cadre_id, deleted_at, visit_date DESC, visit_id DESC)",
            "CREATE INDEX visit_cadre_household_idx ON visit_cadre (cadre_id, household_id, visit_date, deleted_at)");
    /** Their foreign keys, which use them: dropped first, added back after them. */
    private static final List<String> FOREIGN_KEYS = List.of(
            "ALTER TABLE visit ADD CONSTRAINT visit_household_fk FOREIGN KEY (household_id) REFERENCES household (id)",
            "ALTER TABLE visit ADD CONSTRAINT visit_village_fk FOREIGN KEY (village_id) REFERENCES village (id)",
            "ALTER TABLE visit ADD CONSTRAINT visit_unit_fk FOREIGN KEY (unit_id) REFERENCES unit (id)",
            "ALTER TABLE visit_cadre ADD CONSTRAINT visit_cadre_visit_fk FOREIGN KEY (visit_id) REFERENCES visit (id)",
            "ALTER TABLE visit_cadre ADD CONSTRAINT visit_cadre_cadre_fk FOREIGN KEY (cadre_id) REFERENCES cadre (id)");

    /**
     * Drops the secondary indexes of visit and visit_cadre and the foreign keys that use them, for a bulk load
     * into empty tables: inserted row by row, every commit rewrote most pages of the indexes on random keys
     * (households, cadres).
     */
    public void dropIndexesForBulkLoad() {
        for (String fk : FOREIGN_KEYS) {
            String[] words = fk.split(" ");
            dsl.execute("ALTER TABLE " + words[2] + " DROP CONSTRAINT IF EXISTS " + words[5]);
        }
        for (String index : INDEXES) {
            dsl.execute("DROP INDEX IF EXISTS " + index.split(" ")[2]);
        }
    }

    /**
     * Builds the indexes again (H2 sorts the rows once per index) and adds the foreign keys back without checking
     * the rows already there ({@code NOCHECK}): the bulk load wrote ids it took from the ledger.
     */
    public void restoreIndexesAfterBulkLoad() {
        INDEXES.forEach(dsl::execute);
        for (String fk : FOREIGN_KEYS) {
            dsl.execute(fk + " NOCHECK");
        }
    }

    // ---- writing ----

    /**
     * Inserts visits already valid and carrying their ids (and their village), with their cadres: plain JDBC
     * batches on the connection of {@code dsl} (jOOQ's batch cost more per row to bind than H2 takes to store it).
     */
    public void insert(List<Visit> list, OffsetDateTime now) {
        dsl.connection(c -> {
            try (java.sql.PreparedStatement visits = c.prepareStatement(dsl.render(dsl.insertInto(VISIT,
                            VISIT.ID, VISIT.TARGET_KIND, VISIT.HOUSEHOLD_ID, VISIT.UNIT_ID, VISIT.VILLAGE_ID,
                            VISIT.VISIT_DATE, VISIT.KIND, VISIT.CADRE_ID, VISIT.CADRE_COUNT, VISIT.SEEN, VISIT.DONE,
                            VISIT.FOOD_CLOTHING, VISIT.COMPULSORY_EDUCATION, VISIT.BASIC_MEDICAL,
                            VISIT.HOUSING_SAFETY, VISIT.DRINKING_WATER, VISIT.CHECK_NOTE, VISIT.CREATED_AT,
                            VISIT.UPDATED_AT, VISIT.VERSION)
                    .values((UUID) null, null, null, null, null, null, null, null, null, null, null, null, null,
                            null, null, null, null, null, null, null)));
                 java.sql.PreparedStatement cadres = c.prepareStatement(dsl.render(dsl.insertInto(VISIT_CADRE,
                                 VISIT_CADRE.VISIT_ID, VISIT_CADRE.CADRE_ID, VISIT_CADRE.VISIT_DATE,
                                 VISIT_CADRE.HOUSEHOLD_ID, VISIT_CADRE.VILLAGE_ID)
                         .values((UUID) null, null, null, null, null)))) {
                int n = 0;
                for (Visit v : list) {
                    VisitCheck k = v.check();
                    visits.setObject(1, v.id());
                    visits.setString(2, v.target().name());
                    visits.setObject(3, v.householdId());
                    visits.setObject(4, v.unitId());
                    visits.setObject(5, v.villageId());
                    visits.setObject(6, v.date());
                    visits.setString(7, v.kind());
                    visits.setObject(8, v.mainCadreId());
                    visits.setInt(9, v.cadreIds().size());
                    visits.setString(10, v.seen());
                    visits.setString(11, v.done());
                    visits.setObject(12, k == null ? null : k.foodAndClothing(), java.sql.Types.BOOLEAN);
                    visits.setObject(13, k == null ? null : k.compulsoryEducation(), java.sql.Types.BOOLEAN);
                    visits.setObject(14, k == null ? null : k.basicMedical(), java.sql.Types.BOOLEAN);
                    visits.setObject(15, k == null ? null : k.housingSafety(), java.sql.Types.BOOLEAN);
                    visits.setObject(16, k == null ? null : k.drinkingWater(), java.sql.Types.BOOLEAN);
                    visits.setString(17, k == null ? null : k.note());
                    visits.setObject(18, now);
                    visits.setObject(19, now);
                    visits.setInt(20, 0);
                    visits.addBatch();
                    for (UUID cadre : v.cadreIds()) {
                        cadres.setObject(1, v.id());
                        cadres.setObject(2, cadre);
                        cadres.setObject(3, v.date());
                        cadres.setObject(4, v.householdId());
                        cadres.setObject(5, v.villageId());
                        cadres.addBatch();
                    }
                    if (++n % BATCH == 0) {
                        visits.executeBatch();
                        cadres.executeBatch();
                    }
                }
                visits.executeBatch();
                cadres.executeBatch();
            }
        });
    }

    private static void bindCadres(BatchBindStep cadres, Visit v) {
        for (UUID cadre : v.cadreIds()) {
            cadres.bind(v.id(), cadre, v.date(), v.householdId(), v.villageId());
        }
    }

    /** Saves an edited visit (and its cadres again), if nobody changed it since it was read. */
    public boolean update(Visit v, OffsetDateTime now) {
        VisitCheck k = v.check();
        int n = dsl.update(VISIT)
                .set(VISIT.TARGET_KIND, v.target().name())
                .set(VISIT.HOUSEHOLD_ID, v.householdId())
                .set(VISIT.UNIT_ID, v.unitId())
                .set(VISIT.VILLAGE_ID, v.villageId())
                .set(VISIT.VISIT_DATE, v.date())
                .set(VISIT.KIND, v.kind())
                .set(VISIT.CADRE_ID, v.mainCadreId())
                .set(VISIT.CADRE_COUNT, v.cadreIds().size())
                .set(VISIT.SEEN, v.seen())
                .set(VISIT.DONE, v.done())
                .set(VISIT.FOOD_CLOTHING, k == null ? null : k.foodAndClothing())
                .set(VISIT.COMPULSORY_EDUCATION, k == null ? null : k.compulsoryEducation())
                .set(VISIT.BASIC_MEDICAL, k == null ? null : k.basicMedical())
                .set(VISIT.HOUSING_SAFETY, k == null ? null : k.housingSafety())
                .set(VISIT.DRINKING_WATER, k == null ? null : k.drinkingWater())
                .set(VISIT.CHECK_NOTE, k == null ? null : k.note())
                .set(VISIT.UPDATED_AT, now)
                .set(VISIT.VERSION, VISIT.VERSION.plus(1))
                .where(VISIT.ID.eq(v.id()).and(VISIT.VERSION.eq(v.version())).and(VISIT.DELETED_AT.isNull()))
                .execute();
        if (n != 1) {
            return false;
        }
        dsl.deleteFrom(VISIT_CADRE).where(VISIT_CADRE.VISIT_ID.eq(v.id())).execute();
        BatchBindStep cadres = dsl.batch(dsl.insertInto(VISIT_CADRE, VISIT_CADRE.VISIT_ID, VISIT_CADRE.CADRE_ID,
                        VISIT_CADRE.VISIT_DATE, VISIT_CADRE.HOUSEHOLD_ID, VISIT_CADRE.VILLAGE_ID)
                .values((UUID) null, null, null, null, null));
        bindCadres(cadres, v);
        cadres.execute();
        return true;
    }

    /** Moves a visit to the recycle bin (its cadres' rows are marked too), if nobody changed it since. */
    public boolean remove(UUID id, int version, OffsetDateTime now) {
        int n = dsl.update(VISIT).set(VISIT.DELETED_AT, now).set(VISIT.VERSION, VISIT.VERSION.plus(1))
                .where(VISIT.ID.eq(id).and(VISIT.VERSION.eq(version)).and(VISIT.DELETED_AT.isNull()))
                .execute();
        if (n == 1) {
            dsl.update(VISIT_CADRE).set(VISIT_CADRE.DELETED_AT, now).where(VISIT_CADRE.VISIT_ID.eq(id)).execute();
        }
        return n == 1;
    }

    /** Brings a visit back from the recycle bin. */
    public boolean restore(UUID id, OffsetDateTime now) {
        int n = dsl.update(VISIT).setNull(VISIT.DELETED_AT).set(VISIT.UPDATED_AT, now)
                .set(VISIT.VERSION, VISIT.VERSION.plus(1))
                .where(VISIT.ID.eq(id).and(VISIT.DELETED_AT.isNotNull())).execute();
        if (n == 1) {
            dsl.update(VISIT_CADRE).setNull(VISIT_CADRE.DELETED_AT).where(VISIT_CADRE.VISIT_ID.eq(id)).execute();
        }
        return n == 1;
    }

    /** Visits in the recycle bin, latest removed first. */
    public List<Visit> visitsInBin() {
        return visitsInBinWithTimes().stream().map(VisitInBin::visit).toList();
    }

    /** Visits in the recycle bin with the time each was removed, latest removed first. */
    public List<VisitInBin> visitsInBinWithTimes() {
        Map<UUID, OffsetDateTime> removed = new LinkedHashMap<>();
        dsl.select(VISIT.ID, VISIT.DELETED_AT).from(VISIT).where(VISIT.DELETED_AT.ge(LONG_AGO))
                .orderBy(VISIT.DELETED_AT.desc()).forEach(r -> removed.put(r.value1(), r.value2()));
        return visits(List.copyOf(removed.keySet())).stream().map(v -> new VisitInBin(v, removed.get(v.id())))
                .toList();
    }

    /** A visit in the recycle bin by id. */
    public Optional<VisitInBin> visitInBin(UUID id) {
        OffsetDateTime removed = dsl.select(VISIT.DELETED_AT).from(VISIT)
                .where(VISIT.ID.eq(id).and(VISIT.DELETED_AT.isNotNull())).fetchOne(VISIT.DELETED_AT);
        return removed == null ? Optional.empty()
                : visits(List.of(id)).stream().findFirst().map(v -> new VisitInBin(v, removed));
    }

    /**
     * Deletes a visit in the recycle bin for good with its cadres' rows and the problems raised on it (those
     * removed on their own before too). Run it in a transaction.
     *
     * @return false when the visit is not in the bin (nothing deleted)
     */
    public boolean purge(UUID id) {
        if (!dsl.fetchExists(VISIT, VISIT.ID.eq(id).and(VISIT.DELETED_AT.isNotNull()))) {
            return false;
        }
        dsl.deleteFrom(PROBLEM).where(PROBLEM.VISIT_ID.eq(id)).execute();
        dsl.deleteFrom(VISIT_CADRE).where(VISIT_CADRE.VISIT_ID.eq(id)).execute();
        return dsl.deleteFrom(VISIT).where(VISIT.ID.eq(id)).execute() == 1;
    }
}
