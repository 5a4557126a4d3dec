package org.townshipledger.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.townshipledger.common.Messages;
import org.townshipledger.grading.Grade;
import org.townshipledger.grading.GradeTally;
import org.townshipledger.grading.GradingService;
import org.townshipledger.grading.VillageGrade;

/**
 * 村级格次评定汇总表: the villages per grade this year and last with the change, the five-star share against the
 * target, the movement table (last year's grade × this year's, with 升 / 降 / 持平), then every village by grade:
 * its composite score (or ✓ without scores) in the column of its grade, and last year's grade with the change.
 * 较差 and 软弱涣散 villages are highlighted. The columns are 项目/村, 好, 较好, 一般, 较差, 合计/变化.
 */
final class GradingSummarySheet implements ReportSheet {

    private final GradingService grading;

    GradingSummarySheet(GradingService grading) {
        this.grading = grading;
    }

    @Override
    public String key() {
        return "grades";
    }

    @Override
    public String title() {
        return Messages.get("report.grades.title");
    }

    @Override
    public boolean byVillage() {
        return false;
    }

    @Override
    public List<Column> columns(ReportParams params) {
        List<Column> c = new ArrayList<>();
        c.add(Column.left(Messages.get("report.grades.item"), 44));
        for (Grade g : Grade.values()) {
            c.add(Column.center(g.label(), 22));
        }
        c.add(Column.center(Messages.get("report.grades.totalOrChange"), 40));
        return c;
    }

    @Override
    public void rows(ReportParams params, Consumer<ReportRow> sink) {
        int year = params.year();
        GradeTally t = grading.tally(year);
        // Counts this year and last, and the change.
        sink.accept(ReportRow.summary(header(Messages.get("report.grades.counts"),
                Messages.get("report.total"))));
        sink.accept(ReportRow.data(counts(Messages.get("report.grades.year", year - 1), t.lastYear())));
        sink.accept(ReportRow.data(counts(Messages.get("report.grades.year", year), t.thisYear())));
        List<String> change = new ArrayList<>();
        change.add(Messages.get("report.grades.change"));
        for (Grade g : Grade.values()) {
            change.add(signed(t.count(g) - t.countLastYear(g)));
        }
        change.add(signed(t.graded() - t.lastYear().values().stream().mapToInt(Integer::intValue).sum()));
        sink.accept(ReportRow.data(change));
        sink.accept(ReportRow.summary(List.of(Messages.get("report.grades.stars"),
                Messages.get("report.grades.fiveStarHead"), Messages.get("report.grades.ratedHead"),
                Messages.get("report.grades.shareHead"), Messages.get("report.grades.targetHead"),
                Messages.get("report.grades.reachedHead"))));
        for (GradeTally.StarShare s : t.stars()) {
            sink.accept(ReportRow.data(List.of(s.subject().label(), Integer.toString(s.fiveStar()),
                    Integer.toString(s.rated()), s.share().toPlainString() + "%", t.target() + "%",
                    s.reached() ? Messages.get("report.grades.reached") : Messages.get("report.grades.notReached"))));
        }
        if (t.ungraded() > 0) {
            sink.accept(ReportRow.highlight(List.of(Messages.get("report.grades.ungraded"), "", "", "", "",
                    Messages.get("report.grades.villages", t.ungraded()))));
        }
        // The movement table.
        sink.accept(ReportRow.summary(header(Messages.get("report.grades.movement", year - 1, year),
                Messages.get("report.total"))));
        for (Grade from : Grade.values()) {
            List<String> row = new ArrayList<>();
            row.add(Messages.get("report.grades.from", from.label()));
            int sum = 0;
            for (Grade to : Grade.values()) {
                int n = t.moved(from, to);
                sum += n;
                row.add(Integer.toString(n));
            }
            row.add(Integer.toString(sum));
            sink.accept(ReportRow.data(row));
        }
        sink.accept(ReportRow.data(List.of(Messages.get("report.grades.movementCounts"),
                Messages.get("report.grades.up", t.up()), Messages.get("report.grades.down", t.down()),
                Messages.get("report.grades.same", t.same()), "", "")));
        // Every village by grade.
        Map<UUID, Grade> before = grading.grades(year - 1).stream().filter(g -> g.grade() != null)
                .collect(Collectors.toMap(VillageGrade::villageId, VillageGrade::grade));
        Map<UUID, Boolean> weak = t.laggards().stream().filter(GradeTally.Laggard::weak)
                .collect(Collectors.toMap(GradeTally.Laggard::villageId, l -> true));
        List<VillageGrade> now = grading.grades(year).stream().filter(g -> g.grade() != null).toList();
        sink.accept(ReportRow.summary(header(Messages.get("report.grades.list"),
                Messages.get("report.grades.lastYear"))));
        for (Grade g : Grade.values()) {
            List<VillageGrade> of = now.stream().filter(v -> v.grade() == g).toList();
            if (of.isEmpty()) {
                continue;
            }
            List<String> head = new ArrayList<>(List.of(Messages.get("report.grades.gradeCount", g.label(),
                    of.size()), "", "", "", "", ""));
            sink.accept(ReportRow.summary(head));
            for (VillageGrade v : of) {
                List<String> row = new ArrayList<>();
                boolean isWeak = weak.containsKey(v.villageId());
                row.add(isWeak ? Messages.get("report.grades.weak", v.villageName()) : v.villageName());
                BigDecimal c = grading.composite(v.scores());
                for (Grade col : Grade.values()) {
                    row.add(col != g ? "" : c == null ? "✓" : c.stripTrailingZeros().toPlainString());
                }
                row.add(movement(before.get(v.villageId()), g));
                sink.accept(g == Grade.POOR || isWeak ? ReportRow.highlight(row) : ReportRow.data(row));
            }
        }
    }

    private static List<String> header(String first, String last) {
        List<String> row = new ArrayList<>();
        row.add(first);
        for (Grade g : Grade.values()) {
            row.add(g.label());
        }
        row.add(last);
        return row;
    }

    private static List<String> counts(String label, Map<Grade, Integer> counts) {
        List<String> row = new ArrayList<>();
        row.add(label);
        int sum = 0;
        for (Grade g : Grade.values()) {
            int n = counts.getOrDefault(g, 0);
            sum += n;
            row.add(Integer.toString(n));
        }
        row.add(Integer.toString(sum));
        return row;
    }

    private static String signed(int n) {
        return n > 0 ? "+" + n : Integer.toString(n);
    }

    /** "较好 → 升", "好 → 持平", or "上年未评" when last year had no grade. */
    private static String movement(Grade from, Grade to) {
        if (from == null) {
            return Messages.get("report.grades.new");
        }
        String word = to.betterThan(from) ? Messages.get("report.grades.upWord")
                : from.betterThan(to) ? Messages.get("report.grades.downWord") : Messages.get("report.grades.sameWord");
        return Messages.get("report.grades.moved", from.label(), word);
    }
}
