package org.townshipledger.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import org.townshipledger.cadre.Finding;
import org.townshipledger.cadre.Rank;
import org.townshipledger.cadre.Role;
import org.townshipledger.cadre.Unit;
import org.townshipledger.cadre.UnitLevel;
import org.townshipledger.cadre.UnitType;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.pairing.Pairing;
import org.townshipledger.pairing.PairingKind;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.pairing.TargetKind;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** Grades, reviews, the tally and the checks, each on a small ledger made by hand. */
class GradingServiceTest {

    private static final Grade GOOD = Grade.GOOD;
    private static final Grade FAIR = Grade.FAIRLY_GOOD;
    private static final Grade AVG = Grade.AVERAGE;
    private static final Grade POOR = Grade.POOR;

    @TempDir
    Path dir;

    private Database db;
    private VillageService villages;
    private CadreService cadres;
    private PairingService pairings;
    private GradingService grading;
    private Unit bureau;
    private int sequence = 1;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2026));
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        villages = new VillageService(db, settings, clock);
        cadres = new CadreService(db, villages, settings, clock);
        pairings = new PairingService(db, cadres, villages, settings, clock);
        grading = new GradingService(db, cadres, settings, clock);
        bureau = cadres.saveUnit(Unit.named("县农业农村局", UnitLevel.COUNTY, UnitType.ORGAN));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Village village(String name) {
        return village(name, VillageKind.VILLAGE, Set.of());
    }

    private Village village(String name, VillageKind kind, Set<Integer> weakYears) {
        return villages.save(new Village(null, name, null, null, kind, false, null, null, null, null, weakYears,
                List.of(), 0, null, null));
    }

    private Cadre cadre(String name, Rank rank) {
        LocalDate birth = LocalDate.of(1975, 5, 1);
        String id = IdNumber.make("430598", birth, 2 * sequence++ + 1);
        return cadres.saveCadre(new Cadre(null, name, Sex.MALE, null, id, "1390000" + (1000 + sequence), bureau.id(),
                null, rank, true, null, 0, null));
    }

    private VillageGrade grade(Village v, int year, Grade g) {
        return grading.save(VillageGrade.of(v.id(), year, g));
    }

    private VillageGrade scored(Village v, int year, String score, String satisfaction) {
        return grading.save(VillageGrade.scored(v.id(), year, GradeScores.of(score, score, score),
                satisfaction == null ? null : new BigDecimal(satisfaction)));
    }

    private List<Finding> findings(int year, String rule) {
        return grading.checkGrading(year).stream().filter(f -> f.rule().equals(Messages.get(rule))).toList();
    }

    // ---- saving ----

    @Test
    void theGradeIsProposedFromTheScoresAndAnOverrideNeedsAReason() {
        Village v = village("大石村");
        VillageGrade saved = scored(v, 2025, "85", "92.5");
        assertThat(saved.proposed()).isEqualTo(FAIR);
        assertThat(saved.grade()).isEqualTo(FAIR);
        assertThat(saved.overrideReason()).isNull();

        InvalidInputException refused = catchThrowableOfType(() -> grading.save(saved.withGrade(GOOD, " ")),
                InvalidInputException.class);
        assertThat(refused.getMessage()).contains("调整理由");
        assertThat(grading.grade(v.id(), 2025).orElseThrow().grade()).isEqualTo(FAIR);

        VillageGrade raised = grading.save(saved.withGrade(GOOD, "抗洪救灾表现突出").withDecisions("表彰", "无"));
        assertThat(raised.grade()).isEqualTo(GOOD);
        assertThat(raised.proposed()).isEqualTo(FAIR);
        assertThat(raised.overrideReason()).isEqualTo("抗洪救灾表现突出");
        assertThat(raised.rewardPenalty()).isEqualTo("表彰");
        assertThat(raised.version()).isEqualTo(1);
    }

    @Test
    void oneRecordPerVillageAndYearAndLastYearStaysAsItWas() {
        Village v = village("大石村");
        VillageGrade last = grading.save(VillageGrade.scored(v.id(), 2024, GradeScores.of("70", "65", "72"),
                new BigDecimal("80")).withStars(3));
        VillageGrade now = scored(v, 2025, "91", "95");

        assertThat(catchThrowableOfType(() -> grade(v, 2025, POOR), InvalidInputException.class).getMessage())
                .contains("2025 年已有格次评定记录");
        grading.save(now.withStars(5).withDecisions("评为先进", null));

        VillageGrade again = grading.grade(v.id(), 2024).orElseThrow();
        assertThat(again).isEqualTo(last);
        assertThat(grading.grades(2025)).singleElement().satisfies(g -> {
            assertThat(g.grade()).isEqualTo(GOOD);
            assertThat(g.stars()).isEqualTo(5);
        });
        // A record cannot be moved to another year.
        VillageGrade moved = new VillageGrade(now.id(), v.id(), null, 2024, now.scores(), null, null, GOOD, null,
                null, null, null, 1);
        assertThat(catchThrowableOfType(() -> grading.save(moved), InvalidInputException.class)).isNotNull();
        assertThat(grading.grade(v.id(), 2024).orElseThrow()).isEqualTo(last);
    }

    @Test
    void aReviewIsSavedWithItsTotalAndResultOncePerYear() {
        Village v = village("大石村");
        Cadre secretary = cadre("李书记", Rank.VILLAGE_CADRE);
        SecretaryReview saved = grading.review(SecretaryReview.of(secretary.id(), v.id(), 2025,
                ReviewKind.BRANCH_SECRETARY, List.of(new BigDecimal("90"), new BigDecimal("90"),
                        new BigDecimal("90"), new BigDecimal("89.95"))));
        assertThat(saved.total()).isEqualByComparingTo("89.99");
        assertThat(saved.result()).isEqualTo(ReviewResult.COMPETENT);
        assertThat(saved.cadreName()).isEqualTo("李书记");
        assertThat(saved.villageName()).isEqualTo("大石村");
        assertThat(catchThrowableOfType(() -> grading.review(SecretaryReview.of(secretary.id(), v.id(), 2025,
                ReviewKind.BRANCH_SECRETARY, saved.parts())), InvalidInputException.class)).isNotNull();

        List<BigDecimal> better = List.of(new BigDecimal("90"), new BigDecimal("90"), new BigDecimal("90"),
                new BigDecimal("90"));
        SecretaryReview edited = grading.review(new SecretaryReview(saved.id(), secretary.id(), null, v.id(), null,
                2025, ReviewKind.BRANCH_SECRETARY, better, null, null, null, saved.version()));
        assertThat(edited.result()).isEqualTo(ReviewResult.EXCELLENT);
        assertThat(grading.reviews(2025)).hasSize(1);
    }

    // ---- the tally ----

    @Test
    void theTallyCountsGradesAndTheMovementFromLastYear() {
        Village a = village("安乐村");
        Village b = village("白石村");
        Village c = village("陈家村");
        Village d = village("东山村", VillageKind.VILLAGE, Set.of(2025));
        Village e = village("峨眉社区", VillageKind.COMMUNITY, Set.of());
        Village f = village("枫林村");
        Cadre leader = cadre("周包村", Rank.SECTION_LEVEL);
        cadres.assign(Assignment.start(leader.id(), d.id(), Role.LEADER_IN_CHARGE, LocalDate.of(2024, 1, 1), null));
        //          2024   2025
        // 安乐村   较差 → 一般   升
        // 白石村   一般 → 好     升
        // 陈家村   好   → 较好   降
        // 东山村   较差 → 较差   持平 (and 软弱涣散 in 2025)
        // 峨眉社区  较好 → 较好   持平
        // 枫林村   —    → 较差   new this year: not in the movement
        grade(a, 2024, POOR);
        grade(a, 2025, AVG);
        grade(b, 2024, AVG);
        grading.save(VillageGrade.of(b.id(), 2025, GOOD).withStars(5));
        grade(c, 2024, GOOD);
        grading.save(VillageGrade.of(c.id(), 2025, FAIR).withStars(5));
        grade(d, 2024, POOR);
        grade(d, 2025, POOR);
        grade(e, 2024, FAIR);
        grading.save(VillageGrade.of(e.id(), 2025, FAIR).withStars(4));
        grade(f, 2025, POOR);
        // 2023 is two years back: it does not count.
        grade(f, 2023, GOOD);

        GradeTally t = grading.tally(2025);

        assertThat(List.of(t.count(GOOD), t.count(FAIR), t.count(AVG), t.count(POOR))).containsExactly(1, 2, 1, 2);
        assertThat(List.of(t.countLastYear(GOOD), t.countLastYear(FAIR), t.countLastYear(AVG),
                t.countLastYear(POOR))).containsExactly(1, 1, 1, 2);
        assertThat(t.graded()).isEqualTo(6);
        assertThat(t.ungraded()).isZero();
        assertThat(t.moved(POOR, AVG)).isEqualTo(1);
        assertThat(t.moved(AVG, GOOD)).isEqualTo(1);
        assertThat(t.moved(GOOD, FAIR)).isEqualTo(1);
        assertThat(t.moved(POOR, POOR)).isEqualTo(1);
        assertThat(t.moved(FAIR, FAIR)).isEqualTo(1);
        int all = 0;
        for (int[] row : t.movement()) {
            for (int n : row) {
                all += n;
            }
        }
        assertThat(all).isEqualTo(5);
        assertThat(List.of(t.up(), t.down(), t.same())).containsExactly(2, 1, 2);

        // Two five-star organisations of six villages: 33.3%, short of the 50% target.
        GradeTally.StarShare orgs = t.stars().get(0);
        assertThat(orgs.subject()).isEqualTo(StarSubject.ORGANISATION);
        assertThat(orgs.fiveStar()).isEqualTo(2);
        assertThat(orgs.rated()).isEqualTo(6);
        assertThat(orgs.share()).isEqualByComparingTo("33.3");
        assertThat(orgs.reached()).isFalse();
        assertThat(t.target()).isEqualTo(50);

        // Still 较差 or 软弱涣散, with who is in charge.
        assertThat(t.laggards()).extracting(GradeTally.Laggard::village).containsExactly("东山村", "枫林村");
        assertThat(t.laggards().get(0).weak()).isTrue();
        assertThat(t.laggards().get(0).inCharge()).contains("周包村");
        assertThat(t.laggards().get(1).inCharge()).isEqualTo(Messages.get("check.nobodyInCharge"));
    }

    @Test
    void starsOfMembersAndSecretariesAreSharedAgainstTheTarget() {
        Village v = village("大石村");
        Cadre s = cadre("李书记", Rank.VILLAGE_CADRE);
        grading.insertStars(List.of(
                new StarRating(null, 2025, StarSubject.MEMBER, v.id(), null, null, "王党员", 5, 0),
                new StarRating(null, 2025, StarSubject.MEMBER, v.id(), null, null, "赵党员", 3, 0),
                new StarRating(null, 2025, StarSubject.SECRETARY, v.id(), null, s.id(), "李书记", 5, 0)));
        GradeTally t = grading.tally(2025);
        assertThat(t.stars()).extracting(GradeTally.StarShare::subject, GradeTally.StarShare::fiveStar,
                        GradeTally.StarShare::rated, GradeTally.StarShare::reached)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(StarSubject.ORGANISATION, 0, 1, false),
                        org.assertj.core.groups.Tuple.tuple(StarSubject.MEMBER, 1, 2, true),
                        org.assertj.core.groups.Tuple.tuple(StarSubject.SECRETARY, 1, 1, true));
    }

    // ---- the checks ----

    @Test
    void aContactVillageMustRiseAGradeDuringTheLeadersTwoYearStay() {
        Village v = village("大石村");
        village("小河村");
        Cadre leader = cadre("周县长", Rank.SECTION_LEVEL);
        cadres.assign(Assignment.start(leader.id(), v.id(), Role.LEADER_IN_CHARGE, LocalDate.of(2024, 1, 1), null)
                .ended(LocalDate.of(2025, 12, 31), "期满轮换"));
        grade(v, 2023, POOR);
        grade(v, 2024, POOR);
        VillageGrade end = grade(v, 2025, POOR);

        // Mid-stay (2024, the first year) nothing is due yet.
        assertThat(findings(2024, "check.rule.contactNotRisen")).isEmpty();
        // At the end of the two years the village is still 较差, as before the stay.
        assertThat(findings(2025, "check.rule.contactNotRisen")).singleElement().satisfies(f -> {
            assertThat(f.village()).isEqualTo("大石村");
            assertThat(f.detail()).contains("周县长", "2024-01-01", "2023 年为“较差”", "2025 年为“较差”");
            assertThat(f.inCharge()).startsWith("周县长 139");
        });
        // The stay has ended: later years do not name the leader again.
        assertThat(findings(2026, "check.rule.contactNotRisen")).isEmpty();

        // Risen one grade: cleared.
        grading.save(end.withGrade(AVG, "整改到位"));
        assertThat(findings(2025, "check.rule.contactNotRisen")).isEmpty();
    }

    @Test
    void aLongStayIsMeasuredFromTheFirstGradedYear() {
        Village v = village("大石村");
        Cadre leader = cadre("郑包村", Rank.SECTION_LEVEL);
        cadres.assign(Assignment.start(leader.id(), v.id(), Role.LEADER_IN_CHARGE, LocalDate.of(2019, 1, 1), null));
        // The ledger starts in 2024: the leader found the village 一般 then, and it is 一般 still.
        grade(v, 2024, AVG);
        grade(v, 2025, AVG);
        assertThat(findings(2024, "check.rule.contactNotRisen")).isEmpty();
        assertThat(findings(2025, "check.rule.contactNotRisen")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("2019-01-01", "2024 年为“一般”", "2025 年为“一般”"));
    }

    @Test
    void aCountyLeadersVillagePairingIsAContactAndAGoodVillageMustStayGood() {
        Village v = village("大石村");
        Cadre leader = cadre("吴副县长", Rank.COUNTY_LEVEL);
        pairings.pair(new Pairing(null, leader.id(), null, null, null, null, TargetKind.VILLAGE, null, null, v.id(),
                null, null, PairingKind.ONE_TO_ONE, LocalDate.of(2024, 3, 1), null, null, null, 0));
        grade(v, 2023, GOOD);
        grade(v, 2024, GOOD);
        VillageGrade now = grade(v, 2025, GOOD);
        assertThat(findings(2025, "check.rule.contactNotRisen")).isEmpty();

        grading.save(now.withGrade(FAIR, null));
        assertThat(findings(2025, "check.rule.contactNotRisen")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("吴副县长", "县级领导包抓"));
    }

    @Test
    void aSatisfactionBelowTheFloorIsForRectification() {
        Village low = village("大石村");
        Village ok = village("小河村");
        Cadre leader = cadre("周包村", Rank.GENERAL);
        cadres.assign(Assignment.start(leader.id(), low.id(), Role.LEADER_IN_CHARGE, LocalDate.of(2024, 1, 1), null));
        scored(low, 2025, "70", "59.99");
        scored(ok, 2025, "70", "60");
        assertThat(findings(2025, "check.rule.lowSatisfaction")).singleElement().satisfies(f -> {
            assertThat(f.village()).isEqualTo("大石村");
            assertThat(f.detail()).contains("59.99%", "60%");
            assertThat(f.inCharge()).contains("周包村");
        });
    }

    @Test
    void theSameVillageLastInItsGroupTwoYearsRunningIsNamed() {
        Village a = village("安乐村");
        Village b = village("白石村");
        Village c = village("陈家村");
        Village s = village("峨眉社区", VillageKind.COMMUNITY, Set.of());
        scored(a, 2024, "61", null);
        scored(b, 2024, "70", null);
        scored(c, 2024, "88", null);
        scored(a, 2025, "62", null);
        scored(b, 2025, "61", null);
        scored(c, 2025, "90", null);
        // The only community is alone in its group: never last.
        scored(s, 2024, "50", null);
        scored(s, 2025, "50", null);
        assertThat(findings(2025, "check.rule.lastTwice")).isEmpty();

        // 安乐村 falls below 白石村 in 2025 (same grade 一般, lower score): last in 2024 and 2025.
        grading.save(grading.grade(a.id(), 2025).orElseThrow().withGrade(null, null));
        VillageGrade a25 = grading.grade(a.id(), 2025).orElseThrow();
        grading.save(new VillageGrade(a25.id(), a.id(), null, 2025, GradeScores.of("60.5", "60.5", "60.5"), null,
                null, null, null, null, null, null, a25.version()));
        assertThat(findings(2025, "check.rule.lastTwice")).singleElement().satisfies(f -> {
            assertThat(f.village()).isEqualTo("安乐村");
            assertThat(f.detail()).contains("2024", "2025", "行政村");
        });
    }
}
