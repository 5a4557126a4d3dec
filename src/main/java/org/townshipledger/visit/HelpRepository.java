package org.townshipledger.visit;

import static org.townshipledger.db.jooq.Tables.CADRE;
import static org.townshipledger.db.jooq.Tables.HELP_ITEM;
import static org.townshipledger.db.jooq.Tables.HOUSEHOLD;
import static org.townshipledger.db.jooq.Tables.UNIT;
import static org.townshipledger.db.jooq.Tables.VILLAGE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Help given (帮扶措施 / 项目) in the ledger; money and goods as exact decimals. */
public final class HelpRepository {

    private final DSLContext dsl;

    public HelpRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public HelpRepository with(DSLContext ctx) {
        return new HelpRepository(ctx);
    }

    /** Items in use matching {@code f}: not in the recycle bin, and not hidden with their household or village in it. */
    private Condition conditionOf(HelpFilter f) {
        Condition c = HELP_ITEM.DELETED_AT.isNull()
                .and(VisitRepository.hidden(dsl).visible(HELP_ITEM.HOUSEHOLD_ID, HELP_ITEM.VILLAGE_ID));
        if (f.villageId() != null) {
            c = c.and(HELP_ITEM.VILLAGE_ID.eq(f.villageId()));
        }
        if (f.year() != null) {
            c = c.and(HELP_ITEM.HELP_DATE.between(LocalDate.of(f.year(), 1, 1), LocalDate.of(f.year(), 12, 31)));
        }
        if (f.kind() != null) {
            c = c.and(HELP_ITEM.KIND.eq(f.kind().name()));
        }
        if (f.householdId() != null) {
            c = c.and(HELP_ITEM.HOUSEHOLD_ID.eq(f.householdId()));
        }
        return c;
    }

    private static final Field<String> HELPER = DSL.coalesce(CADRE.NAME, UNIT.NAME).as("helper_name");

    /** The items matching {@code f}, by village (pinyin order), newest first in a village. */
    public List<HelpItem> list(HelpFilter f) {
        return joined().where(conditionOf(f))
                .orderBy(VILLAGE.NAME_INITIALS, VILLAGE.NAME, HELP_ITEM.HELP_DATE.desc(), HELP_ITEM.ID)
                .fetch(HelpRepository::item);
    }

    public Optional<HelpItem> item(UUID id) {
        return joined().where(HELP_ITEM.ID.eq(id).and(HELP_ITEM.DELETED_AT.isNull()))
                .fetchOptional(HelpRepository::item);
    }

