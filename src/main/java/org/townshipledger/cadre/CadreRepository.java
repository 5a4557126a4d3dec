package org.townshipledger.cadre;

import static org.townshipledger.db.jooq.Tables.ASSIGNMENT;
import static org.townshipledger.db.jooq.Tables.CADRE;
import static org.townshipledger.db.jooq.Tables.HELP_ITEM;
import static org.townshipledger.db.jooq.Tables.PAIRING;
import static org.townshipledger.db.jooq.Tables.PROBLEM;
import static org.townshipledger.db.jooq.Tables.SECRETARY_REVIEW;
import static org.townshipledger.db.jooq.Tables.STAR_RATING;
import static org.townshipledger.db.jooq.Tables.UNIT;
import static org.townshipledger.db.jooq.Tables.VILLAGE;
import static org.townshipledger.db.jooq.Tables.VISIT;
import static org.townshipledger.db.jooq.Tables.VISIT_CADRE;
import static org.townshipledger.db.jooq.Tables.VILLAGE_PLAN;
import static org.townshipledger.db.jooq.Tables.VILLAGE_WEAK_YEAR;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import org.townshipledger.common.Pinyin;
import org.townshipledger.common.Sex;
import org.townshipledger.db.jooq.tables.records.AssignmentRecord;
import org.townshipledger.db.jooq.tables.records.CadreRecord;
import org.townshipledger.db.jooq.tables.records.UnitRecord;

/** Units, cadres, assignments and village development paths in the ledger. */
public final class CadreRepository {

    private static final org.jooq.Table<UnitRecord> SENDER = UNIT.as("sender");

    // Column names of the per-village counts of the assignment checks (checkFacts).
    private static final String FIRST_SECRETARIES = "first_secretaries";
    private static final String TEAM = "team";
    private static final String YOUNG_RESERVES = "young_reserves";
    private static final String COUNTY_LEADERS = "county_leaders";
    private static final String BRANCH_SECRETARIES = "branch_secretaries";
    private static final String EARLY_ENDS = "early_ends";

    private final DSLContext dsl;

    public CadreRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public CadreRepository with(DSLContext ctx) {
        return new CadreRepository(ctx);
    }

    // ---- units ----

    public List<Unit> units() {
        return dsl.selectFrom(UNIT).where(UNIT.DELETED_AT.isNull()).orderBy(UNIT.NAME_INITIALS, UNIT.NAME)
                .fetch(CadreRepository::unit);
    }

    public boolean unitNameTaken(String name, UUID exceptId) {
        Condition c = UNIT.DELETED_AT.isNull().and(UNIT.NAME.eq(name));
        return dsl.fetchExists(UNIT, exceptId == null ? c : c.and(UNIT.ID.ne(exceptId)));
    }

    public void insertUnits(List<Unit> units, OffsetDateTime now) {
        List<UnitRecord> rows = units.stream().map(u -> {
            UnitRecord r = dsl.newRecord(UNIT);
            r.setId(u.id());
            fill(r, u);
            r.setCreatedAt(now);
            r.setUpdatedAt(now);
            r.setVersion(0);
            return r;
        }).toList();
        if (!rows.isEmpty()) {
            dsl.batchInsert(rows).execute();
        }
    }

    public boolean updateUnit(Unit u, OffsetDateTime now) {
        UnitRecord r = dsl.newRecord(UNIT);
        fill(r, u);
        return dsl.update(UNIT).set(r).set(UNIT.UPDATED_AT, now).set(UNIT.VERSION, UNIT.VERSION.plus(1))
                .where(UNIT.ID.eq(u.id()).and(UNIT.VERSION.eq(u.version())).and(UNIT.DELETED_AT.isNull()))
                .execute() == 1;
    }

    private static void fill(UnitRecord r, Unit u) {
        r.setName(u.name());
        r.setNameInitials(Pinyin.initials(u.name()));
        r.setUnitLevel(u.level() == null ? null : u.level().name());
        r.setUnitType(u.type() == null ? null : u.type().name());
        r.setContactPerson(u.contactPerson());
        r.setPhone(u.phone());
    }

    private static Unit unit(UnitRecord r) {
        return new Unit(r.getId(), r.getName(), r.getUnitLevel() == null ? null : UnitLevel.valueOf(r.getUnitLevel()),
                r.getUnitType() == null ? null : UnitType.valueOf(r.getUnitType()), r.getContactPerson(), r.getPhone(),
                r.getVersion(), r.getDeletedAt());
    }

    // ---- cadres ----

