package org.townshipledger.cli;

/**
 * Options read before picocli runs: the language (so help comes in it) and the data folder (so logging can be
 * set up before the first logger). No logger here, on purpose.
 */
public final class Args {

    private Args() {
    }

    /** The value of {@code option} given as {@code --opt VALUE} or {@code --opt=VALUE}, or null. */
    public static String optionValue(String[] args, String option) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(option) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith(option + "=")) {
                return args[i].substring(option.length() + 1);
            }
        }
        return null;
    }
}
