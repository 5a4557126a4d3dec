package org.townshipledger.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs database work off the UI thread and hands the result back on it. View models take one, so tests
 * can pass {@link CurrentThreadTaskExecutor} and stay deterministic.
 */
public interface TaskExecutor {

    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);
}
