package org.townshipledger.report;

import java.util.List;
import java.util.function.Consumer;
import org.townshipledger.common.Messages;
import org.townshipledger.pairing.HelperLoad;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.pairing.PairingRules.Quota;

/**
 * 帮扶任务完成情况: every helper with a quota or pairings, what its category requires against what it does, and
 * whether it falls short or is over its household limit (highlighted), with the counts at the end.
 */
final class PairingQuotaSheet implements ReportSheet {

    private final PairingService pairings;

    PairingQuotaSheet(PairingService pairings) {
        this.pairings = pairings;
    }

    @Override
    public String key() {
        return "pairing-quotas";
    }

    @Override
    public String title() {
        return Messages.get("report.quotas.title");
    }

    @Override
    public boolean byVillage() {
        return false;
    }

    @Override
    public List<Column> columns(ReportParams params) {
        return List.of(
                Column.left(Messages.get("report.quotas.category"), 18),
                Column.left(Messages.get("pairing.column.helper"), 34),
                Column.left(Messages.get("pairing.column.unit"), 36),
                Column.left(Messages.get("report.quotas.required"), 40),
                Column.left(Messages.get("report.quotas.done"), 40),
                Column.left(Messages.get("report.quotas.result"), 72));
    }

    @Override
    public void rows(ReportParams params, Consumer<ReportRow> sink) {
        int met = 0;
        int under = 0;
        int over = 0;
        for (HelperLoad l : pairings.loads(params.year())) {
            List<String> shortfalls = l.shortfalls();
            String result;
            if (l.over()) {
                over++;
                result = Messages.get("report.quotas.over", l.done().households(), l.maxHouseholds());
            } else if (!shortfalls.isEmpty()) {
                under++;
                result = Messages.get("report.quotas.short", String.join("、", shortfalls));
            } else {
                met++;
                result = Messages.get("report.quotas.met");
            }
            List<String> cells = List.of(l.category().label(), l.name(), l.unitName() == null ? "" : l.unitName(),
                    figures(l.required(), l.cadreId() == null), figures(l.done(), l.cadreId() == null), result);
            sink.accept(l.over() || !shortfalls.isEmpty() ? ReportRow.highlight(cells) : ReportRow.data(cells));
        }
        sink.accept(ReportRow.summary(List.of(Messages.get("report.total"),
                Messages.get("report.quotas.helpers", met + under + over), "", "",
                "", Messages.get("report.quotas.counts", met, under, over))));
    }

    /** "村 1 户 2 学生 1", only the parts that are not zero (units also the reserve cadres they sent). */
    private static String figures(Quota q, boolean unit) {
        StringBuilder b = new StringBuilder();
        part(b, "report.quotas.townships", q.townships());
        part(b, "report.quotas.villages", q.villages());
        part(b, "report.quotas.households", q.households());
        part(b, "report.quotas.students", q.students());
        if (unit) {
            part(b, "report.quotas.reserves", q.reserves());
        }
        return b.length() == 0 ? "—" : b.toString();
    }

    private static void part(StringBuilder b, String key, int n) {
        if (n > 0) {
            if (b.length() > 0) {
                b.append("  ");
            }
            b.append(Messages.get(key, n));
        }
    }
}
