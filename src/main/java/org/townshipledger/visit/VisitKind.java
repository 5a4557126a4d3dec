package org.townshipledger.visit;

import java.util.List;
import java.util.Locale;
import org.townshipledger.common.Messages;

/**
 * A kind of visit (走访类别), stored by code. The built-in kinds (入户走访, 座谈, 调研, 帮办实事, 政策宣讲, 暗访 and the
 * six of 六进六送) have labels in the bundles; an office adds its own in the settings ({@link #CUSTOM_KINDS}, one a
 * line), whose code is their label.
 */
public record VisitKind(String code, String label) {

    /** The setting holding the kinds an office added, one label a line. */
    public static final String CUSTOM_KINDS = "visit.kinds.custom";

    public static final String HOME_VISIT = "HOME_VISIT";
    public static final String FORUM = "FORUM";
    public static final String RESEARCH = "RESEARCH";
    public static final String PRACTICAL_HELP = "PRACTICAL_HELP";
    public static final String POLICY_TALK = "POLICY_TALK";
    public static final String UNANNOUNCED = "UNANNOUNCED";
    /** 六进六送: 困难户/送温暖, 下岗失业户/送信息, 信访老户/送法制, 征地拆迁户/送政策, 致富专业户/送技术, 外出务工户/送友情. */
    public static final String WARMTH = "WARMTH";
    public static final String JOB_NEWS = "JOB_NEWS";
    public static final String LAW = "LAW";
    public static final String POLICY = "POLICY";
    public static final String SKILLS = "SKILLS";
    public static final String FRIENDSHIP = "FRIENDSHIP";

    public static final List<String> BUILT_IN = List.of(HOME_VISIT, FORUM, RESEARCH, PRACTICAL_HELP, POLICY_TALK,
            UNANNOUNCED, WARMTH, JOB_NEWS, LAW, POLICY, SKILLS, FRIENDSHIP);

    static final String KEY = "visit.kind.";

    public static VisitKind builtIn(String code) {
        return new VisitKind(code, Messages.get(KEY + code));
    }

    /** A kind an office added in the settings: its label is its code. */
    public static VisitKind custom(String label) {
        return new VisitKind(label, label);
    }

    public boolean isBuiltIn() {
        return BUILT_IN.contains(code);
    }

    /** The Chinese label, whatever the UI language, as exchanged files write it. */
    public String fileLabel() {
        return isBuiltIn() ? Messages.load(Locale.SIMPLIFIED_CHINESE).getString(KEY + code) : label;
    }

    /** Whether {@code text} names this kind: its code, its label, its Chinese or English label. */
    boolean matches(String text) {
        String t = text == null ? "" : text.strip();
        return code.equalsIgnoreCase(t) || label.equals(t) || fileLabel().equals(t)
                || (isBuiltIn() && Messages.load(Locale.ENGLISH).getString(KEY + code).equalsIgnoreCase(t));
    }
}
