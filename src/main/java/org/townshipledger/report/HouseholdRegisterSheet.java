package org.townshipledger.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.townshipledger.common.Masking;
import org.townshipledger.common.Messages;
import org.townshipledger.household.HouseholdCategory;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.MonitoringType;
import org.townshipledger.household.PovertyCause;
import org.townshipledger.household.PovertyStatus;
import org.townshipledger.household.RegisterLine;

/**
 * 贫困户/监测户台账: by village, each poor or monitored household with its head, masked ID, members, category,
 * cause, status, monitoring type and the year's 两不愁三保障 + 饮水 check as √/×; a subtotal per village and a total.
 */
final class HouseholdRegisterSheet implements ReportSheet {

    /** The marks Chinese office forms use; every CJK font has them (✓/✗ are often missing). */
    private static final String YES = "√";
    private static final String NO = "×";

    private final HouseholdService households;

    HouseholdRegisterSheet(HouseholdService households) {
        this.households = households;
    }

    @Override
    public String key() {
        return "households";
    }

    @Override
    public String title() {
        return Messages.get("report.households.title");
    }

    @Override
    public boolean byVillage() {
        return true;
    }

    @Override
    public List<Column> columns(ReportParams params) {
        return List.of(
                Column.center(Messages.get("report.column.no"), 10),
                Column.left(Messages.get("check.column.village"), 20),
                Column.left(Messages.get("report.households.group"), 14),
                Column.left(Messages.get("report.households.head"), 16),
                Column.center(Messages.get("cadre.field.idNumber"), 36),
                Column.right(Messages.get("report.households.members"), 10),
                Column.center(Messages.get("report.households.category"), 24),
                Column.center(Messages.get("report.households.cause"), 18),
                Column.center(Messages.get("report.households.status"), 26),
                Column.center(Messages.get("report.households.monitoring"), 22),
                Column.center(Messages.get("report.households.food"), 12),
                Column.center(Messages.get("report.households.education"), 16),
                Column.center(Messages.get("report.households.medical"), 12),
                Column.center(Messages.get("report.households.housing"), 12),
                Column.center(Messages.get("report.households.water"), 12));
    }

    @Override
    public int expectedRows(ReportParams params) {
        int count = households.registerCount(params.villageId());
        return params.limit() > 0 ? Math.min(count, params.limit()) : count;
    }

    @Override
    public void rows(ReportParams params, Consumer<ReportRow> sink) {
        Totals village = new Totals();
        Totals all = new Totals();
        Labels labels = new Labels();
        String[] current = {null};
        int[] n = {0};
        households.forEachRegisterLine(params.year(), params.villageId(), params.limit(), line -> {
            if (current[0] != null && !current[0].equals(line.village())) {
                sink.accept(village.row(current[0]));
                village.reset();
            }
            current[0] = line.village();
            sink.accept(ReportRow.data(cells(++n[0], line, params.fullId(), labels)));
            village.add(line);
            all.add(line);
        });
        if (current[0] != null) {
            sink.accept(village.row(current[0]));
        }
        sink.accept(all.row(Messages.get("report.total")));
    }

    private static List<String> cells(int n, RegisterLine h, boolean fullId, Labels labels) {
        List<String> cells = new ArrayList<>(15);
        cells.add(Integer.toString(n));
        cells.add(h.village());
        cells.add(h.group() == null ? "" : h.group());
        cells.add(h.headName());
        cells.add(fullId ? h.headIdNumber() : Masking.idNumber(h.headIdNumber()));
        cells.add(Integer.toString(h.members()));
        cells.add(labels.of(h.category()));
        cells.add(labels.of(h.cause()));
        cells.add(labels.status(h.status(), h.exitYear()));
        cells.add(labels.of(h.monitoring()));
        for (int i = 0; i < 5; i++) {
            cells.add(h.checks() == null ? "" : h.checks()[i] ? YES : NO);
        }
        return cells;
    }

    /**
     * The labels of a sheet's codes, looked up in the bundle once per sheet rather than once per row (a
     * 30,000-row register otherwise formats 30,000 MessageFormats for "已脱贫（2018）" alone).
     */
    private static final class Labels {
        private final Map<Enum<?>, String> codes = new HashMap<>();
        private final Map<String, String> statuses = new HashMap<>();

        String of(Enum<?> code) {
            return code == null ? "" : codes.computeIfAbsent(code, Labels::label);
        }

        String status(PovertyStatus status, Integer exitYear) {
            if (status == null) {
                return "";
            }
            if (exitYear == null) {
                return of(status);
            }
            return statuses.computeIfAbsent(status.name() + exitYear,
                    k -> Messages.get("report.households.exited", of(status), exitYear));
        }

        private static String label(Enum<?> code) {
            if (code instanceof HouseholdCategory c) {
                return c.label();
            } else if (code instanceof PovertyCause c) {
                return c.label();
            } else if (code instanceof PovertyStatus c) {
                return c.label();
            } else if (code instanceof MonitoringType c) {
                return c.label();
            }
            return code.name();
        }
    }

    /** Households, people and how many are not assured on each of the five items. */
    private static final class Totals {
        int households;
        int people;
        final int[] notAssured = new int[5];

        void add(RegisterLine h) {
            households++;
            people += h.members();
            if (h.checks() != null) {
                for (int i = 0; i < 5; i++) {
                    notAssured[i] += h.checks()[i] ? 0 : 1;
                }
            }
        }

        void reset() {
            households = 0;
            people = 0;
            java.util.Arrays.fill(notAssured, 0);
        }

        ReportRow row(String label) {
            List<String> cells = new ArrayList<>(List.of("", label, "", Messages.get("report.households.count", households),
                    "", Integer.toString(people), "", "", "", ""));
            for (int i = 0; i < 5; i++) {
                cells.add(notAssured[i] == 0 ? "" : NO + notAssured[i]);
            }
            return ReportRow.summary(cells);
        }
    }
}
