package org.townshipledger.pairing;

import static org.townshipledger.db.jooq.Tables.ASSIGNMENT;
import static org.townshipledger.db.jooq.Tables.CADRE;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD_MEMBER;
import static org.townshipledger.db.jooq.Tables.PAIRING;
import static org.townshipledger.db.jooq.Tables.UNIT;
import static org.townshipledger.db.jooq.Tables.VILLAGE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.townshipledger.db.jooq.tables.records.PairingRecord;
import org.townshipledger.db.jooq.tables.records.UnitRecord;
import org.townshipledger.db.jooq.tables.records.VillageRecord;

/** Pairings in the ledger, and the few facts about households and postings their checks need. */
public final class PairingRepository {

    // Each join is on a plain key, so H2 uses the primary key; a join on COALESCE(...) scanned the whole table
    // for every pairing (20 s for the county's 31,000 pairings).
    /** The unit that is itself the helper. */
    private static final org.jooq.Table<UnitRecord> UNIT_HELPER = UNIT.as("unit_helper");
    /** The helping cadre's unit. */
    private static final org.jooq.Table<UnitRecord> CADRE_UNIT = UNIT.as("cadre_unit");
    private static final org.jooq.Table<VillageRecord> TARGET_VILLAGE_ROW = VILLAGE.as("target_village");
    private static final org.jooq.Table<VillageRecord> HOUSEHOLD_VILLAGE = VILLAGE.as("household_village");
    /** The village of the target: the village itself, or the household's. */
    private static final Field<UUID> TARGET_VILLAGE = DSL.coalesce(PAIRING.VILLAGE_ID, HOUSEHOLD.VILLAGE_ID);
    private static final Field<String> VILLAGE_NAME = DSL.coalesce(TARGET_VILLAGE_ROW.field(VILLAGE.NAME),
            HOUSEHOLD_VILLAGE.field(VILLAGE.NAME)).as("village_name");
    private static final Field<String> VILLAGE_INITIALS = DSL.coalesce(TARGET_VILLAGE_ROW.field(VILLAGE.NAME_INITIALS),
            HOUSEHOLD_VILLAGE.field(VILLAGE.NAME_INITIALS));
    private static final Field<String> HELPER_UNIT_NAME = DSL.coalesce(UNIT_HELPER.field(UNIT.NAME),
            CADRE_UNIT.field(UNIT.NAME)).as("helper_unit_name");

    private final DSLContext dsl;

    public PairingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public PairingRepository with(DSLContext ctx) {
        return new PairingRepository(ctx);
    }

    // ---- reading ----

    public List<Pairing> list(PairingFilter f) {
        List<Pairing> out = new ArrayList<>();
        forEach(f, out::add);
        return out;
    }

    /** Streams the pairings in village order (then target, newest first), without holding them all. */
    public void forEach(PairingFilter f, Consumer<Pairing> sink) {
        forEachWithIds(f, (p, ids) -> sink.accept(p));
    }

    /**
     * The same, each with the ID numbers of its helper (a cadre; null for a unit) and of its target (the head of
     * the household or the student; null for a village or the township), for exports.
     */
    public void forEachWithIds(PairingFilter f, java.util.function.BiConsumer<Pairing, String[]> sink) {
        Condition c = PAIRING.DELETED_AT.isNull();
        if (f.villageId() != null) {
            c = c.and(TARGET_VILLAGE.eq(f.villageId()));
        }
        if (f.cadreId() != null) {
            c = c.and(PAIRING.HELPER_CADRE_ID.eq(f.cadreId()));
        }
        if (f.unitId() != null) {
            c = c.and(PAIRING.HELPER_UNIT_ID.eq(f.unitId()));
        }
        if (f.householdId() != null) {
            c = c.and(PAIRING.HOUSEHOLD_ID.eq(f.householdId()));
        }
        if (f.on() != null) {
            c = c.and(activeOn(f.on()));
        }
        try (var cursor = joined().where(c)
                .orderBy(VILLAGE_INITIALS, VILLAGE_NAME, HOUSEHOLD.HEAD_INITIALS, PAIRING.TARGET_KIND,
                        PAIRING.START_DATE.desc(), PAIRING.ID)
                .fetchSize(500).fetchLazy()) {
            for (Record r : cursor) {
                Pairing p = pairing(r);
                String target = switch (p.target()) {
                    case HOUSEHOLD -> r.get(HOUSEHOLD.HEAD_ID_NUMBER);
                    case STUDENT -> r.get(HOUSEHOLD_MEMBER.ID_NUMBER);
                    case VILLAGE, TOWNSHIP -> null;
                };
                sink.accept(p, new String[] {r.get(CADRE.ID_NUMBER), target});
            }
        }
    }

