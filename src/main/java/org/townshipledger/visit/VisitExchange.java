package org.townshipledger.visit;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.SheetCells;
import org.townshipledger.cadre.Unit;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Masking;
import org.townshipledger.common.Messages;
import org.townshipledger.exchange.DateCells;
import org.townshipledger.exchange.Table;
import org.townshipledger.exchange.TableReader;
import org.townshipledger.exchange.TableRow;
import org.townshipledger.exchange.TableWriter;
import org.townshipledger.village.Village;

/**
 * The sheets of visits, problems and help given (.xlsx or .csv, headers in any order): reading them into drafts
 * with every bad cell reported by row and column, and writing them in the same layout. Households are named by the
 * head's ID number, else by the head's name in the village; cadres by name (several separated by 、); units by
 * name. Parsing only: {@link VisitService} checks each draft as a single save would, and writes all or nothing.
 */
final class VisitExchange {

    static final String V_DATE = "走访日期";
    static final String V_KIND = "走访类别";
    static final String V_CADRES = "走访干部";
    /** Their ID numbers, in the same order (masked ones narrow cadres of the same name; in a county many share one). */
    static final String V_CADRE_IDS = "走访干部身份证号";
    static final String TARGET = "对象类型";
    static final String VILLAGE = "村";
    static final String NAME = "对象名称";
    static final String HEAD_ID = "户主身份证号";
    static final String V_SEEN = "了解情况";
    static final String V_DONE = "办理事项";
    static final String[] CHECKS = {"吃穿不愁", "义务教育有保障", "基本医疗有保障", "住房安全有保障", "饮水安全有保障"};
    static final String V_NOTE = "核查备注";
    static final List<String> VISIT_HEADERS = List.of(V_DATE, V_KIND, V_CADRES, V_CADRE_IDS, TARGET, VILLAGE, NAME, HEAD_ID, V_SEEN,
            V_DONE, CHECKS[0], CHECKS[1], CHECKS[2], CHECKS[3], CHECKS[4], V_NOTE);

    static final String P_DATE = "反映日期";
    static final String P_KIND = "诉求类别";
    static final String P_SUB = "纠纷类别";
    static final String P_BY = "反映人";
    static final String P_HEAD = "户主姓名";
    static final String P_TEXT = "诉求内容";
    static final String P_STATUS = "状态";
    static final String P_RESOLVED = "化解日期";
    static final String P_HOW = "化解方式";
    static final String P_LEVEL = "化解层级";
    static final List<String> PROBLEM_HEADERS = List.of(VILLAGE, P_DATE, P_KIND, P_SUB, P_BY, P_HEAD, HEAD_ID, P_TEXT,
            P_STATUS, P_RESOLVED, P_HOW, P_LEVEL);

    static final String H_KIND = "帮扶类别";
    static final String H_TEXT = "帮扶内容";
    static final String H_MONEY = "资金（元）";
    static final String H_GOODS = "物资折款（元）";
    static final String H_CADRE = "帮扶人";
    static final String H_CADRE_ID = "帮扶人身份证号";
    static final String H_UNIT = "帮扶单位";
    static final String H_DATE = "日期";
    static final String H_STATUS = "状态";
    static final List<String> HELP_HEADERS = List.of(TARGET, VILLAGE, P_HEAD, HEAD_ID, H_KIND, H_TEXT, H_MONEY,
            H_GOODS, H_CADRE, H_CADRE_ID, H_UNIT, H_DATE, H_STATUS);

    /** The columns that mark each sheet's header row. */
    static final List<String> VISIT_REQUIRED = List.of(V_DATE, V_KIND, V_CADRES, TARGET);
    static final List<String> PROBLEM_REQUIRED = List.of(VILLAGE, P_DATE, P_KIND);
    static final List<String> HELP_REQUIRED = List.of(TARGET, VILLAGE, H_KIND, H_DATE);

    /** What the rows are checked against. */
    record Ledger(List<Cadre> cadres, List<Unit> units, List<Village> villages,
                  List<VisitRepository.HouseholdKey> households, List<VisitKind> kinds) {
    }

    /** Drafts read from a sheet, each with its line, and the problems found. */
    record Parsed<T>(List<T> drafts, List<Integer> lines, List<org.townshipledger.common.Problem> problems) {
    }

    private final Ledger ledger;
    private final List<org.townshipledger.common.Problem> problems = new ArrayList<>();
    private final SheetCells cells = new SheetCells(problems);
    private final Map<String, List<Cadre>> cadresByName;
    private final Map<String, Cadre> cadreById;
    private final Map<String, Unit> unitByName;
    private final Map<String, Village> villageByName;
    private final Map<String, VisitRepository.HouseholdKey> householdByHeadId;
    private final Map<String, List<VisitRepository.HouseholdKey>> householdsByHead;

