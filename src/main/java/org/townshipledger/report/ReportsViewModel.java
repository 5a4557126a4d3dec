package org.townshipledger.report;

import java.awt.image.BufferedImage;
import java.awt.print.PrinterJob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.LoggerFactory;
import org.townshipledger.common.CancelledException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;

/**
 * The 报表 screen: choose a sheet and its parameters, preview the rendered pages, print, save as PDF or Excel.
 * Rendering runs on the background executor with progress and a cancel that stops between chunks.
 */
public final class ReportsViewModel {

    private static final double MIN_ZOOM = 0.5;
    private static final double MAX_ZOOM = 3.0;

    private final ReportService reports;
    private final TaskExecutor executor;
    private final StatusBarModel status;

    private final ObservableList<ReportSheet> sheets = FXCollections.observableArrayList();
    private final ObjectProperty<ReportSheet> sheet = new SimpleObjectProperty<>();
    private final ObservableList<Village> villages = FXCollections.observableArrayList();
    private final ObjectProperty<Village> village = new SimpleObjectProperty<>();
    private final IntegerProperty year = new SimpleIntegerProperty();
    private final BooleanProperty fullId = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final IntegerProperty pageCount = new SimpleIntegerProperty();
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final DoubleProperty zoom = new SimpleDoubleProperty(1.0);
    private final ObjectProperty<Image> pageImage = new SimpleObjectProperty<>();
    private volatile boolean cancelRequested;
    private PDDocument preview;

    public ReportsViewModel(ReportService reports, TaskExecutor executor, StatusBarModel status) {
        this.reports = reports;
        this.executor = executor;
        this.status = status;
    }

    public void load() {
        executor.execute(() -> new Choices(reports.sheets(), reports.villages(), reports.workingYear()), c -> {
            sheets.setAll(c.sheets());
            villages.setAll(c.villages());
            if (year.get() == 0) {
                year.set(c.year());
            }
            if (sheet.get() == null && !sheets.isEmpty()) {
                sheet.set(sheets.get(0));
            }
        }, this::failed);
    }

    private record Choices(List<ReportSheet> sheets, List<Village> villages, int year) {
    }

    private ReportParams params() {
        ReportSheet s = sheet.get();
        Village v = s != null && s.byVillage() ? village.get() : null;
        return new ReportParams(year.get(), v == null ? null : v.id(), fullId.get());
    }

    /** Renders the chosen sheet as PDF and shows its first page. */
    public void preview() {
        ReportSheet s = sheet.get();
        if (s == null) {
            return;
        }
        ReportParams p = params();
        start(Messages.get("report.status.rendering"));
        executor.execute(() -> {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            reports.write(s, p, ReportFormat.PDF, pdf, progressSink());
            return Loader.loadPDF(pdf.toByteArray());
        }, doc -> {
            closePreview();
            preview = doc;
            pageCount.set(doc.getNumberOfPages());
            page.set(0);
            busy.set(false);
            message.set(Messages.get("report.status.pages", doc.getNumberOfPages()));
            renderPage();
        }, this::failed);
    }

    /** Writes the chosen sheet to a file the clerk picked. */
    public void save(ReportFormat format, Path file) {
        ReportSheet s = sheet.get();
        if (s == null) {
            return;
        }
        ReportParams p = params();
        start(Messages.get("report.status.saving"));
        executor.execute(() -> {
            reports.write(s, p, format, file, progressSink());
            return file;
        }, saved -> {
            busy.set(false);
            progress.set(1);
            message.set(Messages.get("report.status.saved", saved));
            status.saved(LocalTime.now());
        }, this::failed);
    }

    /**
     * Prints the previewed pages through the system's print dialog. The dialog runs on its own thread, so
     * neither the window nor database work waits for it.
     */
    public void print() {
        PDDocument doc = preview;
        if (doc == null) {
            return;
        }
        Thread printing = new Thread(() -> {
            try {
                PrinterJob job = PrinterJob.getPrinterJob();
                job.setJobName(sheet.get() == null ? "" : sheet.get().title());
                job.setPageable(new PDFPageable(doc));
                if (job.printDialog()) {
                    job.print();
                }
            } catch (Exception e) {
                LoggerFactory.getLogger(ReportsViewModel.class).warn("Printing failed", e);
                javafx.application.Platform.runLater(() -> message.set(Messages.get("report.status.printFailed",
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            }
        }, "report-print");
        printing.setDaemon(true);
        printing.start();
    }

    /** Stops rendering at the next chunk; nothing half-written is kept. */
    public void cancel() {
        cancelRequested = true;
    }

    public void nextPage() {
        if (page.get() + 1 < pageCount.get()) {
            page.set(page.get() + 1);
            renderPage();
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
            renderPage();
        }
    }

    public void zoomIn() {
        zoom.set(Math.min(MAX_ZOOM, zoom.get() * 1.25));
        renderPage();
    }

    public void zoomOut() {
        zoom.set(Math.max(MIN_ZOOM, zoom.get() / 1.25));
        renderPage();
    }

    private void renderPage() {
        PDDocument doc = preview;
        if (doc == null) {
            return;
        }
        int index = page.get();
        float dpi = (float) (96 * zoom.get());
        // The renderer is used on the single background thread only: a PDDocument is not thread-safe.
        executor.execute(() -> toImage(new PDFRenderer(doc).renderImageWithDPI(index, dpi)), pageImage::set,
                this::failed);
    }

    private static Image toImage(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }

    private void start(String what) {
        cancelRequested = false;
        busy.set(true);
        progress.set(-1);
        message.set(what);
    }

    private org.townshipledger.common.Progress progressSink() {
        return executor.progress(org.townshipledger.common.Messages.get("shutdown.report"), progress::set, () -> cancelRequested);
    }

    private void failed(Exception e) {
        busy.set(false);
        progress.set(0);
        if (e instanceof CancelledException) {
            message.set(e.getMessage());
        } else if (e instanceof IOException io) {
            message.set(Messages.get("report.status.ioFailed", io.getMessage()));
        } else {
            message.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Frees the previewed document (called when the screen is left or a new preview replaces it). */
    public void closePreview() {
        if (preview != null) {
            try {
                preview.close();
            } catch (IOException e) {
                LoggerFactory.getLogger(ReportsViewModel.class).debug("Closing the preview failed", e);
            }
            preview = null;
        }
    }

    public ObservableList<ReportSheet> sheets() {
        return sheets;
    }

    public ObjectProperty<ReportSheet> sheetProperty() {
        return sheet;
    }

    public ObservableList<Village> villages() {
        return villages;
    }

    public ObjectProperty<Village> villageProperty() {
        return village;
    }

    public IntegerProperty yearProperty() {
        return year;
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

    public StringProperty messageProperty() {
        return message;
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount;
    }

    public ReadOnlyIntegerProperty pageProperty() {
        return page;
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom;
    }

    public ReadOnlyObjectProperty<Image> pageImageProperty() {
        return pageImage;
    }
}