    /** Cadres in use; {@code text} matches a name or its pinyin initials; {@code unitId} and {@code rank} filter. */
    public List<Cadre> cadres(String text, UUID unitId, Rank rank) {
        Condition c = CADRE.DELETED_AT.isNull();
        if (text != null && !text.isBlank()) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            c = c.and(CADRE.NAME.contains(text.strip()).or(CADRE.NAME_INITIALS.startsWith(t)));
        }
        if (unitId != null) {
            c = c.and(CADRE.UNIT_ID.eq(unitId));
        }
        if (rank != null) {
            c = c.and(CADRE.CADRE_RANK.eq(rank.name()));
        }
        return dsl.select(CADRE.fields()).select(UNIT.NAME).from(CADRE).leftJoin(UNIT).on(UNIT.ID.eq(CADRE.UNIT_ID))
                .where(c).orderBy(CADRE.NAME_INITIALS, CADRE.NAME).fetch(CadreRepository::cadre);
    }

    public Optional<Cadre> cadre(UUID id) {
        return dsl.select(CADRE.fields()).select(UNIT.NAME).from(CADRE).leftJoin(UNIT).on(UNIT.ID.eq(CADRE.UNIT_ID))
                .where(CADRE.ID.eq(id)).fetchOptional(CadreRepository::cadre);
    }

    /** Another cadre in use holding this ID number, if any. */
    public Optional<Cadre> cadreWithIdNumber(String idNumber, UUID exceptId) {
        Condition c = CADRE.DELETED_AT.isNull().and(CADRE.ID_NUMBER.eq(idNumber));
        return dsl.select(CADRE.fields()).select(UNIT.NAME).from(CADRE).leftJoin(UNIT).on(UNIT.ID.eq(CADRE.UNIT_ID))
                .where(exceptId == null ? c : c.and(CADRE.ID.ne(exceptId))).limit(1)
                .fetchOptional(CadreRepository::cadre);
    }

    public void insertCadres(List<Cadre> cadres, OffsetDateTime now) {
        List<CadreRecord> rows = cadres.stream().map(k -> {
            CadreRecord r = dsl.newRecord(CADRE);
            r.setId(k.id());
            fill(r, k);
            r.setCreatedAt(now);
            r.setUpdatedAt(now);
            r.setVersion(0);
            return r;
        }).toList();
        for (int i = 0; i < rows.size(); i += 2000) {
            dsl.batchInsert(rows.subList(i, Math.min(rows.size(), i + 2000))).execute();
        }
    }

    public boolean updateCadre(Cadre k, OffsetDateTime now) {
        CadreRecord r = dsl.newRecord(CADRE);
        fill(r, k);
        return dsl.update(CADRE).set(r).set(CADRE.UPDATED_AT, now).set(CADRE.VERSION, CADRE.VERSION.plus(1))
                .where(CADRE.ID.eq(k.id()).and(CADRE.VERSION.eq(k.version())).and(CADRE.DELETED_AT.isNull()))
                .execute() == 1;
    }

    private static void fill(CadreRecord r, Cadre k) {
        r.setName(k.name());
        r.setNameInitials(Pinyin.initials(k.name()));
        r.setSex(k.sex().name());
        r.setBirthDate(k.birthDate());
        r.setIdNumber(k.idNumber());
        r.setPhone(k.phone());
        r.setUnitId(k.unitId());
        r.setCadreRank(k.rank() == null ? null : k.rank().name());
        r.setPartyMember(k.partyMember());
        r.setNote(k.note());
    }

    private static Cadre cadre(Record r) {
        CadreRecord k = r.into(CADRE);
        return new Cadre(k.getId(), k.getName(), Sex.valueOf(k.getSex()), k.getBirthDate(), k.getIdNumber(),
                k.getPhone(), k.getUnitId(), r.get(UNIT.NAME), k.getCadreRank() == null ? null : Rank.valueOf(k.getCadreRank()),
                k.getPartyMember(), k.getNote(), k.getVersion(), k.getDeletedAt());
    }

    // ---- assignments ----

    /** Assignments in use, newest start first; each filter may be null. */
    public List<Assignment> assignments(UUID cadreId, UUID villageId, String role) {
        Condition c = ASSIGNMENT.DELETED_AT.isNull();
        if (cadreId != null) {
            c = c.and(ASSIGNMENT.CADRE_ID.eq(cadreId));
        }
        if (villageId != null) {
            c = c.and(ASSIGNMENT.VILLAGE_ID.eq(villageId));
        }
        if (role != null) {
            c = c.and(ASSIGNMENT.ROLE.eq(role));
        }
        return dsl.select(ASSIGNMENT.fields()).select(CADRE.NAME, VILLAGE.NAME, SENDER.field(UNIT.NAME))
                .from(ASSIGNMENT)
                .join(CADRE).on(CADRE.ID.eq(ASSIGNMENT.CADRE_ID))
                .join(VILLAGE).on(VILLAGE.ID.eq(ASSIGNMENT.VILLAGE_ID))
                .leftJoin(SENDER).on(SENDER.field(UNIT.ID).eq(ASSIGNMENT.SENT_BY_UNIT_ID))
                .where(c.and(CADRE.DELETED_AT.isNull()).and(VILLAGE.DELETED_AT.isNull()))
                .orderBy(VILLAGE.NAME_INITIALS, ASSIGNMENT.ROLE, ASSIGNMENT.START_DATE.desc())
                .fetch(r -> {
                    AssignmentRecord a = r.into(ASSIGNMENT);
                    return new Assignment(a.getId(), a.getCadreId(), r.get(CADRE.NAME), a.getVillageId(),
                            r.get(VILLAGE.NAME), a.getRole(), a.getStartDate(), a.getEndDate(), a.getSentByUnitId(),
                            r.get(SENDER.field(UNIT.NAME)), a.getEndReason(), a.getVersion());
                });
    }

    public void insertAssignments(List<Assignment> list, OffsetDateTime now) {
        List<AssignmentRecord> rows = list.stream().map(a -> {
            AssignmentRecord r = dsl.newRecord(ASSIGNMENT);
            r.setId(a.id());
            r.setCadreId(a.cadreId());
            r.setVillageId(a.villageId());
            r.setRole(a.role());
            r.setStartDate(a.startDate());
            r.setEndDate(a.endDate());
            r.setSentByUnitId(a.sentByUnitId());
            r.setEndReason(a.endReason());
            r.setCreatedAt(now);
            r.setUpdatedAt(now);
            r.setVersion(0);
            return r;
        }).toList();
        for (int i = 0; i < rows.size(); i += 2000) {
            dsl.batchInsert(rows.subList(i, Math.min(rows.size(), i + 2000))).execute();
        }
    }

    /** Records the end of a posting, if nobody changed it since it was read. */
    public boolean end(Assignment a, LocalDate endDate, String reason, OffsetDateTime now) {
        return dsl.update(ASSIGNMENT)
                .set(ASSIGNMENT.END_DATE, endDate)
                .set(ASSIGNMENT.END_REASON, reason)
                .set(ASSIGNMENT.UPDATED_AT, now)
                .set(ASSIGNMENT.VERSION, ASSIGNMENT.VERSION.plus(1))
                .where(ASSIGNMENT.ID.eq(a.id()).and(ASSIGNMENT.VERSION.eq(a.version())))
                .execute() == 1;
    }

    /** Changes the end, its reason and the sending unit of a posting (a re-imported row), if nobody changed it. */
    public boolean updatePosting(Assignment a, OffsetDateTime now) {
        return dsl.update(ASSIGNMENT)
                .set(ASSIGNMENT.END_DATE, a.endDate())
                .set(ASSIGNMENT.END_REASON, a.endReason())
                .set(ASSIGNMENT.SENT_BY_UNIT_ID, a.sentByUnitId())
                .set(ASSIGNMENT.UPDATED_AT, now)
                .set(ASSIGNMENT.VERSION, ASSIGNMENT.VERSION.plus(1))
                .where(ASSIGNMENT.ID.eq(a.id()).and(ASSIGNMENT.VERSION.eq(a.version())))
                .execute() == 1;
    }

    // ---- recycle bin ----
    // Only the record itself is marked: its postings and pairings stay as they are, hidden with it (every list
    // joins the cadre, the unit or the village in use), and come back with it.

    public boolean moveUnitToBin(UUID id, int version, OffsetDateTime now) {
        return dsl.update(UNIT).set(UNIT.DELETED_AT, now).set(UNIT.UPDATED_AT, now)
                .set(UNIT.VERSION, UNIT.VERSION.plus(1))
                .where(UNIT.ID.eq(id).and(UNIT.VERSION.eq(version)).and(UNIT.DELETED_AT.isNull())).execute() == 1;
    }

    public boolean moveCadreToBin(UUID id, int version, OffsetDateTime now) {
        return dsl.update(CADRE).set(CADRE.DELETED_AT, now).set(CADRE.UPDATED_AT, now)
                .set(CADRE.VERSION, CADRE.VERSION.plus(1))
                .where(CADRE.ID.eq(id).and(CADRE.VERSION.eq(version)).and(CADRE.DELETED_AT.isNull())).execute() == 1;
    }

    public boolean moveAssignmentToBin(UUID id, int version, OffsetDateTime now) {
        return dsl.update(ASSIGNMENT).set(ASSIGNMENT.DELETED_AT, now).set(ASSIGNMENT.UPDATED_AT, now)
                .set(ASSIGNMENT.VERSION, ASSIGNMENT.VERSION.plus(1))
                .where(ASSIGNMENT.ID.eq(id).and(ASSIGNMENT.VERSION.eq(version)).and(ASSIGNMENT.DELETED_AT.isNull()))
                .execute() == 1;
    }

    public boolean restoreUnit(UUID id, OffsetDateTime now) {
        return dsl.update(UNIT).set(UNIT.DELETED_AT, (OffsetDateTime) null).set(UNIT.UPDATED_AT, now)
                .set(UNIT.VERSION, UNIT.VERSION.plus(1))
                .where(UNIT.ID.eq(id).and(UNIT.DELETED_AT.isNotNull())).execute() == 1;
    }

    public boolean restoreCadre(UUID id, OffsetDateTime now) {
        return dsl.update(CADRE).set(CADRE.DELETED_AT, (OffsetDateTime) null).set(CADRE.UPDATED_AT, now)
                .set(CADRE.VERSION, CADRE.VERSION.plus(1))
                .where(CADRE.ID.eq(id).and(CADRE.DELETED_AT.isNotNull())).execute() == 1;
    }

    public boolean restoreAssignment(UUID id, OffsetDateTime now) {
        return dsl.update(ASSIGNMENT).set(ASSIGNMENT.DELETED_AT, (OffsetDateTime) null)
                .set(ASSIGNMENT.UPDATED_AT, now).set(ASSIGNMENT.VERSION, ASSIGNMENT.VERSION.plus(1))
                .where(ASSIGNMENT.ID.eq(id).and(ASSIGNMENT.DELETED_AT.isNotNull())).execute() == 1;
    }

    public List<Unit> unitsInBin() {
        return dsl.selectFrom(UNIT).where(UNIT.DELETED_AT.isNotNull()).fetch(CadreRepository::unit);
    }

    public Optional<Unit> unit(UUID id) {
        return dsl.selectFrom(UNIT).where(UNIT.ID.eq(id)).fetchOptional(CadreRepository::unit);
    }

    public List<Cadre> cadresInBin() {
        return dsl.select(CADRE.fields()).select(UNIT.NAME).from(CADRE).leftJoin(UNIT).on(UNIT.ID.eq(CADRE.UNIT_ID))
                .where(CADRE.DELETED_AT.isNotNull()).fetch(CadreRepository::cadre);
    }

    public List<AssignmentInBin> assignmentsInBin() {
        return dsl.select(ASSIGNMENT.fields()).select(CADRE.NAME, VILLAGE.NAME, SENDER.field(UNIT.NAME))
                .from(ASSIGNMENT)
                .join(CADRE).on(CADRE.ID.eq(ASSIGNMENT.CADRE_ID))
                .join(VILLAGE).on(VILLAGE.ID.eq(ASSIGNMENT.VILLAGE_ID))
                .leftJoin(SENDER).on(SENDER.field(UNIT.ID).eq(ASSIGNMENT.SENT_BY_UNIT_ID))
                .where(ASSIGNMENT.DELETED_AT.isNotNull())
                .fetch(r -> {
                    AssignmentRecord a = r.into(ASSIGNMENT);
                    return new AssignmentInBin(new Assignment(a.getId(), a.getCadreId(), r.get(CADRE.NAME),
                            a.getVillageId(), r.get(VILLAGE.NAME), a.getRole(), a.getStartDate(), a.getEndDate(),
                            a.getSentByUnitId(), r.get(SENDER.field(UNIT.NAME)), a.getEndReason(), a.getVersion()),
                            a.getDeletedAt());
                });
    }

    /** Deletes a posting in the bin for good. */
    public boolean purgeAssignment(UUID id) {
        return dsl.deleteFrom(ASSIGNMENT).where(ASSIGNMENT.ID.eq(id).and(ASSIGNMENT.DELETED_AT.isNotNull()))
                .execute() == 1;
    }

    /**
     * Visits not in the recycle bin that the cadre went on, and help items not in the bin that name the cadre as
     * helper: records of work done, which a purge of the cadre must not take with it.
     */
    public int[] visitReferences(UUID cadreId) {
        return new int[] {dsl.fetchCount(VISIT_CADRE, VISIT_CADRE.CADRE_ID.eq(cadreId)
                .and(VISIT_CADRE.DELETED_AT.isNull())),
                dsl.fetchCount(HELP_ITEM, HELP_ITEM.HELPER_CADRE_ID.eq(cadreId).and(HELP_ITEM.DELETED_AT.isNull()))};
    }

    /**
     * Deletes a cadre in the bin for good with every posting and pairing of theirs, and the visits they went on and
     * help items naming them that are in the recycle bin too (with those visits' cadres' rows and problems), their 述职
     * reviews and their star ratings (五星书记). The service checks first that no such visit or help item is in use.
     * Run it in a transaction.
     */
    public boolean purgeCadre(UUID id) {
        if (!dsl.fetchExists(CADRE, CADRE.ID.eq(id).and(CADRE.DELETED_AT.isNotNull()))) {
            return false;
        }
        purgeVisitsInBin(dsl.select(VISIT_CADRE.VISIT_ID).from(VISIT_CADRE)
                .where(VISIT_CADRE.CADRE_ID.eq(id).and(VISIT_CADRE.DELETED_AT.isNotNull()))
                .fetch(VISIT_CADRE.VISIT_ID));
        dsl.deleteFrom(HELP_ITEM).where(HELP_ITEM.HELPER_CADRE_ID.eq(id).and(HELP_ITEM.DELETED_AT.isNotNull()))
                .execute();
        dsl.deleteFrom(PAIRING).where(PAIRING.HELPER_CADRE_ID.eq(id)).execute();
        dsl.deleteFrom(SECRETARY_REVIEW).where(SECRETARY_REVIEW.CADRE_ID.eq(id)).execute();
        dsl.deleteFrom(STAR_RATING).where(STAR_RATING.CADRE_ID.eq(id)).execute();
        dsl.deleteFrom(ASSIGNMENT).where(ASSIGNMENT.CADRE_ID.eq(id)).execute();
        return dsl.deleteFrom(CADRE).where(CADRE.ID.eq(id)).execute() == 1;
    }

    /** How many cadres (in use or in the bin) belong to the unit, and how many postings name it as the sender. */
    public int[] unitReferences(UUID unitId) {
        return new int[] {dsl.fetchCount(CADRE, CADRE.UNIT_ID.eq(unitId)),
                dsl.fetchCount(ASSIGNMENT, ASSIGNMENT.SENT_BY_UNIT_ID.eq(unitId))};
    }

    /** Visits to the unit and help items naming it as the helping unit, not in the recycle bin. */
    public int[] unitVisitReferences(UUID unitId) {
        return new int[] {dsl.fetchCount(VISIT, VISIT.UNIT_ID.eq(unitId).and(VISIT.DELETED_AT.isNull())),
                dsl.fetchCount(HELP_ITEM, HELP_ITEM.HELPER_UNIT_ID.eq(unitId).and(HELP_ITEM.DELETED_AT.isNull()))};
    }

    /**
     * Deletes a unit in the bin for good with the pairings it helps in, and the visits to it and help items naming
     * it that are in the recycle bin too. The service checks references first.
     */
    public boolean purgeUnit(UUID id) {
        if (!dsl.fetchExists(UNIT, UNIT.ID.eq(id).and(UNIT.DELETED_AT.isNotNull()))) {
            return false;
        }
        purgeVisitsInBin(dsl.select(VISIT.ID).from(VISIT).where(VISIT.UNIT_ID.eq(id).and(VISIT.DELETED_AT.isNotNull()))
                .fetch(VISIT.ID));
        dsl.deleteFrom(HELP_ITEM).where(HELP_ITEM.HELPER_UNIT_ID.eq(id).and(HELP_ITEM.DELETED_AT.isNotNull()))
                .execute();
        dsl.deleteFrom(PAIRING).where(PAIRING.HELPER_UNIT_ID.eq(id)).execute();
        return dsl.deleteFrom(UNIT).where(UNIT.ID.eq(id)).execute() == 1;
    }

    /** Deletes these visits (all in the recycle bin) for good with their cadres' rows and problems. */
    private void purgeVisitsInBin(List<UUID> visitIds) {
        for (int i = 0; i < visitIds.size(); i += 1000) {
            List<UUID> slice = visitIds.subList(i, Math.min(visitIds.size(), i + 1000));
            dsl.deleteFrom(PROBLEM).where(PROBLEM.VISIT_ID.in(slice)).execute();
            dsl.deleteFrom(VISIT_CADRE).where(VISIT_CADRE.VISIT_ID.in(slice)).execute();
            dsl.deleteFrom(VISIT).where(VISIT.ID.in(slice)).execute();
        }
    }

    // ---- development paths (四个一) ----

    public Map<UUID, String> developmentPaths(int year) {
        return dsl.select(VILLAGE_PLAN.VILLAGE_ID, VILLAGE_PLAN.DEVELOPMENT_PATH).from(VILLAGE_PLAN)
                .where(VILLAGE_PLAN.PLAN_YEAR.eq(year)).fetchMap(VILLAGE_PLAN.VILLAGE_ID, VILLAGE_PLAN.DEVELOPMENT_PATH);
    }

    public Optional<String> developmentPath(UUID villageId, int year) {
        return dsl.select(VILLAGE_PLAN.DEVELOPMENT_PATH).from(VILLAGE_PLAN)
                .where(VILLAGE_PLAN.VILLAGE_ID.eq(villageId).and(VILLAGE_PLAN.PLAN_YEAR.eq(year)))
                .fetchOptional(VILLAGE_PLAN.DEVELOPMENT_PATH);
    }

    public void saveDevelopmentPath(UUID villageId, int year, String text, OffsetDateTime now) {
        dsl.mergeInto(VILLAGE_PLAN).using(dsl.selectOne())
                .on(VILLAGE_PLAN.VILLAGE_ID.eq(villageId).and(VILLAGE_PLAN.PLAN_YEAR.eq(year)))
                .whenMatchedThenUpdate().set(VILLAGE_PLAN.DEVELOPMENT_PATH, text).set(VILLAGE_PLAN.UPDATED_AT, now)
                .whenNotMatchedThenInsert(VILLAGE_PLAN.VILLAGE_ID, VILLAGE_PLAN.PLAN_YEAR, VILLAGE_PLAN.DEVELOPMENT_PATH,
                        VILLAGE_PLAN.CREATED_AT, VILLAGE_PLAN.UPDATED_AT)
                .values(villageId, year, text, now, now)
                .execute();
    }

    // ---- the assignment checks, counted in SQL ----

    /**
     * The villages in use where an assignment check finds something, in list order (pinyin initials, name), with
     * what the checks need counted per village in one grouped query over the village's postings. The postings are
     * read from {@code assignment_check_idx} alone (it holds every column used here, so the counts name
     * {@code cadre_id}, never {@code id}), the cadre by its key. Postings of cadres in the recycle bin do not
     * count; a posting is current when it runs on {@code on}.
     *
     * @param youngBornFrom a reserve cadre born on or after this day is young enough
     */
    public List<CheckFacts> checkFacts(int year, LocalDate on, LocalDate youngBornFrom, int minTeamSize,
                                       int minReserves, int minPostingYears) {
        Condition current = CADRE.DELETED_AT.isNull().and(ASSIGNMENT.START_DATE.le(on))
                .and(ASSIGNMENT.END_DATE.isNull().or(ASSIGNMENT.END_DATE.ge(on)));
        // Counted per village (a village without postings counts 0 everywhere); then filtered outside, so that
        // each count is computed once, not again in a HAVING clause.
        Table<?> counted = dsl.select(VILLAGE.ID, VILLAGE.NAME, VILLAGE.NAME_INITIALS, VILLAGE.POVERTY_VILLAGE,
                        VILLAGE_WEAK_YEAR.WEAK_YEAR, VILLAGE_PLAN.DEVELOPMENT_PATH,
                        DSL.count(DSL.when(current.and(ASSIGNMENT.ROLE.eq(Role.FIRST_SECRETARY)),
                                ASSIGNMENT.CADRE_ID)).as(FIRST_SECRETARIES),
                        DSL.countDistinct(DSL.when(current.and(ASSIGNMENT.ROLE.in(Role.WORK_TEAM)),
                                ASSIGNMENT.CADRE_ID)).as(TEAM),
                        DSL.countDistinct(DSL.when(current.and(ASSIGNMENT.ROLE.eq(Role.RESERVE))
                                .and(CADRE.BIRTH_DATE.ge(youngBornFrom)), ASSIGNMENT.CADRE_ID)).as(YOUNG_RESERVES),
                        DSL.count(DSL.when(current.and(ASSIGNMENT.ROLE.eq(Role.LEADER_IN_CHARGE))
                                .and(CADRE.CADRE_RANK.eq(Rank.COUNTY_LEVEL.name())), ASSIGNMENT.CADRE_ID))
                                .as(COUNTY_LEADERS),
                        DSL.count(DSL.when(current.and(ASSIGNMENT.ROLE.eq(Role.BRANCH_SECRETARY)),
                                ASSIGNMENT.CADRE_ID)).as(BRANCH_SECRETARIES),
                        DSL.count(DSL.when(CADRE.DELETED_AT.isNull().and(endedEarlyWithoutReason(year,
                                minPostingYears)), ASSIGNMENT.CADRE_ID)).as(EARLY_ENDS))
                .from(VILLAGE)
                .leftJoin(VILLAGE_WEAK_YEAR).on(VILLAGE_WEAK_YEAR.VILLAGE_ID.eq(VILLAGE.ID)
                        .and(VILLAGE_WEAK_YEAR.WEAK_YEAR.eq(year)))
                .leftJoin(VILLAGE_PLAN).on(VILLAGE_PLAN.VILLAGE_ID.eq(VILLAGE.ID).and(VILLAGE_PLAN.PLAN_YEAR.eq(year)))
                .leftJoin(ASSIGNMENT).on(ASSIGNMENT.VILLAGE_ID.eq(VILLAGE.ID).and(ASSIGNMENT.DELETED_AT.isNull()))
                .leftJoin(CADRE).on(CADRE.ID.eq(ASSIGNMENT.CADRE_ID))
                .where(VILLAGE.DELETED_AT.isNull())
                .groupBy(VILLAGE.ID, VILLAGE.NAME, VILLAGE.NAME_INITIALS, VILLAGE.POVERTY_VILLAGE,
                        VILLAGE_WEAK_YEAR.WEAK_YEAR, VILLAGE_PLAN.DEVELOPMENT_PATH)
                .asTable("counted");
        Field<UUID> id = counted.field(VILLAGE.ID.getName(), UUID.class);
        Field<String> name = counted.field(VILLAGE.NAME.getName(), String.class);
        Field<Boolean> poor = counted.field(VILLAGE.POVERTY_VILLAGE.getName(), Boolean.class);
        Field<Integer> weakYear = counted.field(VILLAGE_WEAK_YEAR.WEAK_YEAR.getName(), Integer.class);
        Field<String> path = counted.field(VILLAGE_PLAN.DEVELOPMENT_PATH.getName(), String.class);
        Field<Integer> firstSecretaries = counted.field(FIRST_SECRETARIES, Integer.class);
        Field<Integer> team = counted.field(TEAM, Integer.class);
        Field<Integer> youngReserves = counted.field(YOUNG_RESERVES, Integer.class);
        Field<Integer> countyLeaders = counted.field(COUNTY_LEADERS, Integer.class);
        Field<Integer> branchSecretaries = counted.field(BRANCH_SECRETARIES, Integer.class);
        Field<Integer> earlyEnds = counted.field(EARLY_ENDS, Integer.class);
        Condition weak = weakYear.isNotNull();
        Condition noPath = path.isNull().or(DSL.trim(path).eq(""));
        return dsl.select(id, name, poor, weakYear, path, firstSecretaries, team, youngReserves, countyLeaders,
                        branchSecretaries, earlyEnds)
                .from(counted)
                .where(DSL.or(
                        poor.isTrue().or(weak).and(firstSecretaries.eq(0)),
                        team.gt(0).and(team.lt(minTeamSize)),
                        earlyEnds.gt(0),
                        youngReserves.lt(minReserves),
                        weak.and(DSL.or(countyLeaders.eq(0), firstSecretaries.eq(0), noPath, branchSecretaries.eq(0)))))
                .orderBy(counted.field(VILLAGE.NAME_INITIALS.getName()), name)
                .fetch(r -> new CheckFacts(r.get(id), r.get(name), r.get(poor), r.get(weakYear) != null,
                        r.get(firstSecretaries), r.get(team), r.get(youngReserves), r.get(countyLeaders) > 0,
                        r.get(branchSecretaries) > 0, r.get(path) != null && !r.get(path).isBlank(),
                        r.get(earlyEnds)));
    }

    /**
     * A full-time posting (第一书记, 工作队) that ended in {@code year} without a reason, shorter than
     * {@code minYears} whole years: whole months from start to end (one less when the end's day of month is
     * before the start's, as {@link java.time.Period#between} counts) under {@code 12 * minYears}.
     */
    private static Condition endedEarlyWithoutReason(int year, int minYears) {
        Field<Integer> months = DSL.extract(ASSIGNMENT.END_DATE, DatePart.YEAR)
                .minus(DSL.extract(ASSIGNMENT.START_DATE, DatePart.YEAR)).times(12)
                .plus(DSL.extract(ASSIGNMENT.END_DATE, DatePart.MONTH))
                .minus(DSL.extract(ASSIGNMENT.START_DATE, DatePart.MONTH))
                .minus(DSL.when(DSL.extract(ASSIGNMENT.END_DATE, DatePart.DAY)
                        .lt(DSL.extract(ASSIGNMENT.START_DATE, DatePart.DAY)), 1).else_(0));
        return ASSIGNMENT.ROLE.in(Role.FULL_TIME)
                .and(ASSIGNMENT.END_DATE.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .and(ASSIGNMENT.END_REASON.isNull().or(DSL.trim(ASSIGNMENT.END_REASON).eq("")))
                .and(months.lt(12 * minYears));
    }

    /**
     * The full-time postings of these villages that ended early in {@code year} without a reason (see
     * {@link #endedEarlyWithoutReason}), by village, then role and latest start first. Only the posting's cadre,
     * village, role and dates are read.
     */
    public List<Assignment> earlyEnds(Collection<UUID> villageIds, int year, int minPostingYears) {
        if (villageIds.isEmpty()) {
            return List.of();
        }
        return dsl.select(ASSIGNMENT.CADRE_ID, CADRE.NAME, ASSIGNMENT.VILLAGE_ID, ASSIGNMENT.ROLE,
                        ASSIGNMENT.START_DATE, ASSIGNMENT.END_DATE, ASSIGNMENT.END_REASON)
                .from(ASSIGNMENT)
                .join(CADRE).on(CADRE.ID.eq(ASSIGNMENT.CADRE_ID))
                .where(ASSIGNMENT.VILLAGE_ID.in(villageIds).and(ASSIGNMENT.DELETED_AT.isNull())
                        .and(CADRE.DELETED_AT.isNull()).and(endedEarlyWithoutReason(year, minPostingYears)))
                .orderBy(ASSIGNMENT.VILLAGE_ID, ASSIGNMENT.ROLE, ASSIGNMENT.START_DATE.desc(), CADRE.NAME)
                .fetch(r -> new Assignment(null, r.get(ASSIGNMENT.CADRE_ID), r.get(CADRE.NAME),
                        r.get(ASSIGNMENT.VILLAGE_ID), null, r.get(ASSIGNMENT.ROLE), r.get(ASSIGNMENT.START_DATE),
                        r.get(ASSIGNMENT.END_DATE), null, null, r.get(ASSIGNMENT.END_REASON), 0));
    }

    /**
     * Who is in charge of these villages on {@code on}: the current postings in {@code roles} of cadres in use,
     * by village, then role and latest start first.
     */
    public List<InCharge> inCharge(Collection<UUID> villageIds, LocalDate on, Collection<String> roles) {
        if (villageIds.isEmpty()) {
            return List.of();
        }
        return dsl.select(ASSIGNMENT.VILLAGE_ID, ASSIGNMENT.ROLE, CADRE.NAME)
                .from(ASSIGNMENT)
                .join(CADRE).on(CADRE.ID.eq(ASSIGNMENT.CADRE_ID))
                .where(ASSIGNMENT.VILLAGE_ID.in(villageIds).and(ASSIGNMENT.ROLE.in(roles))
                        .and(ASSIGNMENT.DELETED_AT.isNull()).and(CADRE.DELETED_AT.isNull())
                        .and(ASSIGNMENT.START_DATE.le(on))
                        .and(ASSIGNMENT.END_DATE.isNull().or(ASSIGNMENT.END_DATE.ge(on))))
                .orderBy(ASSIGNMENT.VILLAGE_ID, ASSIGNMENT.ROLE, ASSIGNMENT.START_DATE.desc(), CADRE.NAME)
                .fetch(r -> new InCharge(r.get(ASSIGNMENT.VILLAGE_ID), r.get(ASSIGNMENT.ROLE), r.get(CADRE.NAME)));
    }

    /** A current posting in charge of a village (包村领导, 包村干部). */
    public record InCharge(UUID villageId, String role, String cadreName) {
    }

    /**
     * One village's counts for the assignment checks.
     *
     * @param firstSecretaries current 第一书记 postings
     * @param team             distinct cadres in the current work team (第一书记 included)
     * @param youngReserves    distinct current 后备干部 young enough
     * @param earlyEnds        full-time postings ended early in the year without a reason
     */
    public record CheckFacts(UUID villageId, String village, boolean poor, boolean weak, int firstSecretaries,
                             int team, int youngReserves, boolean countyLeader, boolean branchSecretary,
                             boolean developmentPath, int earlyEnds) {
    }

    // ---- counts ----

    public int countUnits() {
        return dsl.fetchCount(UNIT, UNIT.DELETED_AT.isNull());
    }

    public int countCadres() {
        return dsl.fetchCount(CADRE, CADRE.DELETED_AT.isNull());
    }

    public int countAssignments() {
        return dsl.fetchCount(ASSIGNMENT, ASSIGNMENT.DELETED_AT.isNull());
    }

}
