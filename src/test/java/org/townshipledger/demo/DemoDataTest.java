package org.townshipledger.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.townshipledger.db.jooq.Tables.VILLAGE_GROUP;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.LedgerUnavailableException;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageRules;
import org.townshipledger.village.VillageService;

class DemoDataTest {

    @TempDir
    Path dir;

    @Test
    void townshipScaleGivesTwentyFiveValidVillages() {
        DemoData.Summary summary = DemoData.create(dir, DemoScale.TOWNSHIP, 7);

        try (Database db = Database.open(dir)) {
            VillageService service = new VillageService(db);
            List<Village> villages = service.villages();
            assertThat(villages).hasSize(25);
            assertThat(villages).extracting(Village::name).doesNotHaveDuplicates()
                    .allSatisfy(n -> assertThat(n).matches(".+(村|社区)"));
            assertThat(villages).allSatisfy(v -> {
                assertThat(v.groups()).isNotEmpty();
                assertThat(v.statsCode()).matches("\\d{12}");
                assertThat(VillageRules.validate(v, name -> false)).isEmpty();
            });
            assertThat(villages).extracting(Village::statsCode).doesNotHaveDuplicates();

            int groups = villages.stream().mapToInt(v -> v.groups().size()).sum();
            assertThat(summary).isEqualTo(new DemoData.Summary(db.file(), 25, groups));
            assertThat(db.dsl().fetchCount(VILLAGE_GROUP)).isEqualTo(groups);
            assertThat(service.groupCount()).isEqualTo(groups);

            LedgerSettings settings = new SettingsStore(db.dsl()).ledgerSettings();
            assertThat(settings.township()).isEqualTo("青石镇");
            assertThat(settings.workingYear()).isEqualTo(DemoData.DEMO_YEAR);
        }
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        DemoData.create(dir.resolve("a"), DemoScale.TOWNSHIP, 42);
        DemoData.create(dir.resolve("b"), DemoScale.TOWNSHIP, 42);
        DemoData.create(dir.resolve("c"), DemoScale.TOWNSHIP, 43);

        List<String> a = snapshot(dir.resolve("a"));
        List<String> b = snapshot(dir.resolve("b"));
        List<String> c = snapshot(dir.resolve("c"));

        assertThat(a).hasSize(25).isEqualTo(b);
        assertThat(c).hasSize(25).isNotEqualTo(a);
    }

    @Test
    void countyScaleVillagesAreDistinctAndValid() {
        // Generated only (no ledger) to stay fast; the CLI test writes a county ledger.
        List<Village> villages = DemoData.villages(DemoScale.COUNTY, new Random(3));

        assertThat(villages).hasSize(650);
        assertThat(villages).extracting(Village::name).doesNotHaveDuplicates();
        assertThat(villages).extracting(Village::statsCode).allSatisfy(c -> assertThat(c).matches("\\d{12}"));
        assertThat(villages).allSatisfy(v -> assertThat(VillageRules.validate(v, n -> false)).isEmpty());
    }

    @Test
    void demoRefusesToOverwriteALedger() {
        Path ledger = dir.resolve("ledger");
        DemoData.create(ledger, DemoScale.TOWNSHIP, 1);

        assertThatThrownBy(() -> DemoData.create(ledger, DemoScale.TOWNSHIP, 2))
                .isInstanceOfSatisfying(LedgerUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(LedgerUnavailableException.Reason.EXISTS));
        assertThat(snapshot(ledger)).isEqualTo(snapshotOfSeed(1));
    }

    private List<String> snapshotOfSeed(long seed) {
        Path other = dir.resolve("seed-" + seed);
        DemoData.create(other, DemoScale.TOWNSHIP, seed);
        return snapshot(other);
    }

    private static List<String> snapshot(Path dataDir) {
        try (Database db = Database.open(dataDir)) {
            return new VillageService(db).villages().stream()
                    .map(v -> String.join("|", v.name(), v.statsCode(), v.kind().name(),
                            String.valueOf(v.povertyVillage()), String.valueOf(v.exitYear()),
                            String.valueOf(v.householdCount()), String.valueOf(v.population()),
                            v.weakYears().stream().sorted().toList().toString(), v.groupNames().toString()))
                    .toList();
        }
    }
}
