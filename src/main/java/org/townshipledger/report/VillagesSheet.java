package org.townshipledger.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.townshipledger.common.Messages;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/** 村情一览: every village with its groups, households, population, poverty and 软弱涣散 flags, and a total. */
final class VillagesSheet implements ReportSheet {

    private final VillageService villages;

    VillagesSheet(VillageService villages) {
        this.villages = villages;
    }

    @Override
    public String key() {
        return "villages";
    }

    @Override
    public String title() {
        return Messages.get("report.villages.title");
    }

    @Override
    public boolean byVillage() {
        return false;
    }

    @Override
    public List<Column> columns(ReportParams params) {
        return List.of(
                Column.center(Messages.get("report.column.no"), 10),
                Column.left(Messages.get("village.field.name"), 26),
                Column.center(Messages.get("village.field.statsCode"), 30),
                Column.center(Messages.get("village.field.kind"), 14),
                Column.right(Messages.get("report.villages.groups"), 16),
                Column.right(Messages.get("village.field.householdCount"), 16),
                Column.right(Messages.get("village.field.population"), 18),
                Column.center(Messages.get("village.field.poverty"), 14),
                Column.center(Messages.get("village.field.exitYear"), 16),
                Column.center(Messages.get("report.villages.weak", params.year()), 20));
    }

    @Override
    public int expectedRows(ReportParams params) {
        return villages.villageCount() + 1;
    }

    @Override
    public void rows(ReportParams params, Consumer<ReportRow> sink) {
        int n = 0;
        long groups = 0;
        long households = 0;
        long population = 0;
        int poor = 0;
        int weak = 0;
        for (Village v : villages.villages()) {
            n++;
            groups += v.groups().size();
            households += v.householdCount() == null ? 0 : v.householdCount();
            population += v.population() == null ? 0 : v.population();
            poor += v.povertyVillage() ? 1 : 0;
            weak += v.weakIn(params.year()) ? 1 : 0;
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(n));
            cells.add(v.name());
            cells.add(v.statsCode() == null ? "" : v.statsCode());
            cells.add(v.kind().label());
            cells.add(Integer.toString(v.groups().size()));
            cells.add(v.householdCount() == null ? "" : v.householdCount().toString());
            cells.add(v.population() == null ? "" : v.population().toString());
            cells.add(v.povertyVillage() ? "√" : "");
            cells.add(v.exitYear() == null ? "" : v.exitYear().toString());
            cells.add(v.weakIn(params.year()) ? "√" : "");
            sink.accept(ReportRow.data(cells));
        }
        sink.accept(ReportRow.summary(List.of("", Messages.get("report.total.villages", n), "", "",
                Long.toString(groups), Long.toString(households), Long.toString(population), Integer.toString(poor), "",
                Integer.toString(weak))));
    }
}
