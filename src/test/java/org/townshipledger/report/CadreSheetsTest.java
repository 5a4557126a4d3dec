package org.townshipledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.Assignment;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Rank;
import org.townshipledger.cadre.Role;
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
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** 驻村干部花名册 and 后备干部情况, written as PDF and read back. */
class CadreSheetsTest {

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
        Unit bureau = cadres.saveUnit(Unit.named("县教育局", UnitLevel.COUNTY, UnitType.ORGAN));
        Village dashi = villages.save(village("大石村"));
        Village longquan = villages.save(village("龙泉村"));
        post(cadres, cadre(cadres, "李书记", 1985, bureau, Rank.SECTION_LEVEL), dashi, Role.FIRST_SECRETARY);
        post(cadres, cadre(cadres, "王队员", 1992, bureau, Rank.GENERAL), dashi, Role.TEAM_MEMBER);
        post(cadres, cadre(cadres, "后备甲", 1996, null, Rank.VILLAGE_CADRE), dashi, Role.RESERVE);
        post(cadres, cadre(cadres, "后备乙", 1995, null, Rank.VILLAGE_CADRE), dashi, Role.RESERVE);
        post(cadres, cadre(cadres, "后备丙", 1980, null, Rank.VILLAGE_CADRE), longquan, Role.RESERVE);
        reports = new ReportService(settings, villages, List.of(new CadreRosterSheet(cadres, clock),
                new ReserveCadresSheet(cadres, villages::villages, clock)), clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Village village(String name) {
        return new Village(null, name, null, null, VillageKind.VILLAGE, true, null, null, null, null, Set.of(),
                List.of(), 0, null, null);
    }

    private Cadre cadre(CadreService cadres, String name, int birthYear, Unit unit, Rank rank) {
        String id = IdNumber.make("430599", LocalDate.of(birthYear, 6, 1), 2 * sequence++ + 1);
        return cadres.saveCadre(new Cadre(null, name, Sex.MALE, null, id, "13800001111", unit == null ? null : unit.id(),
                null, rank, true, null, 0, null));
    }

    private static void post(CadreService cadres, Cadre c, Village v, String role) {
        cadres.assign(Assignment.start(c.id(), v.id(), role, LocalDate.of(2024, 3, 1), null));
    }

    private String pdfText(String key) throws Exception {
        Path pdf = dir.resolve(key + ".pdf");
        reports.write(reports.sheet(key), new ReportParams(2025, null, false), ReportFormat.PDF, pdf, Progress.NONE);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " ");
        }
    }

    @Test
    void rosterListsEachVillagesPostsWithAgesAndCounts() throws Exception {
        String text = pdfText("cadres");
        assertThat(text).contains("青石镇 驻村干部花名册（2025 年）")
                .contains("大石村 驻村第一书记 李书记 男 40 县教育局 科级 2024-03-01 13800001111")
                .contains("大石村 驻村工作队员 王队员 男 33 县教育局 一般干部")
                .contains("大石村 2 人").contains("合计 2 人")
                .doesNotContain("后备甲");
    }

    @Test
    void reserveSheetMarksVillagesShortOfYoungReserves() throws Exception {
        String text = pdfText("reserves");
        List<String> lines = new ArrayList<>(text.lines().toList());
        assertThat(lines).anyMatch(l -> l.startsWith("1 大石村 2 2 后备甲（29）、后备乙（30） 达标"));
        assertThat(lines).anyMatch(l -> l.startsWith("2 龙泉村 1 0 后备丙（45） 不足，差 2 人"));
        assertThat(text).contains("合计 2 个村 3 2 1 个村不足");
    }
}
