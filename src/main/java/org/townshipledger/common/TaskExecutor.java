package org.townshipledger.common;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Runs database work off the UI thread and hands the result back on it. View models take one, so tests
 * can pass {@link CurrentThreadTaskExecutor} and stay deterministic.
 */
public interface TaskExecutor {

    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /**
     * A {@link Progress} for long work run through {@link #execute}: {@code onUi} receives the fraction done
     * (0..1, or -1 when the total is unknown) on the UI thread, not more often than the eye needs.
     */
    /**
     * The same, for long work that closing the window must wait for or cancel: {@code what} is shown while it does
     * ("正在完成导入…"). Executors that track running work ({@link #runningWork()}) report to it.
     */
    default Progress progress(String what, DoubleConsumer onUi, BooleanSupplier cancelled) {
        Progress p = progress(onUi, cancelled);
        RunningWork work = runningWork();
        return work == null ? p : work.track(what, p);
    }

    /** The work this executor runs, for a safe close; null when it does not track it. */
    default RunningWork runningWork() {
        return null;
    }

    default Progress progress(DoubleConsumer onUi, BooleanSupplier cancelled) {
        return new Progress() {
            @Override
            public void worked(long done, long total) {
                onUi.accept(total > 0 ? Math.min(1.0, (double) done / total) : -1);
            }

            @Override
            public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }
}
