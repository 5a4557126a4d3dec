package org.townshipledger.db;

import org.townshipledger.common.Messages;

/** The ledger cannot be opened: busy in another process, missing, too new for this program, or damaged. */
public class LedgerUnavailableException extends RuntimeException {

    /** DISK_FULL: a write failed for want of space; it was rolled back, and H2 closed the ledger. */
    public enum Reason { BUSY, MISSING, EXISTS, TOO_NEW, CORRUPT, DISK_FULL }

    private final Reason reason;

    public LedgerUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static LedgerUnavailableException busy(Object path, Throwable cause) {
        return new LedgerUnavailableException(Reason.BUSY, Messages.get("ledger.busy", path), cause);
    }

    static LedgerUnavailableException missing(Object path) {
        return new LedgerUnavailableException(Reason.MISSING, Messages.get("ledger.missing", path), null);
    }

    /** The folder had a ledger (its marker or backups are there) but the file is gone. */
    static LedgerUnavailableException vanished(Object path) {
        return new LedgerUnavailableException(Reason.MISSING, Messages.get("ledger.vanished", path), null);
    }

    static LedgerUnavailableException notALedger(Object path) {
        return new LedgerUnavailableException(Reason.MISSING, Messages.get("ledger.notALedger", path), null);
    }

    static LedgerUnavailableException exists(Object path) {
        return new LedgerUnavailableException(Reason.EXISTS, Messages.get("ledger.exists", path), null);
    }

    static LedgerUnavailableException tooNew(Object path, String ledgerVersion, String programVersion) {
        return new LedgerUnavailableException(Reason.TOO_NEW,
                Messages.get("ledger.tooNew", path, ledgerVersion, programVersion), null);
    }

    static LedgerUnavailableException corrupt(Object path, Throwable cause) {
        return new LedgerUnavailableException(Reason.CORRUPT, Messages.get("ledger.corrupt", path), cause);
    }
}
