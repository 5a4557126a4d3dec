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
import org.townshipledger.cadre.ImportCount;
import org.townshipledger.cadre.SheetCells;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.exchange.Table;
import org.townshipledger.exchange.TableReader;
import org.townshipledger.exchange.TableRow;
import org.townshipledger.exchange.TableWriter;
import org.townshipledger.grading.GradingRepository.VillageFact;

/**
 * The grades sheet (村级格次评定): 村名, 年度, 格次, and optionally 党员互评, 群众测评, 支部考评, 满意率, 星级, 调整理由,
 * 奖惩意见, 帮扶措施. A blank 格次 takes the grade the scores propose; a 格次 that differs from the proposal needs
 * 调整理由, as on the screen. A row for a village and year already in the ledger updates that record (columns the
 * file does not have keep their values); any other year's record is left alone. Parsing only:
 * {@link GradingService#importGrades} writes, all or nothing.
 */
final class GradeImport {

    static final String H_VILLAGE = "村名";
    static final String H_YEAR = "年度";
    static final String H_GRADE = "格次";
    static final String H_MEMBER = "党员互评";
    static final String H_PUBLIC = "群众测评";
    static final String H_BRANCH = "支部考评";
    static final String H_SATISFACTION = "满意率";
    static final String H_STARS = "星级";
    static final String H_REASON = "调整理由";
    static final String H_REWARD = "奖惩意见";
    static final String H_MEASURES = "帮扶措施";
    static final List<String> HEADERS = List.of(H_VILLAGE, H_YEAR, H_GRADE, H_MEMBER, H_PUBLIC, H_BRANCH,
            H_SATISFACTION, H_STARS, H_REASON, H_REWARD, H_MEASURES);

    private final List<VillageGrade> rows = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private GradeImport() {
    }

    List<VillageGrade> grades() {
        return rows;
    }

    List<Problem> problems() {
        return problems;
    }

    ImportCount count() {
        int added = (int) rows.stream().filter(g -> g.id() == null).count();
        return new ImportCount(added, rows.size() - added);
    }

