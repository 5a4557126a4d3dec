package org.townshipledger.village;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.townshipledger.common.Messages;

/** 行政村 / 社区 / 嘎查 (Inner Mongolia). Stored by code; the label comes from the resource bundle. */
public enum VillageKind {
    VILLAGE, COMMUNITY, GACHA;

    public String label() {
        return Messages.get(key());
    }

    /** The Chinese label, whatever the UI language: exchanged files are always in Chinese. */
    public String fileLabel() {
        return Messages.load(Locale.SIMPLIFIED_CHINESE).getString(key());
    }

    private String key() {
        return "village.kind." + name();
    }

    /** Accepts the code, or the Chinese or English label, as typed in an imported sheet ("村" too). */
    public static Optional<VillageKind> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.equals("村") || t.equals("嘎查村")) {
            return Optional.of(t.equals("村") ? VILLAGE : GACHA);
        }
        return Arrays.stream(values())
                .filter(k -> k.name().equalsIgnoreCase(t)
                        || Messages.load(Locale.SIMPLIFIED_CHINESE).getString(k.key()).equals(t)
                        || Messages.load(Locale.ENGLISH).getString(k.key()).equalsIgnoreCase(t))
                .findFirst();
    }
}
