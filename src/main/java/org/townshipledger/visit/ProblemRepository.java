package org.townshipledger.visit;

import static org.townshipledger.db.jooq.Tables.HOUSEHOLD;
import static org.townshipledger.db.jooq.Tables.PROBLEM;
import static org.townshipledger.db.jooq.Tables.VILLAGE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Problems raised (诉求 / 矛盾纠纷) in the ledger. */
public final class ProblemRepository {

    private final DSLContext dsl;

    public ProblemRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public ProblemRepository with(DSLContext ctx) {
        return new ProblemRepository(ctx);
    }

    /**
     * Problems in use matching {@code f}: not in the recycle bin, and not hidden with their household, village or
     * visit in it (nor with the household of their visit).
     */
    private Condition conditionOf(ProblemFilter f) {
        VisitRepository.Hidden hidden = VisitRepository.hidden(dsl);
        Condition c = PROBLEM.DELETED_AT.isNull().and(hidden.visible(PROBLEM.HOUSEHOLD_ID, PROBLEM.VILLAGE_ID));
        Set<UUID> visitsGone = VisitRepository.visitsHidingProblems(dsl, hidden);
        if (!visitsGone.isEmpty()) {
            c = c.and(PROBLEM.VISIT_ID.isNull().or(PROBLEM.VISIT_ID.notIn(visitsGone)));
        }
        if (f.villageId() != null) {
            c = c.and(PROBLEM.VILLAGE_ID.eq(f.villageId()));
        }
        if (f.year() != null) {
            c = c.and(PROBLEM.RAISED_ON.between(LocalDate.of(f.year(), 1, 1), LocalDate.of(f.year(), 12, 31)));
        }
        if (f.status() != null) {
            c = c.and(PROBLEM.STATUS.eq(f.status().name()));
        }
        if (f.visitId() != null) {
            c = c.and(PROBLEM.VISIT_ID.eq(f.visitId()));
        }
        return c;
    }

    /** The problems matching {@code f}, by village (pinyin order), newest first in a village. */
    public List<Problem> list(ProblemFilter f) {
        return joined().where(conditionOf(f))
                .orderBy(VILLAGE.NAME_INITIALS, VILLAGE.NAME, PROBLEM.RAISED_ON.desc(), PROBLEM.ID)
                .fetch(ProblemRepository::problem);
    }

    public Optional<Problem> problem(UUID id) {
        return joined().where(PROBLEM.ID.eq(id).and(PROBLEM.DELETED_AT.isNull()))
                .fetchOptional(ProblemRepository::problem);
    }

