package org.townshipledger.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.townshipledger.common.Messages;
import org.townshipledger.visit.VisitLog;
import org.townshipledger.visit.VisitService;

/**
 * 走访台账: each cadre's visits by month with the year's total, then the poor or monitored households nobody visited
 * in the year (highlighted), with their helpers.
 */
final class VisitLogSheet implements ReportSheet {

    private final VisitService visits;

    VisitLogSheet(VisitService visits) {
        this.visits = visits;
    }

    @Override
    public String key() {
        return "visits";
    }

    @Override
    public String title() {
        return Messages.get("report.visits.title");
    }

    @Override
    public boolean byVillage() {
        return true;
    }

    @Override
    public List<Column> columns(ReportParams params) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.left(Messages.get("report.visits.cadre"), 66));
        for (int m = 1; m <= 12; m++) {
            columns.add(Column.right(Messages.get("report.visits.month", m), 12));
        }
        columns.add(Column.right(Messages.get("report.total"), 16));
        return columns;
    }

    @Override
    public void rows(ReportParams params, Consumer<ReportRow> sink) {
        VisitLog log = visits.visitLog(params.year(), params.villageId());
        int[] sum = new int[12];
        int total = 0;
        for (VisitLog.CadreMonths c : log.cadres()) {
            List<String> cells = new ArrayList<>();
            cells.add(c.name());
            for (int m = 0; m < 12; m++) {
                cells.add(c.months()[m] == 0 ? "" : Integer.toString(c.months()[m]));
                sum[m] += c.months()[m];
            }
            cells.add(Integer.toString(c.total()));
            total += c.total();
            sink.accept(ReportRow.data(cells));
        }
        List<String> cells = new ArrayList<>();
        cells.add(Messages.get("report.visits.cadres", log.cadres().size()));
        for (int m : sum) {
            cells.add(Integer.toString(m));
        }
        cells.add(Integer.toString(total));
        sink.accept(ReportRow.summary(cells));
        for (VisitLog.Unvisited h : log.unvisited()) {
            List<String> row = new ArrayList<>();
            row.add(Messages.get("report.visits.unvisited", h.villageName(), h.headName()) + " "
                    + (h.helpers().isEmpty() ? Messages.get("check.noHelper")
                    : Messages.get("report.visits.helpers", String.join("、", h.helpers()))));
            for (int i = 0; i < 13; i++) {
                row.add("");
            }
            sink.accept(ReportRow.highlight(row));
        }
        if (!log.unvisited().isEmpty()) {
            List<String> row = new ArrayList<>();
            row.add(Messages.get("report.visits.unvisitedCount", log.unvisited().size()));
            for (int i = 0; i < 13; i++) {
                row.add("");
            }
            sink.accept(ReportRow.summary(row));
        }
    }
}
