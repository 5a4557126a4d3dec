package org.townshipledger.exchange;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the cells offices type: full-width digits and letters, stray spaces, 是/否 in its many forms, dates
 * in the usual Chinese layouts or as Excel serial numbers. Each parser returns empty when the text is not what
 * it expects, so the caller can report the cell.
 */
public final class CellValues {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
            + "(?:[ T]?\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(?:\\.0+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}(\\.0+)?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    /** Excel's day 0 (its serial numbers count from 1900-01-01 = 1, with the 1900 leap-year bug). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private CellValues() {
    }

    /** Full-width ASCII (Ｕ+FF01–FF5E) made ASCII, full-width and other spaces removed anywhere. Null gives "". */
    public static String halfWidth(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF') {
                continue;
            }
            sb.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c);
        }
        return sb.toString();
    }

    /** 是 / 否 and their variants (Y/N, yes/no, 1/0, √/×, true/false, 有/无); empty for blank or anything else. */
    public static Optional<Boolean> yesNo(String raw) {
        String v = halfWidth(raw).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "是", "y", "yes", "1", "true", "√", "✓", "✔", "有", "已" -> Optional.of(true);
            case "否", "n", "no", "0", "false", "×", "x", "✗", "不是", "无", "未" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** An integer such as a year: "2019", "２０１９", "2019.0", "2019年". */
    public static Optional<Integer> integer(String raw) {
        String v = halfWidth(raw);
        if (v.endsWith("年")) {
            v = v.substring(0, v.length() - 1);
        }
        if (INTEGER.matcher(v).matches()) {
            int point = v.indexOf('.');
            return Optional.of(Integer.valueOf(point < 0 ? v : v.substring(0, point)));
        }
        return Optional.empty();
    }

    /** An amount: "8,650.50", "８６５０.５", "8650元". */
    public static Optional<BigDecimal> decimal(String raw) {
        String v = halfWidth(raw).replace(",", "").replace("，", "");
        if (v.endsWith("元")) {
            v = v.substring(0, v.length() - 1);
        }
        if (v.startsWith("¥") || v.startsWith("￥")) {
            v = v.substring(1);
        }
        if (!DECIMAL.matcher(v).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(v));
    }

    private static boolean isIsoDate(String v) {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = v.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A date as typed: 1970-03-05, 1970/3/5, 1970.3.5, 1970年3月5日, 19700305, a date with a time after it, or an
     * Excel serial number (a date cell read as its number, e.g. 25632).
     */
    public static Optional<LocalDate> date(String raw) {
        String v = halfWidth(raw);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (isIsoDate(v)) {
                // 1970-03-05, as a date cell reads: the first pattern below, without running it.
                return Optional.of(LocalDate.of(Integer.parseInt(v, 0, 4, 10), Integer.parseInt(v, 5, 7, 10),
                        Integer.parseInt(v, 8, 10, 10)));
            }
            Matcher m = DATE.matcher(v);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            m = COMPACT_DATE.matcher(v);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            if (SERIAL.matcher(v).matches()) {
                long days = Long.parseLong(v.replaceAll("\\.0+$", ""));
                if (days >= 1 && days <= 2_958_465) {
                    return Optional.of(EXCEL_EPOCH.plusDays(days));
                }
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
