package org.townshipledger.ui;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.townshipledger.common.CancelledException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.TaskExecutor;

/**
 * State of the export dialog of any register ({@link Exchange}): what is exported, the 完整身份证号 choice (masked by
 * default), then the export in the background with progress and a cancel; the status bar says where it went.
 */
public final class ExportViewModel {

    private final Exchange exchange;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final String scope;

    private final BooleanProperty fullId = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty done = new SimpleBooleanProperty();
    private volatile boolean cancelRequested;

    public ExportViewModel(Exchange exchange, TaskExecutor executor, StatusBarModel status) {
        this.exchange = exchange;
        this.executor = executor;
        this.status = status;
        // Taken once: the dialog exports what the screen showed when it was opened.
        this.scope = exchange.exportScope();
    }

    /** 导出农户. */
    public String title() {
        return Messages.get("export.dialog.title", exchange.name());
    }

    /** What will be written: "大石村的农户". */
    public String scope() {
        return scope;
    }

    /** Whether the 完整身份证号 choice applies. */
    public boolean hasIdNumbers() {
        return exchange.hasIdNumbers();
    }

    /** What masking the ID numbers means for the file (whether it imports back). */
    public String fullIdHint() {
        return exchange.fullIdHint();
    }

    public String fileName() {
        return exchange.exportFileName();
    }

    /** Writes the export to {@code file} (.xlsx or .csv by its extension). */
    public void export(Path file) {
        if (busy.get() || file == null) {
            return;
        }
        boolean full = fullId.get();
        cancelRequested = false;
        busy.set(true);
        progress.set(-1);
        message.set(Messages.get("export.dialog.running", file.getFileName()));
        status.show(message.get());
        executor.execute(() -> exchange.export(file, full, executor.progress(progress::set, () -> cancelRequested)),
                text -> {
                    busy.set(false);
                    progress.set(1);
                    message.set(text);
                    status.show(text);
                    done.set(true);
                }, e -> {
                    busy.set(false);
                    progress.set(0);
                    message.set(e instanceof CancelledException || e instanceof CancellationException
                            ? Messages.get("export.dialog.cancelled") : ImportViewModel.messageOf(e));
                    status.show(message.get());
                });
    }

    /** Stops the export at its next batch; no file is left. */
    public void cancel() {
        if (busy.get()) {
            cancelRequested = true;
            message.set(Messages.get("exchange.cancelling"));
        }
    }

    public BooleanProperty fullIdProperty() {
        return fullId;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** True once the export is written (the dialog closes). */
    public ReadOnlyBooleanProperty doneProperty() {
        return done;
    }
}