    private VisitExchange(Ledger ledger) {
        this.ledger = ledger;
        cadresByName = ledger.cadres().stream().collect(Collectors.groupingBy(Cadre::name));
        cadreById = ledger.cadres().stream().filter(c -> c.idNumber() != null)
                .collect(Collectors.toMap(Cadre::idNumber, c -> c, (a, b) -> a));
        unitByName = ledger.units().stream().collect(Collectors.toMap(Unit::name, u -> u, (a, b) -> a));
        villageByName = ledger.villages().stream().collect(Collectors.toMap(Village::name, v -> v, (a, b) -> a));
        householdByHeadId = ledger.households().stream()
                .collect(Collectors.toMap(VisitRepository.HouseholdKey::headIdNumber, h -> h, (a, b) -> a));
        householdsByHead = ledger.households().stream()
                .collect(Collectors.groupingBy(h -> h.villageId() + "|" + h.headName()));
    }

    // ---- reading ----

    static Parsed<Visit> parseVisits(Path file, Ledger ledger) {
        Table table = TableReader.read(file, VISIT_REQUIRED);
        VisitExchange ex = new VisitExchange(ledger);
        List<Visit> drafts = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (TableRow row : table.rows()) {
            int before = ex.problems.size();
            LocalDate date = ex.requiredDate(row, V_DATE);
            String kindText = row.get(V_KIND);
            VisitKind kind = ledger.kinds().stream().filter(k -> k.matches(kindText)).findFirst().orElse(null);
            if (kind == null) {
                ex.cells.problem(row, V_KIND, Messages.get("visit.error.kind", kindText));
            }
            List<String> names = Arrays.stream(row.get(V_CADRES).split("[、,，;；/\\s]+")).map(String::strip)
                    .filter(n -> !n.isEmpty()).toList();
            List<String> ids = row.get(V_CADRE_IDS).isBlank() ? List.of()
                    : Arrays.stream(row.get(V_CADRE_IDS).split("[、,，;；/]", -1)).map(String::strip).toList();
            List<UUID> cadres = new ArrayList<>();
            if (!ids.isEmpty() && ids.size() != names.size()) {
                ex.cells.problem(row, V_CADRE_IDS, Messages.get("visit.import.cadreIds", ids.size(), names.size()));
            } else {
                for (int i = 0; i < names.size(); i++) {
                    Cadre k = ex.cadre(row, V_CADRES, V_CADRE_IDS, names.get(i), ids.isEmpty() ? "" : ids.get(i));
                    if (k != null) {
                        cadres.add(k.id());
                    }
                }
            }
            if (cadres.isEmpty() && ex.problems.size() == before) {
                ex.cells.problem(row, V_CADRES, Messages.get("visit.error.noCadres"));
            }
            VisitTarget target = ex.cells.code(row, TARGET, VisitTarget::parse, VisitTarget.values(),
                    VisitTarget::fileLabel, "visit.import.badCode", null);
            UUID household = null;
            UUID village = null;
            UUID unit = null;
            if (target == VisitTarget.HOUSEHOLD) {
                household = ex.household(row, NAME);
            } else if (target == VisitTarget.VILLAGE) {
                Village v = ex.village(row);
                village = v == null ? null : v.id();
            } else if (target == VisitTarget.UNIT) {
                Unit u = ex.unitByName.get(row.get(NAME));
                if (u == null) {
                    ex.cells.problem(row, NAME, Messages.get("import.error.unknownUnit", row.get(NAME)));
                } else {
                    unit = u.id();
                }
            } else if (row.get(TARGET).isEmpty()) {
                ex.cells.problem(row, TARGET, Messages.get("visit.error.target"));
            }
            VisitCheck check = null;
            if (Arrays.stream(CHECKS).anyMatch(h -> !row.get(h).isEmpty())) {
                check = new VisitCheck(ex.cells.yesNo(row, CHECKS[0]), ex.cells.yesNo(row, CHECKS[1]),
                        ex.cells.yesNo(row, CHECKS[2]), ex.cells.yesNo(row, CHECKS[3]), ex.cells.yesNo(row, CHECKS[4]),
                        SheetCells.blankToNull(row.get(V_NOTE)));
            }
            if (ex.problems.size() != before) {
                continue;
            }
            drafts.add(new Visit(null, target, household, village, unit, null, null, date, kind.code(), cadres, null,
                    SheetCells.blankToNull(row.get(V_SEEN)), SheetCells.blankToNull(row.get(V_DONE)), check, 0));
            lines.add(row.line());
        }
        return new Parsed<>(drafts, lines, ex.problems);
    }

