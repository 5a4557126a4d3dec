package org.townshipledger.cadre;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Masking;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.exchange.DateCells;
import org.townshipledger.exchange.Table;
import org.townshipledger.exchange.TableReader;
import org.townshipledger.exchange.TableRow;
import org.townshipledger.exchange.TableWriter;
import org.townshipledger.village.Village;

/**
 * The postings sheet (任职记录): 姓名, 身份证号, 村, 职务, 开始日期, 结束日期, 派出单位, 离任原因.
 *
 * <p>The cadre is found by ID number when the row has one (a masked number, as exports write it, picks among
 * cadres of that name), else by name, which must then be unique. Village and sending unit are named and must
 * exist. A row with the same cadre, village, role and start date as a posting in the ledger updates its end
 * date, end reason and sending unit instead of adding a second posting. The service's rules apply: a full-time
 * posting that overlaps another of the same cadre (in the ledger or in the file) is refused, naming the other.
 * Parsing only: {@link CadreService#importAssignments} writes.
 */
public final class AssignmentImport {

    public static final String H_NAME = "姓名";
    public static final String H_ID = "身份证号";
    public static final String H_VILLAGE = "村";
    public static final String H_ROLE = "职务";
    public static final String H_FROM = "开始日期";
    public static final String H_TO = "结束日期";
    public static final String H_SENT_BY = "派出单位";
    public static final String H_REASON = "离任原因";
    /** The columns that mark the header row. */
    public static final List<String> REQUIRED = List.of(H_NAME, H_VILLAGE, H_ROLE, H_FROM);
    public static final List<String> HEADERS =
            List.of(H_NAME, H_ID, H_VILLAGE, H_ROLE, H_FROM, H_TO, H_SENT_BY, H_REASON);

    static final int REASON_MAX = 200;

    /** A posting read from a row, and its line. */
    record Row(int line, Assignment posting) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private AssignmentImport() {
    }

    List<Assignment> postings() {
        return rows.stream().map(Row::posting).toList();
    }

    List<Problem> problems() {
        return problems;
    }

    ImportCount count() {
        int added = (int) rows.stream().filter(r -> r.posting().id() == null).count();
        return new ImportCount(added, rows.size() - added);
    }

    /**
     * Reads and checks every row.
     *
     * @param roleOf    the role a cell names (code or label), see {@link CadreService#role}
     * @param roleLabel the label of a role code, for messages
     */
    static AssignmentImport parse(Path file, List<Cadre> cadres, List<Village> villages, List<Unit> units,
                                  List<Assignment> existing, List<Role> roles,
                                  Function<String, Optional<Role>> roleOf, Function<String, String> roleLabel) {
        Table table = TableReader.read(file, REQUIRED);
        Map<String, Cadre> byId = cadres.stream().filter(c -> c.idNumber() != null)
                .collect(Collectors.toMap(Cadre::idNumber, Function.identity(), (a, b) -> a));
        Map<String, List<Cadre>> byName = cadres.stream().collect(Collectors.groupingBy(Cadre::name));
        Map<String, Village> villageByName = villages.stream().collect(Collectors.toMap(Village::name,
                Function.identity(), (a, b) -> a));
        Map<String, Unit> unitByName = units.stream().collect(Collectors.toMap(Unit::name, Function.identity(),
                (a, b) -> a));
        Map<String, Assignment> existingByKey = existing.stream().collect(Collectors.toMap(
                a -> key(a.cadreId(), a.villageId(), a.role(), a.startDate()), Function.identity(), (a, b) -> a));
        String roleList = String.join("、", roles.stream().map(Role::fileLabel).toList());

        AssignmentImport im = new AssignmentImport();
        SheetCells cells = new SheetCells(im.problems);
        Map<String, Integer> keySeenOnLine = new HashMap<>();
        for (TableRow row : table.rows()) {
            int before = im.problems.size();
            Cadre cadre = cadre(row, byId, byName, cells);
            String villageName = row.get(H_VILLAGE);
            Village village = villageByName.get(villageName);
            if (village == null) {
                cells.problem(row, H_VILLAGE, villageName.isEmpty() ? Messages.get("import.error.villageRequired")
                        : Messages.get("import.error.unknownVillage", villageName));
            }
            Optional<Role> role = row.get(H_ROLE).isEmpty() ? Optional.empty() : roleOf.apply(row.get(H_ROLE));
            if (role.isEmpty()) {
                cells.problem(row, H_ROLE, Messages.get("import.error.role", row.get(H_ROLE), roleList));
            }
            LocalDate from = cells.date(row, H_FROM);
            if (from == null && DateCells.isBlank(row.get(H_FROM))) {
                cells.problem(row, H_FROM, Messages.get("assignment.error.start"));
            }
            LocalDate to = table.hasColumn(H_TO) ? cells.date(row, H_TO) : null;
            if (from != null && to != null && to.isBefore(from)) {
                cells.problem(row, H_TO, Messages.get("assignment.error.endBeforeStart"));
            }
            Unit sentBy = null;
            String sentByName = row.get(H_SENT_BY);
            if (!sentByName.isEmpty()) {
                sentBy = unitByName.get(sentByName);
                if (sentBy == null) {
                    cells.problem(row, H_SENT_BY, Messages.get("import.error.unknownUnit", sentByName));
                }
            }
            String reason = SheetCells.blankToNull(row.get(H_REASON));
            if (reason != null && reason.length() > REASON_MAX) {
                cells.problem(row, H_REASON, Messages.get("validation.tooLong", REASON_MAX));
            }
            if (im.problems.size() != before) {
                continue;
            }
            String key = key(cadre.id(), village.id(), role.get().code(), from);
            Integer first = keySeenOnLine.putIfAbsent(key, row.line());
            if (first != null) {
                cells.problem(row, H_FROM, Messages.get("import.error.duplicatePosting", first));
                continue;
            }
            Assignment old = existingByKey.get(key);
            UUID sentById = sentBy != null ? sentBy.id()
                    : table.hasColumn(H_SENT_BY) || old == null ? null : old.sentByUnitId();
            String sentByLabel = sentBy != null ? sentBy.name() : null;
            Assignment a = old == null
                    ? new Assignment(null, cadre.id(), cadre.name(), village.id(), village.name(), role.get().code(),
                    from, to, sentById, sentByLabel, reason, 0)
                    : new Assignment(old.id(), old.cadreId(), old.cadreName(), old.villageId(), old.villageName(),
                    old.role(), old.startDate(), table.hasColumn(H_TO) ? to : old.endDate(), sentById, sentByLabel,
                    table.hasColumn(H_REASON) ? reason : old.endReason(), old.version());
            im.rows.add(new Row(row.line(), a));
        }
        im.checkOverlaps(existing, roleLabel);
        return im;
    }

