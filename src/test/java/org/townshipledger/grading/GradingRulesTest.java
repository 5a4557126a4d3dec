package org.townshipledger.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.townshipledger.common.Messages;

/** The weights and thresholds at their boundaries, with the default settings. */
class GradingRulesTest {

    private final GradingRules rules = GradingRules.defaults();

    @BeforeEach
    void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    private static List<BigDecimal> parts(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    @ParameterizedTest
    @CsvSource({"100, EXCELLENT", "90, EXCELLENT", "89.99, COMPETENT", "75, COMPETENT", "74.99, BASICALLY_COMPETENT",
            "60, BASICALLY_COMPETENT", "59.99, INCOMPETENT", "0, INCOMPETENT"})
    void theResultOfATotalAtEachThreshold(String total, ReviewResult expected) {
        assertThat(rules.resultFor(new BigDecimal(total))).isEqualTo(expected);
        // Four equal parts weigh to the same total, whatever the weights.
        GradingService.ReviewScore s = GradingService.score(ReviewKind.BRANCH_SECRETARY,
                parts(total, total, total, total), rules);
        assertThat(s.total()).isEqualByComparingTo(total);
        assertThat(s.result()).isEqualTo(expected);
    }

    @Test
    void aBranchSecretaryIsWeighted20_20_40_20() {
        // 日常记实 100, 现场观摩 100, 年度综合 80, 述职评议 80: 20 + 20 + 32 + 16 = 88
        GradingService.ReviewScore s = GradingService.score(ReviewKind.BRANCH_SECRETARY,
                parts("100", "100", "80", "80"), rules);
        assertThat(s.total()).isEqualByComparingTo("88.00");
        assertThat(s.result()).isEqualTo(ReviewResult.COMPETENT);
        // The 40 on 年度综合 decides across a threshold: 95, 95, 87.5, 95 → 19 + 19 + 35 + 19 = 92 (优秀);
        // the same figures moved to 述职评议 give 19 + 19 + 38 + 17.5 = 93.5.
        assertThat(rules.total(ReviewKind.BRANCH_SECRETARY, parts("95", "95", "87.5", "95")))
                .isEqualByComparingTo("92.00");
        assertThat(rules.total(ReviewKind.BRANCH_SECRETARY, parts("95", "95", "95", "87.5")))
                .isEqualByComparingTo("93.50");
        // Just under 90 from unequal parts: 89.99 is 称职, not rounded up.
        BigDecimal t = rules.total(ReviewKind.BRANCH_SECRETARY, parts("90", "90", "89.975", "90"));
        assertThat(t).isEqualByComparingTo("89.99");
        assertThat(rules.resultFor(t)).isEqualTo(ReviewResult.COMPETENT);
    }

    @Test
    void aFirstSecretaryIsWeightedEquallyByDefault() {
        assertThat(rules.total(ReviewKind.FIRST_SECRETARY, parts("80", "90", "70", "100")))
                .isEqualByComparingTo("85.00");
    }

    @ParameterizedTest
    @CsvSource({"90, GOOD", "89.99, FAIRLY_GOOD", "80, FAIRLY_GOOD", "79.99, AVERAGE", "60, AVERAGE",
            "59.99, POOR"})
    void theGradeProposedAtEachThreshold(String score, Grade expected) {
        GradeScores s = GradeScores.of(score, score, score);
        assertThat(GradingService.proposeGrade(s, rules)).contains(expected);
    }

    @Test
    void noProposalWhileAScoreIsMissing() {
        assertThat(GradingService.proposeGrade(new GradeScores(BigDecimal.TEN, null, BigDecimal.TEN), rules))
                .isEmpty();
    }

    @Test
    void thresholdsOutOfOrderAreRefused() {
        GradingRules d = GradingRules.defaults();
        java.util.Map<ReviewResult, BigDecimal> r = new java.util.EnumMap<>(d.resultThresholds());
        r.put(ReviewResult.COMPETENT, BigDecimal.valueOf(95));
        GradingRules bad = new GradingRules(d.gradeWeights(), d.gradeThresholds(), d.reviewWeights(), r,
                d.fiveStarTarget(), d.satisfactionFloor(), d.stayYears());
        assertThat(bad.problems()).containsExactly(Messages.get("grading.rules.thresholds"));
    }

    @Test
    void gradesAreOrderedBestFirst() {
        assertThat(Grade.GOOD.betterThan(Grade.FAIRLY_GOOD)).isTrue();
        assertThat(Grade.POOR.level()).isEqualTo(1);
        assertThat(Grade.parse("较好")).contains(Grade.FAIRLY_GOOD);
        assertThat(Grade.parse("较差类")).contains(Grade.POOR);
        assertThat(Grade.parse("很好")).isEmpty();
    }
}
