package org.townshipledger.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.townshipledger.cadre.Assignment;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Role;
import org.townshipledger.grading.Grade;
import org.townshipledger.grading.GradeScores;
import org.townshipledger.grading.GradingService;
import org.townshipledger.grading.ReviewKind;
import org.townshipledger.grading.SecretaryReview;
import org.townshipledger.grading.StarRating;
import org.townshipledger.grading.StarSubject;
import org.townshipledger.grading.VillageGrade;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageKind;

/**
 * Demo grading: three years of grades (三评三定 scores, 满意率, stars) for every village, 述职 scores of every branch
 * and first secretary, stars of members and secretaries. Grades move a little from year to year, villages with a
 * 包村领导 rise more often than not (some do not: {@code check grading} finds them), one village in twelve has a
 * 满意率 below 60% in the working year, and one 行政村 is last of its group two years running.
 */
final class GradingDemo {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀英华平刚桂兰玉梅建国红霞海燕文志";
    private static final String[] OVERRIDE_REASONS = {"脱贫攻坚考核获评先进，经党委会研究提档", "抗洪救灾表现突出",
        "信访问题突出，经党委会研究降档"};
    /** Composite score bands of each grade, as the default thresholds draw them: {low, high}. */
    private static final Map<Grade, double[]> BANDS = Map.of(Grade.GOOD, new double[] {90, 98},
            Grade.FAIRLY_GOOD, new double[] {80, 89.9}, Grade.AVERAGE, new double[] {60, 79.9},
            Grade.POOR, new double[] {46, 59.9});

    private final Random random;

    GradingDemo(Random random) {
        this.random = random;
    }

    /** Returns the number of grades made. */
    int create(GradingService grading, CadreService cadres, List<Village> villages, int year) {
        int first = year - 2;
        Set<UUID> contacts = new HashSet<>();
        cadres.assignments(null, null, Role.LEADER_IN_CHARGE).forEach(a -> contacts.add(a.villageId()));

        // Each village's grade level per year (1 较差 … 4 好): a start, then a step up, down or none each year.
        Map<UUID, int[]> levels = new HashMap<>();
        for (Village v : villages) {
            int[] l = new int[3];
            int r = random.nextInt(100);
            l[0] = r < 20 ? 4 : r < 55 ? 3 : r < 88 ? 2 : 1;
            for (int i = 1; i < 3; i++) {
                int up = contacts.contains(v.id()) ? 45 : 22;
                int s = random.nextInt(100);
                l[i] = Math.max(1, Math.min(4, l[i - 1] + (s < up ? 1 : s < up + 8 ? -1 : 0)));
            }
            levels.put(v.id(), l);
        }
        List<VillageGrade> grades = new ArrayList<>();
        Map<UUID, BigDecimal[]> composites = new HashMap<>();
        for (int n = 0; n < villages.size(); n++) {
            Village v = villages.get(n);
            int[] l = levels.get(v.id());
            BigDecimal[] c = new BigDecimal[3];
            for (int i = 0; i < 3; i++) {
                Grade g = Grade.values()[4 - l[i]];
                double[] band = BANDS.get(g);
                c[i] = BigDecimal.valueOf(band[0] + random.nextDouble() * (band[1] - band[0]))
                        .setScale(1, RoundingMode.HALF_UP);
                // One village in twelve has a 满意率 below 60% this year: the 限期整改 list.
                boolean low = i == 2 && n % 12 == 5;
                grades.add(record(v.id(), first + i, g, c[i], low));
            }
            composites.put(v.id(), c);
        }
        lastTwice(grades, villages, levels, composites, year);
        grading.insertGrades(grades);

        reviews(grading, cadres, year);
        memberStars(grading, villages, first, year);
        return grades.size();
    }

