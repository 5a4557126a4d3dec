package org.townshipledger.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.townshipledger.cadre.Assignment;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Role;
import org.townshipledger.common.Messages;

/** 驻村干部花名册: by village, who holds which post on the year's reference day, with a count per village. */
final class CadreRosterSheet implements ReportSheet {

    private final CadreService cadres;
    private final java.time.Clock clock;

    CadreRosterSheet(CadreService cadres, java.time.Clock clock) {
        this.cadres = cadres;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "cadres";
    }

    @Override
    public String title() {
        return Messages.get("report.cadres.title");
    }

    @Override
    public boolean byVillage() {
        return true;
    }

    @Override
    public List<Column> columns(ReportParams params) {
        return List.of(
                Column.left(Messages.get("check.column.village"), 24),
                Column.left(Messages.get("assignment.field.role"), 28),
                Column.left(Messages.get("cadre.field.name"), 18),
                Column.center(Messages.get("cadre.field.sex"), 10),
                Column.right(Messages.get("cadre.field.age"), 10),
                Column.left(Messages.get("cadre.field.unit"), 44),
                Column.center(Messages.get("cadre.field.rank"), 18),
                Column.center(Messages.get("assignment.field.from"), 22),
                Column.center(Messages.get("cadre.field.phone"), 26));
    }

    /** Today for the current year, else 31 December: the day whose postings are printed. */
    static LocalDate referenceDay(int year, java.time.Clock clock) {
        LocalDate today = LocalDate.now(clock);
        return today.getYear() == year ? today : LocalDate.of(year, 12, 31);
    }

    @Override
    public void rows(ReportParams params, Consumer<ReportRow> sink) {
        LocalDate day = referenceDay(params.year(), clock);
        Map<UUID, Cadre> people = cadres.cadres(null, null, null).stream()
                .collect(Collectors.toMap(Cadre::id, Function.identity()));
        List<String> order = cadres.roles().stream().map(Role::code).toList();
        Map<String, List<Assignment>> byVillage = cadres.assignments(null, params.villageId(), null).stream()
                .filter(a -> a.activeOn(day) && !a.role().equals(Role.RESERVE))
                .sorted(Comparator.comparing((Assignment a) -> order.indexOf(a.role())).thenComparing(Assignment::cadreName))
                .collect(Collectors.groupingBy(Assignment::villageName, LinkedHashMap::new, Collectors.toList()));
        int total = 0;
        for (Map.Entry<String, List<Assignment>> village : byVillage.entrySet()) {
            for (Assignment a : village.getValue()) {
                Cadre k = people.get(a.cadreId());
                List<String> cells = new ArrayList<>();
                cells.add(village.getKey());
                cells.add(cadres.roleLabel(a.role()));
                cells.add(a.cadreName());
                cells.add(k == null ? "" : k.sex().label());
                cells.add(k == null || k.birthDate() == null ? "" : Integer.toString(k.ageOn(day)));
                cells.add(k == null || k.unitName() == null ? "" : k.unitName());
                cells.add(k == null || k.rank() == null ? "" : k.rank().label());
                cells.add(a.startDate().toString());
                cells.add(k == null || k.phone() == null ? "" : k.phone());
                sink.accept(ReportRow.data(cells));
            }
            total += village.getValue().size();
            sink.accept(ReportRow.summary(List.of(village.getKey(), Messages.get("report.subtotal.people",
                    village.getValue().size()), "", "", "", "", "", "", "")));
        }
        sink.accept(ReportRow.summary(List.of(Messages.get("report.total"), Messages.get("report.subtotal.people", total),
                "", "", "", "", "", "", "")));
    }
}
