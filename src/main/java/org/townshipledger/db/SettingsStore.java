package org.townshipledger.db;

import static org.townshipledger.db.jooq.Tables.SETTING;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.townshipledger.common.InvalidInputException;

/** Key/value settings kept inside the ledger, so they travel with it (and with its backups). */
public final class SettingsStore {

    public static final String TOWNSHIP = "ledger.township";
    public static final String COUNTY = "ledger.county";
    public static final String WORKING_YEAR = "ledger.workingYear";
    public static final String PREPARER = "print.preparer";
    public static final String REVIEWER = "print.reviewer";

    private final DSLContext dsl;

    public SettingsStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<String> get(String key) {
        return dsl.select(SETTING.SETTING_VALUE).from(SETTING).where(SETTING.SETTING_KEY.eq(key))
                .fetchOptional(SETTING.SETTING_VALUE);
    }

    /** The values of those of {@code keys} that are set, read in one query. */
    public Map<String, String> getAll(Collection<String> keys) {
        Map<String, String> values = new HashMap<>();
        dsl.select(SETTING.SETTING_KEY, SETTING.SETTING_VALUE).from(SETTING).where(SETTING.SETTING_KEY.in(keys))
                .forEach(r -> values.put(r.value1(), r.value2()));
        return values;
    }

    public void put(String key, String value) {
        put(dsl, key, value);
    }

    private static void put(DSLContext ctx, String key, String value) {
        ctx.mergeInto(SETTING)
                .using(ctx.selectOne())
                .on(SETTING.SETTING_KEY.eq(key))
                .whenMatchedThenUpdate()
                .set(SETTING.SETTING_VALUE, value)
                .set(SETTING.UPDATED_AT, OffsetDateTime.now())
                .whenNotMatchedThenInsert(SETTING.SETTING_KEY, SETTING.SETTING_VALUE, SETTING.UPDATED_AT)
                .values(key, value, OffsetDateTime.now())
                .execute();
    }

    /** True once the township has been named (the first-start dialog or {@code init} did it). */
    public boolean isConfigured() {
        return get(TOWNSHIP).filter(s -> !s.isBlank()).isPresent();
    }

    public LedgerSettings ledgerSettings() {
        int year = get(WORKING_YEAR).map(SettingsStore::parseYear).orElse(LedgerSettings.currentYear());
        return new LedgerSettings(get(TOWNSHIP).orElse(""), get(COUNTY).orElse(""), year,
                get(PREPARER).orElse(""), get(REVIEWER).orElse(""));
    }

    /** The working year alone (one setting read, where {@link #ledgerSettings} reads five). */
    public int workingYear() {
        return get(WORKING_YEAR).map(SettingsStore::parseYear).orElse(LedgerSettings.currentYear());
    }

    public void save(LedgerSettings settings) {
        if (!settings.problems().isEmpty()) {
            throw new InvalidInputException(settings.problems());
        }
        dsl.transaction(tx -> {
            DSLContext ctx = tx.dsl();
            put(ctx, TOWNSHIP, settings.township());
            put(ctx, COUNTY, settings.county());
            put(ctx, WORKING_YEAR, Integer.toString(settings.workingYear()));
            put(ctx, PREPARER, settings.preparer());
            put(ctx, REVIEWER, settings.reviewer());
        });
    }

    private static int parseYear(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return LedgerSettings.currentYear();
        }
    }
}