    static Parsed<Problem> parseProblems(Path file, Ledger ledger) {
        Table table = TableReader.read(file, PROBLEM_REQUIRED);
        VisitExchange ex = new VisitExchange(ledger);
        List<Problem> drafts = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (TableRow row : table.rows()) {
            int before = ex.problems.size();
            Village v = ex.village(row);
            LocalDate raised = ex.requiredDate(row, P_DATE);
            ProblemKind kind = ex.cells.code(row, P_KIND, ProblemKind::parse, ProblemKind.values(),
                    ProblemKind::fileLabel, "visit.import.badCode", null);
            if (kind == null && row.get(P_KIND).isEmpty()) {
                ex.cells.problem(row, P_KIND, Messages.get("problem.error.kind"));
            }
            DisputeKind sub = ex.cells.code(row, P_SUB, DisputeKind::parse, DisputeKind.values(),
                    DisputeKind::fileLabel, "visit.import.badCode", null);
            UUID household = null;
            if (v != null && (!row.get(P_HEAD).isEmpty() || !row.get(HEAD_ID).isEmpty())) {
                household = ex.household(row, P_HEAD);
            }
            ProblemStatus status = ex.cells.code(row, P_STATUS, ProblemStatus::parse, ProblemStatus.values(),
                    ProblemStatus::fileLabel, "visit.import.badCode", ProblemStatus.FOUND);
            LocalDate resolved = ex.cells.date(row, P_RESOLVED);
            SettledLevel level = ex.cells.code(row, P_LEVEL, SettledLevel::parse, SettledLevel.values(),
                    SettledLevel::fileLabel, "visit.import.badCode", null);
            if (ex.problems.size() != before) {
                continue;
            }
            drafts.add(new Problem(null, kind, sub, SheetCells.blankToNull(row.get(P_BY)), household, null, v.id(),
                    null, raised, SheetCells.blankToNull(row.get(P_TEXT)), status, resolved,
                    SheetCells.blankToNull(row.get(P_HOW)), level, null, 0));
            lines.add(row.line());
        }
        return new Parsed<>(drafts, lines, ex.problems);
    }

    static Parsed<HelpItem> parseHelp(Path file, Ledger ledger) {
        Table table = TableReader.read(file, HELP_REQUIRED);
        VisitExchange ex = new VisitExchange(ledger);
        List<HelpItem> drafts = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (TableRow row : table.rows()) {
            int before = ex.problems.size();
            VisitTarget target = ex.cells.code(row, TARGET, VisitTarget::parse, VisitTarget.values(),
                    VisitTarget::fileLabel, "visit.import.badCode", null);
            Village v = ex.village(row);
            UUID household = null;
            if (target == VisitTarget.HOUSEHOLD && v != null) {
                household = ex.household(row, P_HEAD);
            } else if (target == null || target == VisitTarget.UNIT) {
                ex.cells.problem(row, TARGET, Messages.get("help.error.target"));
            }
            HelpKind kind = ex.cells.code(row, H_KIND, HelpKind::parse, HelpKind.values(), HelpKind::fileLabel,
                    "visit.import.badCode", null);
            if (kind == null && row.get(H_KIND).isEmpty()) {
                ex.cells.problem(row, H_KIND, Messages.get("help.error.kind"));
            }
            BigDecimal money = ex.amount(row, H_MONEY);
            BigDecimal goods = ex.amount(row, H_GOODS);
            UUID cadre = null;
            if (!row.get(H_CADRE).isEmpty() || !row.get(H_CADRE_ID).isEmpty()) {
                Cadre k = ex.cadre(row, H_CADRE, H_CADRE_ID, row.get(H_CADRE), row.get(H_CADRE_ID));
                cadre = k == null ? null : k.id();
            }
            UUID unit = null;
            if (!row.get(H_UNIT).isEmpty()) {
                Unit u = ex.unitByName.get(row.get(H_UNIT));
                if (u == null) {
                    ex.cells.problem(row, H_UNIT, Messages.get("import.error.unknownUnit", row.get(H_UNIT)));
                } else {
                    unit = u.id();
                }
            }
            LocalDate date = ex.requiredDate(row, H_DATE);
            HelpStatus status = ex.cells.code(row, H_STATUS, HelpStatus::parse, HelpStatus.values(),
                    HelpStatus::fileLabel, "visit.import.badCode", HelpStatus.DONE);
            if (ex.problems.size() != before) {
                continue;
            }
            drafts.add(new HelpItem(null, target, household, null, v.id(), null, kind,
                    SheetCells.blankToNull(row.get(H_TEXT)), money, goods, cadre, unit, null, date, status, 0));
            lines.add(row.line());
        }
        return new Parsed<>(drafts, lines, ex.problems);
    }

