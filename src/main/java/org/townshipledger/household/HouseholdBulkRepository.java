package org.townshipledger.household;

import static org.townshipledger.db.jooq.Tables.HOUSEHOLD;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_CHECK;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_INCOME;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_MEMBER;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.townshipledger.common.Ids;
import org.townshipledger.common.Pinyin;
import org.townshipledger.common.StaleRecordException;

/**
 * Writes many households at once (an import, demo data) through plain JDBC batches on the connection of one
 * transaction. The statements are rendered by jOOQ and prepared once for every batch written through this object;
 * values are bound by hand, in the order of the column lists below. jOOQ records cost more per row to build and bind
 * than H2 takes to store the row, and a statement per household or member (the single-household path of
 * {@link HouseholdRepository#update}) made a re-import of 25,000 households take most of a minute.
 *
 * <p>Updates are set-based per batch: the households' new values in one batch (each checked against the version
 * read, as a single save is), their members in use in one query, then the members dropped, updated and added in
 * one batch each. The outcome is the one of updating the households one by one.
 *
 * <p>Close it before the transaction ends (it closes its statements, not the connection).
 */
final class HouseholdBulkRepository implements AutoCloseable {

    /** Above this many, id look-ups are split (a very long IN list is slow to parse). */
    private static final int IN_LIST_SLICE = 1000;

    private static final Field<?>[] HOUSEHOLD_VALUES = {HOUSEHOLD.HOUSEHOLD_NO, HOUSEHOLD.VILLAGE_ID,
        HOUSEHOLD.GROUP_ID, HOUSEHOLD.HEAD_NAME, HOUSEHOLD.HEAD_INITIALS, HOUSEHOLD.HEAD_ID_NUMBER,
        HOUSEHOLD.MEMBER_COUNT, HOUSEHOLD.SEARCH_TEXT, HOUSEHOLD.PHONE, HOUSEHOLD.CATEGORY, HOUSEHOLD.MAIN_CAUSE,
        HOUSEHOLD.POVERTY_STATUS, HOUSEHOLD.EXIT_YEAR, HOUSEHOLD.MONITORING_TYPE, HOUSEHOLD.RISK_TYPE,
        HOUSEHOLD.RISK_ELIMINATED, HOUSEHOLD.RISK_ELIMINATED_ON, HOUSEHOLD.NOTE};
    private static final Field<?>[] MEMBER_VALUES = {HOUSEHOLD_MEMBER.HOUSEHOLD_ID, HOUSEHOLD_MEMBER.NAME,
        HOUSEHOLD_MEMBER.ID_NUMBER, HOUSEHOLD_MEMBER.ID_REVERSED, HOUSEHOLD_MEMBER.RELATION, HOUSEHOLD_MEMBER.SEX,
        HOUSEHOLD_MEMBER.BIRTH_DATE, HOUSEHOLD_MEMBER.ETHNICITY, HOUSEHOLD_MEMBER.EDUCATION,
        HOUSEHOLD_MEMBER.IN_SCHOOL, HOUSEHOLD_MEMBER.HEALTH, HOUSEHOLD_MEMBER.LABOUR_SKILL,
        HOUSEHOLD_MEMBER.WORK_STATUS, HOUSEHOLD_MEMBER.SORT_ORDER};
    private static final Field<?>[] CHECK_VALUES = {HOUSEHOLD_CHECK.FOOD_CLOTHING,
        HOUSEHOLD_CHECK.COMPULSORY_EDUCATION, HOUSEHOLD_CHECK.BASIC_MEDICAL, HOUSEHOLD_CHECK.HOUSING_SAFETY,
        HOUSEHOLD_CHECK.DRINKING_WATER};

    private final DSLContext dsl;
    private final ConnectionProvider provider;
    private final Connection connection;
    private final List<PreparedStatement> open = new ArrayList<>();
    private PreparedStatement insertHousehold;
    private PreparedStatement insertMember;
    private PreparedStatement updateHousehold;
    private PreparedStatement updateMember;
    private PreparedStatement binMember;
    private PreparedStatement insertCheck;
    private PreparedStatement updateCheck;
    private PreparedStatement insertIncome;
    private PreparedStatement updateIncome;

