package org.townshipledger.pairing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.ImportCount;
import org.townshipledger.cadre.SheetCells;
import org.townshipledger.cadre.Unit;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Masking;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.exchange.DateCells;
import org.townshipledger.exchange.Table;
import org.townshipledger.exchange.TableReader;
import org.townshipledger.exchange.TableRow;
import org.townshipledger.exchange.TableWriter;
import org.townshipledger.pairing.PairingRepository.HouseholdKey;
import org.townshipledger.pairing.Student;
import org.townshipledger.village.Village;

/**
 * The pairings sheet (结对帮扶): 帮扶人, 帮扶人身份证号, 帮扶单位, 对象类型, 村, 对象姓名, 对象身份证号, 结对方式,
 * 开始日期, 结束日期, 帮扶承诺, 结束原因.
 *
 * <p>The helper is a cadre when 帮扶人 is filled (found by ID number, else by name, narrowed by 帮扶单位 and a
 * masked number), else the unit named in 帮扶单位. The target is found by its type: a household by the head's ID
 * number, else by the head's name in the village; a student by ID number, else by name in the village; a village
 * by 村; the township needs nothing. A row with the same helper, target and start date as a pairing in the ledger
 * updates its kind, promise and end instead of adding another. The service's rules apply: the same pairing twice
 * over the same dates, and a cadre over the household limit of the rank, are refused. Parsing only:
 * {@link PairingService#importFile} writes.
 */
final class PairingImport {

    static final String H_HELPER = "帮扶人";
    static final String H_HELPER_ID = "帮扶人身份证号";
    static final String H_UNIT = "帮扶单位";
    static final String H_TARGET = "对象类型";
    static final String H_VILLAGE = "村";
    static final String H_NAME = "对象姓名";
    static final String H_ID = "对象身份证号";
    static final String H_KIND = "结对方式";
    static final String H_FROM = "开始日期";
    static final String H_TO = "结束日期";
    static final String H_PROMISE = "帮扶承诺";
    static final String H_REASON = "结束原因";
    static final List<String> HEADERS = List.of(H_HELPER, H_HELPER_ID, H_UNIT, H_TARGET, H_VILLAGE, H_NAME, H_ID,
            H_KIND, H_FROM, H_TO, H_PROMISE, H_REASON);

    /** What the rows are checked against. */
    record Ledger(List<Cadre> cadres, List<Unit> units, List<Village> villages, PairingRepository repo,
                  List<Pairing> existing, PairingRules rules, LocalDate today) {
    }

    private final List<Pairing> rows = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private PairingImport() {
    }

    List<Pairing> pairings() {
        return rows;
    }

    List<Problem> problems() {
        return problems;
    }

    ImportCount count() {
        int added = (int) rows.stream().filter(p -> p.id() == null).count();
        return new ImportCount(added, rows.size() - added);
    }