    /**
     * The cadre a row names: by a full ID number (the name, when given, must be that cadre's), else by name, a
     * masked ID number ({@code 430599********1234}) choosing among cadres of that name. Null after a problem.
     */
    private Cadre cadre(TableRow row, String nameHeader, String idHeader, String name, String idText) {
        if (!idText.isEmpty() && !idText.contains("*")) {
            String id = IdNumber.normalize(idText);
            Cadre k = cadreById.get(id);
            if (k == null) {
                cells.problem(row, idHeader, Messages.get("import.error.noCadreWithId", id));
            } else if (!name.isEmpty() && !name.equals(k.name())) {
                cells.problem(row, nameHeader, Messages.get("import.error.cadreIdName", id, k.name(), name));
                return null;
            }
            return k;
        }
        List<Cadre> named = cadresByName.getOrDefault(name, List.of());
        if (!idText.isEmpty() && named.size() > 1) {
            named = named.stream().filter(k -> Masking.idNumber(k.idNumber()).equals(idText)).toList();
        }
        if (named.size() != 1) {
            cells.problem(row, nameHeader, named.isEmpty() ? Messages.get("import.error.noCadre", name)
                    : Messages.get("import.error.cadreAmbiguous", name, named.size()));
            return null;
        }
        return named.get(0);
    }

    private LocalDate requiredDate(TableRow row, String header) {
        LocalDate d = cells.date(row, header);
        if (d == null && DateCells.isBlank(row.get(header))) {
            cells.problem(row, header, Messages.get("visit.error.date"));
        }
        return d;
    }

    private Village village(TableRow row) {
        String name = row.get(VILLAGE);
        Village v = villageByName.get(name);
        if (v == null) {
            cells.problem(row, VILLAGE, name.isEmpty() ? Messages.get("import.error.villageRequired")
                    : Messages.get("import.error.unknownVillage", name));
        }
        return v;
    }

    /** The household a row names: by the head's full ID number, else by the head's name in the row's village. */
    private UUID household(TableRow row, String nameHeader) {
        String idText = row.get(HEAD_ID);
        if (!idText.isEmpty() && !idText.contains("*")) {
            VisitRepository.HouseholdKey h = householdByHeadId.get(IdNumber.normalize(idText));
            if (h == null) {
                cells.problem(row, HEAD_ID, Messages.get("import.error.noHousehold", idText, row.get(VILLAGE)));
                return null;
            }
            return h.id();
        }
        Village v = village(row);
        if (v == null) {
            return null;
        }
        String name = row.get(nameHeader);
        List<VisitRepository.HouseholdKey> named = householdsByHead.getOrDefault(v.id() + "|" + name, List.of());
        if (!idText.isEmpty()) {
            named = named.stream().filter(h -> Masking.idNumber(h.headIdNumber()).equals(idText)).toList();
        }
        if (named.size() != 1) {
            cells.problem(row, nameHeader, named.isEmpty() ? Messages.get("import.error.noHousehold", name, v.name())
                    : Messages.get("import.error.targetAmbiguous", name, v.name(), named.size()));
            return null;
        }
        return named.get(0).id();
    }

