package org.townshipledger.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/**
 * Deleting from the 格次评定 and 述职考核 screens (to the recycle bin, 撤销 in the status bar), and the 星级评定 screen
 * of members and secretaries: add, save, refuse, delete, undo, the five-star shares. View models on a real ledger file,
 * run on the calling thread.
 */
class GradingDeleteAndStarsViewModelTest {

    @TempDir
    Path dir;

    private Database db;
    private VillageService villages;
    private CadreService cadres;
    private GradingService grading;
    private StatusBarModel status;
    private Village dashi;
    private Village longquan;
    private Cadre wang;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2026));
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        villages = new VillageService(db, settings, clock);
        cadres = new CadreService(db, villages, settings, clock);
        grading = new GradingService(db, cadres, settings, clock);
        status = new StatusBarModel();
        dashi = village("大石村");
        longquan = village("龙泉村");
        Unit town = cadres.saveUnit(Unit.named("青石镇党委", UnitLevel.TOWNSHIP, UnitType.ORGAN));
        wang = cadres.saveCadre(new Cadre(null, "王书记", Sex.MALE, null,
                IdNumber.make("430598", LocalDate.of(1975, 5, 1), 3), "13900001234", town.id(), null, Rank.GENERAL,
                true, null, 0, null));
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

    // ---- 格次评定: delete and undo ----

    @Test
    void aSavedGradeIsDeletedFromItsLineAndTheUndoBringsItBack() {
        grading.save(VillageGrade.scored(dashi.id(), 2026, GradeScores.of("95", "92", "91"), new BigDecimal("88")));
        GradingViewModel vm = new GradingViewModel(grading, new CurrentThreadTaskExecutor(), status);
        vm.load();
        GradeRow line = vm.rows().stream().filter(r -> r.village().equals("大石村")).findFirst().orElseThrow();
        GradeRow blank = vm.rows().stream().filter(r -> r.village().equals("龙泉村")).findFirst().orElseThrow();
        assertThat(line.saved()).isTrue();

        vm.delete(blank);
        assertThat(vm.messageProperty().get()).isEqualTo("龙泉村这一行还没有保存的格次记录，无需删除");

        vm.delete(line);
        assertThat(grading.grade(dashi.id(), 2026)).isEmpty();
        assertThat(line.saved()).isFalse();
        assertThat(line.gradeProperty().get()).isNull();
        assertThat(line.memberProperty().get()).isEmpty();
        assertThat(line.isChanged()).isFalse();
        assertThat(vm.summaryProperty().get()).isEqualTo("共 2 村，已定格次 0 村：好 0  较好 0  一般 0  较差 0");
        assertThat(status.messageProperty().get()).isEqualTo("已将大石村 2026 年的格次记录移到回收站");
        assertThat(status.undoProperty().get()).isNotNull();

        status.undo();
        assertThat(grading.grade(dashi.id(), 2026)).get().extracting(VillageGrade::grade).isEqualTo(Grade.GOOD);
        assertThat(line.saved()).isTrue();
        assertThat(line.gradeProperty().get()).isEqualTo(Grade.GOOD);
        assertThat(line.memberProperty().get()).isEqualTo("95");
        assertThat(line.compositeProperty().get()).isEqualTo("92.67");
        assertThat(status.messageProperty().get()).isEqualTo("已恢复大石村 2026 年的格次记录");
    }

    @Test
    void theUndoIsRefusedPlainlyWhenTheLineWasSavedAgainMeanwhile() {
        grading.save(VillageGrade.of(dashi.id(), 2026, Grade.POOR));
        GradingViewModel vm = new GradingViewModel(grading, new CurrentThreadTaskExecutor(), status);
        vm.load();
        GradeRow line = vm.rows().get(0);
        vm.delete(line);
        Runnable undo = status.undoProperty().get();
        vm.chooseGrade(line, Grade.AVERAGE, null);
        vm.save();

        undo.run();
        assertThat(status.messageProperty().get())
                .isEqualTo("大石村 2026 年已另有一条格次记录，不能恢复这一条。如要换回，请先删除现有的那条。");
        assertThat(grading.grade(dashi.id(), 2026)).get().extracting(VillageGrade::grade).isEqualTo(Grade.AVERAGE);
    }

    // ---- 述职考核: delete and undo ----

    @Test
    void aSavedReviewIsDeletedFromItsLineAndTheUndoBringsItBack() {
        grading.review(SecretaryReview.of(wang.id(), dashi.id(), 2026, ReviewKind.BRANCH_SECRETARY,
                List.of(new BigDecimal("90"), new BigDecimal("90"), new BigDecimal("90"), new BigDecimal("90"))));
        ReviewsViewModel vm = new ReviewsViewModel(grading, new CurrentThreadTaskExecutor(), status);
        vm.load();
        ReviewRow line = vm.branchRows().get(0);
        assertThat(line.saved()).isTrue();
        assertThat(line.totalProperty().get()).isEqualTo("90");

        vm.delete(line);
        assertThat(grading.reviews(2026)).isEmpty();
        assertThat(vm.branchRows()).extracting(ReviewRow::name).as("the secretary keeps a blank line")
                .containsExactly("王书记");
        assertThat(line.saved()).isFalse();
        assertThat(line.totalProperty().get()).isEmpty();
        assertThat(line.partProperty(0).get()).isEmpty();
        assertThat(status.messageProperty().get()).isEqualTo("已将王书记 2026 年的述职记录移到回收站");

        status.undo();
        assertThat(grading.reviews(2026)).singleElement().extracting(SecretaryReview::result)
                .isEqualTo(ReviewResult.EXCELLENT);
        assertThat(line.saved()).isTrue();
        assertThat(line.totalProperty().get()).isEqualTo("90");
        assertThat(line.resultProperty().get()).isEqualTo(ReviewResult.EXCELLENT);
        assertThat(status.messageProperty().get()).isEqualTo("已恢复王书记 2026 年的述职记录");
    }

    // ---- 星级评定 ----

    private StarsViewModel starsScreen() {
        StarsViewModel vm = new StarsViewModel(grading, new CurrentThreadTaskExecutor(), status);
        vm.load();
        return vm;
    }

    private static StarCandidate in(StarsViewModel vm, String village) {
        return vm.villages().stream().filter(v -> v.villageName().equals(village)).findFirst().orElseThrow();
    }

    @Test
    void membersAndSecretariesAreRatedLineByLineAndTheSharesFollow() {
        StarsViewModel vm = starsScreen();
        assertThat(vm.yearProperty().get()).isEqualTo(2026);
        assertThat(vm.readOnlyProperty().get()).isFalse();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.villages()).extracting(StarCandidate::villageName).containsExactly("大石村", "龙泉村");
        assertThat(vm.summaryProperty().get()).isEqualTo(
                "五星比例：五星党员 0/0（0.0%）  五星书记 0/0（0.0%）  目标 50%（五星党组织在“格次评定”中评定，比例见“格次统计”）");

        StarRow zhang = vm.add(null);
        assertThat(zhang.subjectProperty().get()).isEqualTo(StarSubject.MEMBER);
        zhang.villageProperty().set(in(vm, "大石村"));
        zhang.nameProperty().set(" 张秀英 ");
        zhang.starsProperty().set(5);
        StarRow li = vm.add(zhang);
        assertThat(li.villageProperty().get().villageName()).as("like the chosen line").isEqualTo("大石村");
        li.nameProperty().set("李红");
        li.starsProperty().set(3);
        StarRow secretary = vm.add(null);
        secretary.subjectProperty().set(StarSubject.SECRETARY);
        secretary.villageProperty().set(in(vm, "大石村"));
        secretary.nameProperty().set("王书记");
        secretary.starsProperty().set(5);
        StarRow unfinished = vm.add(null);
        unfinished.nameProperty().set("赵");
        assertThat(vm.summaryProperty().get()).startsWith("五星比例：五星党员 1/2（50.0%）  五星书记 1/1（100.0%）");

        vm.save();

        assertThat(unfinished.errorProperty().get()).isEqualTo("请选择村；请选择星级");
        assertThat(vm.messageProperty().get()).isEqualTo("已保存 3 行，1 行未保存（见行内提示）");
        List<StarRating> saved = grading.stars(2026);
        assertThat(saved).extracting(StarRating::subject, StarRating::personName, StarRating::villageName,
                StarRating::stars).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(StarSubject.MEMBER, "张秀英", "大石村", 5),
                org.assertj.core.groups.Tuple.tuple(StarSubject.MEMBER, "李红", "大石村", 3),
                org.assertj.core.groups.Tuple.tuple(StarSubject.SECRETARY, "王书记", "大石村", 5));
        assertThat(saved).filteredOn(s -> s.subject() == StarSubject.SECRETARY).singleElement()
                .extracting(StarRating::cadreId).as("linked to the posted secretary").isEqualTo(wang.id());
        assertThat(zhang.isChanged()).isFalse();
        assertThat(zhang.nameProperty().get()).isEqualTo("张秀英");

        // The same member twice in a year is refused in the line.
        StarRow again = vm.add(zhang);
        again.nameProperty().set("张秀英");
        again.starsProperty().set(4);
        vm.save();
        assertThat(again.errorProperty().get()).isEqualTo("张秀英 2026 年已有五星党员评定");

        // Edited: the same record.
        li.starsProperty().set(5);
        vm.save();
        assertThat(grading.stars(2026)).filteredOn(s -> s.personName().equals("李红")).singleElement()
                .extracting(StarRating::stars).isEqualTo(5);

        // The tally reads them: 五星党员 2 of 2, 五星书记 1 of 1.
        GradeTally tally = grading.tally(2026);
        assertThat(tally.stars()).filteredOn(s -> s.subject() == StarSubject.MEMBER).singleElement()
                .satisfies(s -> assertThat(s.fiveStar()).isEqualTo(2));

        // Reopened: the saved lines, in subject and village order.
        StarsViewModel reopened = starsScreen();
        assertThat(reopened.rows()).extracting(r -> r.nameProperty().get())
                .containsExactly("张秀英", "李红", "王书记");
    }

    @Test
    void aDeletedRatingGoesToTheBinAndTheUndoBringsItBack() {
        grading.saveStar(new StarRating(null, 2026, StarSubject.MEMBER, longquan.id(), null, null, "孙丽", 4, 0));
        StarsViewModel vm = starsScreen();
        StarRow sun = vm.rows().get(0);
        StarRow fresh = vm.add(sun);

        vm.delete(fresh);
        assertThat(vm.rows()).containsExactly(sun);
        assertThat(status.undoProperty().get()).as("nothing saved, nothing to undo").isNull();

        vm.delete(sun);
        assertThat(vm.rows()).isEmpty();
        assertThat(grading.stars(2026)).isEmpty();
        assertThat(status.messageProperty().get()).isEqualTo("已将“孙丽（党员）2026 年星级评定”移到回收站");

        status.undo();
        assertThat(grading.stars(2026)).singleElement().extracting(StarRating::stars).isEqualTo(4);
        assertThat(vm.rows()).extracting(r -> r.nameProperty().get()).containsExactly("孙丽");
        assertThat(status.messageProperty().get()).isEqualTo("已恢复“孙丽（党员）2026 年星级评定”");
    }

    @Test
    void pastYearsAreReadOnly() {
        grading.saveStar(new StarRating(null, 2025, StarSubject.MEMBER, dashi.id(), null, null, "周强", 5, 0));
        StarsViewModel vm = starsScreen();
        vm.yearProperty().set(2025);
        assertThat(vm.readOnlyProperty().get()).isTrue();
        assertThat(vm.rows()).extracting(r -> r.nameProperty().get()).containsExactly("周强");
        assertThat(vm.add(null)).isNull();
        vm.delete(vm.rows().get(0));
        assertThat(grading.stars(2025)).hasSize(1);
    }
}
