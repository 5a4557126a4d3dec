package org.townshipledger.common;

import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/** Pinyin initials for search as clerks type it: 大石村 → "dsc". */
public final class Pinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    }

    /** First letters of the CJK Unified Ideographs (U+4E00–U+9FFF), looked up once each: 0 not yet, '-' none. */
    private static final char[] INITIALS = new char[0xA000 - 0x4E00];

    private Pinyin() {
    }

    /** Initials of each Chinese character (its first reading); letters and digits kept, lower-cased. */
    public static String initials(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 0x80) {
                out.append(Character.toLowerCase(c));
                continue;
            }
            char initial = initial(c);
            if (initial != '-') {
                out.append(initial);
            }
        }
        return out.toString();
    }

    /** The initial of a character's first reading, or '-' when it has none (a county's names repeat the same few). */
    private static char initial(char c) {
        boolean cached = c >= 0x4E00 && c < 0xA000;
        if (cached && INITIALS[c - 0x4E00] != 0) {
            return INITIALS[c - 0x4E00];
        }
        char initial = '-';
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
                initial = readings[0].charAt(0);
            }
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
        if (cached) {
            INITIALS[c - 0x4E00] = initial;
        }
        return initial;
    }

    /** True when the query is part of the name, or of its pinyin initials. Empty query matches all. */
    public static boolean matches(String name, String nameInitials, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.trim().toLowerCase(Locale.ROOT);
        return (name != null && name.toLowerCase(Locale.ROOT).contains(q))
                || (nameInitials != null && nameInitials.contains(q));
    }
}
