package org.townshipledger.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The citizen ID number (公民身份号码, GB 11643-1999): 6-digit region code, 8-digit birth date (yyyyMMdd),
 * 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check digit (0-9 or X).
 *
 * <p>{@link #normalize} cleans up what clerks paste from Excel or WPS; {@link #problem} then says in plain
 * words what is wrong. Only 18-character numbers are accepted: old 15-digit numbers are reported.
 */
public final class IdNumber {

    public static final int LENGTH = 18;
    public static final int LEGACY_LENGTH = 15;
    /** Earliest birth year accepted. */
    public static final int MIN_BIRTH_YEAR = 1900;

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** The check digit for each remainder 0..10 of the weighted sum mod 11. */
    private static final String CHECK_DIGITS = "10X98765432";

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern LEGACY = Pattern.compile("\\d{15}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /**
     * A number Excel shows in scientific notation: 4.30523E+17, 4.30523199001011E17, 4E+17 (a comma for the
     * decimal point as some locales write it).
     */
    private static final Pattern EXCEL_SCIENTIFIC = Pattern.compile("\\d+(?:[.,]\\d*)?[Ee][+]?\\d{1,3}");
    private static final DateTimeFormatter BIRTH =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private IdNumber() {
    }

    /**
     * What clerks paste, cleaned: spaces removed anywhere (also full-width U+3000, no-break spaces, tabs, line
     * breaks and zero-width characters), full-width digits and Ｘ/ｘ made ASCII, a trailing x upper-cased.
     * Null gives "". Nothing else is changed, so {@link #problem} can still say what is wrong.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isSpace(c)) {
                continue;
            }
            if (c >= '０' && c <= '９') {
                out.append((char) ('0' + (c - '０')));
            } else if (c == 'Ｘ' || c == 'ｘ') {
                out.append('X');
            } else {
                out.append(c);
            }
        }
        int last = out.length() - 1;
        if (last >= 0 && out.charAt(last) == 'x') {
            out.setCharAt(last, 'X');
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    /**
     * True when the text looks like an ID number Excel turned into a number and shows in scientific notation
     * ({@code 4.30523E+17}): its last digits are gone and cannot be recovered. Spaces and full-width digits are
     * tolerated, so raw cell text may be passed.
     */
    public static boolean isExcelScientific(String raw) {
        return EXCEL_SCIENTIFIC.matcher(normalize(raw)).matches();
    }

    /** Empty when {@code normalized} is a valid 18-character ID number; otherwise what is wrong, for the clerk. */
    public static Optional<String> problem(String normalized) {
        return problem(normalized, today());
    }

    /** {@link #problem(String)} with the date of today given, for tests. */
    static Optional<String> problem(String normalized, LocalDate today) {
        String id = normalized == null ? "" : normalized;
        if (isWellFormed(id, today)) {
            return Optional.empty();
        }
        if (id.isEmpty()) {
            return Optional.of(Messages.get("id.error.required"));
        }
        if (isExcelScientific(id)) {
            return Optional.of(Messages.get("id.error.excelNumber", id));
        }
        if (LEGACY.matcher(id).matches()) {
            return Optional.of(Messages.get("id.error.legacy15", id));
        }
        if (!SHAPE.matcher(id).matches()) {
            return Optional.of(Messages.get("id.error.format", id, id.codePointCount(0, id.length())));
        }
        String birth = id.substring(6, 14);
        if (parseBirth(birth, today).isEmpty()) {
            return Optional.of(Messages.get("id.error.birthDate", id, birth));
        }
        String expected = checkDigit(id.substring(0, 17));
        if (!expected.equals(id.substring(17))) {
            return Optional.of(Messages.get("id.error.checkDigit", id, expected));
        }
        return Optional.empty();
    }

    public static boolean isValid(String normalized) {
        return normalized != null && isWellFormed(normalized, today()) || problem(normalized).isEmpty();
    }

    /**
     * The checks of {@link #problem} for a valid number, in one pass without regular expressions or date parsing
     * (an import checks 100,000 numbers several times each). False for anything else, which {@link #problem} then
     * looks at step by step to say what is wrong.
     */
    private static boolean isWellFormed(String id, LocalDate today) {
        if (id.length() != LENGTH) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        if (id.charAt(LENGTH - 1) != CHECK_DIGITS.charAt(sum % 11)) {
            return false;
        }
        int year = digits(id, 6, 10);
        int month = digits(id, 10, 12);
        int day = digits(id, 12, 14);
        if (year < MIN_BIRTH_YEAR || month < 1 || month > 12 || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return false;
        }
        return !LocalDate.of(year, month, day).isAfter(today);
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    /** Today, looked up again only when the day is over (LocalDate.now() reads the time zone at every call). */
    private static LocalDate today() {
        long now = System.currentTimeMillis();
        Today t = todayCache;
        if (t == null || now >= t.until() || now < t.from()) {
            java.time.ZoneId zone = java.time.ZoneId.systemDefault();
            LocalDate date = LocalDate.now(zone);
            t = new Today(date, date.atStartOfDay(zone).toInstant().toEpochMilli(),
                    date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
            todayCache = t;
        }
        return t.date();
    }

    private record Today(LocalDate date, long from, long until) {
    }

    private static volatile Today todayCache;

    private static Optional<LocalDate> parseBirth(String yyyyMMdd, LocalDate today) {
        try {
            LocalDate date = LocalDate.parse(yyyyMMdd, BIRTH);
            return date.getYear() < MIN_BIRTH_YEAR || date.isAfter(today) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The birth date of a valid ID number (characters 7 to 14). */
    public static LocalDate birthDate(String valid) {
        requireValid(valid);
        return LocalDate.of(digits(valid, 6, 10), digits(valid, 10, 12), digits(valid, 12, 14));
    }

    /** The sex of a valid ID number: the 17th digit is odd for men, even for women. */
    public static Sex sex(String valid) {
        return (requireValid(valid).charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The 6-digit administrative region code (where the number was issued) of a valid ID number. */
    public static String regionCode(String valid) {
        return requireValid(valid).substring(0, 6);
    }

    private static String requireValid(String id) {
        if (id != null && isWellFormed(id, today())) {
            return id;
        }
        Optional<String> problem = problem(id);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("not a valid ID number: " + problem.get());
        }
        return id;
    }

    /** The ISO 7064 MOD 11-2 check digit ("0" to "9" or "X") for the first 17 digits. */
    public static String checkDigit(String first17) {
        if (first17 == null || first17.length() != 17 || !DIGITS.matcher(first17).matches()) {
            throw new IllegalArgumentException("need 17 digits, got: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return String.valueOf(CHECK_DIGITS.charAt(sum % 11));
    }

    /**
     * A valid ID number from its parts, for demo data and tests: region code (6 digits), birth date (1900 up to
     * today) and sequence 0..999, whose parity decides the sex (odd: male, even: female).
     */
    public static String make(String region6, LocalDate birth, int sequence3) {
        if (region6 == null || region6.length() != 6 || !DIGITS.matcher(region6).matches()) {
            throw new IllegalArgumentException("region code must be 6 digits, got: " + region6);
        }
        if (birth == null || birth.getYear() < MIN_BIRTH_YEAR || birth.isAfter(LocalDate.now())) {
            throw new IllegalArgumentException("birth date must be from 1900 up to today, got: " + birth);
        }
        if (sequence3 < 0 || sequence3 > 999) {
            throw new IllegalArgumentException("sequence must be 0..999, got: " + sequence3);
        }
        String first17 = region6 + BIRTH.format(birth) + String.format(Locale.ROOT, "%03d", sequence3);
        return first17 + checkDigit(first17);
    }
}