    public java.util.Optional<Pairing> pairing(UUID id) {
        return joined().where(PAIRING.ID.eq(id)).fetchOptional(PairingRepository::pairing);
    }

    private SelectOnConditionStep<Record> joined(Field<?>... extra) {
        return dsl.select(PAIRING.fields()).select(extra)
                .select(TARGET_VILLAGE, CADRE.NAME, CADRE.PHONE, CADRE.ID_NUMBER, HOUSEHOLD.HEAD_ID_NUMBER,
                        HOUSEHOLD_MEMBER.ID_NUMBER, HELPER_UNIT_NAME, UNIT_HELPER.field(UNIT.PHONE), HOUSEHOLD.HEAD_NAME,
                        HOUSEHOLD_MEMBER.NAME, VILLAGE_NAME)
                .from(PAIRING)
                .leftJoin(CADRE).on(CADRE.ID.eq(PAIRING.HELPER_CADRE_ID))
                .leftJoin(UNIT_HELPER).on(UNIT_HELPER.field(UNIT.ID).eq(PAIRING.HELPER_UNIT_ID))
                .leftJoin(CADRE_UNIT).on(CADRE_UNIT.field(UNIT.ID).eq(CADRE.UNIT_ID))
                .leftJoin(HOUSEHOLD).on(HOUSEHOLD.ID.eq(PAIRING.HOUSEHOLD_ID))
                .leftJoin(HOUSEHOLD_MEMBER).on(HOUSEHOLD_MEMBER.ID.eq(PAIRING.MEMBER_ID))
                .leftJoin(TARGET_VILLAGE_ROW).on(TARGET_VILLAGE_ROW.field(VILLAGE.ID).eq(PAIRING.VILLAGE_ID))
                .leftJoin(HOUSEHOLD_VILLAGE).on(HOUSEHOLD_VILLAGE.field(VILLAGE.ID).eq(HOUSEHOLD.VILLAGE_ID));
    }

    private static Pairing pairing(Record r) {
        PairingRecord p = r.into(PAIRING);
        TargetKind target = TargetKind.valueOf(p.getTargetKind());
        boolean byUnit = p.getHelperUnitId() != null;
        String helper = byUnit ? r.get(HELPER_UNIT_NAME) : r.get(CADRE.NAME);
        String phone = byUnit ? r.get(UNIT_HELPER.field(UNIT.PHONE)) : r.get(CADRE.PHONE);
        String targetName = switch (target) {
            case HOUSEHOLD -> r.get(HOUSEHOLD.HEAD_NAME);
            case STUDENT -> r.get(HOUSEHOLD_MEMBER.NAME);
            case VILLAGE -> r.get(VILLAGE_NAME);
            case TOWNSHIP -> null;
        };
        return new Pairing(p.getId(), p.getHelperCadreId(), p.getHelperUnitId(), helper,
                r.get(HELPER_UNIT_NAME), phone, target, p.getHouseholdId(), p.getMemberId(),
                r.get(TARGET_VILLAGE), targetName, r.get(VILLAGE_NAME), PairingKind.valueOf(p.getPairingKind()),
                p.getStartDate(), p.getEndDate(), p.getPromise(), p.getEndReason(), p.getVersion());
    }

    private static Condition activeOn(LocalDate on) {
        return PAIRING.START_DATE.le(on).and(PAIRING.END_DATE.isNull().or(PAIRING.END_DATE.ge(on)));
    }

    /**
     * The pairings running on {@code on}, as bare ids: what the checks and the suggestion count. A county has
     * about 30,000, so they are read without joins.
     */
    public List<Link> links(LocalDate on) {
        return dsl.select(PAIRING.ID, PAIRING.HELPER_CADRE_ID, PAIRING.HELPER_UNIT_ID, PAIRING.TARGET_KIND,
                        PAIRING.HOUSEHOLD_ID, PAIRING.MEMBER_ID, PAIRING.VILLAGE_ID)
                .from(PAIRING).where(PAIRING.DELETED_AT.isNull().and(activeOn(on)))
                .fetch(r -> new Link(r.value1(), r.value2(), r.value3(), TargetKind.valueOf(r.value4()), r.value5(),
                        r.value6(), r.value7()));
    }

    /** A running pairing, ids only. */
    public record Link(UUID id, UUID cadreId, UUID unitId, TargetKind target, UUID householdId, UUID memberId,
                       UUID villageId) {
    }