    /**
     * The items in use given in the village (to it or to one of its households) on the day of one of these
     * (village, day) pairs: the candidates an imported row may repeat. A batch of pairs at a time joined from an
     * UNNEST of two arrays, each pair a look-up in help_item_village_idx.
     */
    public List<HelpItem> sameDay(java.util.Collection<java.util.Map.Entry<UUID, LocalDate>> pairs) {
        List<java.util.Map.Entry<UUID, LocalDate>> all = List.copyOf(new java.util.LinkedHashSet<>(pairs));
        List<HelpItem> out = new java.util.ArrayList<>();
        java.util.Map<UUID, OffsetDateTime> createdAt = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i += 2000) {
            org.jooq.Table<?> wanted = VisitRepository.pairsTable(all.subList(i, Math.min(all.size(), i + 2000)));
            dsl.select(HELP_ITEM.fields()).select(HOUSEHOLD.HEAD_NAME, VILLAGE.NAME, HELPER)
                    .from(wanted)
                    .join(HELP_ITEM).on(HELP_ITEM.VILLAGE_ID.eq(VisitRepository.PAIR_ID)
                            .and(HELP_ITEM.HELP_DATE.eq(VisitRepository.PAIR_DAY))
                            .and(HELP_ITEM.DELETED_AT.isNull()))
                    .join(VILLAGE).on(VILLAGE.ID.eq(HELP_ITEM.VILLAGE_ID))
                    .leftJoin(HOUSEHOLD).on(HOUSEHOLD.ID.eq(HELP_ITEM.HOUSEHOLD_ID))
                    .leftJoin(CADRE).on(CADRE.ID.eq(HELP_ITEM.HELPER_CADRE_ID))
                    .leftJoin(UNIT).on(UNIT.ID.eq(HELP_ITEM.HELPER_UNIT_ID))
                    .forEach(r -> {
                        out.add(item(r));
                        createdAt.put(r.get(HELP_ITEM.ID), r.get(HELP_ITEM.CREATED_AT));
                    });
        }
        // Oldest first (sorted here: an ORDER BY may make H2 walk another index to spare the sort).
        out.sort(java.util.Comparator.comparing((HelpItem x) -> createdAt.get(x.id())).thenComparing(HelpItem::id));
        return out;
    }

    private org.jooq.SelectOnConditionStep<Record> joined() {
        return dsl.select(HELP_ITEM.fields()).select(HOUSEHOLD.HEAD_NAME, VILLAGE.NAME, HELPER)
                .from(HELP_ITEM)
                .join(VILLAGE).on(VILLAGE.ID.eq(HELP_ITEM.VILLAGE_ID))
                .leftJoin(HOUSEHOLD).on(HOUSEHOLD.ID.eq(HELP_ITEM.HOUSEHOLD_ID))
                .leftJoin(CADRE).on(CADRE.ID.eq(HELP_ITEM.HELPER_CADRE_ID))
                .leftJoin(UNIT).on(UNIT.ID.eq(HELP_ITEM.HELPER_UNIT_ID));
    }

    private static HelpItem item(Record r) {
        return new HelpItem(r.get(HELP_ITEM.ID), VisitTarget.valueOf(r.get(HELP_ITEM.TARGET_KIND)),
                r.get(HELP_ITEM.HOUSEHOLD_ID), r.get(HOUSEHOLD.HEAD_NAME), r.get(HELP_ITEM.VILLAGE_ID),
                r.get(VILLAGE.NAME), HelpKind.valueOf(r.get(HELP_ITEM.KIND)), r.get(HELP_ITEM.DESCRIPTION),
                r.get(HELP_ITEM.MONEY), r.get(HELP_ITEM.GOODS_VALUE), r.get(HELP_ITEM.HELPER_CADRE_ID),
                r.get(HELP_ITEM.HELPER_UNIT_ID), r.get(HELPER), r.get(HELP_ITEM.HELP_DATE),
                HelpStatus.valueOf(r.get(HELP_ITEM.STATUS)), r.get(HELP_ITEM.VERSION));
    }

    /** Items in use (not in the bin, not hidden with a parent in it). */
    public int count() {
        return dsl.fetchCount(HELP_ITEM, conditionOf(HelpFilter.all()));
    }

    /** Items, money and goods of a village and kind, summed by the database (exact DECIMAL sums). */
    public record Sums(UUID villageId, String villageName, String initials, HelpKind kind, int items,
                       BigDecimal money, BigDecimal goods) {
    }

    /** The year's items summed by village and kind in one grouped query. */
    public List<Sums> sums(int year) {
        Field<BigDecimal> money = DSL.sum(HELP_ITEM.MONEY);
        Field<BigDecimal> goods = DSL.sum(HELP_ITEM.GOODS_VALUE);
        return dsl.select(HELP_ITEM.VILLAGE_ID, VILLAGE.NAME, VILLAGE.NAME_INITIALS, HELP_ITEM.KIND, DSL.count(),
                        money, goods)
                .from(HELP_ITEM).join(VILLAGE).on(VILLAGE.ID.eq(HELP_ITEM.VILLAGE_ID))
                .where(conditionOf(HelpFilter.ofYear(year)))
                .groupBy(HELP_ITEM.VILLAGE_ID, VILLAGE.NAME, VILLAGE.NAME_INITIALS, HELP_ITEM.KIND)
                .orderBy(VILLAGE.NAME_INITIALS, VILLAGE.NAME, HELP_ITEM.KIND)
                .fetch(r -> new Sums(r.value1(), r.value2(), r.value3(), HelpKind.valueOf(r.value4()), r.value5(),
                        r.value6(), r.value7()));
    }

    public void insert(List<HelpItem> list, OffsetDateTime now) {
        for (int i = 0; i < list.size(); i += 2000) {
            BatchBindStep batch = dsl.batch(dsl.insertInto(HELP_ITEM, HELP_ITEM.ID, HELP_ITEM.TARGET_KIND,
                            HELP_ITEM.HOUSEHOLD_ID, HELP_ITEM.VILLAGE_ID, HELP_ITEM.KIND, HELP_ITEM.DESCRIPTION,
                            HELP_ITEM.MONEY, HELP_ITEM.GOODS_VALUE, HELP_ITEM.HELPER_CADRE_ID, HELP_ITEM.HELPER_UNIT_ID,
                            HELP_ITEM.HELP_DATE, HELP_ITEM.STATUS, HELP_ITEM.CREATED_AT, HELP_ITEM.UPDATED_AT,
                            HELP_ITEM.VERSION)
                    .values((UUID) null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                            null));
            for (HelpItem h : list.subList(i, Math.min(list.size(), i + 2000))) {
                batch.bind(h.id(), h.target().name(), h.householdId(), h.villageId(), h.kind().name(),
                        h.description(), h.money(), h.goodsValue(), h.cadreId(), h.unitId(), h.date(),
                        h.status().name(), now, now, 0);
            }
            batch.execute();
        }
    }

    public boolean update(HelpItem h, OffsetDateTime now) {
        return dsl.update(HELP_ITEM)
                .set(HELP_ITEM.TARGET_KIND, h.target().name())
                .set(HELP_ITEM.HOUSEHOLD_ID, h.householdId())
                .set(HELP_ITEM.VILLAGE_ID, h.villageId())
                .set(HELP_ITEM.KIND, h.kind().name())
                .set(HELP_ITEM.DESCRIPTION, h.description())
                .set(HELP_ITEM.MONEY, h.money())
                .set(HELP_ITEM.GOODS_VALUE, h.goodsValue())
                .set(HELP_ITEM.HELPER_CADRE_ID, h.cadreId())
                .set(HELP_ITEM.HELPER_UNIT_ID, h.unitId())
                .set(HELP_ITEM.HELP_DATE, h.date())
                .set(HELP_ITEM.STATUS, h.status().name())
                .set(HELP_ITEM.UPDATED_AT, now)
                .set(HELP_ITEM.VERSION, HELP_ITEM.VERSION.plus(1))
                .where(HELP_ITEM.ID.eq(h.id()).and(HELP_ITEM.VERSION.eq(h.version()))
                        .and(HELP_ITEM.DELETED_AT.isNull()))
                .execute() == 1;
    }

    public boolean remove(UUID id, int version, OffsetDateTime now) {
        return dsl.update(HELP_ITEM).set(HELP_ITEM.DELETED_AT, now).set(HELP_ITEM.VERSION, HELP_ITEM.VERSION.plus(1))
                .where(HELP_ITEM.ID.eq(id).and(HELP_ITEM.VERSION.eq(version)).and(HELP_ITEM.DELETED_AT.isNull()))
                .execute() == 1;
    }

    // ---- the recycle bin ----

    /** Items in the recycle bin (removed on their own) with the time each was removed, latest first. */
    public List<HelpInBin> inBin() {
        return joined().where(HELP_ITEM.DELETED_AT.isNotNull()).orderBy(HELP_ITEM.DELETED_AT.desc())
                .fetch(r -> new HelpInBin(item(r), r.get(HELP_ITEM.DELETED_AT)));
    }

    public Optional<HelpInBin> inBin(UUID id) {
        return joined().where(HELP_ITEM.ID.eq(id).and(HELP_ITEM.DELETED_AT.isNotNull()))
                .fetchOptional(r -> new HelpInBin(item(r), r.get(HELP_ITEM.DELETED_AT)));
    }

    public boolean restore(UUID id, OffsetDateTime now) {
        return dsl.update(HELP_ITEM).setNull(HELP_ITEM.DELETED_AT).set(HELP_ITEM.UPDATED_AT, now)
                .set(HELP_ITEM.VERSION, HELP_ITEM.VERSION.plus(1))
                .where(HELP_ITEM.ID.eq(id).and(HELP_ITEM.DELETED_AT.isNotNull())).execute() == 1;
    }

    /** Deletes an item in the recycle bin for good. */
    public boolean purge(UUID id) {
        return dsl.deleteFrom(HELP_ITEM).where(HELP_ITEM.ID.eq(id).and(HELP_ITEM.DELETED_AT.isNotNull()))
                .execute() == 1;
    }
}