    /** Writes on the connection of {@code dsl}: give it the DSLContext of the transaction ({@code tx.dsl()}). */
    HouseholdBulkRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.provider = dsl.configuration().connectionProvider();
        this.connection = provider.acquire();
    }

    // ---- households and members ----

    /** Inserts new households (ids already made) with their members. */
    void insert(List<Household> households, OffsetDateTime now) {
        if (households.isEmpty()) {
            return;
        }
        try {
            if (insertHousehold == null) {
                insertHousehold = prepare(dsl.insertInto(HOUSEHOLD).columns(concat(new Field<?>[] {HOUSEHOLD.ID},
                        HOUSEHOLD_VALUES, new Field<?>[] {HOUSEHOLD.CREATED_AT, HOUSEHOLD.UPDATED_AT,
                            HOUSEHOLD.VERSION})).values(placeholders(HOUSEHOLD_VALUES.length + 4)));
            }
            for (Household h : households) {
                insertHousehold.setObject(1, h.id());
                int i = bindHousehold(insertHousehold, 2, h);
                insertHousehold.setObject(i, now);
                insertHousehold.setObject(i + 1, now);
                insertHousehold.setInt(i + 2, 0);
                insertHousehold.addBatch();
            }
            insertHousehold.executeBatch();
            List<MemberRow> members = new ArrayList<>();
            for (Household h : households) {
                for (int i = 0; i < h.members().size(); i++) {
                    members.add(new MemberRow(h.id(), h.members().get(i), i));
                }
            }
            insertMembers(members, now);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Updates households and their members if nobody changed them since {@code version()} was read. Members keep
     * their ids (a member with the id of a member of another household is moved here); a member in use no longer
     * listed goes to the recycle bin; a member without an id, or whose id is no longer in the ledger, is added.
     *
     * @throws StaleRecordException when one of them was changed or deleted meanwhile (the caller's transaction
     *                              must then be rolled back)
     */
    void update(List<Household> households, OffsetDateTime now) {
        if (households.isEmpty()) {
            return;
        }
        try {
            if (updateHousehold == null) {
                updateHousehold = prepare(dsl.update(HOUSEHOLD).set(settings(HOUSEHOLD_VALUES))
                        .set(HOUSEHOLD.UPDATED_AT, (OffsetDateTime) null)
                        .set(HOUSEHOLD.VERSION, HOUSEHOLD.VERSION.plus(DSL.inline(1)))
                        .where(HOUSEHOLD.ID.eq((UUID) null).and(HOUSEHOLD.VERSION.eq((Integer) null))
                                .and(HOUSEHOLD.DELETED_AT.isNull())));
            }
            for (Household h : households) {
                int i = bindHousehold(updateHousehold, 1, h);
                updateHousehold.setObject(i, now);
                updateHousehold.setObject(i + 1, h.id());
                updateHousehold.setInt(i + 2, h.version());
                updateHousehold.addBatch();
            }
            int[] counts = updateHousehold.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new StaleRecordException(households.get(i).head().map(Member::name).orElse(""));
                }
            }

            // The members in use now, then what becomes of each: dropped first, so that a member another household
            // of the batch takes over ends up there and in use, whichever of the two comes first.
            Map<UUID, Set<UUID>> inUse = membersInUse(households.stream().map(Household::id).toList());
            List<UUID> dropped = new ArrayList<>();
            List<MemberRow> kept = new ArrayList<>();
            List<MemberRow> added = new ArrayList<>();
            for (Household h : households) {
                Set<UUID> before = inUse.getOrDefault(h.id(), Set.of());
                Set<UUID> listed = new HashSet<>();
                for (int i = 0; i < h.members().size(); i++) {
                    Member m = h.members().get(i);
                    if (m.id() == null) {
                        added.add(new MemberRow(h.id(), m, i));
                    } else {
                        listed.add(m.id());
                        kept.add(new MemberRow(h.id(), m, i));
                    }
                }
                for (UUID id : before) {
                    if (!listed.contains(id)) {
                        dropped.add(id);
                    }
                }
            }
            binMembers(dropped, now);
            updateMembers(kept, now, added);
            insertMembers(added, now);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private record MemberRow(UUID householdId, Member member, int order) {
    }

    private Map<UUID, Set<UUID>> membersInUse(List<UUID> householdIds) {
        Map<UUID, Set<UUID>> found = new HashMap<>();
        for (int i = 0; i < householdIds.size(); i += IN_LIST_SLICE) {
            HouseholdRepository.Wanted<UUID> wanted = HouseholdRepository.wanted(householdIds.subList(i,
                    Math.min(householdIds.size(), i + IN_LIST_SLICE)), UUID[]::new);
            dsl.select(HOUSEHOLD_MEMBER.HOUSEHOLD_ID, HOUSEHOLD_MEMBER.ID)
                    .from(wanted.table())
                    .join(HOUSEHOLD_MEMBER).on(HOUSEHOLD_MEMBER.HOUSEHOLD_ID.eq(wanted.value(UUID.class)))
                    .where(HOUSEHOLD_MEMBER.DELETED_AT.isNull())
                    .forEach(r -> found.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
        }
        return found;
    }

    private void binMembers(List<UUID> ids, OffsetDateTime now) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        if (binMember == null) {
            binMember = prepare(dsl.update(HOUSEHOLD_MEMBER).set(HOUSEHOLD_MEMBER.DELETED_AT, (OffsetDateTime) null)
                    .set(HOUSEHOLD_MEMBER.UPDATED_AT, (OffsetDateTime) null)
                    .where(HOUSEHOLD_MEMBER.ID.eq((UUID) null)));
        }
        for (UUID id : ids) {
            binMember.setObject(1, now);
            binMember.setObject(2, now);
            binMember.setObject(3, id);
            binMember.addBatch();
        }
        binMember.executeBatch();
    }

    /** Updates members by id, wherever they are now; those no longer in the ledger are added to {@code missing}. */
    private void updateMembers(List<MemberRow> rows, OffsetDateTime now, List<MemberRow> missing) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (updateMember == null) {
            updateMember = prepare(dsl.update(HOUSEHOLD_MEMBER).set(settings(MEMBER_VALUES))
                    .set(HOUSEHOLD_MEMBER.UPDATED_AT, (OffsetDateTime) null)
                    .set(HOUSEHOLD_MEMBER.DELETED_AT, (OffsetDateTime) null)
                    .set(HOUSEHOLD_MEMBER.VERSION, HOUSEHOLD_MEMBER.VERSION.plus(DSL.inline(1)))
                    .where(HOUSEHOLD_MEMBER.ID.eq((UUID) null)));
        }
        for (MemberRow r : rows) {
            int i = bindMember(updateMember, 1, r);
            updateMember.setObject(i, now);
            updateMember.setNull(i + 1, Types.TIMESTAMP_WITH_TIMEZONE);
            updateMember.setObject(i + 2, r.member().id());
            updateMember.addBatch();
        }
        int[] counts = updateMember.executeBatch();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                missing.add(rows.get(i));
            }
        }
    }

    /** Inserts members with their own id, or a new one when they have none. */
    private void insertMembers(List<MemberRow> rows, OffsetDateTime now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (insertMember == null) {
            insertMember = prepare(dsl.insertInto(HOUSEHOLD_MEMBER).columns(concat(
                    new Field<?>[] {HOUSEHOLD_MEMBER.ID}, MEMBER_VALUES, new Field<?>[] {HOUSEHOLD_MEMBER.CREATED_AT,
                        HOUSEHOLD_MEMBER.UPDATED_AT, HOUSEHOLD_MEMBER.VERSION}))
                    .values(placeholders(MEMBER_VALUES.length + 4)));
        }
        for (MemberRow r : rows) {
            insertMember.setObject(1, r.member().id() != null ? r.member().id() : Ids.newId());
            int i = bindMember(insertMember, 2, r);
            insertMember.setObject(i, now);
            insertMember.setObject(i + 1, now);
            insertMember.setInt(i + 2, 0);
            insertMember.addBatch();
        }
        insertMember.executeBatch();
    }

    /** Binds {@link #HOUSEHOLD_VALUES} from {@code index} on; returns the next index. */
    private static int bindHousehold(PreparedStatement st, int index, Household h) throws SQLException {
        Member head = h.head().orElseThrow(() -> new IllegalArgumentException("a household needs its head"));
        int i = index;
        st.setString(i++, h.householdNo());
        st.setObject(i++, h.villageId());
        st.setObject(i++, h.groupId());
        st.setString(i++, head.name());
        st.setString(i++, Pinyin.initials(head.name()));
        st.setString(i++, head.idNumber());
        st.setInt(i++, h.members().size());
        st.setString(i++, HouseholdRepository.searchText(h.members()));
        st.setString(i++, h.phone());
        st.setString(i++, name(h.category()));
        st.setString(i++, name(h.mainCause()));
        st.setString(i++, name(h.status()));
        setInteger(st, i++, h.exitYear());
        st.setString(i++, name(h.monitoringType()));
        st.setString(i++, name(h.riskType()));
        st.setBoolean(i++, h.riskEliminated());
        st.setObject(i++, h.riskEliminatedOn());
        st.setString(i++, h.note());
        return i;
    }

    /** Binds {@link #MEMBER_VALUES} from {@code index} on; returns the next index. */
    private static int bindMember(PreparedStatement st, int index, MemberRow r) throws SQLException {
        Member m = r.member();
        int i = index;
        st.setObject(i++, r.householdId());
        st.setString(i++, m.name());
        st.setString(i++, m.idNumber());
        st.setString(i++, HouseholdRepository.reversed(m.idNumber()));
        st.setString(i++, m.relation().name());
        st.setString(i++, m.sex().name());
        st.setObject(i++, m.birthDate());
        st.setString(i++, m.ethnicity());
        st.setString(i++, name(m.education()));
        st.setString(i++, name(m.inSchool()));
        st.setString(i++, name(m.health()));
        st.setString(i++, name(m.labourSkill()));
        st.setString(i++, name(m.workStatus()));
        st.setInt(i++, r.order());
        return i;
    }

    // ---- yearly facts ----

    /** Records the yearly checks of households that have none for that year yet (new households). */
    void insertChecks(Map<UUID, HouseholdCheck> checks, OffsetDateTime now) {
        try {
            insertCheckRows(checks.entrySet(), now);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Records yearly checks, replacing what was recorded for the same household and year. A note and a verification
     * date recorded before are kept when the new check has none.
     */
    void saveChecks(Map<UUID, HouseholdCheck> checks, OffsetDateTime now) {
        if (checks.isEmpty()) {
            return;
        }
        try {
            if (updateCheck == null) {
                updateCheck = prepare(dsl.update(HOUSEHOLD_CHECK).set(settings(CHECK_VALUES))
                        .set(HOUSEHOLD_CHECK.NOTE, DSL.coalesce(DSL.val((String) null, HOUSEHOLD_CHECK.NOTE),
                                HOUSEHOLD_CHECK.NOTE))
                        .set(HOUSEHOLD_CHECK.VERIFIED_ON, DSL.coalesce(DSL.val((java.time.LocalDate) null,
                                HOUSEHOLD_CHECK.VERIFIED_ON), HOUSEHOLD_CHECK.VERIFIED_ON))
                        .set(HOUSEHOLD_CHECK.UPDATED_AT, (OffsetDateTime) null)
                        .set(HOUSEHOLD_CHECK.VERSION, HOUSEHOLD_CHECK.VERSION.plus(DSL.inline(1)))
                        .where(HOUSEHOLD_CHECK.HOUSEHOLD_ID.eq((UUID) null)
                                .and(HOUSEHOLD_CHECK.CHECK_YEAR.eq((Integer) null))));
            }
            List<Map.Entry<UUID, HouseholdCheck>> rows = new ArrayList<>(checks.entrySet());
            for (Map.Entry<UUID, HouseholdCheck> e : rows) {
                HouseholdCheck c = e.getValue();
                int i = bindCheck(updateCheck, 1, c);
                updateCheck.setString(i++, c.note());
                updateCheck.setObject(i++, c.verifiedOn());
                updateCheck.setObject(i++, now);
                updateCheck.setObject(i++, e.getKey());
                updateCheck.setInt(i, c.year());
                updateCheck.addBatch();
            }
            int[] counts = updateCheck.executeBatch();
            List<Map.Entry<UUID, HouseholdCheck>> missing = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    missing.add(rows.get(i));
                }
            }
            insertCheckRows(missing, now);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void insertCheckRows(Collection<Map.Entry<UUID, HouseholdCheck>> rows, OffsetDateTime now)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (insertCheck == null) {
            insertCheck = prepare(dsl.insertInto(HOUSEHOLD_CHECK).columns(concat(
                    new Field<?>[] {HOUSEHOLD_CHECK.HOUSEHOLD_ID, HOUSEHOLD_CHECK.CHECK_YEAR}, CHECK_VALUES,
                    new Field<?>[] {HOUSEHOLD_CHECK.NOTE, HOUSEHOLD_CHECK.VERIFIED_ON, HOUSEHOLD_CHECK.CREATED_AT,
                        HOUSEHOLD_CHECK.UPDATED_AT, HOUSEHOLD_CHECK.VERSION}))
                    .values(placeholders(CHECK_VALUES.length + 7)));
        }
        for (Map.Entry<UUID, HouseholdCheck> e : rows) {
            HouseholdCheck c = e.getValue();
            insertCheck.setObject(1, e.getKey());
            insertCheck.setInt(2, c.year());
            int i = bindCheck(insertCheck, 3, c);
            insertCheck.setString(i++, c.note());
            insertCheck.setObject(i++, c.verifiedOn());
            insertCheck.setObject(i++, now);
            insertCheck.setObject(i++, now);
            insertCheck.setInt(i, 0);
            insertCheck.addBatch();
        }
        insertCheck.executeBatch();
    }

    private static int bindCheck(PreparedStatement st, int index, HouseholdCheck c) throws SQLException {
        int i = index;
        st.setBoolean(i++, c.foodAndClothing());
        st.setBoolean(i++, c.compulsoryEducation());
        st.setBoolean(i++, c.basicMedical());
        st.setBoolean(i++, c.housingSafety());
        st.setBoolean(i++, c.drinkingWater());
        return i;
    }

    /** Records the yearly incomes of households that have none for that year yet (new households). */
    void insertIncomes(Map<UUID, Income> incomes, OffsetDateTime now) {
        try {
            insertIncomeRows(incomes.entrySet(), now);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Records yearly incomes, replacing those of the same household and year. */
    void saveIncomes(Map<UUID, Income> incomes, OffsetDateTime now) {
        if (incomes.isEmpty()) {
            return;
        }
        try {
            if (updateIncome == null) {
                updateIncome = prepare(dsl.update(HOUSEHOLD_INCOME)
                        .set(HOUSEHOLD_INCOME.PER_CAPITA_INCOME, (java.math.BigDecimal) null)
                        .set(HOUSEHOLD_INCOME.UPDATED_AT, (OffsetDateTime) null)
                        .where(HOUSEHOLD_INCOME.HOUSEHOLD_ID.eq((UUID) null)
                                .and(HOUSEHOLD_INCOME.INCOME_YEAR.eq((Integer) null))));
            }
            List<Map.Entry<UUID, Income>> rows = new ArrayList<>(incomes.entrySet());
            for (Map.Entry<UUID, Income> e : rows) {
                updateIncome.setBigDecimal(1, e.getValue().perCapita());
                updateIncome.setObject(2, now);
                updateIncome.setObject(3, e.getKey());
                updateIncome.setInt(4, e.getValue().year());
                updateIncome.addBatch();
            }
            int[] counts = updateIncome.executeBatch();
            List<Map.Entry<UUID, Income>> missing = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    missing.add(rows.get(i));
                }
            }
            insertIncomeRows(missing, now);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void insertIncomeRows(Collection<Map.Entry<UUID, Income>> rows, OffsetDateTime now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (insertIncome == null) {
            insertIncome = prepare(dsl.insertInto(HOUSEHOLD_INCOME).columns(new Field<?>[] {
                HOUSEHOLD_INCOME.HOUSEHOLD_ID, HOUSEHOLD_INCOME.INCOME_YEAR, HOUSEHOLD_INCOME.PER_CAPITA_INCOME,
                HOUSEHOLD_INCOME.CREATED_AT, HOUSEHOLD_INCOME.UPDATED_AT}).values(placeholders(5)));
        }
        for (Map.Entry<UUID, Income> e : rows) {
            insertIncome.setObject(1, e.getKey());
            insertIncome.setInt(2, e.getValue().year());
            insertIncome.setBigDecimal(3, e.getValue().perCapita());
            insertIncome.setObject(4, now);
            insertIncome.setObject(5, now);
            insertIncome.addBatch();
        }
        insertIncome.executeBatch();
    }

    // ---- plumbing ----

    private PreparedStatement prepare(org.jooq.Query query) throws SQLException {
        PreparedStatement st = connection.prepareStatement(dsl.render(query));
        open.add(st);
        return st;
    }

    /** "column = ?" for each field, in order. */
    private static Map<Field<?>, Object> settings(Field<?>[] fields) {
        Map<Field<?>, Object> set = new java.util.LinkedHashMap<>();
        for (Field<?> f : fields) {
            set.put(f, DSL.val(null, f));
        }
        return set;
    }

    private static Object[] placeholders(int n) {
        return new Object[n];
    }

    private static Field<?>[] concat(Field<?>[]... parts) {
        List<Field<?>> all = new ArrayList<>();
        for (Field<?>[] p : parts) {
            all.addAll(List.of(p));
        }
        return all.toArray(new Field<?>[0]);
    }

    private static void setInteger(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setInt(index, value);
        }
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static DataAccessException failed(SQLException e) {
        return new DataAccessException(e.getMessage(), e);
    }

    /** Closes the statements; the connection stays with the transaction. */
    @Override
    public void close() {
        for (PreparedStatement st : open) {
            try {
                st.close();
            } catch (SQLException e) {
                // Closing a statement of a connection still in use does not fail in H2; nothing to add.
            }
        }
        open.clear();
        provider.release(connection);
    }
}
