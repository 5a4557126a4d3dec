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
            try {
                String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
                if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
                    out.append(readings[0].charAt(0));
                }
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
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