    static PairingImport parse(Path file, Ledger ledger) {
        Table table = TableReader.read(file, List.of(H_TARGET, H_FROM));
        PairingImport im = new PairingImport();
        SheetCells cells = new SheetCells(im.problems);
        Map<String, Cadre> cadreById = ledger.cadres().stream().filter(c -> c.idNumber() != null)
                .collect(Collectors.toMap(Cadre::idNumber, Function.identity(), (a, b) -> a));
        Map<String, List<Cadre>> cadresByName = ledger.cadres().stream().collect(Collectors.groupingBy(Cadre::name));
        Map<String, Unit> unitByName = ledger.units().stream()
                .collect(Collectors.toMap(Unit::name, Function.identity(), (a, b) -> a));
        Map<String, Village> villageByName = ledger.villages().stream()
                .collect(Collectors.toMap(Village::name, Function.identity(), (a, b) -> a));
        List<HouseholdKey> households = ledger.repo().householdKeys();
        Map<String, HouseholdKey> householdByHeadId = households.stream()
                .collect(Collectors.toMap(HouseholdKey::headIdNumber, Function.identity(), (a, b) -> a));
        Map<String, List<HouseholdKey>> householdsByHead = households.stream()
                .collect(Collectors.groupingBy(h -> h.villageId() + "|" + h.headName()));
        List<Student> students = table.rows().stream().anyMatch(r -> TargetKind.parse(r.get(H_TARGET))
                .orElse(null) == TargetKind.STUDENT) ? ledger.repo().students() : List.of();
        Map<String, Student> studentById = students.stream()
                .collect(Collectors.toMap(Student::idNumber, Function.identity(), (a, b) -> a));
        Map<String, List<Student>> studentsByName = students.stream()
                .collect(Collectors.groupingBy(s -> s.villageId() + "|" + s.name()));
        Map<String, Pairing> existingByKey = new HashMap<>();
        ledger.existing().forEach(p -> existingByKey.putIfAbsent(key(p), p));
        Map<String, Integer> seen = new HashMap<>();

        for (TableRow row : table.rows()) {
            int before = im.problems.size();
            UUID[] helper = helper(row, cadreById, cadresByName, unitByName, cells);
            TargetKind target = cells.code(row, H_TARGET, TargetKind::parse, TargetKind.values(),
                    TargetKind::fileLabel, "import.error.pairingTarget", null);
            if (target == null && row.get(H_TARGET).isEmpty()) {
                cells.problem(row, H_TARGET, Messages.get("pairing.error.target"));
            }
            String villageName = row.get(H_VILLAGE);
            Village village = villageByName.get(villageName);
            if (target != null && target != TargetKind.TOWNSHIP && village == null) {
                cells.problem(row, H_VILLAGE, villageName.isEmpty() ? Messages.get("import.error.villageRequired")
                        : Messages.get("import.error.unknownVillage", villageName));
            }
            UUID household = null;
            UUID member = null;
            if (village != null && target == TargetKind.HOUSEHOLD) {
                household = find(row, village, householdByHeadId, householdsByHead, HouseholdKey::headIdNumber,
                        cells, "import.error.noHousehold").map(HouseholdKey::id).orElse(null);
            } else if (village != null && target == TargetKind.STUDENT) {
                Student s = find(row, village, studentById, studentsByName, Student::idNumber, cells,
                        "import.error.noStudent").orElse(null);
                if (s != null) {
                    household = s.householdId();
                    member = s.memberId();
                }
            }
            PairingKind kind = cells.code(row, H_KIND, PairingKind::parse, PairingKind.values(),
                    PairingKind::fileLabel, "import.error.pairingKind", PairingKind.ONE_TO_ONE);
            LocalDate from = cells.date(row, H_FROM);
            if (from == null && DateCells.isBlank(row.get(H_FROM))) {
                cells.problem(row, H_FROM, Messages.get("assignment.error.start"));
            }
            LocalDate to = table.hasColumn(H_TO) ? cells.date(row, H_TO) : null;
            if (from != null && to != null && to.isBefore(from)) {
                cells.problem(row, H_TO, Messages.get("assignment.error.endBeforeStart"));
            }
            String promise = SheetCells.blankToNull(row.get(H_PROMISE));
            if (promise != null && promise.length() > PairingService.PROMISE_MAX) {
                cells.problem(row, H_PROMISE, Messages.get("validation.tooLong", PairingService.PROMISE_MAX));
            }
            String reason = SheetCells.blankToNull(row.get(H_REASON));
            if (reason != null && reason.length() > PairingService.REASON_MAX) {
                cells.problem(row, H_REASON, Messages.get("validation.tooLong", PairingService.REASON_MAX));
            }
            if (im.problems.size() != before) {
                continue;
            }
            Pairing p = new Pairing(null, helper[0], helper[1], helperName(helper, ledger), null, null, target,
                    household, member, target == TargetKind.VILLAGE ? village.id() : village == null ? null
                    : village.id(), row.get(H_NAME), villageName, kind, from, to, promise, reason, 0);
            Integer first = seen.putIfAbsent(key(p), row.line());
            if (first != null) {
                cells.problem(row, H_FROM, Messages.get("import.error.duplicatePairing", first));
                continue;
            }
            Pairing old = existingByKey.get(key(p));
            if (old != null) {
                p = new Pairing(old.id(), old.cadreId(), old.unitId(), old.helperName(), old.helperUnit(),
                        old.helperPhone(), old.target(), old.householdId(), old.memberId(), old.villageId(),
                        old.targetName(), old.villageName(), table.hasColumn(H_KIND) ? kind : old.kind(),
                        old.startDate(), table.hasColumn(H_TO) ? to : old.endDate(),
                        table.hasColumn(H_PROMISE) ? promise : old.promise(),
                        table.hasColumn(H_REASON) ? reason : old.endReason(), old.version());
            }
            im.rows.add(p);
            im.lines.add(row.line());
        }
        im.checkAgainstLedger(ledger);
        return im;
    }

