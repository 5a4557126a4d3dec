package org.townshipledger.exchange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a sheet may give each column. Offices and the national monitoring system word their headers
 * differently (证件号码 / 身份证号 / 身份证号码): each field has a canonical name and its variants.
 *
 * <p>Header cells are compared after {@link #normalize}: spaces (also full-width ones) removed, a leading
 * required-field star dropped, full-width brackets made ASCII. A cell also matches when the name is followed by
 * a note in brackets: "出生日期(yyyy-mm-dd)", "人均纯收入（元）".
 */
public final class HeaderAliases {

    /** canonical name → its normalised variants, canonical first. */
    private final Map<String, List<String>> variants = new LinkedHashMap<>();

    /** @param aliases canonical name → other names for the same column (the canonical name itself is implied) */
    public HeaderAliases(Map<String, List<String>> aliases) {
        aliases.forEach((canonical, others) -> {
            List<String> all = new ArrayList<>();
            all.add(normalize(canonical));
            others.forEach(o -> all.add(normalize(o)));
            variants.put(canonical, all);
        });
    }

    /** The canonical names, in the order given. */
    public List<String> canonicalNames() {
        return List.copyOf(variants.keySet());
    }

    /** The canonical name of a header cell, or null when it is not one of ours. */
    public String canonicalOf(String headerCell) {
        String cell = normalize(headerCell);
        if (cell.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : variants.entrySet()) {
            for (String v : e.getValue()) {
                if (cell.equals(v) || cell.startsWith(v + "(")) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** Canonical name → index of the first cell of {@code headerCells} that names it. */
    public Map<String, Integer> locate(List<String> headerCells) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < headerCells.size(); i++) {
            String canonical = canonicalOf(headerCells.get(i));
            if (canonical != null) {
                found.putIfAbsent(canonical, i);
            }
        }
        return found;
    }

    /** True when the row names every one of {@code required} (canonical names). */
    public boolean isHeader(List<String> cells, Collection<String> required) {
        return locate(cells).keySet().containsAll(required);
    }

    /** A header cell as compared: no spaces, no leading star or trailing colon, ASCII brackets. */
    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF') {
                continue;
            }
            sb.append(switch (c) {
                case '（' -> '(';
                case '）' -> ')';
                case '【', '[' -> '(';
                case '】', ']' -> ')';
                default -> c;
            });
        }
        String s = sb.toString();
        while (!s.isEmpty() && (s.charAt(0) == '*' || s.charAt(0) == '＊')) {
            s = s.substring(1);
        }
        while (!s.isEmpty() && (s.endsWith(":") || s.endsWith("：") || s.endsWith("*") || s.endsWith("＊"))) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