    /**
     * The problems in use raised in the village on the day of one of these (village, day) pairs: the candidates an
     * imported row may repeat. A batch of pairs at a time joined from an UNNEST of two arrays, each pair a look-up
     * in problem_village_idx.
     */
    public List<Problem> sameDay(java.util.Collection<java.util.Map.Entry<UUID, LocalDate>> pairs) {
        List<java.util.Map.Entry<UUID, LocalDate>> all = List.copyOf(new java.util.LinkedHashSet<>(pairs));
        List<Problem> out = new java.util.ArrayList<>();
        java.util.Map<UUID, OffsetDateTime> createdAt = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i += 2000) {
            org.jooq.Table<?> wanted = VisitRepository.pairsTable(all.subList(i, Math.min(all.size(), i + 2000)));
            dsl.select(PROBLEM.fields()).select(HOUSEHOLD.HEAD_NAME, VILLAGE.NAME)
                    .from(wanted)
                    .join(PROBLEM).on(PROBLEM.VILLAGE_ID.eq(VisitRepository.PAIR_ID)
                            .and(PROBLEM.RAISED_ON.eq(VisitRepository.PAIR_DAY))
                            .and(PROBLEM.DELETED_AT.isNull()))
                    .join(VILLAGE).on(VILLAGE.ID.eq(PROBLEM.VILLAGE_ID))
                    .leftJoin(HOUSEHOLD).on(HOUSEHOLD.ID.eq(PROBLEM.HOUSEHOLD_ID))
                    .forEach(r -> {
                        out.add(problem(r));
                        createdAt.put(r.get(PROBLEM.ID), r.get(PROBLEM.CREATED_AT));
                    });
        }
        // Oldest first (sorted here: an ORDER BY may make H2 walk another index to spare the sort).
        out.sort(java.util.Comparator.comparing((Problem x) -> createdAt.get(x.id())).thenComparing(Problem::id));
        return out;
    }

    private org.jooq.SelectOnConditionStep<Record> joined() {
        return dsl.select(PROBLEM.fields()).select(HOUSEHOLD.HEAD_NAME, VILLAGE.NAME)
                .from(PROBLEM)
                .join(VILLAGE).on(VILLAGE.ID.eq(PROBLEM.VILLAGE_ID))
                .leftJoin(HOUSEHOLD).on(HOUSEHOLD.ID.eq(PROBLEM.HOUSEHOLD_ID));
    }

    private static Problem problem(Record r) {
        return new Problem(r.get(PROBLEM.ID), ProblemKind.valueOf(r.get(PROBLEM.KIND)),
                r.get(PROBLEM.SUB_KIND) == null ? null : DisputeKind.valueOf(r.get(PROBLEM.SUB_KIND)),
                r.get(PROBLEM.RAISED_BY), r.get(PROBLEM.HOUSEHOLD_ID), r.get(HOUSEHOLD.HEAD_NAME),
                r.get(PROBLEM.VILLAGE_ID), r.get(VILLAGE.NAME), r.get(PROBLEM.RAISED_ON), r.get(PROBLEM.DESCRIPTION),
                ProblemStatus.valueOf(r.get(PROBLEM.STATUS)), r.get(PROBLEM.RESOLVED_ON), r.get(PROBLEM.RESOLUTION),
                r.get(PROBLEM.SETTLED_LEVEL) == null ? null : SettledLevel.valueOf(r.get(PROBLEM.SETTLED_LEVEL)),
                r.get(PROBLEM.VISIT_ID), r.get(PROBLEM.VERSION));
    }

    /** Problems in use (not in the bin, not hidden with a parent in it). */
    public int count() {
        return dsl.fetchCount(PROBLEM, conditionOf(ProblemFilter.all()));
    }

    /** A village's problems of a year counted in one grouped query: found, then each status and level. */
    public record Counts(UUID villageId, String villageName, String initials, int found, int resolved,
                         int inVillage, int inTownship, int inCounty, int escalated) {
    }

    /** The year's problems (of one village, or all) counted by village in one grouped query. */
    public List<Counts> counts(int year, UUID villageId) {
        Condition c = conditionOf(new ProblemFilter(villageId, year, null, null));
        Field<Integer> resolved = DSL.count().filterWhere(PROBLEM.STATUS.eq(ProblemStatus.RESOLVED.name()));
        Field<Integer> inVillage = DSL.count().filterWhere(PROBLEM.STATUS.eq(ProblemStatus.RESOLVED.name())
                .and(PROBLEM.SETTLED_LEVEL.eq(SettledLevel.VILLAGE.name())));
        Field<Integer> inTownship = DSL.count().filterWhere(PROBLEM.STATUS.eq(ProblemStatus.RESOLVED.name())
                .and(PROBLEM.SETTLED_LEVEL.eq(SettledLevel.TOWNSHIP.name())));
        Field<Integer> inCounty = DSL.count().filterWhere(PROBLEM.STATUS.eq(ProblemStatus.RESOLVED.name())
                .and(PROBLEM.SETTLED_LEVEL.eq(SettledLevel.COUNTY.name())));
        Field<Integer> escalated = DSL.count().filterWhere(PROBLEM.STATUS.in(ProblemStatus.TO_TOWNSHIP.name(),
                ProblemStatus.TO_COUNTY.name()));
        return dsl.select(PROBLEM.VILLAGE_ID, VILLAGE.NAME, VILLAGE.NAME_INITIALS, DSL.count(), resolved, inVillage,
                        inTownship, inCounty, escalated)
                .from(PROBLEM).join(VILLAGE).on(VILLAGE.ID.eq(PROBLEM.VILLAGE_ID))
                .where(c)
                .groupBy(PROBLEM.VILLAGE_ID, VILLAGE.NAME, VILLAGE.NAME_INITIALS)
                .orderBy(VILLAGE.NAME_INITIALS, VILLAGE.NAME)
                .fetch(r -> new Counts(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9()));
    }

    public void insert(List<Problem> list, OffsetDateTime now) {
        for (int i = 0; i < list.size(); i += 2000) {
            BatchBindStep batch = dsl.batch(dsl.insertInto(PROBLEM, PROBLEM.ID, PROBLEM.KIND, PROBLEM.SUB_KIND,
                            PROBLEM.RAISED_BY, PROBLEM.HOUSEHOLD_ID, PROBLEM.VILLAGE_ID, PROBLEM.RAISED_ON,
                            PROBLEM.DESCRIPTION, PROBLEM.STATUS, PROBLEM.RESOLVED_ON, PROBLEM.RESOLUTION,
                            PROBLEM.SETTLED_LEVEL, PROBLEM.VISIT_ID, PROBLEM.CREATED_AT, PROBLEM.UPDATED_AT,
                            PROBLEM.VERSION)
                    .values((UUID) null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                            null, null));
            for (Problem p : list.subList(i, Math.min(list.size(), i + 2000))) {
                batch.bind(p.id(), p.kind().name(), p.subKind() == null ? null : p.subKind().name(), p.raisedBy(),
                        p.householdId(), p.villageId(), p.raisedOn(), p.description(), p.status().name(),
                        p.resolvedOn(), p.resolution(), p.level() == null ? null : p.level().name(), p.visitId(),
                        now, now, 0);
            }
            batch.execute();
        }
    }

    public boolean update(Problem p, OffsetDateTime now) {
        return dsl.update(PROBLEM)
                .set(PROBLEM.KIND, p.kind().name())
                .set(PROBLEM.SUB_KIND, p.subKind() == null ? null : p.subKind().name())
                .set(PROBLEM.RAISED_BY, p.raisedBy())
                .set(PROBLEM.HOUSEHOLD_ID, p.householdId())
                .set(PROBLEM.VILLAGE_ID, p.villageId())
                .set(PROBLEM.RAISED_ON, p.raisedOn())
                .set(PROBLEM.DESCRIPTION, p.description())
                .set(PROBLEM.STATUS, p.status().name())
                .set(PROBLEM.RESOLVED_ON, p.resolvedOn())
                .set(PROBLEM.RESOLUTION, p.resolution())
                .set(PROBLEM.SETTLED_LEVEL, p.level() == null ? null : p.level().name())
                .set(PROBLEM.VISIT_ID, p.visitId())
                .set(PROBLEM.UPDATED_AT, now)
                .set(PROBLEM.VERSION, PROBLEM.VERSION.plus(1))
                .where(PROBLEM.ID.eq(p.id()).and(PROBLEM.VERSION.eq(p.version())).and(PROBLEM.DELETED_AT.isNull()))
                .execute() == 1;
    }

    public boolean remove(UUID id, int version, OffsetDateTime now) {
        return dsl.update(PROBLEM).set(PROBLEM.DELETED_AT, now).set(PROBLEM.VERSION, PROBLEM.VERSION.plus(1))
                .where(PROBLEM.ID.eq(id).and(PROBLEM.VERSION.eq(version)).and(PROBLEM.DELETED_AT.isNull()))
                .execute() == 1;
    }

    // ---- the recycle bin ----

    /** Problems in the recycle bin (removed on their own) with the time each was removed, latest first. */
    public List<ProblemInBin> inBin() {
        return joined().where(PROBLEM.DELETED_AT.isNotNull()).orderBy(PROBLEM.DELETED_AT.desc())
                .fetch(r -> new ProblemInBin(problem(r), r.get(PROBLEM.DELETED_AT)));
    }

    public Optional<ProblemInBin> inBin(UUID id) {
        return joined().where(PROBLEM.ID.eq(id).and(PROBLEM.DELETED_AT.isNotNull()))
                .fetchOptional(r -> new ProblemInBin(problem(r), r.get(PROBLEM.DELETED_AT)));
    }

    public boolean restore(UUID id, OffsetDateTime now) {
        return dsl.update(PROBLEM).setNull(PROBLEM.DELETED_AT).set(PROBLEM.UPDATED_AT, now)
                .set(PROBLEM.VERSION, PROBLEM.VERSION.plus(1))
                .where(PROBLEM.ID.eq(id).and(PROBLEM.DELETED_AT.isNotNull())).execute() == 1;
    }

    /** Deletes a problem in the recycle bin for good. */
    public boolean purge(UUID id) {
        return dsl.deleteFrom(PROBLEM).where(PROBLEM.ID.eq(id).and(PROBLEM.DELETED_AT.isNotNull())).execute() == 1;
    }
}
