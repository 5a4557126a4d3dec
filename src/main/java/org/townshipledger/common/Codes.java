package org.townshipledger.common;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * Enumerations are stored by their code (the enum constant's name) and shown by a label from the bundles,
 * under {@code prefix + NAME}. Imported sheets may use the code, the Chinese label or the English one.
 */
public final class Codes {

    private Codes() {
    }

    public static String label(String prefix, Enum<?> value) {
        return value == null ? "" : Messages.get(prefix + value.name());
    }

    /** The Chinese label, whatever the UI language: exchanged files are in the national system's wording. */
    public static String fileLabel(String prefix, Enum<?> value) {
        return value == null ? "" : Messages.load(Locale.SIMPLIFIED_CHINESE).getString(prefix + value.name());
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String prefix, String text) {
        return parse(type, prefix, text, Map.of());
    }

    /** The constant whose code, Chinese or English label, or one of {@code aliases}, is {@code text}. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String prefix, String text, Map<String, E> aliases) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        if (aliases.containsKey(t)) {
            return Optional.of(aliases.get(t));
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t) || t.equals(labelIn(Locale.SIMPLIFIED_CHINESE, prefix, e))
                    || t.equalsIgnoreCase(labelIn(Locale.ENGLISH, prefix, e))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static String labelIn(Locale locale, String prefix, Enum<?> e) {
        try {
            return Messages.load(locale).getString(prefix + e.name());
        } catch (MissingResourceException missing) {
            return null;
        }
    }
}
