package org.townshipledger.cadre;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.townshipledger.common.Messages;

/**
 * A role a cadre holds at a village. The built-in ones have codes and labels in the bundles; an office adds its
 * own in the settings (their code is their label). Full-time roles (第一书记, 工作队) cannot overlap for one cadre.
 */
public record Role(String code, String label, boolean fullTime) {

    public static final String FIRST_SECRETARY = "FIRST_SECRETARY";
    public static final String TEAM_LEADER = "TEAM_LEADER";
    public static final String TEAM_MEMBER = "TEAM_MEMBER";
    public static final String LEADER_IN_CHARGE = "LEADER_IN_CHARGE";
    public static final String CADRE_IN_CHARGE = "CADRE_IN_CHARGE";
    public static final String SECONDED = "SECONDED";
    public static final String BRANCH_SECRETARY = "BRANCH_SECRETARY";
    public static final String RESERVE = "RESERVE";
    public static final String COLLEGE_GRADUATE = "COLLEGE_GRADUATE";

    public static final List<String> BUILT_IN = List.of(FIRST_SECRETARY, TEAM_LEADER, TEAM_MEMBER, LEADER_IN_CHARGE,
            CADRE_IN_CHARGE, SECONDED, BRANCH_SECRETARY, RESERVE, COLLEGE_GRADUATE);
    /** Postings that take all of a cadre's time: at most one at once. */
    public static final Set<String> FULL_TIME = Set.of(FIRST_SECRETARY, TEAM_LEADER, TEAM_MEMBER);
    /** The resident work team (驻村工作队), the first secretary included. */
    public static final Set<String> WORK_TEAM = Set.of(FIRST_SECRETARY, TEAM_LEADER, TEAM_MEMBER);

    static final String KEY = "assignment.role.";

    public static Role builtIn(String code) {
        return new Role(code, Messages.get(KEY + code), FULL_TIME.contains(code));
    }

    /** A role an office added in the settings: its label is its code. */
    public static Role custom(String label) {
        return new Role(label, label, false);
    }

    /** The Chinese label, whatever the UI language, as exchanged files write it. */
    public String fileLabel() {
        return BUILT_IN.contains(code) ? Messages.load(Locale.SIMPLIFIED_CHINESE).getString(KEY + code) : label;
    }

    public static boolean isFullTime(String code) {
        return FULL_TIME.contains(code);
    }
}
