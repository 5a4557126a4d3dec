package org.townshipledger.common;

/** Optimistic locking: the record changed (or was deleted) since it was read; the save was refused. */
public class StaleRecordException extends RuntimeException {

    public StaleRecordException(String what) {
        super(Messages.get("error.stale", what));
    }
}
