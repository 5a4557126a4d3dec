package org.townshipledger.report;

import java.util.List;
import java.util.function.Consumer;
import org.townshipledger.common.Messages;
import org.townshipledger.visit.Problem;
import org.townshipledger.visit.ProblemFilter;
import org.townshipledger.visit.ProblemTally;
import org.townshipledger.visit.VisitService;

/**
 * 问题化解台账: the year's problems by village (open ones highlighted), then each village's found, resolved and
 * rate, and the total with the rate (35 found, 30 resolved: 85.71%).
 */
final class ProblemSheet implements ReportSheet {

    private final VisitService visits;

    ProblemSheet(VisitService visits) {
        this.visits = visits;
    }

    @Override
    public String key() {
        return "problems";
    }

    @Override
    public String title() {
        return Messages.get("report.problems.title");
    }

    @Override
    public boolean byVillage() {
        return true;
    }

    @Override
    public List<Column> columns(ReportParams params) {
        return List.of(
                Column.left(Messages.get("visit.column.village"), 22),
                Column.center(Messages.get("problem.field.raisedOn"), 22),
                Column.left(Messages.get("problem.field.kind"), 30),
                Column.left(Messages.get("problem.field.raisedBy"), 18),
                Column.left(Messages.get("problem.field.description"), 48),
                Column.center(Messages.get("problem.column.status"), 18),
                Column.center(Messages.get("problem.field.resolvedOn"), 22),
                Column.left(Messages.get("problem.field.resolution"), 40),
                Column.center(Messages.get("problem.field.level"), 14));
    }

    @Override
    public void rows(ReportParams params, Consumer<ReportRow> sink) {
        for (Problem p : visits.problems(new ProblemFilter(params.villageId(), params.year(), null, null))) {
            List<String> cells = List.of(p.villageName(), p.raisedOn().toString(),
                    p.kind().label() + (p.subKind() == null ? "" : "（" + p.subKind().label() + "）"),
                    p.householdName() != null ? p.householdName() : nz(p.raisedBy()), nz(p.description()),
                    p.status().label(), p.resolvedOn() == null ? "" : p.resolvedOn().toString(), nz(p.resolution()),
                    p.level() == null ? "" : p.level().label());
            sink.accept(p.resolved() ? ReportRow.data(cells) : ReportRow.highlight(cells));
        }
        ProblemTally tally = visits.problemTally(params.year(), params.villageId());
        for (ProblemTally.Line l : tally.villages()) {
            sink.accept(ReportRow.summary(line(l.villageName(), l)));
        }
        sink.accept(ReportRow.summary(line(Messages.get("report.total"), tally.total())));
    }

    private static List<String> line(String name, ProblemTally.Line l) {
        return List.of(name, "", Messages.get("report.problems.found", l.found()),
                Messages.get("report.problems.resolved", l.resolved()),
                Messages.get("report.problems.rate", l.rate() == null ? "—" : l.rate().toPlainString() + "%"), "",
                "", Messages.get("report.problems.levels", l.inVillage(), l.inTownship(), l.inCounty()), "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
