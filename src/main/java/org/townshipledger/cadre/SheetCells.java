package org.townshipledger.cadre;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.townshipledger.common.Codes;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.exchange.DateCells;
import org.townshipledger.exchange.TableRow;

/** Reading one row of an imported sheet: each bad cell adds a problem naming its line and column. */
public final class SheetCells {

    private final List<Problem> problems;

    public SheetCells(List<Problem> problems) {
        this.problems = problems;
    }

    public void problem(TableRow row, String header, String message) {
        problems.add(new Problem(row.line(), header, message));
    }

    /** 是/否 and the usual ways of writing them; blank is no. */
    public boolean yesNo(TableRow row, String header) {
        String v = row.get(header);
        switch (v.toLowerCase(Locale.ROOT)) {
            case "", "否", "n", "no", "0", "false", "×", "x", "不是" -> {
                return false;
            }
            case "是", "y", "yes", "1", "true", "√", "✓", "✔" -> {
                return true;
            }
            default -> {
                problem(row, header, Messages.get("import.error.yesNo", v));
                return false;
            }
        }
    }

    /** The date in the cell, null when blank or unreadable (a problem then). */
    public LocalDate date(TableRow row, String header) {
        String v = row.get(header);
        if (DateCells.isBlank(v)) {
            return null;
        }
        Optional<LocalDate> d = DateCells.parse(v);
        if (d.isEmpty()) {
            problem(row, header, Messages.get("import.error.date", v));
            return null;
        }
        return d.get();
    }

    /** An enumeration by code or label; blank gives {@code fallback}, an unknown text a problem. */
    public <E extends Enum<E>> E code(TableRow row, String header, Function<String, Optional<E>> parse, E[] values,
                               Function<E, String> fileLabel, String errorKey, E fallback) {
        String v = row.get(header);
        if (v.isEmpty()) {
            return fallback;
        }
        Optional<E> e = parse.apply(v);
        if (e.isEmpty()) {
            problem(row, header, Messages.get(errorKey, v, String.join("、",
                    Arrays.stream(values).map(fileLabel).toList())));
            return fallback;
        }
        return e.get();
    }

    public static String yes(boolean b) {
        return b ? "是" : "否";
    }

    public static String nz(String s) {
        return s == null ? "" : s;
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The Chinese label of a code, as exchanged files write it. */
    public static String fileLabel(String prefix, Enum<?> value) {
        return Codes.fileLabel(prefix, value);
    }
}
