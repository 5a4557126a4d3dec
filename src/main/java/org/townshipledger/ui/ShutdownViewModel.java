package org.townshipledger.ui;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.townshipledger.common.Messages;
import org.townshipledger.common.RunningWork;

/**
 * Closing the window while an import or a report runs: the close waits for it to finish (showing what runs and how
 * far, "正在完成导入…") or, when the clerk asks, cancels it at its next safe point (its transaction rolls back);
 * then the ledger is closed cleanly. Never an interrupt: see {@link RunningWork}.
 */
public final class ShutdownViewModel {

    private final RunningWork work;
    private final Runnable closeLedger;
    private final Consumer<Runnable> onUi;
    private final BooleanProperty waiting = new SimpleBooleanProperty();
    private final BooleanProperty closed = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private boolean closeRequested;

    /**
     * @param closeLedger lets queued saves land and closes the database (AppContext.close)
     * @param onUi        runs a step on the UI thread (Platform::runLater; a test runs it at once)
     */
    public ShutdownViewModel(RunningWork work, Runnable closeLedger, Consumer<Runnable> onUi) {
        this.work = work;
        this.closeLedger = closeLedger;
        this.onUi = onUi;
    }

    /**
     * The clerk closed the window. True when the ledger was closed at once (nothing ran); false when the close
     * waits for running work, which {@link #waitingProperty()} and {@link #messageProperty()} show.
     */
    public boolean requestClose() {
        if (closeRequested) {
            return closed.get();
        }
        closeRequested = true;
        if (!work.busy()) {
            close();
            return true;
        }
        waiting.set(true);
        refresh();
        work.whenIdle(() -> onUi.accept(this::close));
        return false;
    }

    /** Stops the running import or report at its next safe point; nothing it did so far is kept. */
    public void cancelWork() {
        work.cancelAll();
        message.set(Messages.get("shutdown.cancelling"));
    }

    /** Copies what runs and how far into the properties (the screen calls it on a timer while it waits). */
    public void refresh() {
        if (!waiting.get() || closed.get()) {
            return;
        }
        if (!work.cancelling()) {
            String label = work.label();
            message.set(label != null ? label : Messages.get("shutdown.saving"));
        }
        progress.set(work.fraction());
    }

    private void close() {
        if (closed.get()) {
            return;
        }
        closeLedger.run();
        waiting.set(false);
        closed.set(true);
    }

    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting;
    }

    /** True once the ledger is closed: the window may go. */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }
}