    private BigDecimal amount(TableRow row, String header) {
        String text = row.get(header).replace(",", "").replace("，", "").replace("元", "").strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            cells.problem(row, header, Messages.get("visit.import.badAmount", row.get(header)));
            return null;
        }
    }

    /** Drafts checked as the service would save them, each with its line, and every problem of the file. */
    record Checked<T>(List<T> rows, List<Integer> lines, List<org.townshipledger.common.Problem> problems) {
    }

    /**
     * Checks each draft as the service would save it; the problems (the file's and the checks') carry the draft's
     * line, in line order.
     */
    static <T> Checked<T> checkEach(Parsed<T> parsed, java.util.function.UnaryOperator<T> check) {
        List<org.townshipledger.common.Problem> found = new ArrayList<>(parsed.problems());
        List<T> out = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < parsed.drafts().size(); i++) {
            int line = parsed.lines().get(i);
            try {
                out.add(check.apply(parsed.drafts().get(i)));
                lines.add(line);
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> found.add(new org.townshipledger.common.Problem(line, p.field(),
                        p.message())));
            }
        }
        found.sort(java.util.Comparator.comparingInt(org.townshipledger.common.Problem::line));
        return new Checked<>(out, lines, found);
    }

    // ---- writing ----

    /**
     * Streams visits into a sheet in the import layout; the heads' and cadres' ID numbers masked unless
     * {@code fullId} (a masked number still tells apart cadres of the same name when the sheet is imported).
     */
    static void writeVisits(Path file, String title, Consumer<Consumer<Visit>> visits, Map<UUID, String> headIds,
                            Map<UUID, String> cadreIds, java.util.function.Function<String, String> kindLabel,
                            boolean fullId) throws IOException {
        try (TableWriter.Sink sink = TableWriter.open(file, title, VISIT_HEADERS)) {
            IOException[] failed = new IOException[1];
            visits.accept(v -> {
                if (failed[0] != null) {
                    return;
                }
                VisitCheck k = v.check();
                try {
                    sink.add(Arrays.asList(DateCells.format(v.date()), kindLabel.apply(v.kind()),
                            String.join("、", v.cadreNames()), ids(v.cadreIds(), cadreIds, fullId),
                            v.target().fileLabel(), SheetCells.nz(v.villageName()),
                            SheetCells.nz(v.targetName()), id(headIds.get(v.householdId()), fullId),
                            SheetCells.nz(v.seen()), SheetCells.nz(v.done()),
                            k == null ? "" : SheetCells.yes(k.foodAndClothing()),
                            k == null ? "" : SheetCells.yes(k.compulsoryEducation()),
                            k == null ? "" : SheetCells.yes(k.basicMedical()),
                            k == null ? "" : SheetCells.yes(k.housingSafety()),
                            k == null ? "" : SheetCells.yes(k.drinkingWater()), k == null ? "" : SheetCells.nz(k.note())));
                } catch (IOException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
            sink.finish();
        }
    }

    static void writeProblems(Path file, String title, List<Problem> list, Map<UUID, String> headIds, boolean fullId)
            throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Problem p : list) {
            rows.add(Arrays.asList(SheetCells.nz(p.villageName()), DateCells.format(p.raisedOn()), p.kind().fileLabel(),
                    p.subKind() == null ? "" : p.subKind().fileLabel(), SheetCells.nz(p.raisedBy()),
                    SheetCells.nz(p.householdName()), id(headIds.get(p.householdId()), fullId),
                    SheetCells.nz(p.description()), p.status().fileLabel(), DateCells.format(p.resolvedOn()),
                    SheetCells.nz(p.resolution()), p.level() == null ? "" : p.level().fileLabel()));
        }
        TableWriter.write(file, title, PROBLEM_HEADERS, rows);
    }

    static void writeHelp(Path file, String title, List<HelpItem> list, Map<UUID, String> headIds,
                          Map<UUID, String> cadreIds, Map<UUID, String> unitNames, boolean fullId) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (HelpItem h : list) {
            boolean byUnit = h.cadreId() == null && h.unitId() != null;
            rows.add(Arrays.asList(h.target().fileLabel(), SheetCells.nz(h.villageName()),
                    SheetCells.nz(h.householdName()), id(headIds.get(h.householdId()), fullId), h.kind().fileLabel(),
                    SheetCells.nz(h.description()), h.money().toPlainString(), h.goodsValue().toPlainString(),
                    byUnit ? "" : SheetCells.nz(h.helperName()), id(cadreIds.get(h.cadreId()), fullId),
                    SheetCells.nz(unitNames.get(h.unitId())),
                    DateCells.format(h.date()), h.status().fileLabel()));
        }
        TableWriter.write(file, title, HELP_HEADERS, rows);
    }

    /** The cadres' ID numbers in their order, separated by 、 (an empty place for a cadre without one). */
    private static String ids(List<UUID> cadres, Map<UUID, String> idNumbers, boolean full) {
        if (cadres.stream().noneMatch(c -> idNumbers.get(c) != null)) {
            return "";
        }
        return cadres.stream().map(c -> id(idNumbers.get(c), full)).collect(Collectors.joining("、"));
    }

    private static String id(String idNumber, boolean full) {
        return idNumber == null ? "" : full ? idNumber : Masking.idNumber(idNumber);
    }

    static Map<UUID, String> headIds(List<VisitRepository.HouseholdKey> keys) {
        Map<UUID, String> out = new HashMap<>();
        keys.forEach(k -> out.put(k.id(), k.headIdNumber()));
        return out;
    }
}