    private static String helperName(UUID[] helper, Ledger ledger) {
        if (helper[0] != null) {
            return ledger.cadres().stream().filter(c -> c.id().equals(helper[0])).map(Cadre::name).findFirst()
                    .orElse("");
        }
        return ledger.units().stream().filter(u -> u.id().equals(helper[1])).map(Unit::name).findFirst().orElse("");
    }

    /** {cadre id, unit id}: exactly one is set; both null after a problem. */
    private static UUID[] helper(TableRow row, Map<String, Cadre> byId, Map<String, List<Cadre>> byName,
                                 Map<String, Unit> unitByName, SheetCells cells) {
        String name = row.get(H_HELPER);
        String idText = row.get(H_HELPER_ID);
        String unitName = row.get(H_UNIT);
        if (name.isEmpty() && idText.isEmpty()) {
            Unit u = unitByName.get(unitName);
            if (unitName.isEmpty()) {
                cells.problem(row, H_HELPER, Messages.get("pairing.error.helper"));
            } else if (u == null) {
                cells.problem(row, H_UNIT, Messages.get("import.error.unknownUnit", unitName));
            }
            return new UUID[] {null, u == null ? null : u.id()};
        }
        if (!idText.isEmpty() && !idText.contains("*")) {
            String id = IdNumber.normalize(idText);
            Cadre c = byId.get(id);
            if (c == null) {
                cells.problem(row, H_HELPER_ID, Messages.get("import.error.noCadreWithId", id));
            } else if (!name.isEmpty() && !name.equals(c.name())) {
                cells.problem(row, H_HELPER, Messages.get("import.error.cadreIdName", id, c.name(), name));
            }
            return new UUID[] {c == null ? null : c.id(), null};
        }
        List<Cadre> named = byName.getOrDefault(name, List.of());
        if (!unitName.isEmpty() && named.size() > 1) {
            named = named.stream().filter(c -> unitName.equals(c.unitName())).toList();
        }
        if (!idText.isEmpty()) {
            named = named.stream().filter(c -> Masking.idNumber(c.idNumber()).equals(idText)).toList();
        }
        if (named.size() != 1) {
            cells.problem(row, H_HELPER, named.isEmpty() ? Messages.get("import.error.noCadre", name)
                    : Messages.get("import.error.cadreAmbiguous", name, named.size()));
            return new UUID[] {null, null};
        }
        return new UUID[] {named.get(0).id(), null};
    }

