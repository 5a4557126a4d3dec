package org.townshipledger.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.Assignment;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreBins;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Rank;
import org.townshipledger.cadre.Role;
import org.townshipledger.cadre.Unit;
import org.townshipledger.cadre.UnitLevel;
import org.townshipledger.cadre.UnitType;
import org.townshipledger.common.BinItem;
import org.townshipledger.common.BinRegister;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.household.HouseholdBin;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.pairing.PairingBin;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.recyclebin.RecycleBinViewModel;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageBin;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/**
 * Grades, 述职 reviews and star ratings in the recycle bin beside the other registers (the list AppContext gives the
 * 回收站 screen): deleted, listed with Chinese names, restored, refused when a live one took their place, purged;
 * and a village or cadre that has them is purged with them, never with an SQL error.
 */
class GradingBinTest {

    @TempDir
    Path dir;

    private Database db;
    private VillageService villages;
    private CadreService cadres;
    private GradingService grading;
    private StatusBarModel status;
    private RecycleBinViewModel bin;
    private Village dashi;
    private Cadre wang;
    private int sequence = 1;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2026));
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        villages = new VillageService(db, settings, clock);
        cadres = new CadreService(db, villages, settings, clock);
        grading = new GradingService(db, cadres, settings, clock);
        HouseholdService households = new HouseholdService(db, villages, settings, clock);
        PairingService pairings = new PairingService(db, cadres, villages, settings, clock);
        List<BinRegister> registers = new ArrayList<>();
        registers.add(new VillageBin(villages));
        registers.add(new HouseholdBin(households));
        registers.addAll(CadreBins.of(cadres));
        registers.add(new PairingBin(pairings));
        registers.add(new GradeBin(grading));
        registers.add(new ReviewBin(grading));
        registers.add(new StarBin(grading));
        status = new StatusBarModel();
        bin = new RecycleBinViewModel(registers, new CurrentThreadTaskExecutor(), status);

        dashi = village("大石村");
        Unit town = cadres.saveUnit(Unit.named("青石镇党委", UnitLevel.TOWNSHIP, UnitType.ORGAN));
        wang = cadres.saveCadre(new Cadre(null, "王书记", Sex.MALE, null,
                IdNumber.make("430598", LocalDate.of(1975, 5, 1), 2 * sequence++ + 1), "13900001234", town.id(), null,
                Rank.GENERAL, true, null, 0, null));
        cadres.assign(Assignment.start(wang.id(), dashi.id(), Role.BRANCH_SECRETARY, LocalDate.of(2024, 1, 1), null));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Village village(String name) {
        return villages.save(new Village(null, name, null, null, VillageKind.VILLAGE, false, null, null, null, null,
                Set.of(), List.of(), 0, null, null));
    }

    private int rows(String table) {
        return db.dsl().fetchOne("SELECT COUNT(*) FROM " + table).get(0, Integer.class);
    }

    private SecretaryReview review(int year, String... parts) {
        return grading.review(SecretaryReview.of(wang.id(), dashi.id(), year, ReviewKind.BRANCH_SECRETARY,
                List.of(parts).stream().map(BigDecimal::new).toList()));
    }

    private StarRating star(StarSubject subject, String name, int stars) {
        return grading.saveStar(new StarRating(null, 2026, subject, dashi.id(), null, null, name, stars, 0));
    }

    private BinItem item(String register) {
        return bin.items().stream().filter(i -> i.register().equals(register)).findFirst().orElseThrow();
    }

    @Test
    void gradesReviewsAndStarsGoToTheBinWithChineseNamesAndComeBack() {
        VillageGrade grade = grading.save(VillageGrade.of(dashi.id(), 2026, Grade.FAIRLY_GOOD).withStars(4));
        SecretaryReview review = review(2026, "90", "85", "80", "95");
        StarRating member = star(StarSubject.MEMBER, "张秀英", 5);
        StarRating secretary = star(StarSubject.SECRETARY, "王书记", 4);
        assertThat(secretary.cadreId()).as("linked to the secretary posted at the village").isEqualTo(wang.id());

        grading.remove(grade);
        grading.removeReview(review);
        grading.removeStar(member);
        assertThat(grading.grades(2026)).isEmpty();
        assertThat(grading.reviews(2026)).isEmpty();
        assertThat(grading.stars(2026)).extracting(StarRating::personName).containsExactly("王书记");

        bin.load();
        assertThat(bin.items()).extracting(i -> RecycleBinViewModel.registerLabel(i.register()), BinItem::name,
                BinItem::details).containsExactlyInAnyOrder(
                tuple("格次评定", "大石村 2026 年格次", "格次：较好，4 星"),
                tuple("述职考核", "王书记 2026 年述职", "村党组织书记，大石村，总分 86，称职"),
                tuple("星级评定", "张秀英（党员）2026 年星级评定", "大石村，5 星"));

        bin.restore(item(GradeBin.KIND));
        assertThat(status.messageProperty().get()).isEqualTo("已恢复格次评定“大石村 2026 年格次”");
        bin.restore(item(ReviewBin.KIND));
        assertThat(status.messageProperty().get()).isEqualTo("已恢复述职考核“王书记 2026 年述职”");
        bin.restore(item(StarBin.KIND));
        assertThat(status.messageProperty().get()).isEqualTo("已恢复星级评定“张秀英（党员）2026 年星级评定”");
        assertThat(bin.items()).isEmpty();
        assertThat(grading.grades(2026)).singleElement().satisfies(g -> {
            assertThat(g.grade()).isEqualTo(Grade.FAIRLY_GOOD);
            assertThat(g.stars()).isEqualTo(4);
        });
        assertThat(grading.reviews(2026)).singleElement().extracting(SecretaryReview::total)
                .satisfies(t -> assertThat(t).isEqualByComparingTo("86"));
        assertThat(grading.stars(2026)).extracting(StarRating::personName).containsExactlyInAnyOrder("张秀英", "王书记");
    }

    @Test
    void restoringWhileALiveRecordTookItsPlaceIsRefusedWithAClearMessage() {
        VillageGrade first = grading.save(VillageGrade.of(dashi.id(), 2026, Grade.POOR));
        grading.remove(first);
        grading.save(VillageGrade.of(dashi.id(), 2026, Grade.GOOD));
        SecretaryReview review = review(2026, "60", "60", "60", "60");
        grading.removeReview(review);
        review(2026, "90", "90", "90", "90");
        StarRating member = star(StarSubject.MEMBER, "张秀英", 3);
        grading.removeStar(member);
        star(StarSubject.MEMBER, "张秀英", 5);

        InvalidInputException refused = catchThrowableOfType(() -> grading.restoreGrade(first.id()),
                InvalidInputException.class);
        assertThat(refused.getMessage())
                .isEqualTo("大石村 2026 年已另有一条格次记录，不能恢复这一条。如要换回，请先删除现有的那条。");

        bin.load();
        bin.restore(item(ReviewBin.KIND));
        assertThat(status.messageProperty().get())
                .isEqualTo("王书记 2026 年已另有一条村党组织书记述职记录，不能恢复这一条。如要换回，请先删除现有的那条。");
        bin.restore(item(StarBin.KIND));
        assertThat(status.messageProperty().get())
                .isEqualTo("张秀英 2026 年已另有一条五星党员评定，不能恢复这一条。如要换回，请先删除现有的那条。");
        assertThat(bin.items()).hasSize(3);
        assertThat(grading.grades(2026)).singleElement().extracting(VillageGrade::grade).isEqualTo(Grade.GOOD);
        assertThat(grading.reviews(2026)).singleElement().extracting(SecretaryReview::result)
                .isEqualTo(ReviewResult.EXCELLENT);
        assertThat(grading.stars(2026)).singleElement().extracting(StarRating::stars).isEqualTo(5);
    }

    @Test
    void purgingDeletesOnlyWhatIsInTheBinForGood() {
        VillageGrade old = grading.save(VillageGrade.of(dashi.id(), 2025, Grade.AVERAGE));
        grading.save(VillageGrade.of(dashi.id(), 2026, Grade.GOOD));
        grading.remove(old);
        SecretaryReview review = review(2026, "80", "80", "80", "80");
        grading.removeReview(review);
        grading.removeStar(star(StarSubject.MEMBER, "张秀英", 3));
        star(StarSubject.MEMBER, "李红", 5);

        bin.load();
        for (BinItem i : List.copyOf(bin.items())) {
            bin.purge(i);
        }
        assertThat(bin.items()).isEmpty();
        assertThat(rows("village_grade")).isEqualTo(1);
        assertThat(rows("secretary_review")).isZero();
        assertThat(rows("star_rating")).isEqualTo(1);
        assertThat(catchThrowableOfType(() -> grading.purgeGrade(old.id()), InvalidInputException.class))
                .hasMessage("这条记录已不在回收站里（可能已被恢复或删除），请刷新");
    }

    @Test
    void aVillageWithGradesReviewsAndStarsIsPurgedWithThem() {
        Village longquan = village("龙泉村");
        grading.save(VillageGrade.of(dashi.id(), 2025, Grade.POOR));
        grading.save(VillageGrade.of(dashi.id(), 2026, Grade.AVERAGE));
        grading.save(VillageGrade.of(longquan.id(), 2026, Grade.GOOD));
        review(2026, "80", "80", "80", "80");
        star(StarSubject.MEMBER, "张秀英", 5);
        star(StarSubject.SECRETARY, "王书记", 4);
        // A grade removed on its own before the village went: in the bin twice over, purged first when emptying.
        VillageGrade mistake = grading.save(VillageGrade.of(dashi.id(), 2024, Grade.POOR));
        grading.remove(mistake);

        villages.moveToBin(villages.find(dashi.id()).orElseThrow());
        assertThat(grading.grades(2026)).extracting(VillageGrade::villageName).containsExactly("龙泉村");
        assertThat(grading.stars(2026)).as("hidden with their village").isEmpty();
        bin.load();
        bin.purge(item(VillageBin.KIND));

        assertThat(status.messageProperty().get()).isEqualTo("已彻底删除村庄“大石村”");
        assertThat(rows("village")).isEqualTo(1);
        assertThat(rows("village_grade")).isEqualTo(1);
        assertThat(rows("secretary_review")).isZero();
        assertThat(rows("star_rating")).isZero();
        assertThat(rows("cadre")).as("the secretary stays in the cadre register").isEqualTo(1);
        assertThat(bin.items()).isEmpty();
    }

    @Test
    void emptyingTheBinPurgesGradesBeforeTheirVillageAndReviewsBeforeTheirCadre() {
        VillageGrade mistake = grading.save(VillageGrade.of(dashi.id(), 2026, Grade.POOR));
        grading.remove(mistake);
        SecretaryReview review = review(2025, "70", "70", "70", "70");
        grading.removeReview(review);
        review(2026, "80", "80", "80", "80");
        StarRating star = star(StarSubject.SECRETARY, "王书记", 4);
        grading.removeStar(star);
        star(StarSubject.SECRETARY, "王书记", 5);
        villages.moveToBin(villages.find(dashi.id()).orElseThrow());
        cadres.moveCadreToBin(cadres.cadre(wang.id()).orElseThrow());

        bin.load();
        assertThat(bin.items()).hasSize(5);
        bin.emptyBin();

        assertThat(status.messageProperty().get()).isEqualTo("回收站已清空，彻底删除 5 项");
        for (String table : List.of("village", "cadre", "assignment", "village_grade", "secretary_review",
                "star_rating")) {
            assertThat(rows(table)).as(table).isZero();
        }
    }

    @Test
    void aCadreWithReviewsAndStarsIsPurgedWithThem() {
        review(2025, "70", "70", "70", "70");
        review(2026, "80", "80", "80", "80");
        star(StarSubject.SECRETARY, "王书记", 4);
        star(StarSubject.MEMBER, "张秀英", 5);
        cadres.moveCadreToBin(cadres.cadre(wang.id()).orElseThrow());
        assertThat(grading.reviews(2026)).as("hidden with the cadre").isEmpty();

        bin.load();
        bin.purge(item(CadreBins.CADRE));

        assertThat(status.messageProperty().get()).isEqualTo("已彻底删除干部“王书记”");
        assertThat(rows("cadre")).isZero();
        assertThat(rows("secretary_review")).isZero();
        assertThat(grading.stars(2026)).extracting(StarRating::personName).containsExactly("张秀英");
    }
}
