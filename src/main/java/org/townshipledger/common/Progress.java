package org.townshipledger.common;

/**
 * How long work tells how far it got, and learns that the clerk cancelled. Work checks {@link #cancelled()}
 * between batches and stops cleanly: threads that may be inside H2 are never interrupted.
 */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void worked(long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} units (total 0 when unknown). */
    void worked(long done, long total);

    boolean cancelled();
}
