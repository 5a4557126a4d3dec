package org.townshipledger.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.townshipledger.common.Progress;
import org.townshipledger.common.TaskExecutor;

/**
 * One background thread for database work, results back on the JavaFX thread. A single thread keeps
 * saves in the order the clerk made them. Work is never interrupted (an interrupt inside H2 can damage
 * the file); the thread is a daemon so closing the window is not held up.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-db");
        t.setDaemon(true);
        return t;
    });

    private final org.townshipledger.common.RunningWork running = new org.townshipledger.common.RunningWork();

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        running.started();
        try {
            worker.execute(() -> {
                try {
                    T result = work.call();
                    Platform.runLater(() -> onSuccess.accept(result));
                } catch (Exception e) {
                    LOG.debug("Background work failed", e);
                    Platform.runLater(() -> onFailure.accept(e));
                } finally {
                    running.finished();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            running.finished(); // closing: no new work once the ledger is being closed
            LOG.debug("Work refused while closing", e);
        }
    }

    @Override
    public org.townshipledger.common.RunningWork runningWork() {
        return running;
    }

    /**
     * Progress copied to the JavaFX thread at most every 100 ms: a 100,000-row import reports on every batch,
     * and a runLater per batch would flood the UI.
     */
    @Override
    public Progress progress(DoubleConsumer onUi, BooleanSupplier cancelled) {
        return new Progress() {
            private volatile long lastShown;

            @Override
            public void worked(long done, long total) {
                long now = System.nanoTime();
                if (now - lastShown > 100_000_000L || done >= total) {
                    lastShown = now;
                    double fraction = total > 0 ? Math.min(1.0, (double) done / total) : -1;
                    Platform.runLater(() -> onUi.accept(fraction));
                }
            }

            @Override
            public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }

    /** Lets queued work finish (saves must land), then stops the thread. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("Background work still running at exit");
            }
        } catch (InterruptedException e) {
            // Not re-raised: the ledger is closed right after this on the same thread, and H2 must not be
            // entered by an interrupted thread. Exit is under way anyway.
            LOG.warn("Interrupted while waiting for background work at exit");
        }
    }
}
