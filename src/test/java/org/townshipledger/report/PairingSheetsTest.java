package org.townshipledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Rank;
import org.townshipledger.cadre.Unit;
import org.townshipledger.cadre.UnitLevel;
import org.townshipledger.cadre.UnitType;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.household.Household;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.Relation;
import org.townshipledger.household.SampleHouseholds;
import org.townshipledger.pairing.Pairing;
import org.townshipledger.pairing.PairingKind;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** 结对帮扶花名册 and 帮扶任务完成情况, written as PDF and read back. */
class PairingSheetsTest {

    @TempDir
    Path dir;

    private Database db;
    private ReportService reports;
    private int sequence = 1;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir.resolve("ledger"), LedgerSettings.of("青石镇", "示范县", 2025));
        Clock clock = Clock.fixed(Instant.parse("2026-02-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        VillageService villages = new VillageService(db, settings, clock);
        CadreService cadres = new CadreService(db, villages, settings, clock);
        HouseholdService households = new HouseholdService(db, villages, settings, clock);
        PairingService pairings = new PairingService(db, cadres, villages, settings, clock);
        Unit bureau = cadres.saveUnit(Unit.named("县教育局", UnitLevel.COUNTY, UnitType.ORGAN));
        Village dashi = villages.save(village("大石村"));
        Village longquan = villages.save(village("龙泉村"));
        Cadre leader = cadre(cadres, "赵县长", bureau, Rank.COUNTY_LEVEL);
        Cadre busy = cadre(cadres, "钱干部", bureau, Rank.GENERAL);
        LocalDate from = LocalDate.of(2025, 4, 1);
        pairings.pair(Pairing.ofHousehold(leader.id(), household(households, dashi, "王大山").id(),
                PairingKind.ONE_TO_ONE, from));
        pairings.pair(Pairing.ofHousehold(busy.id(), household(households, dashi, "李小河").id(),
                PairingKind.ONE_TO_MANY, from));
        pairings.pair(Pairing.ofHousehold(busy.id(), household(households, longquan, "张石头").id(),
                PairingKind.ONE_TO_MANY, from));
        // Six households for a limit of five: came in before the limit was lowered, say.
        List<Pairing> extra = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            extra.add(Pairing.ofHousehold(busy.id(), household(households, longquan, "户主" + i).id(),
                    PairingKind.ONE_TO_MANY, from).withId(UUID.randomUUID()));
        }
        pairings.insertAll(extra);
        reports = new ReportService(settings, villages, List.of(new PairingRosterSheet(pairings),
                new PairingQuotaSheet(pairings)), clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Village village(String name) {
        return new Village(null, name, null, null, VillageKind.VILLAGE, true, null, null, null, null, Set.of(),
                List.of(), 0, null, null);
    }

    private Cadre cadre(CadreService cadres, String name, Unit unit, Rank rank) {
        String id = IdNumber.make("430599", LocalDate.of(1975, 6, 1), 2 * sequence++ + 1);
        return cadres.saveCadre(new Cadre(null, name, Sex.MALE, null, id, "1380000111" + sequence, unit.id(), null,
                rank, true, null, 0, null));
    }

    private Household household(HouseholdService households, Village v, String head) {
        int seq = 2 * sequence++ + 1;
        return households.save(SampleHouseholds.household(v, SampleHouseholds.member(head, Relation.HEAD,
                LocalDate.of(1960, 1, 1).plusDays(seq), seq))).household();
    }

    private String pdfText(String key) throws Exception {
        Path pdf = dir.resolve(key + ".pdf");
        reports.write(reports.sheet(key), new ReportParams(2025, null, false), ReportFormat.PDF, pdf, Progress.NONE);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " ");
        }
    }

    @Test
    void rosterListsEachVillagesHouseholdsWithTheirHelpersAndCounts() throws Exception {
        String text = pdfText("pairings");
        assertThat(text).contains("青石镇 结对帮扶花名册（2025 年）")
                .contains("大石村 王大山 赵县长 县教育局 13800001112 一对一 2025-04-01")
                .contains("大石村 李小河 钱干部 县教育局")
                .contains("大石村 2 户（人）").contains("龙泉村 5 户（人）").contains("合计 7 户（人）")
                .contains("第 1 页").contains("共 1 页");
    }

    @Test
    void quotaSheetShowsWhatEachHelperOwesAndWhoIsOverTheLimit() throws Exception {
        String text = pdfText("pairing-quotas");
        assertThat(text).contains("青石镇 帮扶任务完成情况（2025 年）")
                .contains("县级领导 赵县长 县教育局 联系乡镇 1 村 1 户 2 户 1 未完成：联系乡镇 0/1、帮扶村 0/1、帮扶户 1/2")
                .contains("其他帮扶人 钱干部 县教育局 — 户 6 超过上限：帮扶 6 户，上限 5 户")
                .contains("县直单位 县教育局 县教育局 村 1 户 3 后备干部 1 户 7 未完成：帮扶村 0/1、选派后备干部驻村 0/1")
                .contains("已完成 0，未完成 2，超过上限 1");
    }
}
