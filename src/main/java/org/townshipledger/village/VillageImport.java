package org.townshipledger.village;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.exchange.Table;
import org.townshipledger.exchange.TableReader;
import org.townshipledger.exchange.TableRow;
import org.townshipledger.exchange.TableWriter;

/**
 * The villages sheet as offices exchange it. Headers are the file format (always Chinese):
 * 村名, 村代码, 类型, 是否贫困村, 出列年度, 是否软弱涣散 (this working year), and optionally 户数, 人口, 村民小组.
 * Parsing only: {@link VillageService#importVillages} writes.
 */
public final class VillageImport {

    public static final String H_NAME = "村名";
    public static final String H_CODE = "村代码";
    public static final String H_KIND = "类型";
    public static final String H_POOR = "是否贫困村";
    public static final String H_EXIT = "出列年度";
    public static final String H_WEAK = "是否软弱涣散";
    public static final String H_HOUSEHOLDS = "户数";
    public static final String H_POPULATION = "人口";
    public static final String H_GROUPS = "村民小组";
    /** The columns that mark the header row. */
    public static final List<String> REQUIRED = List.of(H_NAME);
    public static final List<String> HEADERS =
            List.of(H_NAME, H_CODE, H_KIND, H_POOR, H_EXIT, H_WEAK, H_HOUSEHOLDS, H_POPULATION, H_GROUPS);

    private static final Map<String, String> HEADER_OF_FIELD = Map.of(
            VillageRules.FIELD_NAME, H_NAME, VillageRules.FIELD_CODE, H_CODE, VillageRules.FIELD_EXIT_YEAR, H_EXIT,
            VillageRules.FIELD_HOUSEHOLDS, H_HOUSEHOLDS, VillageRules.FIELD_POPULATION, H_POPULATION,
            VillageRules.FIELD_GROUPS, H_GROUPS);

    /** How many villages an import added and how many it updated. */
    public record Result(int added, int updated) {
    }

    private final List<Village> villages = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int added;
    private int updated;

    private VillageImport() {
    }

    public List<Village> villages() {
        return villages;
    }

    public List<Problem> problems() {
        return problems;
    }

    public Result result() {
        return new Result(added, updated);
    }

    /** Reads and checks every row; {@link #problems()} lists each bad row with its line and column. */
    public static VillageImport parse(Path file, List<Village> existing, int workingYear) {
        Table table = TableReader.read(file, REQUIRED);
        Map<String, Village> byName = existing.stream().collect(Collectors.toMap(Village::name, Function.identity()));
        VillageImport im = new VillageImport();
        Map<String, Integer> seenOnLine = new HashMap<>();
        for (TableRow row : table.rows()) {
            int before = im.problems.size();
            Village v = im.parseRow(table, row, byName.get(row.get(H_NAME)), workingYear);
            Integer firstLine = seenOnLine.putIfAbsent(v.name(), row.line());
            if (firstLine != null && !v.name().isEmpty()) {
                im.problems.add(new Problem(row.line(), H_NAME, Messages.get("import.error.duplicateName", v.name(), firstLine)));
            }
            for (Problem p : VillageRules.validate(v, name -> false)) {
                im.problems.add(new Problem(row.line(), HEADER_OF_FIELD.getOrDefault(p.field(), p.field()), p.message()));
            }
            if (im.problems.size() == before) {
                im.villages.add(v);
                if (v.isNew()) {
                    im.added++;
                } else {
                    im.updated++;
                }
            }
        }
        return im;
    }

    private Village parseRow(Table t, TableRow row, Village old, int year) {
        Village base = old != null ? old : Village.blank();
        VillageKind kind = base.kind();
        if (t.hasColumn(H_KIND) && !row.get(H_KIND).isEmpty()) {
            Optional<VillageKind> k = VillageKind.parse(row.get(H_KIND));
            if (k.isEmpty()) {
                problems.add(new Problem(row.line(), H_KIND, Messages.get("import.error.kind", row.get(H_KIND))));
            } else {
                kind = k.get();
            }
        }
        boolean poor = t.hasColumn(H_POOR) ? yesNo(row, H_POOR) : base.povertyVillage();
        Set<Integer> weakYears = new HashSet<>(base.weakYears());
        if (t.hasColumn(H_WEAK)) {
            if (yesNo(row, H_WEAK)) {
                weakYears.add(year);
            } else {
                weakYears.remove(year);
            }
        }
        List<VillageGroup> groups = base.groups();
        if (t.hasColumn(H_GROUPS)) {
            Map<String, VillageGroup> oldGroups = base.groups().stream()
                    .collect(Collectors.toMap(VillageGroup::name, Function.identity()));
            groups = new ArrayList<>();
            for (String g : row.get(H_GROUPS).split("[、,，;；/\\s]+")) {
                if (!g.isBlank()) {
                    groups.add(oldGroups.getOrDefault(g.strip(), VillageGroup.named(g.strip())));
                }
            }
        }
        return new Village(base.id(), row.get(H_NAME), null,
                t.hasColumn(H_CODE) ? emptyToNull(row.get(H_CODE)) : base.statsCode(), kind, poor,
                t.hasColumn(H_EXIT) ? integer(row, H_EXIT) : base.exitYear(),
                t.hasColumn(H_HOUSEHOLDS) ? integer(row, H_HOUSEHOLDS) : base.householdCount(),
                t.hasColumn(H_POPULATION) ? integer(row, H_POPULATION) : base.population(),
                base.note(), weakYears, groups, base.version(), base.updatedAt(), null);
    }

    private boolean yesNo(TableRow row, String header) {
        String v = row.get(header);
        switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "", "否", "n", "no", "0", "false", "×", "x", "不是" -> {
                return false;
            }
            case "是", "y", "yes", "1", "true", "√", "✓", "✔" -> {
                return true;
            }
            default -> {
                problems.add(new Problem(row.line(), header, Messages.get("import.error.yesNo", v)));
                return false;
            }
        }
    }

    private Integer integer(TableRow row, String header) {
        String v = row.get(header);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(v.endsWith(".0") ? v.substring(0, v.length() - 2) : v);
        } catch (NumberFormatException e) {
            problems.add(new Problem(row.line(), header, Messages.get("import.error.integer", v)));
            return null;
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** Writes villages in the import format, so an exported file imports again unchanged. */
    static void write(Path file, String title, List<Village> villages, int year) throws IOException {
        List<List<String>> rows = new ArrayList<>(villages.size());
        for (Village v : villages) {
            rows.add(List.of(v.name(), nz(v.statsCode()), v.kind().fileLabel(), yes(v.povertyVillage()),
                    v.exitYear() == null ? "" : v.exitYear().toString(), yes(v.weakIn(year)),
                    v.householdCount() == null ? "" : v.householdCount().toString(),
                    v.population() == null ? "" : v.population().toString(), String.join("、", v.groupNames())));
        }
        TableWriter.write(file, title, HEADERS, rows);
    }

    private static String yes(boolean b) {
        return b ? "是" : "否";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
