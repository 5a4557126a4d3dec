package org.townshipledger.cli;

/** Exit codes scripts can rely on. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Bad input (every bad row listed; nothing written), or the command failed. */
    public static final int BAD_INPUT = 1;
    public static final int USAGE = 2;
    /** The ledger is busy in another process, missing, damaged or too new for this program. */
    public static final int LEDGER_UNAVAILABLE = 3;

    private ExitCodes() {
    }
}
