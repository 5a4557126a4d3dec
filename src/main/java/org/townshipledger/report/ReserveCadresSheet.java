package org.townshipledger.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.townshipledger.cadre.AssignmentRules;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Role;
import org.townshipledger.common.Messages;
import org.townshipledger.village.Village;

/** 后备干部情况: each village's reserve cadres and how many are under the age limit; villages short are marked. */
final class ReserveCadresSheet implements ReportSheet {

    private final CadreService cadres;
    private final java.util.function.Supplier<List<Village>> villages;
    private final java.time.Clock clock;

    ReserveCadresSheet(CadreService cadres, java.util.function.Supplier<List<Village>> villages, java.time.Clock clock) {
        this.cadres = cadres;
        this.villages = villages;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "reserves";
    }

    @Override
    public String title() {
        return Messages.get("report.reserves.title");
    }

    @Override
    public boolean byVillage() {
        return true;
    }

    @Override
    public List<Column> columns(ReportParams params) {
        AssignmentRules rules = cadres.rules();
        return List.of(
                Column.center(Messages.get("report.column.no"), 10),
                Column.left(Messages.get("check.column.village"), 26),
                Column.right(Messages.get("report.reserves.count"), 18),
                Column.right(Messages.get("report.reserves.young", rules.reserveMaxAge()), 24),
                Column.left(Messages.get("report.reserves.names"), 76),
                Column.center(Messages.get("report.reserves.status", rules.minReserves()), 26));
    }

    @Override
    public void rows(ReportParams params, Consumer<ReportRow> sink) {
        AssignmentRules rules = cadres.rules();
        LocalDate day = CadreRosterSheet.referenceDay(params.year(), clock);
        LocalDate yearEnd = LocalDate.of(params.year(), 12, 31);
        Map<UUID, Cadre> people = cadres.cadres(null, null, null).stream()
                .collect(Collectors.toMap(Cadre::id, Function.identity()));
        Map<UUID, List<Cadre>> reserves = cadres.assignments(null, params.villageId(), Role.RESERVE).stream()
                .filter(a -> a.activeOn(day) && people.containsKey(a.cadreId()))
                .collect(Collectors.groupingBy(a -> a.villageId(),
                        Collectors.mapping(a -> people.get(a.cadreId()), Collectors.toList())));
        int n = 0;
        int all = 0;
        int young = 0;
        int shortVillages = 0;
        for (Village v : villages.get()) {
            if (params.villageId() != null && !params.villageId().equals(v.id())) {
                continue;
            }
            List<Cadre> list = reserves.getOrDefault(v.id(), List.of());
            long under = list.stream().filter(k -> k.birthDate() != null && k.ageOn(yearEnd) <= rules.reserveMaxAge())
                    .count();
            String names = list.stream().map(k -> k.birthDate() == null ? k.name()
                    : Messages.get("report.reserves.nameAge", k.name(), k.ageOn(yearEnd))).collect(Collectors.joining("、"));
            boolean isShort = under < rules.minReserves();
            List<String> cells = List.of(Integer.toString(++n), v.name(), Integer.toString(list.size()),
                    Long.toString(under), names, isShort ? Messages.get("report.reserves.short", rules.minReserves() - under)
                            : Messages.get("report.reserves.ok"));
            sink.accept(isShort ? ReportRow.highlight(cells) : ReportRow.data(cells));
            all += list.size();
            young += (int) under;
            shortVillages += isShort ? 1 : 0;
        }
        sink.accept(ReportRow.summary(List.of("", Messages.get("report.total.villages", n), Integer.toString(all),
                Integer.toString(young), "", Messages.get("report.reserves.shortVillages", shortVillages))));
    }
}
