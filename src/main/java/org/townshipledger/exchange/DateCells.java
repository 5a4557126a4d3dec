package org.townshipledger.exchange;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as offices type them in sheets: 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301, with or without a
 * time after them, and Excel date cells ({@link TableReader} turns a date-formatted cell into 2024-03-01; a bare
 * serial number such as 45352, as a cell formatted as a number shows it, is read as Excel's day count too).
 */
public final class DateCells {

    private static final Pattern SEPARATED =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[\\sT].*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    /** Excel's day count: 10000 is 1927-05-18, 99999 is 2173-10-14; a time of day may follow as a fraction. */
    private static final Pattern SERIAL = Pattern.compile("(\\d{5})(?:\\.\\d+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private DateCells() {
    }

    /** The date in {@code text}; empty when the text is blank or not a date (see {@link #isBlank}). */
    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.replace('\u3000', ' ').strip();
        try {
            Matcher m = SEPARATED.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            m = COMPACT.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            m = SERIAL.matcher(t);
            if (m.matches()) {
                return Optional.of(EXCEL_EPOCH.plusDays(Long.parseLong(m.group(1))));
            }
        } catch (DateTimeException notADay) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public static boolean isBlank(String text) {
        return text == null || text.replace('\u3000', ' ').isBlank();
    }

    /** How exported files write a date: 2024-03-01 (which every spreadsheet reads as a date). */
    public static String format(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
