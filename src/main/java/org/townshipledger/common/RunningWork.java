package org.townshipledger.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What background work is running, for closing the window safely: the executor counts tasks in and out, long work
 * (an import, a report) says what it is and how far it got through its {@link Progress}. Closing waits until nothing
 * runs, or asks every long work to stop at its next safe point ({@link #cancelAll}): cooperative, never an interrupt.
 */
public final class RunningWork {

    private final AtomicInteger running = new AtomicInteger();
    private final List<Runnable> whenIdle = new ArrayList<>();
    private volatile boolean cancelling;
    private volatile String label;
    private volatile double fraction = -1;

    public void started() {
        running.incrementAndGet();
    }

    /** A task ended; when none is left, the waiting callbacks run (on this thread). */
    public void finished() {
        if (running.decrementAndGet() == 0) {
            label = null;
            fraction = -1;
            List<Runnable> waiting;
            synchronized (whenIdle) {
                waiting = new ArrayList<>(whenIdle);
                whenIdle.clear();
            }
            waiting.forEach(Runnable::run);
        }
    }

    public boolean busy() {
        return running.get() > 0;
    }

    /** Runs {@code action} once nothing runs: now when idle, else on the thread of the last task to finish. */
    public void whenIdle(Runnable action) {
        synchronized (whenIdle) {
            if (busy()) {
                whenIdle.add(action);
                return;
            }
        }
        action.run();
    }

    /** Long work reports here (through the Progress the executor gave it). */
    public void report(String what, double done) {
        label = what;
        fraction = done;
    }

    /** What long work runs now ("正在完成导入…"), or null. */
    public String label() {
        return label;
    }

    /** Its fraction done, or -1 when unknown. */
    public double fraction() {
        return fraction;
    }

    /** Asks every long work to stop at its next check (its transaction rolls back: nothing half written). */
    public void cancelAll() {
        cancelling = true;
    }

    public boolean cancelling() {
        return cancelling;
    }

    /** Wraps a Progress: reports here, and says cancelled when closing asked for it. */
    public Progress track(String what, Progress inner) {
        return new Progress() {
            @Override
            public void worked(long done, long total) {
                report(what, total > 0 ? Math.min(1.0, (double) done / total) : -1);
                inner.worked(done, total);
            }

            @Override
            public boolean cancelled() {
                return cancelling || inner.cancelled();
            }
        };
    }
}
