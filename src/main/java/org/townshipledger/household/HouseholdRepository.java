package org.townshipledger.household;

import static org.townshipledger.db.jooq.Tables.HELP_ITEM;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_CHECK;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_INCOME;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_MEMBER;
import static org.townshipledger.db.jooq.Tables.PAIRING;
import static org.townshipledger.db.jooq.Tables.PROBLEM;
import static org.townshipledger.db.jooq.Tables.VILLAGE;
import static org.townshipledger.db.jooq.Tables.VILLAGE_GROUP;
import static org.townshipledger.db.jooq.Tables.VISIT;
import static org.townshipledger.db.jooq.Tables.VISIT_CADRE;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.townshipledger.common.Ids;
import org.townshipledger.common.Page;
import org.townshipledger.common.Pinyin;
import org.townshipledger.common.Sex;
import org.townshipledger.db.jooq.tables.records.HouseholdMemberRecord;
import org.townshipledger.db.jooq.tables.records.HouseholdRecord;

/** Households, members, yearly checks and incomes in the ledger. Lists are paged in SQL. */
public final class HouseholdRepository {

    /** Above this many, ID look-ups fetch in slices (a very long IN list is slow to parse). */
    private static final int IN_LIST_SLICE = 1000;

    private final DSLContext dsl;

    public HouseholdRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public HouseholdRepository with(DSLContext ctx) {
        return new HouseholdRepository(ctx);
    }

    // ---- the list ----

    /** The list's order: the head's pinyin initials, then name. */
    private static final List<SortField<?>> LIST_ORDER = List.of(HOUSEHOLD.HEAD_INITIALS.asc(),
            HOUSEHOLD.HEAD_NAME.asc(), HOUSEHOLD.ID.asc());

    /**
     * The same order with {@code deleted_at} first, which is null for every household listed: the order of
     * household_page_idx from its first column, so that H2 walks that index instead of sorting, and reads names,
     * statuses and search texts from it without touching the rows (V3__household_list_index.sql). Not for a
     * village or an ID tail: an index that finds those few households directly is faster.
     */
    private static final List<SortField<?>> PAGE_INDEX_ORDER = List.of(HOUSEHOLD.DELETED_AT.asc(),
            HOUSEHOLD.HEAD_INITIALS.asc(), HOUSEHOLD.HEAD_NAME.asc(), HOUSEHOLD.ID.asc());

