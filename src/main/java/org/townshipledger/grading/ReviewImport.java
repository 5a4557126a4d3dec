package org.townshipledger.grading;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.ImportCount;
import org.townshipledger.cadre.SheetCells;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.exchange.Table;
import org.townshipledger.exchange.TableReader;
import org.townshipledger.exchange.TableRow;
import org.townshipledger.exchange.TableWriter;
import org.townshipledger.grading.GradingRepository.VillageFact;

/**
 * The 述职考核 sheet: 姓名, 身份证号, 村名, 年度, 类别 (村党组织书记 / 驻村第一书记; blank is 村党组织书记), the four
 * parts of the kind (日常记实, 现场观摩, 年度综合, 述职评议, or 电视述职, 明查暗访, 百姓测评, 相互比拼) and 备注. The
 * secretary is found by ID number, else by name. Total and result are computed, never read. A row for a secretary,
 * year and kind already in the ledger updates that review. Parsing only: {@link GradingService#importReviews}
 * writes, all or nothing.
 */
final class ReviewImport {

    static final String H_NAME = "姓名";
    static final String H_ID = "身份证号";
    static final String H_VILLAGE = "村名";
    static final String H_YEAR = GradeImport.H_YEAR;
    static final String H_KIND = "类别";
    static final String H_NOTE = "备注";
    static final String H_TOTAL = "总分";
    static final String H_RESULT = "考核结果";

    private final List<SecretaryReview> rows = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private ReviewImport() {
    }

    List<SecretaryReview> reviews() {
        return rows;
    }

    List<Problem> problems() {
        return problems;
    }

    ImportCount count() {
        int added = (int) rows.stream().filter(g -> g.id() == null).count();
        return new ImportCount(added, rows.size() - added);
    }

    /** Every header written on export: the fixed ones, then both kinds' four parts, then total and result. */
    static List<String> headers() {
        List<String> h = new ArrayList<>(List.of(H_NAME, H_ID, H_VILLAGE, H_YEAR, H_KIND));
        for (ReviewKind k : ReviewKind.values()) {
            h.addAll(k.partFileLabels());
        }
        h.addAll(List.of(H_TOTAL, H_RESULT, H_NOTE));
        return h;
    }

    /**
     * @param existing the reviews in the ledger, by "cadreId|year|kind"
     * @param check    the service's checks of one review (ranges, total and result), throwing
     */
    static ReviewImport parse(Path file, List<Cadre> cadres, List<VillageFact> villages,
                              Map<String, SecretaryReview> existing, UnaryOperator<SecretaryReview> check) {
        Table table = TableReader.read(file, List.of(H_NAME, H_YEAR));
        ReviewImport im = new ReviewImport();
        SheetCells cells = new SheetCells(im.problems);
        Map<String, Cadre> byId = cadres.stream().filter(c -> c.idNumber() != null)
                .collect(Collectors.toMap(Cadre::idNumber, c -> c, (a, b) -> a));
        Map<String, List<Cadre>> byName = cadres.stream().collect(Collectors.groupingBy(Cadre::name));
        Map<String, VillageFact> villageByName = new HashMap<>();
        villages.forEach(v -> villageByName.putIfAbsent(v.name(), v));
        Map<String, Integer> seen = new HashMap<>();
        for (TableRow row : table.rows()) {
            int before = im.problems.size();
            Cadre cadre = cadre(row, byId, byName, cells);
            String villageName = row.get(H_VILLAGE);
            VillageFact village = villageName.isEmpty() ? null : villageByName.get(villageName);
            if (!villageName.isEmpty() && village == null) {
                cells.problem(row, H_VILLAGE, Messages.get("import.error.unknownVillage", villageName));
            }
            Integer year = GradeImport.year(row, cells);
            ReviewKind kind = cells.code(row, H_KIND, ReviewKind::parse, ReviewKind.values(), ReviewKind::fileLabel,
                    "import.error.reviewKind", ReviewKind.BRANCH_SECRETARY);
            List<BigDecimal> parts = new ArrayList<>();
            for (String header : kind.partFileLabels()) {
                BigDecimal v = GradeImport.decimal(row, header, cells);
                if (v == null && row.get(header).isEmpty()) {
                    cells.problem(row, header, Messages.get("import.error.partRequired"));
                }
                parts.add(v);
            }
            if (im.problems.size() != before) {
                continue;
            }
            String key = cadre.id() + "|" + year + "|" + kind;
            Integer first = seen.putIfAbsent(key, row.line());
            if (first != null) {
                cells.problem(row, H_YEAR, Messages.get("import.error.duplicateReview", cadre.name(), year, first));
                continue;
            }
            SecretaryReview old = existing.get(key);
            SecretaryReview draft = new SecretaryReview(old == null ? null : old.id(), cadre.id(), cadre.name(),
                    village == null ? (old == null ? null : old.villageId()) : village.id(), villageName, year, kind,
                    parts, null, null, table.hasColumn(H_NOTE) ? SheetCells.blankToNull(row.get(H_NOTE))
                    : old == null ? null : old.note(), old == null ? 0 : old.version());
            try {
                im.rows.add(check.apply(draft));
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> im.problems.add(new Problem(row.line(), p.field(), p.message())));
            }
        }
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
        List<Cadre> named = byName.getOrDefault(name, List.of());
        if (!idText.isEmpty()) {
            named = named.stream().filter(c -> org.townshipledger.common.Masking.idNumber(c.idNumber())
                    .equals(idText)).toList();
        }
        if (named.size() != 1) {
            cells.problem(row, H_NAME, name.isEmpty() ? Messages.get("grading.error.cadre")
                    : named.isEmpty() ? Messages.get("import.error.noCadre", name)
                    : Messages.get("import.error.cadreAmbiguous", name, named.size()));
            return null;
        }
        return named.get(0);
    }

    /** Writes reviews in the import format (with total and result, which an import ignores); IDs masked. */
    static void write(Path file, String title, List<SecretaryReview> reviews, Map<UUID, String> idNumbers)
            throws IOException {
        List<String> headers = headers();
        List<List<String>> out = new ArrayList<>(reviews.size());
        for (SecretaryReview r : reviews) {
            String[] row = new String[headers.size()];
            Arrays.fill(row, "");
            row[0] = SheetCells.nz(r.cadreName());
            String id = idNumbers.get(r.cadreId());
            row[1] = id == null ? "" : org.townshipledger.common.Masking.idNumber(id);
            row[2] = SheetCells.nz(r.villageName());
            row[3] = Integer.toString(r.year());
            row[4] = r.kind().fileLabel();
            List<String> partHeaders = r.kind().partFileLabels();
            for (int i = 0; i < 4; i++) {
                row[headers.indexOf(partHeaders.get(i))] = GradeImport.plain(r.parts().get(i));
            }
            row[headers.indexOf(H_TOTAL)] = r.total().toPlainString();
            row[headers.indexOf(H_RESULT)] = r.result().fileLabel();
            row[headers.indexOf(H_NOTE)] = SheetCells.nz(r.note());
            out.add(Arrays.asList(row));
        }
        TableWriter.write(file, title, headers, out);
    }
}
