package org.townshipledger.village;

import java.util.Map;
import java.util.Optional;
import org.townshipledger.common.Codes;

/** 行政村 / 社区 / 嘎查 (Inner Mongolia). Stored by code; the label comes from the resource bundle. */
public enum VillageKind {
    VILLAGE, COMMUNITY, GACHA;

    static final String KEY = "village.kind.";
    private static final Map<String, VillageKind> ALIASES = Map.of("村", VILLAGE, "嘎查村", GACHA);

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The Chinese label, whatever the UI language: exchanged files are always in Chinese. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    /** Accepts the code, or the Chinese or English label, as typed in an imported sheet ("村" too). */
    public static Optional<VillageKind> parse(String text) {
        return Codes.parse(VillageKind.class, KEY, text, ALIASES);
    }
}
