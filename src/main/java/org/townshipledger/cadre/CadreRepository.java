package org.townshipledger.cadre;

import static org.townshipledger.db.jooq.Tables.ASSIGNMENT;
import static org.townshipledger.db.jooq.Tables.CADRE;
import static org.townshipledger.db.jooq.Tables.UNIT;
import static org.townshipledger.db.jooq.Tables.VILLAGE;
import static org.townshipledger.db.jooq.Tables.VILLAGE_PLAN;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

import org.townshipledger.common.Pinyin;
import org.townshipledger.common.Sex;
import org.townshipledger.db.jooq.tables.records.AssignmentRecord;
import org.townshipledger.db.jooq.tables.records.CadreRecord;
import org.townshipledger.db.jooq.tables.records.UnitRecord;

/** Units, cadres, assignments and village development paths in the ledger. */
public final class CadreRepository {

    private static final org.jooq.Table<UnitRecord> SENDER = UNIT.as("sender");

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
