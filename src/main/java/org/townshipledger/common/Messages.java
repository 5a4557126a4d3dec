package org.townshipledger.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible texts. Chinese is the base bundle; English sits beside it.
 * No fallback to the JVM's default locale, so a Chinese user on an English JVM still gets Chinese.
 */
public final class Messages {

    public static final String BUNDLE = "org.townshipledger.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile Locale locale = choose(null);
    private static volatile ResourceBundle bundle = load(locale);

    private Messages() {
    }

    /** Chinese by default; English when asked ({@code --lang en}) or when the system's language is English. */
    public static Locale choose(String lang) {
        String language = lang != null && !lang.isBlank() ? lang.trim().toLowerCase(Locale.ROOT) : systemLanguage();
        return language.startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /**
     * On Linux the JVM reports English for an unset or "C" locale, which says nothing about the user:
     * there only an explicit LC_ALL / LC_MESSAGES / LANG counts.
     */
    private static String systemLanguage() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return Locale.getDefault().getLanguage();
        }
        for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.toLowerCase(Locale.ROOT);
            }
        }
        return "zh";
    }

    public static void use(Locale newLocale) {
        locale = newLocale;
        bundle = load(newLocale);
    }

    public static Locale locale() {
        return locale;
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    public static ResourceBundle load(Locale l) {
        return ResourceBundle.getBundle(BUNDLE, l, Messages.class.getClassLoader(), NO_FALLBACK);
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
