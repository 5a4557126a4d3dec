package org.townshipledger.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.townshipledger.common.Messages;
import org.townshipledger.grading.GradingRules;
import org.townshipledger.grading.GradingService;
import org.townshipledger.grading.ReviewKind;
import org.townshipledger.grading.ReviewResult;
import org.townshipledger.grading.SecretaryReview;

/**
 * 述职考核结果: each secretary's four part scores, weighted total and result, branch secretaries first, then first
 * secretaries (a sub-heading names each kind's parts and weights), with the count of each result at the end.
 * 不称职 is highlighted.
 */
final class ReviewResultSheet implements ReportSheet {

    private final GradingService grading;

    ReviewResultSheet(GradingService grading) {
        this.grading = grading;
    }

    @Override
    public String key() {
        return "reviews";
    }

    @Override
    public String title() {
        return Messages.get("report.reviews.title");
    }

    @Override
    public boolean byVillage() {
        return false;
    }

    @Override
    public List<Column> columns(ReportParams params) {
        List<Column> c = new ArrayList<>();
        c.add(Column.left(Messages.get("report.reviews.village"), 32));
        c.add(Column.left(Messages.get("report.reviews.name"), 22));
        for (int i = 1; i <= 4; i++) {
            c.add(Column.right(Messages.get("report.reviews.part", i), 22));
        }
        c.add(Column.right(Messages.get("report.reviews.total"), 18));
        c.add(Column.center(Messages.get("report.reviews.result"), 22));
        return c;
    }

    /** A score with at least one decimal place: 72.0, 79.5, 89.95. */
    static String score(java.math.BigDecimal p) {
        return p.setScale(Math.max(1, p.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    @Override
    public void rows(ReportParams params, Consumer<ReportRow> sink) {
        GradingRules rules = grading.rules();
        List<SecretaryReview> all = grading.reviews(params.year());
        Map<ReviewResult, Integer> counts = new EnumMap<>(ReviewResult.class);
        for (ReviewKind kind : ReviewKind.values()) {
            List<SecretaryReview> of = all.stream().filter(r -> r.kind() == kind).toList();
            if (of.isEmpty()) {
                continue;
            }
            List<String> head = new ArrayList<>(List.of(kind.label(), Messages.get("report.reviews.people",
                    of.size())));
            List<String> parts = kind.partLabels();
            int[] w = rules.weights(kind);
            int sum = java.util.Arrays.stream(w).sum();
            for (int i = 0; i < 4; i++) {
                head.add(Messages.get("report.reviews.partWeight", parts.get(i), Math.round(100.0 * w[i] / sum)));
            }
            head.add("");
            head.add("");
            sink.accept(ReportRow.summary(head));
            for (SecretaryReview r : of) {
                List<String> row = new ArrayList<>();
                row.add(r.villageName() == null ? "" : r.villageName());
                row.add(r.cadreName());
                r.parts().forEach(p -> row.add(score(p)));
                row.add(r.total().toPlainString());
                row.add(r.result().label());
                counts.merge(r.result(), 1, Integer::sum);
                sink.accept(r.result() == ReviewResult.INCOMPETENT ? ReportRow.highlight(row) : ReportRow.data(row));
            }
        }
        List<String> total = new ArrayList<>();
        total.add(Messages.get("report.total"));
        total.add(Messages.get("report.reviews.people", all.size()));
        for (ReviewResult r : ReviewResult.values()) {
            total.add(r.label() + " " + counts.getOrDefault(r, 0));
        }
        total.add("");
        total.add("");
        sink.accept(ReportRow.summary(total));
    }
}
