package org.townshipledger.cadre;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.exchange.Table;
import org.townshipledger.exchange.TableReader;
import org.townshipledger.exchange.TableRow;
import org.townshipledger.exchange.TableWriter;

/**
 * The units sheet (帮扶单位): 单位名称, 级别, 类型, 联系人, 联系电话. A unit whose name is in the ledger is updated,
 * others are added; a column left out keeps what the ledger has. Parsing only: {@link CadreService#importUnits}
 * writes.
 */
public final class UnitImport {

    public static final String H_NAME = "单位名称";
    public static final String H_LEVEL = "级别";
    public static final String H_TYPE = "类型";
    public static final String H_CONTACT = "联系人";
    public static final String H_PHONE = "联系电话";
    public static final List<String> HEADERS = List.of(H_NAME, H_LEVEL, H_TYPE, H_CONTACT, H_PHONE);
    /** The columns that mark the header row. */
    public static final List<String> REQUIRED = List.of(H_NAME);

    static final int NAME_MAX = 100;

    private final List<Unit> units = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private UnitImport() {
    }

    List<Unit> units() {
        return units;
    }

    List<Problem> problems() {
        return problems;
    }

    ImportCount count() {
        int added = (int) units.stream().filter(u -> u.id() == null).count();
        return new ImportCount(added, units.size() - added);
    }

    static UnitImport parse(Path file, List<Unit> existing) {
        Table table = TableReader.read(file, REQUIRED);
        Map<String, Unit> byName = existing.stream().collect(Collectors.toMap(Unit::name, Function.identity(),
                (a, b) -> a));
        UnitImport im = new UnitImport();
        SheetCells cells = new SheetCells(im.problems);
        Map<String, Integer> seenOnLine = new HashMap<>();
        for (TableRow row : table.rows()) {
            int before = im.problems.size();
            String name = row.get(H_NAME);
            if (name.isEmpty()) {
                cells.problem(row, H_NAME, Messages.get("unit.error.nameRequired"));
            } else if (name.length() > NAME_MAX) {
                cells.problem(row, H_NAME, Messages.get("validation.tooLong", NAME_MAX));
            } else {
                Integer first = seenOnLine.putIfAbsent(name, row.line());
                if (first != null) {
                    cells.problem(row, H_NAME, Messages.get("import.error.duplicateUnit", name, first));
                }
            }
            Unit old = byName.get(name);
            Unit base = old != null ? old : Unit.named(name, null, null);
            UnitLevel level = table.hasColumn(H_LEVEL) ? cells.code(row, H_LEVEL, UnitLevel::parse,
                    UnitLevel.values(), UnitLevel::fileLabel, "import.error.unitLevel", null) : base.level();
            UnitType type = table.hasColumn(H_TYPE) ? cells.code(row, H_TYPE, UnitType::parse, UnitType.values(),
                    UnitType::fileLabel, "import.error.unitType", null) : base.type();
            String contact = table.hasColumn(H_CONTACT) ? SheetCells.blankToNull(row.get(H_CONTACT)) : base.contactPerson();
            String phone = table.hasColumn(H_PHONE) ? SheetCells.blankToNull(row.get(H_PHONE)) : base.phone();
            if (im.problems.size() == before) {
                im.units.add(new Unit(base.id(), name, level, type, contact, phone, base.version(), null));
            }
        }
        return im;
    }

    /** Writes units in the import format, so an exported file imports again unchanged. */
    static void write(Path file, String title, List<Unit> units) throws IOException {
        List<List<String>> rows = new ArrayList<>(units.size());
        for (Unit u : units) {
            rows.add(List.of(u.name(), u.level() == null ? "" : u.level().fileLabel(),
                    u.type() == null ? "" : u.type().fileLabel(), SheetCells.nz(u.contactPerson()),
                    SheetCells.nz(u.phone())));
        }
        TableWriter.write(file, title, HEADERS, rows);
    }
}
