package org.townshipledger.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;
import org.townshipledger.common.Messages;

/**
 * Dates shown as the tables show them ({@code 2012-05-01}) and read as clerks type them: 2012-5-1, 2012/5/1,
 * 2012.5.1 or 20120501.
 */
public final class Dates {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    private Dates() {
    }

    public static void iso(DatePicker... pickers) {
        for (DatePicker p : pickers) {
            p.setConverter(CONVERTER);
            if (p.getPromptText() == null || p.getPromptText().isEmpty()) {
                p.setPromptText(Messages.get("date.prompt"));
            }
        }
    }

    private static final StringConverter<LocalDate> CONVERTER = new StringConverter<>() {
        @Override
        public String toString(LocalDate date) {
            return date == null ? "" : ISO.format(date);
        }

        @Override
        public LocalDate fromString(String text) {
            return parse(text);
        }
    };

    /** Null for blank text; a {@link DateTimeParseException} for text that is not a date. */
    public static LocalDate parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.matches("\\d{8}")) {
            return LocalDate.parse(t, COMPACT);
        }
        String[] parts = t.split("[-/.年月日]");
        if (parts.length == 3 && parts[0].matches("\\d{4}") && parts[1].matches("\\d{1,2}")
                && parts[2].matches("\\d{1,2}")) {
            try {
                return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            } catch (java.time.DateTimeException e) {
                throw new DateTimeParseException(e.getMessage(), t, 0);
            }
        }
        throw new DateTimeParseException("not a date", t, 0);
    }
}