    private static Cadre cadre(TableRow row, Map<String, Cadre> byId, Map<String, List<Cadre>> byName,
                               SheetCells cells) {
        String name = row.get(H_NAME);
        String idText = row.get(H_ID);
        if (!idText.isEmpty() && !idText.contains("*")) {
            String id = IdNumber.normalize(idText);
            Cadre c = byId.get(id);
            if (c == null) {
                cells.problem(row, H_ID, Messages.get("import.error.noCadreWithId", id));
            } else if (!name.isEmpty() && !name.equals(c.name())) {
                cells.problem(row, H_NAME, Messages.get("import.error.cadreIdName", id, c.name(), name));
            }
            return c;
        }
        if (name.isEmpty()) {
            cells.problem(row, H_NAME, Messages.get("cadre.error.nameRequired"));
            return null;
        }
        List<Cadre> named = byName.getOrDefault(name, List.of());
        if (!idText.isEmpty()) {
            named = named.stream().filter(c -> Masking.idNumber(c.idNumber()).equals(idText)).toList();
        }
        if (named.isEmpty()) {
            cells.problem(row, H_NAME, Messages.get("import.error.noCadre", name));
            return null;
        }
        if (named.size() > 1) {
            cells.problem(row, H_NAME, Messages.get("import.error.cadreAmbiguous", name, named.size()));
            return null;
        }
        return named.get(0);
    }

    /** A full-time posting of a row that overlaps another full-time posting of the same cadre is refused. */
    private void checkOverlaps(List<Assignment> existing, Function<String, String> roleLabel) {
        Map<UUID, Assignment> changed = rows.stream().map(Row::posting).filter(a -> a.id() != null)
                .collect(Collectors.toMap(Assignment::id, Function.identity()));
        List<Assignment> after = new ArrayList<>();
        existing.forEach(a -> after.add(changed.getOrDefault(a.id(), a)));
        rows.stream().map(Row::posting).filter(a -> a.id() == null).forEach(after::add);
        for (Row r : rows) {
            Assignment a = r.posting();
            if (!Role.isFullTime(a.role())) {
                continue;
            }
            after.stream()
                    .filter(o -> o != a && o.cadreId().equals(a.cadreId()) && Role.isFullTime(o.role()))
                    .filter(o -> a.id() == null || !a.id().equals(o.id()))
                    .filter(o -> o.overlaps(a.startDate(), a.endDate()))
                    .findFirst()
                    .ifPresent(o -> problems.add(new Problem(r.line(), H_FROM, Messages.get("assignment.error.overlap",
                            a.cadreName(), o.villageName(), roleLabel.apply(o.role()), o.startDate().toString(),
                            o.endDate() == null ? Messages.get("assignment.open") : o.endDate().toString()))));
        }
        problems.sort(java.util.Comparator.comparingInt(Problem::line));
    }

    private static String key(UUID cadre, UUID village, String role, LocalDate from) {
        return cadre + "|" + village + "|" + role + "|" + from;
    }

    /** Writes postings in the import format (ID numbers masked, as the import can still find the cadre by them). */
    static void write(Path file, String title, List<Assignment> postings, Map<UUID, String> idNumbers,
                      Function<String, String> roleFileLabel) throws IOException {
        List<List<String>> out = new ArrayList<>(postings.size());
        for (Assignment a : postings) {
            out.add(List.of(a.cadreName(), Masking.idNumber(idNumbers.get(a.cadreId())), a.villageName(),
                    roleFileLabel.apply(a.role()), DateCells.format(a.startDate()), DateCells.format(a.endDate()),
                    SheetCells.nz(a.sentByUnitName()), SheetCells.nz(a.endReason())));
        }
        TableWriter.write(file, title, HEADERS, out);
    }
}