    /**
     * One page of households in use matching {@code q}, in pinyin order of the head's name. The page's ids are
     * found first (from the indexes alone where they can be), then only those rows are read with their village.
     */
    public Page<HouseholdRow> search(HouseholdQuery q, int offset, int limit) {
        List<UUID> villagesInBin = villagesInBin();
        Condition where = conditionOf(q).and(notInVillages(villagesInBin));
        List<SortField<?>> order = q.villageId() == null && !isIdTail(normalizedText(q)) ? PAGE_INDEX_ORDER
                : LIST_ORDER;
        List<UUID> ids;
        int total;
        if (hasText(q)) {
            // A search finds few households: one pass finds them all in order, and their number is the total.
            List<UUID> all = dsl.select(HOUSEHOLD.ID).from(HOUSEHOLD).where(where).orderBy(order)
                    .fetch(HOUSEHOLD.ID);
            total = all.size();
            ids = all.subList(Math.min(offset, total), Math.min(total, offset + limit));
        } else {
            total = q.equals(HouseholdQuery.all()) ? countActive() : dsl.fetchCount(HOUSEHOLD, where);
            ids = dsl.select(HOUSEHOLD.ID).from(HOUSEHOLD).where(where).orderBy(order)
                    .offset(offset).limit(limit).fetch(HOUSEHOLD.ID);
        }
        Map<UUID, HouseholdRow> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            dsl.select(HOUSEHOLD.ID, VILLAGE.NAME, VILLAGE_GROUP.NAME, HOUSEHOLD.HEAD_NAME,
                            HOUSEHOLD.HEAD_ID_NUMBER, HOUSEHOLD.MEMBER_COUNT, HOUSEHOLD.CATEGORY, HOUSEHOLD.POVERTY_STATUS,
                            HOUSEHOLD.EXIT_YEAR, HOUSEHOLD.MONITORING_TYPE, HOUSEHOLD.PHONE)
                    .from(HOUSEHOLD)
                    .join(VILLAGE).on(VILLAGE.ID.eq(HOUSEHOLD.VILLAGE_ID))
                    .leftJoin(VILLAGE_GROUP).on(VILLAGE_GROUP.ID.eq(HOUSEHOLD.GROUP_ID))
                    .where(HOUSEHOLD.ID.in(ids))
                    .forEach(r -> byId.put(r.value1(), new HouseholdRow(r.value1(), r.value2(), r.value3(), r.value4(),
                            r.value5(), r.value6(), code(HouseholdCategory.class, r.value7()),
                            code(PovertyStatus.class, r.value8()), r.value9(), code(MonitoringType.class, r.value10()),
                            r.value11())));
        }
        List<HouseholdRow> rows = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return new Page<>(rows, offset, total);
    }

    private static String normalizedText(HouseholdQuery q) {
        return q.text() == null ? "" : q.text().strip().toLowerCase(Locale.ROOT);
    }

    /** Three digits or more, or digits and a final X: the last characters of an ID number. */
    private static boolean isIdTail(String text) {
        return text.matches("[0-9]{3,17}[0-9x]?|[0-9]+x");
    }

    private static boolean hasText(HouseholdQuery q) {
        return q.text() != null && !q.text().isBlank();
    }

    /**
     * The villages in the recycle bin (usually none). Their households wait there with them: hidden from the list
     * and the export, back when the village is restored, without a write to each household.
     */
    private List<UUID> villagesInBin() {
        return dsl.select(VILLAGE.ID).from(VILLAGE).where(VILLAGE.DELETED_AT.isNotNull()).fetch(VILLAGE.ID);
    }

    private static Condition notInVillages(List<UUID> villages) {
        return villages.isEmpty() ? DSL.noCondition() : HOUSEHOLD.VILLAGE_ID.notIn(villages);
    }

    private Condition conditionOf(HouseholdQuery q) {
        Condition c = HOUSEHOLD.DELETED_AT.isNull();
        if (q.villageId() != null) {
            c = c.and(HOUSEHOLD.VILLAGE_ID.eq(q.villageId()));
        }
        if (q.groupId() != null) {
            c = c.and(HOUSEHOLD.GROUP_ID.eq(q.groupId()));
        }
        if (q.category() != null) {
            c = c.and(HOUSEHOLD.CATEGORY.eq(q.category().name()));
        }
        if (q.status() != null) {
            c = c.and(HOUSEHOLD.POVERTY_STATUS.eq(q.status().name()));
        }
        if (q.monitoringType() != null) {
            c = c.and(HOUSEHOLD.MONITORING_TYPE.eq(q.monitoringType().name()));
        }
        String text = normalizedText(q);
        if (!text.isEmpty()) {
            c = c.and(textCondition(text));
        }
        return c;
    }

    /**
     * The tail of an ID ({@link #isIdTail}) is a range on the reversed ID, which its index serves. Anything else is part of a name or of pinyin initials, found in the household's search text
     * (POSITION, not LIKE: H2 would build a LIKE pattern from a bound value again for every row).
     */
    private static Condition textCondition(String text) {
        if (isIdTail(text)) {
            // The characters after a tail are digits, so the reversed IDs that start with it sort below it + ":".
            String reversedTail = new StringBuilder(text.toUpperCase(Locale.ROOT)).reverse().toString();
            return HOUSEHOLD.ID.in(DSL.select(HOUSEHOLD_MEMBER.HOUSEHOLD_ID).from(HOUSEHOLD_MEMBER)
                    .where(HOUSEHOLD_MEMBER.ID_REVERSED.ge(reversedTail)
                            .and(HOUSEHOLD_MEMBER.ID_REVERSED.lt(reversedTail + ":"))
                            .and(HOUSEHOLD_MEMBER.DELETED_AT.isNull())));
        }
        return DSL.position(HOUSEHOLD.SEARCH_TEXT, DSL.val(text)).gt(0);
    }

    // ---- one household ----

    public Optional<Household> findById(UUID id) {
        Record r = dsl.select(HOUSEHOLD.fields()).select(VILLAGE.NAME, VILLAGE_GROUP.NAME)
                .from(HOUSEHOLD)
                .join(VILLAGE).on(VILLAGE.ID.eq(HOUSEHOLD.VILLAGE_ID))
                .leftJoin(VILLAGE_GROUP).on(VILLAGE_GROUP.ID.eq(HOUSEHOLD.GROUP_ID))
                .where(HOUSEHOLD.ID.eq(id))
                .fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        HouseholdRecord h = r.into(HOUSEHOLD);
        List<Member> members = dsl.selectFrom(HOUSEHOLD_MEMBER)
                .where(HOUSEHOLD_MEMBER.HOUSEHOLD_ID.eq(id).and(HOUSEHOLD_MEMBER.DELETED_AT.isNull()))
                .orderBy(HOUSEHOLD_MEMBER.SORT_ORDER)
                .fetch(HouseholdRepository::member);
        return Optional.of(household(h, r.get(VILLAGE.NAME), r.get(VILLAGE_GROUP.NAME), members));
    }

    /**
     * Households in use by their head's ID number (import: the same head means the same household). Found through
     * the members' reversed IDs, whose index the holders look-up uses too (V6__import_speed.sql, V10): a household's
     * head_id_number is always the ID of its head, one of its members in use.
     */
    public Map<String, UUID> householdIdsByHeadId(Collection<String> headIds) {
        Map<String, UUID> found = new HashMap<>();
        List<String> reversed = headIds.stream().map(HouseholdRepository::reversed).toList();
        forSlices(reversed, slice -> {
            Wanted<String> wanted = wanted(slice, String[]::new);
            dsl.select(HOUSEHOLD.HEAD_ID_NUMBER, HOUSEHOLD.ID)
                    .from(wanted.table())
                    .join(HOUSEHOLD_MEMBER).on(HOUSEHOLD_MEMBER.ID_REVERSED.eq(wanted.value(String.class)))
                    .join(HOUSEHOLD).on(HOUSEHOLD.ID.eq(HOUSEHOLD_MEMBER.HOUSEHOLD_ID))
                    .where(HOUSEHOLD_MEMBER.DELETED_AT.isNull()
                            .and(HOUSEHOLD.HEAD_ID_NUMBER.eq(HOUSEHOLD_MEMBER.ID_NUMBER))
                            .and(HOUSEHOLD.DELETED_AT.isNull()))
                    .forEach(r -> found.put(r.value1(), r.value2()));
        });
        return found;
    }

    /**
     * Who holds each of {@code idNumbers} among members in use: ID number → the member's id and a description
     * ("大石村 张三家：张小明") for messages.
     */
    public Map<String, Holder> holders(Collection<String> idNumbers) {
        Map<String, Holder> found = new HashMap<>();
        // By the reversed number: its index is the only one on the member's ID (V6__import_speed.sql).
        List<String> reversed = idNumbers.stream().map(HouseholdRepository::reversed).toList();
        forSlices(reversed, slice -> {
            Wanted<String> wanted = wanted(slice, String[]::new);
            dsl.select(HOUSEHOLD_MEMBER.ID_NUMBER, HOUSEHOLD_MEMBER.ID, HOUSEHOLD_MEMBER.HOUSEHOLD_ID,
                            HOUSEHOLD_MEMBER.NAME, HOUSEHOLD.HEAD_NAME, VILLAGE.NAME)
                    .from(wanted.table())
                    .join(HOUSEHOLD_MEMBER).on(HOUSEHOLD_MEMBER.ID_REVERSED.eq(wanted.value(String.class)))
                    .join(HOUSEHOLD).on(HOUSEHOLD.ID.eq(HOUSEHOLD_MEMBER.HOUSEHOLD_ID))
                    .join(VILLAGE).on(VILLAGE.ID.eq(HOUSEHOLD.VILLAGE_ID))
                    .where(HOUSEHOLD_MEMBER.DELETED_AT.isNull().and(HOUSEHOLD.DELETED_AT.isNull()))
                    .forEach(r -> found.put(r.value1(), new Holder(r.value2(), r.value3(), r.value4(), r.value5(),
                            r.value6())));
        });
        return found;
    }

    /** A member in use who holds an ID number, as {@link #holders} finds them. */
    public record Holder(UUID memberId, UUID householdId, String name, String headName, String villageName) {
    }

    /**
     * Values to look up many at a time, as a one-column table to join: UNNEST of one array bind value. H2 then looks
     * each value up in the index of the column it is joined to. An IN list of as many bind values makes H2 compare
     * each row found with every value of the list again (4,000 reversed IDs: 170-330 ms instead of 20-30 ms), and
     * a list of literals has it parse thousands of terms per query.
     */
    record Wanted<T>(org.jooq.Table<?> table) {
        org.jooq.Field<T> value(Class<T> type) {
            return table.field("v", type);
        }
    }

    /** The distinct {@code values} as a {@link Wanted} table. */
    static <T> Wanted<T> wanted(Collection<T> values, java.util.function.IntFunction<T[]> array) {
        return new Wanted<>(DSL.unnest(new java.util.LinkedHashSet<>(values).toArray(array)).as("wanted", "v"));
    }

    private static void forSlices(Collection<String> values, java.util.function.Consumer<List<String>> action) {
        List<String> all = new ArrayList<>(values);
        for (int i = 0; i < all.size(); i += IN_LIST_SLICE) {
            action.accept(all.subList(i, Math.min(all.size(), i + IN_LIST_SLICE)));
        }
    }

    /**
     * Households in use with their members, by id, for many at a time (import, export): one query per slice of
     * ids for the households and one for their members.
     */
    public Map<UUID, Household> findAllById(Collection<UUID> ids) {
        Map<UUID, Household> found = new HashMap<>();
        List<UUID> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += IN_LIST_SLICE) {
            List<UUID> slice = all.subList(i, Math.min(all.size(), i + IN_LIST_SLICE));
            Map<UUID, List<Member>> members = new HashMap<>();
            Wanted<UUID> wanted = wanted(slice, UUID[]::new);
            dsl.select(HOUSEHOLD_MEMBER.fields())
                    .from(wanted.table())
                    .join(HOUSEHOLD_MEMBER).on(HOUSEHOLD_MEMBER.HOUSEHOLD_ID.eq(wanted.value(UUID.class)))
                    .where(HOUSEHOLD_MEMBER.DELETED_AT.isNull())
                    .orderBy(HOUSEHOLD_MEMBER.HOUSEHOLD_ID, HOUSEHOLD_MEMBER.SORT_ORDER)
                    .forEach(r -> {
                        HouseholdMemberRecord m = r.into(HOUSEHOLD_MEMBER);
                        members.computeIfAbsent(m.getHouseholdId(), k -> new ArrayList<>()).add(member(m));
                    });
            dsl.select(HOUSEHOLD.fields()).select(VILLAGE.NAME, VILLAGE_GROUP.NAME)
                    .from(wanted.table())
                    .join(HOUSEHOLD).on(HOUSEHOLD.ID.eq(wanted.value(UUID.class)))
                    .join(VILLAGE).on(VILLAGE.ID.eq(HOUSEHOLD.VILLAGE_ID))
                    .leftJoin(VILLAGE_GROUP).on(VILLAGE_GROUP.ID.eq(HOUSEHOLD.GROUP_ID))
                    .where(HOUSEHOLD.DELETED_AT.isNull())
                    .forEach(r -> {
                        HouseholdRecord h = r.into(HOUSEHOLD);
                        found.put(h.getId(), household(h, r.get(VILLAGE.NAME), r.get(VILLAGE_GROUP.NAME),
                                members.getOrDefault(h.getId(), List.of())));
                    });
        }
        return found;
    }

    /**
     * Households in use by their 户编号, with their village (import: a household whose head changed is still found
     * by its number within its village). Several households may share a number (an office's own numbering).
     */
    public Map<String, List<Numbered>> householdsByNo(Collection<String> householdNos) {
        Map<String, List<Numbered>> found = new HashMap<>();
        forSlices(householdNos, slice -> dsl.select(HOUSEHOLD.HOUSEHOLD_NO, HOUSEHOLD.ID, HOUSEHOLD.VILLAGE_ID)
                .from(HOUSEHOLD)
                .where(HOUSEHOLD.HOUSEHOLD_NO.in(slice).and(HOUSEHOLD.DELETED_AT.isNull()))
                .orderBy(HOUSEHOLD.ID)
                .forEach(r -> found.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new Numbered(r.value2(), r.value3()))));
        return found;
    }

    /** A household found by its 户编号. */
    public record Numbered(UUID id, UUID villageId) {
    }

    /**
     * The ids of the households in use, optionally of one village, in the order of printed lists: village (pinyin),
     * group, head (pinyin). The export reads the households themselves a slice at a time.
     */
    public List<UUID> idsInListOrder(UUID villageId) {
        Condition where = HOUSEHOLD.DELETED_AT.isNull().and(VILLAGE.DELETED_AT.isNull());
        if (villageId != null) {
            where = where.and(HOUSEHOLD.VILLAGE_ID.eq(villageId));
        }
        return dsl.select(HOUSEHOLD.ID)
                .from(HOUSEHOLD)
                .join(VILLAGE).on(VILLAGE.ID.eq(HOUSEHOLD.VILLAGE_ID))
                .leftJoin(VILLAGE_GROUP).on(VILLAGE_GROUP.ID.eq(HOUSEHOLD.GROUP_ID))
                .where(where)
                .orderBy(VILLAGE.NAME_INITIALS, VILLAGE.NAME, VILLAGE.ID, VILLAGE_GROUP.SORT_ORDER.asc().nullsFirst(),
                        HOUSEHOLD.HEAD_INITIALS, HOUSEHOLD.HEAD_NAME, HOUSEHOLD.ID)
                .fetch(HOUSEHOLD.ID);
    }

    /** The incomes of many households for one year. */
    public Map<UUID, Income> incomesOf(Collection<UUID> householdIds, int year) {
        Map<UUID, Income> found = new HashMap<>();
        List<UUID> all = new ArrayList<>(householdIds);
        for (int i = 0; i < all.size(); i += IN_LIST_SLICE) {
            dsl.selectFrom(HOUSEHOLD_INCOME)
                    .where(HOUSEHOLD_INCOME.HOUSEHOLD_ID.in(all.subList(i, Math.min(all.size(), i + IN_LIST_SLICE)))
                            .and(HOUSEHOLD_INCOME.INCOME_YEAR.eq(year)))
                    .forEach(r -> found.put(r.getHouseholdId(), new Income(r.getIncomeYear(), r.getPerCapitaIncome())));
        }
        return found;
    }

    // ---- writing ----

    /**
     * Inserts households (ids already made) with their members, in JDBC batches ({@link HouseholdBulkRepository});
     * for many at a time, use that class for the whole transaction.
     */
    public void insertAll(List<Household> households, OffsetDateTime now) {
        try (HouseholdBulkRepository bulk = new HouseholdBulkRepository(dsl)) {
            bulk.insert(households, now);
        }
    }

    /**
     * Inserts records through one prepared statement, executed in batches of 2,000 rows. The SQL is rendered once by
     * jOOQ and the values bound with plain JDBC: jOOQ's batchInsert(records) renders every record, and even its
     * batch binding costs more per row than H2 takes to store it.
     */
    private <R extends org.jooq.TableRecord<R>> void batchInsert(List<R> records) {
        if (records.isEmpty()) {
            return;
        }
        org.jooq.Table<R> table = records.get(0).getTable();
        org.jooq.Field<?>[] fields = table.fields();
        String sql = dsl.render(dsl.insertInto(table).columns(fields).values(new Object[fields.length]));
        dsl.connection(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement(sql)) {
                int pending = 0;
                for (R r : records) {
                    for (int i = 0; i < fields.length; i++) {
                        insert.setObject(i + 1, r.get(i));
                    }
                    insert.addBatch();
                    if (++pending == 2000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    /**
     * Updates a household and its members if nobody changed it since {@code h.version()} was read. Members keep
     * their ids; a member no longer listed goes to the recycle bin.
     *
     * @return false when the household was changed or deleted meanwhile (nothing written)
     */
    public boolean update(Household h, OffsetDateTime now) {
        HouseholdRecord r = dsl.newRecord(HOUSEHOLD);
        fill(r, h);
        int rows = dsl.update(HOUSEHOLD)
                .set(r)
                .set(HOUSEHOLD.UPDATED_AT, now)
                .set(HOUSEHOLD.VERSION, HOUSEHOLD.VERSION.plus(1))
                .where(HOUSEHOLD.ID.eq(h.id()).and(HOUSEHOLD.VERSION.eq(h.version())).and(HOUSEHOLD.DELETED_AT.isNull()))
                .execute();
        if (rows == 0) {
            return false;
        }
        Map<UUID, HouseholdMemberRecord> existing = new HashMap<>();
        dsl.selectFrom(HOUSEHOLD_MEMBER)
                .where(HOUSEHOLD_MEMBER.HOUSEHOLD_ID.eq(h.id()).and(HOUSEHOLD_MEMBER.DELETED_AT.isNull()))
                .forEach(m -> existing.put(m.getId(), m));
        List<HouseholdMemberRecord> inserts = new ArrayList<>();
        for (int i = 0; i < h.members().size(); i++) {
            Member m = h.members().get(i);
            existing.remove(m.id());
            HouseholdMemberRecord fresh = memberRecord(h.id(), m, i, now);
            fresh.changed(HOUSEHOLD_MEMBER.CREATED_AT, false);
            fresh.changed(HOUSEHOLD_MEMBER.VERSION, false);
            fresh.setDeletedAt(null);
            // A member with an id is updated where it is, even in another household: that is a move.
            int updated = m.id() == null ? 0 : dsl.update(HOUSEHOLD_MEMBER).set(fresh)
                    .set(HOUSEHOLD_MEMBER.VERSION, HOUSEHOLD_MEMBER.VERSION.plus(1))
                    .where(HOUSEHOLD_MEMBER.ID.eq(m.id()))
                    .execute();
            if (updated == 0) {
                inserts.add(memberRecord(h.id(), m, i, now));
            }
        }
        batchInsert(inserts);
        if (!existing.isEmpty()) {
            dsl.update(HOUSEHOLD_MEMBER)
                    .set(HOUSEHOLD_MEMBER.DELETED_AT, now)
                    .set(HOUSEHOLD_MEMBER.UPDATED_AT, now)
                    .where(HOUSEHOLD_MEMBER.ID.in(existing.keySet()))
                    .execute();
        }
        return true;
    }

    /** The household's current version, or empty when it is gone or in the recycle bin. */
    public Optional<Integer> currentVersion(UUID id) {
        return dsl.select(HOUSEHOLD.VERSION).from(HOUSEHOLD)
                .where(HOUSEHOLD.ID.eq(id).and(HOUSEHOLD.DELETED_AT.isNull()))
                .fetchOptional(HOUSEHOLD.VERSION);
    }

    public boolean moveToBin(UUID id, int version, OffsetDateTime now) {
        return dsl.update(HOUSEHOLD)
                .set(HOUSEHOLD.DELETED_AT, now)
                .set(HOUSEHOLD.UPDATED_AT, now)
                .set(HOUSEHOLD.VERSION, HOUSEHOLD.VERSION.plus(1))
                .where(HOUSEHOLD.ID.eq(id).and(HOUSEHOLD.VERSION.eq(version)).and(HOUSEHOLD.DELETED_AT.isNull()))
                .execute() == 1;
    }

    public boolean restoreFromBin(UUID id, OffsetDateTime now) {
        return dsl.update(HOUSEHOLD)
                .set(HOUSEHOLD.DELETED_AT, (OffsetDateTime) null)
                .set(HOUSEHOLD.UPDATED_AT, now)
                .set(HOUSEHOLD.VERSION, HOUSEHOLD.VERSION.plus(1))
                .where(HOUSEHOLD.ID.eq(id).and(HOUSEHOLD.DELETED_AT.isNotNull()))
                .execute() == 1;
    }

    /**
     * Deletes a household in the recycle bin for good with its members, checks, incomes, the pairings with it
     * or with its students, its visits (with their cadres' rows and the problems raised on them), the problems it
     * raised and the help it was given. Run it in a transaction.
     *
     * @return false when the household is not in the bin (nothing deleted)
     */
    public boolean purge(UUID id) {
        if (!dsl.fetchExists(HOUSEHOLD, HOUSEHOLD.ID.eq(id).and(HOUSEHOLD.DELETED_AT.isNotNull()))) {
            return false;
        }
        purgeVisitsOf(dsl, List.of(id));
        var members = dsl.select(HOUSEHOLD_MEMBER.ID).from(HOUSEHOLD_MEMBER).where(HOUSEHOLD_MEMBER.HOUSEHOLD_ID.eq(id));
        dsl.deleteFrom(PAIRING).where(PAIRING.HOUSEHOLD_ID.eq(id).or(PAIRING.MEMBER_ID.in(members))).execute();
        dsl.deleteFrom(HOUSEHOLD_CHECK).where(HOUSEHOLD_CHECK.HOUSEHOLD_ID.eq(id)).execute();
        dsl.deleteFrom(HOUSEHOLD_INCOME).where(HOUSEHOLD_INCOME.HOUSEHOLD_ID.eq(id)).execute();
        dsl.deleteFrom(HOUSEHOLD_MEMBER).where(HOUSEHOLD_MEMBER.HOUSEHOLD_ID.eq(id)).execute();
        return dsl.deleteFrom(HOUSEHOLD).where(HOUSEHOLD.ID.eq(id)).execute() == 1;
    }

    /**
     * Deletes for good the visits of these households (with their cadres' rows and the problems raised on them),
     * the problems they raised and the help they were given, in the bin or not: a purge of the households (or of
     * their village) takes them along. Run it in a transaction.
     */
    static void purgeVisitsOf(DSLContext dsl, List<UUID> householdIds) {
        for (int i = 0; i < householdIds.size(); i += 1000) {
            List<UUID> households = householdIds.subList(i, Math.min(householdIds.size(), i + 1000));
            List<UUID> visits = dsl.select(VISIT.ID).from(VISIT).where(VISIT.HOUSEHOLD_ID.in(households))
                    .fetch(VISIT.ID);
            for (int j = 0; j < visits.size(); j += 1000) {
                List<UUID> slice = visits.subList(j, Math.min(visits.size(), j + 1000));
                dsl.deleteFrom(PROBLEM).where(PROBLEM.VISIT_ID.in(slice)).execute();
                dsl.deleteFrom(VISIT_CADRE).where(VISIT_CADRE.VISIT_ID.in(slice)).execute();
                dsl.deleteFrom(VISIT).where(VISIT.ID.in(slice)).execute();
            }
            dsl.deleteFrom(PROBLEM).where(PROBLEM.HOUSEHOLD_ID.in(households)).execute();
            dsl.deleteFrom(HELP_ITEM).where(HELP_ITEM.HOUSEHOLD_ID.in(households)).execute();
        }
    }

    /** Households in the recycle bin, latest first. */
    public List<HouseholdRow> findDeleted() {
        return findDeletedWithTimes().stream().map(HouseholdInBin::row).toList();
    }

    /** Households in the recycle bin with the time each was deleted, latest first. */
    public List<HouseholdInBin> findDeletedWithTimes() {
        return dsl.select(HOUSEHOLD.ID, VILLAGE.NAME, VILLAGE_GROUP.NAME, HOUSEHOLD.HEAD_NAME,
                        HOUSEHOLD.HEAD_ID_NUMBER, HOUSEHOLD.MEMBER_COUNT, HOUSEHOLD.CATEGORY, HOUSEHOLD.POVERTY_STATUS,
                        HOUSEHOLD.EXIT_YEAR, HOUSEHOLD.MONITORING_TYPE, HOUSEHOLD.PHONE, HOUSEHOLD.DELETED_AT)
                .from(HOUSEHOLD)
                .join(VILLAGE).on(VILLAGE.ID.eq(HOUSEHOLD.VILLAGE_ID))
                .leftJoin(VILLAGE_GROUP).on(VILLAGE_GROUP.ID.eq(HOUSEHOLD.GROUP_ID))
                .where(HOUSEHOLD.DELETED_AT.isNotNull())
                .orderBy(HOUSEHOLD.DELETED_AT.desc())
                .fetch(r -> new HouseholdInBin(new HouseholdRow(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6(), code(HouseholdCategory.class, r.value7()),
                        code(PovertyStatus.class, r.value8()), r.value9(), code(MonitoringType.class, r.value10()),
                        r.value11()), r.value12()));
    }

    /**
     * Households in use: all rows less those in the recycle bin, and less those of a village in the bin. H2 knows a
     * table's row count, and the bin's rows are a range of household_page_idx, so nothing is read row by row (a
     * plain "deleted_at IS NULL" count reads the whole index: 70 ms on 100,000 households).
     */
    public int countActive() {
        int inUse = dsl.fetchCount(HOUSEHOLD) - dsl.fetchCount(HOUSEHOLD, HOUSEHOLD.DELETED_AT.gt(LONG_AGO));
        List<UUID> villagesInBin = villagesInBin();
        return villagesInBin.isEmpty() ? inUse : inUse - dsl.fetchCount(HOUSEHOLD,
                HOUSEHOLD.DELETED_AT.isNull().and(HOUSEHOLD.VILLAGE_ID.in(villagesInBin)));
    }

    /** Before any deletion: "deleted_at &gt; LONG_AGO" is "in the recycle bin" as an index range. */
    private static final OffsetDateTime LONG_AGO = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC);

    /**
     * Members in use of households in use (not of a village in the bin). Read from the households' member counts, which every write of a household
     * keeps (a join of 400,000 members to their households takes seconds on a county ledger).
     */
    public int countActiveMembers() {
        Number sum = dsl.select(DSL.sum(HOUSEHOLD.MEMBER_COUNT)).from(HOUSEHOLD)
                .where(HOUSEHOLD.DELETED_AT.isNull().and(notInVillages(villagesInBin())))
                .fetchOne(0, Number.class);
        return sum == null ? 0 : sum.intValue();
    }

    // ---- yearly facts ----

    public List<HouseholdCheck> checks(UUID householdId) {
        return dsl.selectFrom(HOUSEHOLD_CHECK).where(HOUSEHOLD_CHECK.HOUSEHOLD_ID.eq(householdId))
                .orderBy(HOUSEHOLD_CHECK.CHECK_YEAR.desc())
                .fetch(c -> new HouseholdCheck(c.getCheckYear(), c.getFoodClothing(), c.getCompulsoryEducation(),
                        c.getBasicMedical(), c.getHousingSafety(), c.getDrinkingWater(), c.getNote(), c.getVerifiedOn()));
    }

    /** The checks of many households for one year (the export, the printouts). */
    public Map<UUID, HouseholdCheck> checksOf(Collection<UUID> householdIds, int year) {
        Map<UUID, HouseholdCheck> found = new HashMap<>();
        List<UUID> all = new ArrayList<>(householdIds);
        for (int i = 0; i < all.size(); i += IN_LIST_SLICE) {
            dsl.selectFrom(HOUSEHOLD_CHECK)
                    .where(HOUSEHOLD_CHECK.HOUSEHOLD_ID.in(all.subList(i, Math.min(all.size(), i + IN_LIST_SLICE)))
                            .and(HOUSEHOLD_CHECK.CHECK_YEAR.eq(year)))
                    .forEach(c -> found.put(c.getHouseholdId(), new HouseholdCheck(c.getCheckYear(), c.getFoodClothing(),
                            c.getCompulsoryEducation(), c.getBasicMedical(), c.getHousingSafety(), c.getDrinkingWater(),
                            c.getNote(), c.getVerifiedOn())));
        }
        return found;
    }

    /** Records the check of that year, replacing what was recorded for the same year. */
    public void saveCheck(UUID householdId, HouseholdCheck c, OffsetDateTime now) {
        dsl.mergeInto(HOUSEHOLD_CHECK)
                .using(dsl.selectOne())
                .on(HOUSEHOLD_CHECK.HOUSEHOLD_ID.eq(householdId).and(HOUSEHOLD_CHECK.CHECK_YEAR.eq(c.year())))
                .whenMatchedThenUpdate()
                .set(HOUSEHOLD_CHECK.FOOD_CLOTHING, c.foodAndClothing())
                .set(HOUSEHOLD_CHECK.COMPULSORY_EDUCATION, c.compulsoryEducation())
                .set(HOUSEHOLD_CHECK.BASIC_MEDICAL, c.basicMedical())
                .set(HOUSEHOLD_CHECK.HOUSING_SAFETY, c.housingSafety())
                .set(HOUSEHOLD_CHECK.DRINKING_WATER, c.drinkingWater())
                .set(HOUSEHOLD_CHECK.NOTE, c.note())
                .set(HOUSEHOLD_CHECK.VERIFIED_ON, c.verifiedOn())
                .set(HOUSEHOLD_CHECK.UPDATED_AT, now)
                .set(HOUSEHOLD_CHECK.VERSION, HOUSEHOLD_CHECK.VERSION.plus(1))
                .whenNotMatchedThenInsert(HOUSEHOLD_CHECK.HOUSEHOLD_ID, HOUSEHOLD_CHECK.CHECK_YEAR,
                        HOUSEHOLD_CHECK.FOOD_CLOTHING, HOUSEHOLD_CHECK.COMPULSORY_EDUCATION, HOUSEHOLD_CHECK.BASIC_MEDICAL,
                        HOUSEHOLD_CHECK.HOUSING_SAFETY, HOUSEHOLD_CHECK.DRINKING_WATER, HOUSEHOLD_CHECK.NOTE,
                        HOUSEHOLD_CHECK.VERIFIED_ON, HOUSEHOLD_CHECK.CREATED_AT, HOUSEHOLD_CHECK.UPDATED_AT,
                        HOUSEHOLD_CHECK.VERSION)
                .values(householdId, c.year(), c.foodAndClothing(), c.compulsoryEducation(), c.basicMedical(),
                        c.housingSafety(), c.drinkingWater(), c.note(), c.verifiedOn(), now, now, 0)
                .execute();
    }

    public List<Income> incomes(UUID householdId) {
        return dsl.selectFrom(HOUSEHOLD_INCOME).where(HOUSEHOLD_INCOME.HOUSEHOLD_ID.eq(householdId))
                .orderBy(HOUSEHOLD_INCOME.INCOME_YEAR.desc())
                .fetch(i -> new Income(i.getIncomeYear(), i.getPerCapitaIncome()));
    }

    public void saveIncome(UUID householdId, Income income, OffsetDateTime now) {
        dsl.mergeInto(HOUSEHOLD_INCOME)
                .using(dsl.selectOne())
                .on(HOUSEHOLD_INCOME.HOUSEHOLD_ID.eq(householdId).and(HOUSEHOLD_INCOME.INCOME_YEAR.eq(income.year())))
                .whenMatchedThenUpdate()
                .set(HOUSEHOLD_INCOME.PER_CAPITA_INCOME, income.perCapita())
                .set(HOUSEHOLD_INCOME.UPDATED_AT, now)
                .whenNotMatchedThenInsert(HOUSEHOLD_INCOME.HOUSEHOLD_ID, HOUSEHOLD_INCOME.INCOME_YEAR,
                        HOUSEHOLD_INCOME.PER_CAPITA_INCOME, HOUSEHOLD_INCOME.CREATED_AT, HOUSEHOLD_INCOME.UPDATED_AT)
                .values(householdId, income.year(), income.perCapita(), now, now)
                .execute();
    }

    // ---- indexes of a bulk load into a new ledger ----

    /**
     * The indexes of the household tables that no constraint owns, as the statements that make them again, for a
     * bulk load into a new ledger (demo data) to drop them first and build them once at the end: H2 builds an index
     * of existing rows from sorted runs, where inserting row by row writes its pages again and again. Only indexes
     * in the default order are listed (the statement would not say anything else).
     */
    public List<PlainIndex> plainIndexes() {
        Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
        Map<String, String> tables = new HashMap<>();
        Map<String, Boolean> unique = new HashMap<>();
        java.util.Set<String> unusual = new java.util.HashSet<>();
        dsl.resultQuery("""
                        SELECT I.TABLE_NAME, I.INDEX_NAME, C.COLUMN_NAME, C.ORDERING_SPECIFICATION, C.NULL_ORDERING,
                               C.IS_UNIQUE
                        FROM INFORMATION_SCHEMA.INDEXES I
                        JOIN INFORMATION_SCHEMA.INDEX_COLUMNS C
                          ON C.INDEX_SCHEMA = I.INDEX_SCHEMA AND C.INDEX_NAME = I.INDEX_NAME
                        WHERE I.TABLE_SCHEMA = 'PUBLIC' AND I.TABLE_NAME IN ('HOUSEHOLD', 'HOUSEHOLD_MEMBER')
                          AND I.INDEX_TYPE_NAME IN ('INDEX', 'UNIQUE INDEX') AND I.IS_GENERATED = FALSE
                        ORDER BY I.INDEX_NAME, C.ORDINAL_POSITION""")
                .fetch()
                .forEach(r -> {
                    String index = r.get(1, String.class);
                    tables.put(index, r.get(0, String.class));
                    columns.computeIfAbsent(index, k -> new ArrayList<>()).add(r.get(2, String.class));
                    unique.merge(index, Boolean.TRUE.equals(r.get(5, Boolean.class)), (a, b) -> a && b);
                    if (!"ASC".equals(r.get(3, String.class)) || !"FIRST".equals(r.get(4, String.class))) {
                        unusual.add(index);
                    }
                });
        List<PlainIndex> indexes = new ArrayList<>();
        columns.forEach((index, cols) -> {
            if (!unusual.contains(index)) {
                indexes.add(new PlainIndex(index, "CREATE " + (unique.get(index) ? "UNIQUE " : "") + "INDEX "
                        + quoted(index) + " ON " + quoted(tables.get(index)) + " ("
                        + String.join(", ", cols.stream().map(HouseholdRepository::quoted).toList()) + ")"));
            }
        });
        return indexes;
    }

    /** An index no constraint owns, and the statement that makes it. */
    public record PlainIndex(String name, String createStatement) {
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** DDL: commits in H2. */
    public void drop(PlainIndex index) {
        dsl.execute("DROP INDEX " + quoted(index.name()));
    }

    /** DDL: commits in H2. */
    public void create(PlainIndex index) {
        dsl.execute(index.createStatement());
    }

    // ---- mapping ----

    private static void fill(HouseholdRecord r, Household h) {
        Member head = h.head().orElseThrow(() -> new IllegalArgumentException("a household needs its head"));
        r.setHouseholdNo(h.householdNo());
        r.setVillageId(h.villageId());
        r.setGroupId(h.groupId());
        r.setHeadName(head.name());
        r.setHeadInitials(Pinyin.initials(head.name()));
        r.setHeadIdNumber(head.idNumber());
        r.setMemberCount(h.members().size());
        r.setSearchText(searchText(h.members()));
        r.setPhone(h.phone());
        r.setCategory(name(h.category()));
        r.setMainCause(name(h.mainCause()));
        r.setPovertyStatus(name(h.status()));
        r.setExitYear(h.exitYear());
        r.setMonitoringType(name(h.monitoringType()));
        r.setRiskType(name(h.riskType()));
        r.setRiskEliminated(h.riskEliminated());
        r.setRiskEliminatedOn(h.riskEliminatedOn());
        r.setNote(h.note());
    }

    /** "|张三|zs|李四|ls|": names and initials of all members, for the search box. */
    static String searchText(List<Member> members) {
        StringBuilder sb = new StringBuilder("|");
        for (Member m : members) {
            sb.append(m.name().toLowerCase(Locale.ROOT)).append('|').append(Pinyin.initials(m.name())).append('|');
        }
        return sb.length() > 4000 ? sb.substring(0, 4000) : sb.toString();
    }

    /** The ID number written backwards (the id_reversed column: ID tails become prefixes an index serves). */
    static String reversed(String idNumber) {
        return new StringBuilder(idNumber).reverse().toString();
    }

    private HouseholdMemberRecord memberRecord(UUID householdId, Member m, int order, OffsetDateTime now) {
        HouseholdMemberRecord r = dsl.newRecord(HOUSEHOLD_MEMBER);
        r.setId(m.id() != null ? m.id() : Ids.newId());
        r.setHouseholdId(householdId);
        r.setName(m.name());
        r.setIdNumber(m.idNumber());
        r.setIdReversed(reversed(m.idNumber()));
        r.setRelation(m.relation().name());
        r.setSex(m.sex().name());
        r.setBirthDate(m.birthDate());
        r.setEthnicity(m.ethnicity());
        r.setEducation(name(m.education()));
        r.setInSchool(name(m.inSchool()));
        r.setHealth(name(m.health()));
        r.setLabourSkill(name(m.labourSkill()));
        r.setWorkStatus(name(m.workStatus()));
        r.setSortOrder(order);
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        r.setVersion(0);
        return r;
    }

    private static Member member(HouseholdMemberRecord r) {
        return new Member(r.getId(), r.getName(), r.getIdNumber(), Relation.valueOf(r.getRelation()),
                Sex.valueOf(r.getSex()), r.getBirthDate(), r.getEthnicity(), code(Education.class, r.getEducation()),
                code(InSchool.class, r.getInSchool()), code(Health.class, r.getHealth()),
                code(LabourSkill.class, r.getLabourSkill()), code(WorkStatus.class, r.getWorkStatus()));
    }

    private static Household household(HouseholdRecord h, String villageName, String groupName, List<Member> members) {
        return new Household(h.getId(), h.getHouseholdNo(), h.getVillageId(), villageName, h.getGroupId(), groupName,
                h.getPhone(), code(HouseholdCategory.class, h.getCategory()), code(PovertyCause.class, h.getMainCause()),
                code(PovertyStatus.class, h.getPovertyStatus()), h.getExitYear(),
                code(MonitoringType.class, h.getMonitoringType()), code(RiskType.class, h.getRiskType()),
                h.getRiskEliminated(), h.getRiskEliminatedOn(), h.getNote(), members, h.getVersion(), h.getUpdatedAt(),
                h.getDeletedAt());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static <E extends Enum<E>> E code(Class<E> type, String code) {
        return code == null ? null : Enum.valueOf(type, code);
    }

    // ---- the 台账 printout ----

    /**
     * Streams the poor and monitored households (those with a category or a monitoring type) in print order:
     * villages by their pinyin initials and name, then groups in their order, then heads by their initials, with
     * that year's 两不愁三保障 check when there is one. Stops after {@code limit} households (0: all).
     *
     * <p>One village at a time: the groups and the year's checks are read first (a few thousand small rows), then
     * each village's households are one range of {@code household_register_idx} (V8), which holds every column
     * read here, so no household row is read and nothing is joined per household; the few dozen lines of a
     * village are sorted here. A single query over the county had to join and sort all 30,000 rows before
     * returning the first (H2 moves a sort of more than 40,000 rows per GB of heap to a temporary file). As in
     * {@link #batchInsert}, jOOQ renders the statements and plain JDBC runs them: jOOQ's bind and fetch cost
     * more per village, and its records more per row, than H2 takes to read them.
     */
    public void forEachRegisterLine(int year, UUID villageId, int limit, java.util.function.Consumer<RegisterLine> sink) {
        var villages = dsl.select(VILLAGE.ID, VILLAGE.NAME).from(VILLAGE)
                .where(VILLAGE.DELETED_AT.isNull().and(villageId == null ? DSL.noCondition() : VILLAGE.ID.eq(villageId)))
                .orderBy(VILLAGE.NAME_INITIALS, VILLAGE.NAME)
                .fetch();
        Map<UUID, RegisterGroup> groups = new HashMap<>();
        eachRow(dsl.select(VILLAGE_GROUP.ID, VILLAGE_GROUP.NAME, VILLAGE_GROUP.SORT_ORDER).from(VILLAGE_GROUP)
                        .where(villageId == null ? DSL.noCondition() : VILLAGE_GROUP.VILLAGE_ID.eq(villageId)),
                rs -> groups.put(rs.getObject(1, UUID.class), new RegisterGroup(rs.getString(2), rs.getInt(3))));
        Map<UUID, boolean[]> checks = new HashMap<>();
        eachRow(dsl.select(HOUSEHOLD_CHECK.HOUSEHOLD_ID, HOUSEHOLD_CHECK.FOOD_CLOTHING,
                                HOUSEHOLD_CHECK.COMPULSORY_EDUCATION, HOUSEHOLD_CHECK.BASIC_MEDICAL,
                                HOUSEHOLD_CHECK.HOUSING_SAFETY, HOUSEHOLD_CHECK.DRINKING_WATER)
                        .from(HOUSEHOLD_CHECK)
                        .where(HOUSEHOLD_CHECK.CHECK_YEAR.eq(year).and(villageId == null ? DSL.noCondition()
                                : HOUSEHOLD_CHECK.HOUSEHOLD_ID.in(DSL.select(HOUSEHOLD.ID).from(HOUSEHOLD)
                                        .where(HOUSEHOLD.VILLAGE_ID.eq(villageId))))),
                rs -> checks.put(rs.getObject(1, UUID.class), new boolean[] {rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6)}));
        String sql = dsl.render(dsl.select(HOUSEHOLD.GROUP_ID, HOUSEHOLD.HEAD_NAME, HOUSEHOLD.HEAD_ID_NUMBER,
                        HOUSEHOLD.MEMBER_COUNT, HOUSEHOLD.CATEGORY, HOUSEHOLD.MAIN_CAUSE, HOUSEHOLD.POVERTY_STATUS,
                        HOUSEHOLD.EXIT_YEAR, HOUSEHOLD.MONITORING_TYPE, HOUSEHOLD.HEAD_INITIALS, HOUSEHOLD.ID)
                .from(HOUSEHOLD)
                .where(HOUSEHOLD.DELETED_AT.isNull().and(HOUSEHOLD.VILLAGE_ID.eq(DSL.param("village", UUID.class)))
                        .and(HOUSEHOLD.CATEGORY.isNotNull().or(HOUSEHOLD.MONITORING_TYPE.isNotNull()))));
        dsl.connection(connection -> {
            int left = limit > 0 ? limit : Integer.MAX_VALUE;
            List<SortedLine> lines = new ArrayList<>();
            try (java.sql.PreparedStatement select = connection.prepareStatement(sql)) {
                for (var v : villages) {
                    select.setObject(1, v.value1());
                    lines.clear();
                    try (java.sql.ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            RegisterGroup group = groups.get(rs.getObject(1, UUID.class));
                            Integer exitYear = rs.getInt(8);
                            if (rs.wasNull()) {
                                exitYear = null;
                            }
                            UUID id = rs.getObject(11, UUID.class);
                            lines.add(new SortedLine(group == null ? null : group.sortOrder(), rs.getString(10), id,
                                    new RegisterLine(v.value2(), group == null ? null : group.name(), rs.getString(2),
                                            rs.getString(3), rs.getInt(4), code(HouseholdCategory.class, rs.getString(5)),
                                            code(PovertyCause.class, rs.getString(6)),
                                            code(PovertyStatus.class, rs.getString(7)), exitYear,
                                            code(MonitoringType.class, rs.getString(9)), checks.get(id))));
                        }
                    }
                    lines.sort(SortedLine.ORDER);
                    for (SortedLine line : lines) {
                        sink.accept(line.line());
                        if (--left == 0) {
                            return;
                        }
                    }
                }
            }
        });
    }

    private record RegisterGroup(String name, Integer sortOrder) {
    }

    /** Runs a query that jOOQ renders through plain JDBC, for many small rows (see forEachRegisterLine). */
    private void eachRow(org.jooq.ResultQuery<?> query, RowReader each) {
        String sql = dsl.render(query);
        List<Object> values = dsl.extractBindValues(query);
        dsl.connection(connection -> {
            try (java.sql.PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    select.setObject(i + 1, values.get(i));
                }
                try (java.sql.ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        each.read(rs);
                    }
                }
            }
        });
    }

    @FunctionalInterface
    private interface RowReader {
        void read(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    /** A register line with what orders it within its village: group, head's initials, then id as H2 orders it. */
    private record SortedLine(Integer groupOrder, String initials, UUID id, RegisterLine line) {
        static final java.util.Comparator<SortedLine> ORDER = java.util.Comparator
                .comparing(SortedLine::groupOrder, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .thenComparing(SortedLine::initials)
                .thenComparing(SortedLine::id, (a, b) -> a.getMostSignificantBits() != b.getMostSignificantBits()
                        ? Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits())
                        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits()));
    }

    public int countRegister(UUID villageId) {
        Condition c = HOUSEHOLD.DELETED_AT.isNull()
                .and(HOUSEHOLD.CATEGORY.isNotNull().or(HOUSEHOLD.MONITORING_TYPE.isNotNull()));
        return dsl.fetchCount(HOUSEHOLD, villageId == null ? c : c.and(HOUSEHOLD.VILLAGE_ID.eq(villageId)));
    }
}