    /** The household or student a row names: by full ID number, else by name in the village (a masked ID narrows). */
    private static <T> java.util.Optional<T> find(TableRow row, Village village, Map<String, T> byId,
                                                  Map<String, List<T>> byName, Function<T, String> idOf,
                                                  SheetCells cells, String notFoundKey) {
        String name = row.get(H_NAME);
        String idText = row.get(H_ID);
        if (!idText.isEmpty() && !idText.contains("*")) {
            T t = byId.get(IdNumber.normalize(idText));
            if (t == null) {
                cells.problem(row, H_ID, Messages.get(notFoundKey, idText, village.name()));
            }
            return java.util.Optional.ofNullable(t);
        }
        List<T> named = byName.getOrDefault(village.id() + "|" + name, List.of());
        if (!idText.isEmpty()) {
            named = named.stream().filter(t -> Masking.idNumber(idOf.apply(t)).equals(idText)).toList();
        }
        if (named.size() != 1) {
            cells.problem(row, H_NAME, named.isEmpty() ? Messages.get(notFoundKey, name, village.name())
                    : Messages.get("import.error.targetAmbiguous", name, village.name(), named.size()));
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(named.get(0));
    }

    /** Rows that pair a cadre with a household already paired over those dates, or push a cadre over the limit. */
    private void checkAgainstLedger(Ledger ledger) {
        Map<UUID, Cadre> cadres = ledger.cadres().stream().collect(Collectors.toMap(Cadre::id, Function.identity()));
        Map<UUID, Pairing> changed = new HashMap<>();
        rows.stream().filter(p -> p.id() != null).forEach(p -> changed.put(p.id(), p));
        List<Pairing> after = new ArrayList<>();
        ledger.existing().forEach(p -> after.add(changed.getOrDefault(p.id(), p)));
        rows.stream().filter(p -> p.id() == null).forEach(after::add);
        for (int i = 0; i < rows.size(); i++) {
            Pairing p = rows.get(i);
            int line = lines.get(i);
            if (p.id() == null) {
                after.stream().filter(o -> o != p && sameHelper(o, p) && o.sameTarget(p)
                                && o.overlaps(p.startDate(), p.endDate()))
                        .findFirst()
                        .ifPresent(o -> problems.add(new Problem(line, H_FROM, Messages.get("pairing.error.twice",
                                p.helperName(), PairingService.targetLabel(p), o.startDate().toString()))));
            }
            Cadre k = p.cadreId() == null ? null : cadres.get(p.cadreId());
            if (k != null && p.target() == TargetKind.HOUSEHOLD && p.activeOn(ledger.today())) {
                int max = ledger.rules().maxHouseholds(k.rank());
                long helped = after.stream().filter(o -> k.id().equals(o.cadreId())
                        && o.target() == TargetKind.HOUSEHOLD && o.activeOn(ledger.today()))
                        .map(Pairing::householdId).distinct().count();
                if (helped > max) {
                    problems.add(new Problem(line, H_HELPER, Messages.get("pairing.error.limit", k.name(),
                            PairingService.rankLabel(k.rank()), helped - 1, max)));
                }
            }
        }
        problems.sort(java.util.Comparator.comparingInt(Problem::line));
    }

    private static boolean sameHelper(Pairing a, Pairing b) {
        return java.util.Objects.equals(a.cadreId(), b.cadreId()) && java.util.Objects.equals(a.unitId(), b.unitId());
    }

    private static String key(Pairing p) {
        String target = switch (p.target()) {
            case HOUSEHOLD -> String.valueOf(p.householdId());
            case STUDENT -> String.valueOf(p.memberId());
            case VILLAGE -> String.valueOf(p.villageId());
            case TOWNSHIP -> "";
        };
        return p.cadreId() + "|" + p.unitId() + "|" + p.target() + "|" + target + "|" + p.startDate();
    }

    /** Writes pairings in the import format; ID numbers masked unless {@code fullId}. */
    static void write(Path file, String title, List<Pairing> pairings, Map<UUID, String[]> idNumbers, boolean fullId)
            throws IOException {
        List<List<String>> out = new ArrayList<>(pairings.size());
        for (Pairing p : pairings) {
            String[] ids = idNumbers.getOrDefault(p.id(), new String[2]);
            out.add(Arrays.asList(p.byUnit() ? "" : SheetCells.nz(p.helperName()), id(ids[0], fullId),
                    SheetCells.nz(p.helperUnit()), p.target().fileLabel(),
                    p.target() == TargetKind.TOWNSHIP ? "" : SheetCells.nz(p.villageName()),
                    p.target() == TargetKind.HOUSEHOLD || p.target() == TargetKind.STUDENT
                            ? SheetCells.nz(p.targetName()) : "",
                    id(ids[1], fullId), p.kind().fileLabel(), DateCells.format(p.startDate()),
                    DateCells.format(p.endDate()), SheetCells.nz(p.promise()), SheetCells.nz(p.endReason())));
        }
        TableWriter.write(file, title, HEADERS, out);
    }

    private static String id(String idNumber, boolean full) {
        return idNumber == null ? "" : full ? idNumber : Masking.idNumber(idNumber);
    }
}
