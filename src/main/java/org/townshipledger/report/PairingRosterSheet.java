package org.townshipledger.report;

import java.util.List;
import java.util.function.Consumer;
import org.townshipledger.common.Messages;
import org.townshipledger.pairing.Pairing;
import org.townshipledger.pairing.PairingFilter;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.pairing.TargetKind;

/**
 * 结对帮扶花名册: by village, each household (and student) with its helper, the helper's unit and phone, and since
 * when; pairings running on the year's reference day, with a count per village and a total.
 */
final class PairingRosterSheet implements ReportSheet {

    private final PairingService pairings;

    PairingRosterSheet(PairingService pairings) {
        this.pairings = pairings;
    }

    @Override
    public String key() {
        return "pairings";
    }

    @Override
    public String title() {
        return Messages.get("report.pairings.title");
    }

    @Override
    public boolean byVillage() {
        return true;
    }

    @Override
    public List<Column> columns(ReportParams params) {
        return List.of(
                Column.left(Messages.get("pairing.column.village"), 24),
                Column.left(Messages.get("pairing.column.target"), 30),
                Column.left(Messages.get("pairing.column.helper"), 20),
                Column.left(Messages.get("pairing.column.unit"), 44),
                Column.center(Messages.get("pairing.column.phone"), 26),
                Column.center(Messages.get("pairing.column.kind"), 16),
                Column.center(Messages.get("report.pairings.since"), 22));
    }

    @Override
    public void rows(ReportParams params, Consumer<ReportRow> sink) {
        PairingFilter f = new PairingFilter(params.villageId(), null, null, null, pairings.referenceDay(params.year()));
        String[] village = {null};
        int[] count = {0, 0};
        pairings.forEachPairing(f, p -> {
            if (p.target() != TargetKind.HOUSEHOLD && p.target() != TargetKind.STUDENT) {
                return;
            }
            if (village[0] != null && !village[0].equals(p.villageName())) {
                sink.accept(subtotal(village[0], count[0]));
                count[0] = 0;
            }
            village[0] = p.villageName();
            count[0]++;
            count[1]++;
            sink.accept(ReportRow.data(List.of(nz(p.villageName()), target(p), nz(p.helperName()),
                    nz(p.helperUnit()), nz(p.helperPhone()), p.kind().label(), p.startDate().toString())));
        });
        if (village[0] != null) {
            sink.accept(subtotal(village[0], count[0]));
        }
        sink.accept(ReportRow.summary(List.of(Messages.get("report.total"),
                Messages.get("report.pairings.count", count[1]), "", "", "", "", "")));
    }

    private static ReportRow subtotal(String village, int n) {
        return ReportRow.summary(List.of(village, Messages.get("report.pairings.count", n), "", "", "", "", ""));
    }

    private static String target(Pairing p) {
        return p.target() == TargetKind.STUDENT ? Messages.get("pairing.target.student.named", nz(p.targetName()))
                : nz(p.targetName());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
