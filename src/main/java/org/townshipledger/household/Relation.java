package org.townshipledger.household;

import java.util.Map;
import java.util.Optional;
import org.townshipledger.common.Codes;

/** 与户主关系 (relation to the head of household), in the national monitoring system's wording. */
public enum Relation {
    HEAD, SPOUSE, SON, DAUGHTER, DAUGHTER_IN_LAW, SON_IN_LAW, GRANDSON, GRANDDAUGHTER, FATHER, MOTHER, SIBLING, OTHER;

    static final String KEY = "member.relation.";

    private static final Map<String, Relation> ALIASES = Map.ofEntries(
            Map.entry("本人", HEAD), Map.entry("妻", SPOUSE), Map.entry("妻子", SPOUSE), Map.entry("夫", SPOUSE),
            Map.entry("丈夫", SPOUSE), Map.entry("子", SON), Map.entry("儿子", SON), Map.entry("长子", SON),
            Map.entry("次子", SON), Map.entry("女", DAUGHTER), Map.entry("女儿", DAUGHTER), Map.entry("长女", DAUGHTER),
            Map.entry("次女", DAUGHTER), Map.entry("儿媳", DAUGHTER_IN_LAW), Map.entry("女婿", SON_IN_LAW),
            Map.entry("孙子", GRANDSON), Map.entry("孙女", GRANDDAUGHTER), Map.entry("父亲", FATHER),
            Map.entry("母亲", MOTHER), Map.entry("兄弟", SIBLING), Map.entry("姐妹", SIBLING));

    public String label() {
        return Codes.label(KEY, this);
    }

    /** The national system's wording, for exchanged files. */
    public String fileLabel() {
        return Codes.fileLabel(KEY, this);
    }

    public static Optional<Relation> parse(String text) {
        return Codes.parse(Relation.class, KEY, text, ALIASES);
    }
}
