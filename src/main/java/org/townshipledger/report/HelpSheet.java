package org.townshipledger.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.townshipledger.common.Messages;
import org.townshipledger.visit.HelpTally;
import org.townshipledger.visit.VisitService;

/**
 * 帮扶项目与资金统计: for each village its items, money and goods by kind with the village's subtotal, then the
 * totals by kind and the grand total. Sums are exact, printed to the fen.
 */
final class HelpSheet implements ReportSheet {

    private final VisitService visits;

    HelpSheet(VisitService visits) {
        this.visits = visits;
    }

    @Override
    public String key() {
        return "help";
    }

    @Override
    public String title() {
        return Messages.get("report.help.title");
    }

    @Override
    public boolean byVillage() {
        return true;
    }

    @Override
    public List<Column> columns(ReportParams params) {
        return List.of(
                Column.left(Messages.get("visit.column.village"), 36),
                Column.left(Messages.get("help.field.kind"), 34),
                Column.right(Messages.get("report.help.items"), 20),
                Column.right(Messages.get("help.field.money"), 36),
                Column.right(Messages.get("help.field.goods"), 36),
                Column.right(Messages.get("report.help.value"), 36));
    }

    @Override
    public void rows(ReportParams params, Consumer<ReportRow> sink) {
        HelpTally t = visits.helpTally(params.year());
        UUID only = params.villageId();
        for (HelpTally.Sum village : t.byVillage()) {
            if (only != null && !only.equals(village.villageId())) {
                continue;
            }
            for (HelpTally.Sum cell : t.byVillageAndKind()) {
                if (cell.villageId().equals(village.villageId())) {
                    sink.accept(ReportRow.data(cells(cell.villageName(), cell.kind().label(), cell)));
                }
            }
            sink.accept(ReportRow.summary(cells(village.villageName(), Messages.get("report.help.subtotal"),
                    village)));
        }
        if (only != null) {
            return;
        }
        for (HelpTally.Sum kind : t.byKind()) {
            sink.accept(ReportRow.summary(cells(Messages.get("report.help.allVillages"), kind.kind().label(), kind)));
        }
        sink.accept(ReportRow.summary(cells(Messages.get("report.total"), "", t.total())));
    }

    private static List<String> cells(String village, String kind, HelpTally.Sum s) {
        return List.of(village, kind, Integer.toString(s.items()), yuan(s.money()), yuan(s.goods()),
                yuan(s.value()));
    }

    /** 1,234,567.80 */
    static String yuan(BigDecimal b) {
        return String.format("%,.2f", b);
    }
}
