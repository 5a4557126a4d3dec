package org.townshipledger.common;

/** The clerk cancelled long work; nothing half-done was kept. */
public class CancelledException extends RuntimeException {

    public CancelledException() {
        super(Messages.get("error.cancelled"));
    }
}
