package org.townshipledger.cadre;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.townshipledger.common.Codes;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Masking;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.common.Sex;
import org.townshipledger.exchange.DateCells;
import org.townshipledger.exchange.Table;
import org.townshipledger.exchange.TableReader;
import org.townshipledger.exchange.TableRow;
import org.townshipledger.exchange.TableWriter;

/**
 * The cadres sheet (干部名册): 姓名, 性别, 出生日期, 身份证号 (or 证件号码), 联系电话, 工作单位, 级别, 是否党员, 备注.
 *
 * <p>A row updates the cadre with its ID number when it has one, else the cadre of the same name in the same
 * unit; otherwise it adds a cadre. 工作单位 names a unit already in the ledger: an unknown unit is an error (units
 * come from the units sheet or the 帮扶单位 screen, so a typo does not create a unit). A masked ID number (as a
 * default export writes it) keeps the number the ledger has; a new cadre needs the full number or none. Sex and
 * birth date may be left blank when the ID number is given. A column left out keeps what the ledger has.
 * Parsing only: {@link CadreService#importCadres} writes.
 */
public final class CadreImport {

    public static final String H_NAME = "姓名";
    public static final String H_SEX = "性别";
    public static final String H_BIRTH = "出生日期";
    public static final String H_ID = "身份证号";
    public static final String H_ID_ALT = "证件号码";
    public static final String H_PHONE = "联系电话";
    public static final String H_UNIT = "工作单位";
    public static final String H_RANK = "级别";
    public static final String H_PARTY = "是否党员";
    public static final String H_NOTE = "备注";
    /** The columns that mark the header row. */
    public static final List<String> REQUIRED = List.of(H_NAME);
    public static final List<String> HEADERS =
            List.of(H_NAME, H_SEX, H_BIRTH, H_ID, H_PHONE, H_UNIT, H_RANK, H_PARTY, H_NOTE);

    private final List<Cadre> cadres = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private CadreImport() {
    }

    List<Cadre> cadres() {
        return cadres;
    }

    List<Problem> problems() {
        return problems;
    }

    ImportCount count() {
        int added = (int) cadres.stream().filter(c -> c.id() == null).count();
        return new ImportCount(added, cadres.size() - added);
    }