    /**
     * @param existing the grades in the ledger of the years the file might name, by "villageId|year"
     * @param check    the service's checks of one record (proposal, override reason, ranges), throwing
     */
    static GradeImport parse(Path file, List<VillageFact> villages, Map<String, VillageGrade> existing,
                             java.util.function.UnaryOperator<VillageGrade> check) {
        Table table = TableReader.read(file, List.of(H_VILLAGE, H_YEAR));
        GradeImport im = new GradeImport();
        SheetCells cells = new SheetCells(im.problems);
        Map<String, VillageFact> byName = new HashMap<>();
        villages.forEach(v -> byName.putIfAbsent(v.name(), v));
        Map<String, Integer> seen = new HashMap<>();
        for (TableRow row : table.rows()) {
            int before = im.problems.size();
            String name = row.get(H_VILLAGE);
            VillageFact village = byName.get(name);
            if (village == null) {
                cells.problem(row, H_VILLAGE, name.isEmpty() ? Messages.get("import.error.villageRequired")
                        : Messages.get("import.error.unknownVillage", name));
            }
            Integer year = year(row, cells);
            Grade grade = cells.code(row, H_GRADE, Grade::parse, Grade.values(), Grade::fileLabel,
                    "import.error.grade", null);
            BigDecimal member = decimal(row, H_MEMBER, cells);
            BigDecimal pub = decimal(row, H_PUBLIC, cells);
            BigDecimal branch = decimal(row, H_BRANCH, cells);
            BigDecimal satisfaction = decimal(row, H_SATISFACTION, cells);
            Integer stars = stars(row, cells);
            if (im.problems.size() != before) {
                continue;
            }
            String key = village.id() + "|" + year;
            Integer first = seen.putIfAbsent(key, row.line());
            if (first != null) {
                cells.problem(row, H_YEAR, Messages.get("import.error.duplicateGrade", name, year, first));
                continue;
            }
            VillageGrade old = existing.get(key);
            GradeScores oldScores = old == null ? GradeScores.NONE : old.scores();
            GradeScores scores = new GradeScores(pick(table, H_MEMBER, member, oldScores.memberScore()),
                    pick(table, H_PUBLIC, pub, oldScores.publicScore()),
                    pick(table, H_BRANCH, branch, oldScores.branchScore()));
            VillageGrade draft = new VillageGrade(old == null ? null : old.id(), village.id(), name, year, scores,
                    pick(table, H_SATISFACTION, satisfaction, old == null ? null : old.satisfaction()),
                    null, table.hasColumn(H_GRADE) || old == null ? grade : old.grade(),
                    pick(table, H_REASON, SheetCells.blankToNull(row.get(H_REASON)),
                            old == null ? null : old.overrideReason()),
                    pick(table, H_REWARD, SheetCells.blankToNull(row.get(H_REWARD)),
                            old == null ? null : old.rewardPenalty()),
                    pick(table, H_MEASURES, SheetCells.blankToNull(row.get(H_MEASURES)),
                            old == null ? null : old.helpMeasures()),
                    pick(table, H_STARS, stars, old == null ? null : old.stars()), old == null ? 0 : old.version());
            if (draft.grade() == null && !draft.scores().complete()) {
                cells.problem(row, H_GRADE, Messages.get("import.error.gradeRequired"));
                continue;
            }
            try {
                im.rows.add(check.apply(draft));
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> im.problems.add(new Problem(row.line(), column(p.field()), p.message())));
            }
        }
        return im;
    }

    /** The sheet's header for a form field's label (the service names fields in the user's language). */
    private static String column(String field) {
        for (String[] pair : new String[][] {{"grading.field.memberScore", H_MEMBER},
                {"grading.field.publicScore", H_PUBLIC}, {"grading.field.branchScore", H_BRANCH},
                {"grading.field.satisfaction", H_SATISFACTION}, {"grading.field.stars", H_STARS},
                {"grading.field.overrideReason", H_REASON}, {"grading.field.rewardPenalty", H_REWARD},
                {"grading.field.helpMeasures", H_MEASURES}}) {
            if (Messages.get(pair[0]).equals(field)) {
                return pair[1];
            }
        }
        return field;
    }

    private static <T> T pick(Table table, String header, T fromFile, T old) {
        return table.hasColumn(header) ? fromFile : old;
    }

    static Integer year(TableRow row, SheetCells cells) {
        String v = row.get(H_YEAR).replace("年", "").strip();
        if (v.matches("\\d{4}")) {
            return Integer.parseInt(v);
        }
        cells.problem(row, H_YEAR, v.isEmpty() ? Messages.get("grading.error.year")
                : Messages.get("import.error.year", row.get(H_YEAR)));
        return null;
    }

    static BigDecimal decimal(TableRow row, String header, SheetCells cells) {
        String v = row.get(header).replace("%", "").replace("％", "").strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            cells.problem(row, header, Messages.get("import.error.score", row.get(header)));
            return null;
        }
    }

    /** 1–5, 五星, 三星级, ★★★ … blank is none. */
    private static Integer stars(TableRow row, SheetCells cells) {
        String raw = row.get(H_STARS).strip();
        if (raw.isEmpty()) {
            return null;
        }
        long solid = raw.chars().filter(c -> c == '★').count();
        if (solid > 0 && raw.chars().allMatch(c -> c == '★' || c == '☆')) {
            return (int) solid;
        }
        String v = raw.replace("星级", "").replace("星", "").strip();
        int n = "一二三四五".indexOf(v) + 1;
        if (v.length() == 1 && n > 0) {
            return n;
        }
        if (v.matches("[1-5]")) {
            return Integer.parseInt(v);
        }
        cells.problem(row, H_STARS, Messages.get("grading.error.stars"));
        return null;
    }

    /** Writes grades in the import format. */
    static void write(Path file, String title, List<VillageGrade> grades) throws IOException {
        List<List<String>> out = new ArrayList<>(grades.size());
        for (VillageGrade g : grades) {
            out.add(Arrays.asList(SheetCells.nz(g.villageName()), Integer.toString(g.year()),
                    g.grade() == null ? "" : g.grade().fileLabel(), plain(g.scores().memberScore()),
                    plain(g.scores().publicScore()), plain(g.scores().branchScore()), plain(g.satisfaction()),
                    g.stars() == null ? "" : g.stars().toString(), SheetCells.nz(g.overrideReason()),
                    SheetCells.nz(g.rewardPenalty()), SheetCells.nz(g.helpMeasures())));
        }
        TableWriter.write(file, title, HEADERS, out);
    }

    static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    /** For lookups of records by village and year. */
    static String key(UUID villageId, int year) {
        return villageId + "|" + year;
    }
}
