package org.townshipledger.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.townshipledger.common.Messages;
import org.townshipledger.db.SettingsStore;

/**
 * The weights and thresholds of grading: settings with defaults, so an office changes them without a new program.
 *
 * @param gradeWeights      weights of 党员互评, 群众测评, 支部考评 in the composite score the proposal reads
 *                          (default 1:1:1, the plain average)
 * @param gradeThresholds   the least composite score for 好, 较好, 一般 (default 90 / 80 / 60; below → 较差)
 * @param reviewWeights     per review kind, the weights of the four parts (branch secretary 20:20:40:20, first
 *                          secretary 25:25:25:25)
 * @param resultThresholds  the least total for 优秀, 称职, 基本称职 (default 90 / 75 / 60; below → 不称职)
 * @param fiveStarTarget    the share of five-star organisations aimed at, in percent (default 50)
 * @param satisfactionFloor a 满意率 below this (percent, default 60) puts the village on the 限期整改 list
 * @param stayYears         a leader's stay (蹲点) at a contact village, in years (default 2): once it has lasted
 *                          this long, or has ended, the village must have risen a grade
 */
public record GradingRules(int[] gradeWeights, Map<Grade, BigDecimal> gradeThresholds,
                           Map<ReviewKind, int[]> reviewWeights, Map<ReviewResult, BigDecimal> resultThresholds,
                           int fiveStarTarget, int satisfactionFloor, int stayYears) {

    static final String PREFIX = "rules.grading.";
    static final String[] SCORE_PARTS = {"member", "public", "branch"};
    public static final String FIVE_STAR_TARGET = PREFIX + "fiveStarTarget";
    public static final String SATISFACTION_FLOOR = PREFIX + "satisfactionFloor";
    public static final String STAY_YEARS = PREFIX + "stayYears";
    /** The grades and results with a threshold (the last of each has none: it is what is left). */
    static final List<Grade> THRESHOLD_GRADES = List.of(Grade.GOOD, Grade.FAIRLY_GOOD, Grade.AVERAGE);
    static final List<ReviewResult> THRESHOLD_RESULTS = List.of(ReviewResult.EXCELLENT, ReviewResult.COMPETENT,
            ReviewResult.BASICALLY_COMPETENT);

    public static String gradeWeightKey(int i) {
        return PREFIX + "gradeWeight." + SCORE_PARTS[i];
    }

    public static String gradeThresholdKey(Grade g) {
        return PREFIX + "gradeThreshold." + g.name();
    }

    public static String reviewWeightKey(ReviewKind kind, int part) {
        return PREFIX + "reviewWeight." + kind.name() + "." + (part + 1);
    }

    public static String resultThresholdKey(ReviewResult r) {
        return PREFIX + "resultThreshold." + r.name();
    }

    public static GradingRules defaults() {
        Map<Grade, BigDecimal> g = new EnumMap<>(Grade.class);
        g.put(Grade.GOOD, BigDecimal.valueOf(90));
        g.put(Grade.FAIRLY_GOOD, BigDecimal.valueOf(80));
        g.put(Grade.AVERAGE, BigDecimal.valueOf(60));
        Map<ReviewKind, int[]> w = new EnumMap<>(ReviewKind.class);
        w.put(ReviewKind.BRANCH_SECRETARY, new int[] {20, 20, 40, 20});
        w.put(ReviewKind.FIRST_SECRETARY, new int[] {25, 25, 25, 25});
        Map<ReviewResult, BigDecimal> r = new EnumMap<>(ReviewResult.class);
        r.put(ReviewResult.EXCELLENT, BigDecimal.valueOf(90));
        r.put(ReviewResult.COMPETENT, BigDecimal.valueOf(75));
        r.put(ReviewResult.BASICALLY_COMPETENT, BigDecimal.valueOf(60));
        return new GradingRules(new int[] {1, 1, 1}, g, w, r, 50, 60, 2);
    }

    /** Every setting key the rules read. */
    static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add(gradeWeightKey(i));
        }
        THRESHOLD_GRADES.forEach(g -> keys.add(gradeThresholdKey(g)));
        for (ReviewKind k : ReviewKind.values()) {
            for (int i = 0; i < 4; i++) {
                keys.add(reviewWeightKey(k, i));
            }
        }
        THRESHOLD_RESULTS.forEach(r -> keys.add(resultThresholdKey(r)));
        keys.addAll(List.of(FIVE_STAR_TARGET, SATISFACTION_FLOOR, STAY_YEARS));
        return keys;
    }

    /** The rules set in the ledger (read in one query), each figure else its default. */
    public static GradingRules from(SettingsStore settings) {
        GradingRules d = defaults();
        Map<String, String> set = settings.getAll(keys());
        int[] gw = new int[3];
        for (int i = 0; i < 3; i++) {
            gw[i] = integer(set, gradeWeightKey(i), d.gradeWeights[i]);
        }
        Map<Grade, BigDecimal> gt = new EnumMap<>(Grade.class);
        THRESHOLD_GRADES.forEach(g -> gt.put(g, decimal(set, gradeThresholdKey(g), d.gradeThresholds.get(g))));
        Map<ReviewKind, int[]> rw = new EnumMap<>(ReviewKind.class);
        for (ReviewKind k : ReviewKind.values()) {
            int[] w = new int[4];
            for (int i = 0; i < 4; i++) {
                w[i] = integer(set, reviewWeightKey(k, i), d.reviewWeights.get(k)[i]);
            }
            rw.put(k, w);
        }
        Map<ReviewResult, BigDecimal> rt = new EnumMap<>(ReviewResult.class);
        THRESHOLD_RESULTS.forEach(r -> rt.put(r, decimal(set, resultThresholdKey(r), d.resultThresholds.get(r))));
        GradingRules read = new GradingRules(gw, gt, rw, rt, integer(set, FIVE_STAR_TARGET, d.fiveStarTarget),
                integer(set, SATISFACTION_FLOOR, d.satisfactionFloor), integer(set, STAY_YEARS, d.stayYears));
        // Figures that contradict each other (thresholds out of order, all weights zero) fall back as a whole.
        return read.problems().isEmpty() ? read : d;
    }

    /** Writes every figure to the settings (refused with the reasons when they contradict each other). */
    public void save(SettingsStore settings) {
        if (!problems().isEmpty()) {
            throw new org.townshipledger.common.InvalidInputException(String.join("；", problems()));
        }
        for (int i = 0; i < 3; i++) {
            settings.put(gradeWeightKey(i), Integer.toString(gradeWeights[i]));
        }
        gradeThresholds.forEach((g, v) -> settings.put(gradeThresholdKey(g), v.toPlainString()));
        reviewWeights.forEach((k, w) -> {
            for (int i = 0; i < 4; i++) {
                settings.put(reviewWeightKey(k, i), Integer.toString(w[i]));
            }
        });
        resultThresholds.forEach((r, v) -> settings.put(resultThresholdKey(r), v.toPlainString()));
        settings.put(FIVE_STAR_TARGET, Integer.toString(fiveStarTarget));
        settings.put(SATISFACTION_FLOOR, Integer.toString(satisfactionFloor));
        settings.put(STAY_YEARS, Integer.toString(stayYears));
    }

    /** What is wrong with these figures, in Chinese; empty when they can be used. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (gradeWeights.length != 3 || sum(gradeWeights) <= 0) {
            out.add(Messages.get("grading.rules.weights"));
        }
        for (int[] w : reviewWeights.values()) {
            if (w.length != 4 || sum(w) <= 0) {
                out.add(Messages.get("grading.rules.weights"));
                break;
            }
        }
        if (!descending(THRESHOLD_GRADES.stream().map(gradeThresholds::get).toList())
                || !descending(THRESHOLD_RESULTS.stream().map(resultThresholds::get).toList())) {
            out.add(Messages.get("grading.rules.thresholds"));
        }
        if (fiveStarTarget < 0 || fiveStarTarget > 100 || satisfactionFloor < 0 || satisfactionFloor > 100) {
            out.add(Messages.get("grading.rules.percent"));
        }
        if (stayYears < 1) {
            out.add(Messages.get("grading.rules.stayYears"));
        }
        return out;
    }

    /** The weighted score of the three evaluations, out of 100 to two places; null while one is missing. */
    public BigDecimal composite(GradeScores s) {
        if (s == null || !s.complete()) {
            return null;
        }
        return weighted(List.of(s.memberScore(), s.publicScore(), s.branchScore()), gradeWeights);
    }

    /** The grade the thresholds give this composite score. */
    public Grade gradeFor(BigDecimal composite) {
        for (Grade g : THRESHOLD_GRADES) {
            if (composite.compareTo(gradeThresholds.get(g)) >= 0) {
                return g;
            }
        }
        return Grade.POOR;
    }

    /** The weighted total of four part scores, out of 100 to two places (half up). */
    public BigDecimal total(ReviewKind kind, List<BigDecimal> parts) {
        return weighted(parts, reviewWeights.get(kind));
    }

    public ReviewResult resultFor(BigDecimal total) {
        for (ReviewResult r : THRESHOLD_RESULTS) {
            if (total.compareTo(resultThresholds.get(r)) >= 0) {
                return r;
            }
        }
        return ReviewResult.INCOMPETENT;
    }

    public int[] weights(ReviewKind kind) {
        return reviewWeights.get(kind).clone();
    }

    private static BigDecimal weighted(List<BigDecimal> values, int[] weights) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < weights.length; i++) {
            sum = sum.add(values.get(i).multiply(BigDecimal.valueOf(weights[i])));
        }
        return sum.divide(BigDecimal.valueOf(sum(weights)), 2, RoundingMode.HALF_UP);
    }

    private static int sum(int[] w) {
        int s = 0;
        for (int x : w) {
            if (x < 0) {
                return -1;
            }
            s += x;
        }
        return s;
    }

    private static boolean descending(List<BigDecimal> v) {
        for (int i = 1; i < v.size(); i++) {
            if (v.get(i) == null || v.get(i - 1) == null || v.get(i).compareTo(v.get(i - 1)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static int integer(Map<String, String> set, String key, int fallback) {
        return Optional.ofNullable(set.get(key)).map(String::strip).filter(s -> s.matches("\\d{1,3}"))
                .map(Integer::parseInt).orElse(fallback);
    }

    private static BigDecimal decimal(Map<String, String> set, String key, BigDecimal fallback) {
        return Optional.ofNullable(set.get(key)).map(String::strip).filter(s -> s.matches("\\d{1,3}(\\.\\d{1,2})?"))
                .map(BigDecimal::new).orElse(fallback);
    }
}