    /** A grade record whose three scores average to {@code composite}; now and then overridden with a reason. */
    private VillageGrade record(UUID villageId, int year, Grade g, BigDecimal composite, boolean lowSatisfaction) {
        int a = random.nextInt(7) - 3;
        int b = random.nextInt(7) - 3;
        BigDecimal s1 = composite.add(BigDecimal.valueOf(a));
        BigDecimal s2 = composite.add(BigDecimal.valueOf(b));
        BigDecimal s3 = composite.subtract(BigDecimal.valueOf(a + b));
        GradeScores scores = inRange(s1) && inRange(s2) && inRange(s3) ? new GradeScores(s1, s2, s3)
                : new GradeScores(composite, composite, composite);
        BigDecimal satisfaction = lowSatisfaction
                ? BigDecimal.valueOf(45 + random.nextInt(145) / 10.0).setScale(1, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(Math.min(99.5, composite.doubleValue() - 8 + random.nextInt(160) / 10.0))
                .max(BigDecimal.valueOf(60)).setScale(1, RoundingMode.HALF_UP);
        Grade grade = g;
        String reason = null;
        int r = random.nextInt(100);
        if (r < 2 && g != Grade.GOOD) {
            grade = Grade.values()[g.ordinal() - 1];
            reason = OVERRIDE_REASONS[random.nextInt(2)];
        } else if (r == 2 && g != Grade.POOR) {
            grade = Grade.values()[g.ordinal() + 1];
            reason = OVERRIDE_REASONS[2];
        }
        Integer stars = switch (grade) {
            case GOOD -> random.nextInt(100) < 55 ? 5 : 4;
            case FAIRLY_GOOD -> random.nextInt(100) < 10 ? 5 : 3 + random.nextInt(2);
            case AVERAGE -> 2 + random.nextInt(2);
            case POOR -> 1 + random.nextInt(2);
        };
        String rewards = switch (grade) {
            case GOOD -> "评为先进基层党组织，通报表扬";
            case FAIRLY_GOOD -> "年度考核加分";
            case AVERAGE -> null;
            case POOR -> "约谈党组织书记，扣减村干部绩效报酬";
        };
        String measures = grade == Grade.POOR || grade == Grade.AVERAGE
                ? "包村领导蹲点帮扶，选派第一书记，制定整改方案" : null;
        return new VillageGrade(null, villageId, null, year, scores, satisfaction, null, grade, reason, rewards,
                measures, stars, 0);
    }

    private static boolean inRange(BigDecimal s) {
        return s.signum() >= 0 && s.compareTo(BigDecimal.valueOf(100)) <= 0;
    }

    /** The 行政村 last of its group in the year before makes the lowest score of its group this year too. */
    private void lastTwice(List<VillageGrade> grades, List<Village> villages, Map<UUID, int[]> levels,
                           Map<UUID, BigDecimal[]> composites, int year) {
        Village last = villages.stream().filter(v -> v.kind() == VillageKind.VILLAGE)
                .min(Comparator.comparingInt((Village v) -> levels.get(v.id())[1])
                        .thenComparing(v -> composites.get(v.id())[1]))
                .orElse(null);
        if (last == null) {
            return;
        }
        for (int i = 0; i < grades.size(); i++) {
            VillageGrade g = grades.get(i);
            if (g.villageId().equals(last.id()) && g.year() == year) {
                BigDecimal low = BigDecimal.valueOf(41.5);
                grades.set(i, new VillageGrade(null, g.villageId(), null, year, new GradeScores(low, low, low),
                        g.satisfaction(), null, Grade.POOR, null, "通报批评，党组织书记两年内不得提拔使用",
                        "县级领导包抓，限期整改", 1, 0));
            }
        }
    }

    /** 述职 of every branch secretary (each year of the posting) and first secretary, and the secretaries' stars. */
    private void reviews(GradingService grading, CadreService cadres, int year) {
        List<SecretaryReview> reviews = new ArrayList<>();
        List<StarRating> stars = new ArrayList<>();
        for (String role : List.of(Role.BRANCH_SECRETARY, Role.FIRST_SECRETARY)) {
            List<Assignment> postings = new ArrayList<>(cadres.assignments(null, null, role));
            postings.sort(Comparator.comparing(Assignment::villageName).thenComparing(Assignment::cadreName)
                    .thenComparing(Assignment::startDate));
            ReviewKind kind = role.equals(Role.BRANCH_SECRETARY) ? ReviewKind.BRANCH_SECRETARY
                    : ReviewKind.FIRST_SECRETARY;
            for (Assignment a : postings) {
                double quality = 62 + random.nextDouble() * 36;
                for (int y = year - 2; y <= year; y++) {
                    if (!a.overlaps(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31))) {
                        continue;
                    }
                    List<BigDecimal> parts = new ArrayList<>();
                    for (int p = 0; p < 4; p++) {
                        double v = Math.max(30, Math.min(100, quality - 6 + random.nextDouble() * 12));
                        parts.add(BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP));
                    }
                    reviews.add(SecretaryReview.of(a.cadreId(), a.villageId(), y, kind, parts));
                    if (kind == ReviewKind.BRANCH_SECRETARY) {
                        int n = quality >= 90 ? 5 : quality >= 82 ? 4 : quality >= 72 ? 3 : 2;
                        stars.add(new StarRating(null, y, StarSubject.SECRETARY, a.villageId(), null, a.cadreId(),
                                a.cadreName(), n, 0));
                    }
                }
            }
        }
        grading.insertReviews(reviews);
        grading.insertStars(stars);
    }

    /** Three members of each village's organisation rated each year (五星党员). */
    private void memberStars(GradingService grading, List<Village> villages, int first, int year) {
        List<StarRating> stars = new ArrayList<>();
        for (Village v : villages) {
            for (int m = 0; m < 3; m++) {
                String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN.charAt(random.nextInt(GIVEN.length()))
                        + (random.nextBoolean() ? "" : String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))));
                int base = 2 + random.nextInt(4);
                for (int y = first; y <= year; y++) {
                    int n = Math.max(1, Math.min(5, base + (random.nextInt(5) == 0 ? 1 : 0)));
                    stars.add(new StarRating(null, y, StarSubject.MEMBER, v.id(), null, null, name, n, 0));
                }
            }
        }
        grading.insertStars(stars);
    }
}