    static CadreImport parse(Path file, List<Cadre> existing, List<Unit> units) {
        Table table = TableReader.read(file, REQUIRED);
        String idHeader = table.hasColumn(H_ID) || !table.hasColumn(H_ID_ALT) ? H_ID : H_ID_ALT;
        Map<String, Cadre> byId = existing.stream().filter(c -> c.idNumber() != null)
                .collect(Collectors.toMap(Cadre::idNumber, Function.identity(), (a, b) -> a));
        Map<String, List<Cadre>> byNameAndUnit = existing.stream()
                .collect(Collectors.groupingBy(c -> key(c.name(), c.unitId())));
        Map<String, Unit> unitsByName = units.stream().collect(Collectors.toMap(Unit::name, Function.identity(),
                (a, b) -> a));
        CadreImport im = new CadreImport();
        SheetCells cells = new SheetCells(im.problems);
        Map<String, Integer> idSeenOnLine = new HashMap<>();
        Map<String, Integer> keySeenOnLine = new HashMap<>();
        Map<UUID, Integer> matchedOnLine = new HashMap<>();
        for (TableRow row : table.rows()) {
            int before = im.problems.size();
            String name = row.get(H_NAME);

            UUID unitId = null;
            String unitName = row.get(H_UNIT);
            if (table.hasColumn(H_UNIT) && !unitName.isEmpty()) {
                Unit u = unitsByName.get(unitName);
                if (u == null) {
                    cells.problem(row, H_UNIT, Messages.get("import.error.unknownUnit", unitName));
                } else {
                    unitId = u.id();
                }
            }

            String idText = row.get(idHeader);
            boolean masked = idText.contains("*");
            String id = masked ? "" : IdNumber.normalize(idText);
            Cadre old = null;
            if (!id.isEmpty()) {
                old = byId.get(id);
                Integer first = idSeenOnLine.putIfAbsent(id, row.line());
                if (first != null) {
                    cells.problem(row, idHeader, Messages.get("import.error.duplicateId", id, first));
                }
            }
            if (old == null && !name.isEmpty() && im.problems.size() == before) {
                List<Cadre> same = byNameAndUnit.getOrDefault(key(name, unitId), List.of());
                // Same name and unit with another ID number is another person.
                List<Cadre> candidates = same.stream().filter(c -> id.isEmpty() || c.idNumber() == null)
                        .filter(c -> !masked || Masking.idNumber(c.idNumber()).equals(idText)).toList();
                if (candidates.size() > 1) {
                    cells.problem(row, H_NAME, Messages.get("import.error.cadreAmbiguous", name, candidates.size()));
                } else if (candidates.size() == 1) {
                    old = candidates.get(0);
                }
            }
            if (old != null && im.problems.size() == before) {
                Integer first = matchedOnLine.putIfAbsent(old.id(), row.line());
                if (first != null) {
                    cells.problem(row, H_NAME, Messages.get("import.error.duplicateCadre", name, first));
                }
            }
            if (masked && old == null && im.problems.size() == before) {
                cells.problem(row, idHeader, Messages.get("import.error.maskedId", idText));
            }
            if (id.isEmpty() && !name.isEmpty()) {
                Integer first = keySeenOnLine.putIfAbsent(key(name, unitId), row.line());
                if (first != null) {
                    cells.problem(row, H_NAME, Messages.get("import.error.duplicateCadre", name, first));
                }
            }

            Cadre base = old != null ? old
                    : new Cadre(null, name, null, null, null, null, null, null, null, false, null, 0, null);
            boolean idGiven = table.hasColumn(idHeader) && !masked && !id.isEmpty();
            String idNumber = !table.hasColumn(idHeader) || masked ? base.idNumber() : (id.isEmpty() ? null : id);
            boolean idValid = idGiven && IdNumber.isValid(id);

            Sex sex = base.sex();
            if (table.hasColumn(H_SEX) && !row.get(H_SEX).isEmpty()) {
                sex = Sex.parse(row.get(H_SEX)).orElse(null);
                if (sex == null) {
                    cells.problem(row, H_SEX, Messages.get("import.error.sex", row.get(H_SEX)));
                }
            } else if (idValid) {
                sex = IdNumber.sex(id);
            }
            LocalDate birth = base.birthDate();
            if (table.hasColumn(H_BIRTH) && !row.get(H_BIRTH).isEmpty()) {
                birth = cells.date(row, H_BIRTH);
            } else if (idValid) {
                birth = IdNumber.birthDate(id);
            }
            Rank rank = table.hasColumn(H_RANK) ? cells.code(row, H_RANK, Rank::parse, Rank.values(),
                    Rank::fileLabel, "import.error.rank", null) : base.rank();
            boolean party = table.hasColumn(H_PARTY) ? cells.yesNo(row, H_PARTY) : base.partyMember();
            Cadre k = new Cadre(base.id(), name, sex, birth, idNumber,
                    table.hasColumn(H_PHONE) ? SheetCells.blankToNull(row.get(H_PHONE)) : base.phone(),
                    table.hasColumn(H_UNIT) ? unitId : base.unitId(), null, rank, party,
                    table.hasColumn(H_NOTE) ? SheetCells.blankToNull(row.get(H_NOTE)) : base.note(),
                    base.version(), null);
            if (im.problems.size() == before) {
                Map<String, String> headerOf = Map.of(CadreRules.FIELD_NAME, H_NAME, CadreRules.FIELD_SEX, H_SEX,
                        CadreRules.FIELD_BIRTH, H_BIRTH, CadreRules.FIELD_ID, idHeader, CadreRules.FIELD_PHONE,
                        H_PHONE, CadreRules.FIELD_NOTE, H_NOTE);
                for (Problem p : CadreRules.validate(k)) {
                    cells.problem(row, headerOf.getOrDefault(p.field(), p.field()), p.message());
                }
            }
            if (im.problems.size() == before) {
                im.cadres.add(CadreRules.normalized(k));
            }
        }
        return im;
    }

    private static String key(String name, UUID unitId) {
        return name + "\u0000" + Objects.toString(unitId, "");
    }

    /** Writes cadres in the import format; ID numbers masked unless {@code fullId}. */
    static void write(Path file, String title, List<Cadre> cadres, boolean fullId) throws IOException {
        List<List<String>> rows = new ArrayList<>(cadres.size());
        for (Cadre k : cadres) {
            rows.add(List.of(k.name(), Codes.fileLabel("sex.", k.sex()), DateCells.format(k.birthDate()),
                    fullId ? SheetCells.nz(k.idNumber()) : Masking.idNumber(k.idNumber()), SheetCells.nz(k.phone()),
                    SheetCells.nz(k.unitName()), k.rank() == null ? "" : k.rank().fileLabel(),
                    SheetCells.yes(k.partyMember()), SheetCells.nz(k.note())));
        }
        TableWriter.write(file, title, HEADERS, rows);
    }
}