    /**
     * Poor or monitored households in use (of one village, or all when null) that no cadre in use helps on
     * {@code on}: the 帮扶责任人 is a person, so a unit's pairing does not cover a household.
     */
    public List<UncoveredHousehold> uncovered(UUID villageId, LocalDate on) {
        // Covered households first (one pass over the pairings), then the poor ones in list order minus those:
        // a correlated NOT EXISTS probed the pairings once per household.
        // (Joining the cadres here read a cadre row per pairing; the few removed cadres are looked up instead.)
        java.util.Set<UUID> cadresGone = cadresInBin();
        java.util.Set<UUID> covered = new java.util.HashSet<>();
        dsl.select(PAIRING.HOUSEHOLD_ID, PAIRING.HELPER_CADRE_ID).from(PAIRING)
                .where(PAIRING.TARGET_KIND.eq(TargetKind.HOUSEHOLD.name()).and(PAIRING.DELETED_AT.isNull())
                        .and(PAIRING.HELPER_CADRE_ID.isNotNull()).and(activeOn(on)))
                .fetch().forEach(r -> {
                    if (!cadresGone.contains(r.value2())) {
                        covered.add(r.value1());
                    }
                });
        Condition poor = HOUSEHOLD.DELETED_AT.isNull()
                .and(HOUSEHOLD.CATEGORY.isNotNull().or(HOUSEHOLD.MONITORING_TYPE.isNotNull()));
        if (villageId != null) {
            poor = poor.and(HOUSEHOLD.VILLAGE_ID.eq(villageId));
        }
        // Ids from household_poor_idx alone (V9); only the uncovered households' rows are then read.
        List<UUID> open = dsl.select(HOUSEHOLD.ID).from(HOUSEHOLD).where(poor).fetch(HOUSEHOLD.ID).stream()
                .filter(id -> !covered.contains(id)).toList();
        List<org.jooq.Record8<UUID, UUID, String, String, String, Integer, String, String>> rows = new ArrayList<>();
        for (int i = 0; i < open.size(); i += 5000) {
            rows.addAll(dsl.select(HOUSEHOLD.ID, HOUSEHOLD.VILLAGE_ID, VILLAGE.NAME, HOUSEHOLD.HEAD_NAME,
                            HOUSEHOLD.HEAD_ID_NUMBER, HOUSEHOLD.MEMBER_COUNT, VILLAGE.NAME_INITIALS,
                            HOUSEHOLD.HEAD_INITIALS)
                    .from(HOUSEHOLD).join(VILLAGE).on(VILLAGE.ID.eq(HOUSEHOLD.VILLAGE_ID))
                    .where(HOUSEHOLD.ID.in(open.subList(i, Math.min(open.size(), i + 5000)))
                            .and(VILLAGE.DELETED_AT.isNull()))
                    .fetch());
        }
        // In list order: village (initials, name), then head (initials), as the households list sorts.
        rows.sort(java.util.Comparator.comparing((org.jooq.Record8<UUID, UUID, String, String, String, Integer,
                        String, String> r) -> r.value7()).thenComparing(r -> r.value3())
                .thenComparing(r -> r.value8()).thenComparing(r -> r.value1()));
        List<UncoveredHousehold> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(new UncoveredHousehold(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                r.value6())));
        return out;
    }

    /**
     * Of these running pairings, those whose helper ({0}) or target ({1}) is no longer in the ledger (in the
     * recycle bin), by id. The removed records are looked up by key or through an index, never by reading every
     * household or member row (a county has 400,000 members).
     */
    public Map<UUID, boolean[]> strays(List<Link> links) {
        java.util.Set<UUID> cadresGone = cadresInBin();
        java.util.Set<UUID> unitsGone = new java.util.HashSet<>(dsl.select(UNIT.ID).from(UNIT)
                .where(UNIT.DELETED_AT.isNotNull()).fetch(UNIT.ID));
        java.util.Set<UUID> villagesGone = new java.util.HashSet<>(dsl.select(VILLAGE.ID).from(VILLAGE)
                .where(VILLAGE.DELETED_AT.isNotNull()).fetch(VILLAGE.ID));
        // A range, not IS NOT NULL, so that H2 reads it from the index that starts with deleted_at.
        java.util.Set<UUID> householdsGone = new java.util.HashSet<>(dsl.select(HOUSEHOLD.ID).from(HOUSEHOLD)
                .where(HOUSEHOLD.DELETED_AT.ge(java.time.OffsetDateTime.parse("1900-01-01T00:00:00Z")))
                .fetch(HOUSEHOLD.ID));
        List<UUID> students = links.stream().map(Link::memberId).filter(java.util.Objects::nonNull).distinct()
                .toList();
        java.util.Set<UUID> membersGone = new java.util.HashSet<>();
        for (int i = 0; i < students.size(); i += 5000) {
            membersGone.addAll(dsl.select(HOUSEHOLD_MEMBER.ID).from(HOUSEHOLD_MEMBER)
                    .where(HOUSEHOLD_MEMBER.ID.in(students.subList(i, Math.min(students.size(), i + 5000)))
                            .and(HOUSEHOLD_MEMBER.DELETED_AT.isNotNull()))
                    .fetch(HOUSEHOLD_MEMBER.ID));
        }
        Map<UUID, boolean[]> out = new java.util.LinkedHashMap<>();
        for (Link l : links) {
            boolean helperGone = cadresGone.contains(l.cadreId()) || unitsGone.contains(l.unitId());
            boolean targetGone = householdsGone.contains(l.householdId()) || membersGone.contains(l.memberId())
                    || (l.target() == TargetKind.VILLAGE && villagesGone.contains(l.villageId()));
            if (helperGone || targetGone) {
                out.put(l.id(), new boolean[] {helperGone, targetGone});
            }
        }
        return out;
    }

    /** The cadres in the recycle bin: few, so coverage and strays test against them instead of joining cadres. */
    private java.util.Set<UUID> cadresInBin() {
        return new java.util.HashSet<>(dsl.select(CADRE.ID).from(CADRE).where(CADRE.DELETED_AT.isNotNull())
                .fetch(CADRE.ID));
    }

    /** The pairings with these ids, in list order. */
    public List<Pairing> pairings(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return joined().where(PAIRING.ID.in(ids)).orderBy(VILLAGE_INITIALS, PAIRING.START_DATE)
                .fetch(PairingRepository::pairing);
    }

    // ---- postings the pairing rules look at ----

    /** A posting running on the day, ids only. */
    public record Posting(UUID cadreId, UUID villageId, String role, UUID sentByUnitId) {
    }

    public List<Posting> postings(LocalDate on) {
        return dsl.select(ASSIGNMENT.CADRE_ID, ASSIGNMENT.VILLAGE_ID, ASSIGNMENT.ROLE, ASSIGNMENT.SENT_BY_UNIT_ID)
                .from(ASSIGNMENT)
                .where(ASSIGNMENT.DELETED_AT.isNull().and(ASSIGNMENT.START_DATE.le(on))
                        .and(ASSIGNMENT.END_DATE.isNull().or(ASSIGNMENT.END_DATE.ge(on))))
                .fetch(r -> new Posting(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * Cadres whose every posting has ended by {@code on}, with the day the last one ended: they have left the
     * villages, so their pairings need a new helper. Cadres never posted are not here.
     */
    public Map<UUID, LocalDate> postingsEnded(LocalDate on) {
        Field<LocalDate> lastEnd = DSL.max(ASSIGNMENT.END_DATE);
        Field<Integer> running = DSL.count().filterWhere(ASSIGNMENT.END_DATE.isNull().or(ASSIGNMENT.END_DATE.ge(on)));
        return dsl.select(ASSIGNMENT.CADRE_ID, lastEnd).from(ASSIGNMENT)
                .where(ASSIGNMENT.DELETED_AT.isNull().and(ASSIGNMENT.START_DATE.le(on)))
                .groupBy(ASSIGNMENT.CADRE_ID)
                .having(running.eq(0))
                .fetchMap(ASSIGNMENT.CADRE_ID, lastEnd);
    }

    // ---- writing ----

    public void insert(List<Pairing> list, OffsetDateTime now) {
        List<PairingRecord> rows = list.stream().map(p -> {
            PairingRecord r = dsl.newRecord(PAIRING);
            r.setId(p.id());
            r.setHelperCadreId(p.cadreId());
            r.setHelperUnitId(p.unitId());
            r.setTargetKind(p.target().name());
            r.setHouseholdId(p.householdId());
            r.setMemberId(p.memberId());
            r.setVillageId(p.target() == TargetKind.VILLAGE ? p.villageId() : null);
            r.setPairingKind(p.kind().name());
            r.setStartDate(p.startDate());
            r.setEndDate(p.endDate());
            r.setPromise(p.promise());
            r.setEndReason(p.endReason());
            r.setCreatedAt(now);
            r.setUpdatedAt(now);
            r.setVersion(0);
            return r;
        }).toList();
        for (int i = 0; i < rows.size(); i += 2000) {
            dsl.batchInsert(rows.subList(i, Math.min(rows.size(), i + 2000))).execute();
        }
    }

    /** Changes the kind, promise, end and end reason (an edit or a re-imported row), if nobody changed it since. */
    public boolean update(Pairing p, OffsetDateTime now) {
        return dsl.update(PAIRING)
                .set(PAIRING.PAIRING_KIND, p.kind().name())
                .set(PAIRING.PROMISE, p.promise())
                .set(PAIRING.END_DATE, p.endDate())
                .set(PAIRING.END_REASON, p.endReason())
                .set(PAIRING.UPDATED_AT, now)
                .set(PAIRING.VERSION, PAIRING.VERSION.plus(1))
                .where(PAIRING.ID.eq(p.id()).and(PAIRING.VERSION.eq(p.version())).and(PAIRING.DELETED_AT.isNull()))
                .execute() == 1;
    }

    /** Moves a pairing entered by mistake to the recycle bin, if nobody changed it since. */
    public boolean remove(Pairing p, OffsetDateTime now) {
        return dsl.update(PAIRING).set(PAIRING.DELETED_AT, now).set(PAIRING.VERSION, PAIRING.VERSION.plus(1))
                .where(PAIRING.ID.eq(p.id()).and(PAIRING.VERSION.eq(p.version())).and(PAIRING.DELETED_AT.isNull()))
                .execute() == 1;
    }

    /** Pairings in the recycle bin (removed on their own, not hidden with a helper or household). */
    public List<PairingInBin> inBin() {
        return joined(PAIRING.DELETED_AT).where(PAIRING.DELETED_AT.isNotNull())
                .fetch(r -> new PairingInBin(pairing(r), r.get(PAIRING.DELETED_AT)));
    }

    public boolean restore(UUID id, OffsetDateTime now) {
        return dsl.update(PAIRING).set(PAIRING.DELETED_AT, (OffsetDateTime) null).set(PAIRING.UPDATED_AT, now)
                .set(PAIRING.VERSION, PAIRING.VERSION.plus(1))
                .where(PAIRING.ID.eq(id).and(PAIRING.DELETED_AT.isNotNull())).execute() == 1;
    }

    public boolean purge(UUID id) {
        return dsl.deleteFrom(PAIRING).where(PAIRING.ID.eq(id).and(PAIRING.DELETED_AT.isNotNull())).execute() == 1;
    }

    /** A household in use, as an imported row names it: by the head's ID, or by the head's name in a village. */
    public record HouseholdKey(UUID id, UUID villageId, String headName, String headIdNumber) {
    }

    public List<HouseholdKey> householdKeys() {
        return dsl.select(HOUSEHOLD.ID, HOUSEHOLD.VILLAGE_ID, HOUSEHOLD.HEAD_NAME, HOUSEHOLD.HEAD_ID_NUMBER)
                .from(HOUSEHOLD).where(HOUSEHOLD.DELETED_AT.isNull())
                .fetch(r -> new HouseholdKey(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public List<Student> students() {
        return dsl.select(HOUSEHOLD_MEMBER.ID, HOUSEHOLD.ID, HOUSEHOLD.VILLAGE_ID, HOUSEHOLD_MEMBER.NAME,
                        HOUSEHOLD_MEMBER.ID_NUMBER)
                .from(HOUSEHOLD_MEMBER).join(HOUSEHOLD).on(HOUSEHOLD.ID.eq(HOUSEHOLD_MEMBER.HOUSEHOLD_ID))
                .where(HOUSEHOLD_MEMBER.DELETED_AT.isNull().and(HOUSEHOLD.DELETED_AT.isNull())
                        .and(HOUSEHOLD_MEMBER.IN_SCHOOL.isNotNull()).and(HOUSEHOLD_MEMBER.IN_SCHOOL.ne("NONE")))
                .fetch(r -> new Student(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public int count() {
        return dsl.fetchCount(PAIRING, PAIRING.DELETED_AT.isNull());
    }

    /** Whether the household and the member (when given) are in use and the member belongs to the household. */
    public boolean householdInUse(UUID householdId) {
        return dsl.fetchExists(HOUSEHOLD, HOUSEHOLD.ID.eq(householdId).and(HOUSEHOLD.DELETED_AT.isNull()));
    }

    /** The student's household, when the member is in use. */
    public java.util.Optional<UUID> householdOfMember(UUID memberId) {
        return dsl.select(HOUSEHOLD_MEMBER.HOUSEHOLD_ID).from(HOUSEHOLD_MEMBER)
                .where(HOUSEHOLD_MEMBER.ID.eq(memberId).and(HOUSEHOLD_MEMBER.DELETED_AT.isNull()))
                .fetchOptional(HOUSEHOLD_MEMBER.HOUSEHOLD_ID);
    }
}
