package org.townshipledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.db.Database;
import org.townshipledger.demo.DemoData;
import org.townshipledger.demo.DemoScale;
import org.townshipledger.ui.StatusBarModel;

/** The 报表 screen's state: preview pages, paging, zoom, saving; work run on the test thread. */
@ExtendWith(ApplicationExtension.class) // images need the JavaFX toolkit
class ReportsViewModelTest {

    @TempDir
    static Path dir;

    private static Database db;
    private ReportsViewModel vm;

    @BeforeAll
    static void ledger() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        DemoData.create(dir.resolve("ledger"), DemoScale.COUNTY, 5, false);
        db = Database.open(dir.resolve("ledger"));
    }

    @AfterAll
    static void closeLedger() {
        db.close();
    }

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        vm = new ReportsViewModel(ReportService.forLedger(db, Clock.systemDefaultZone()), new CurrentThreadTaskExecutor(),
                new StatusBarModel());
        vm.load();
    }

    @AfterEach
    void tearDown() {
        vm.closePreview();
    }

    @Test
    void previewRendersPagesThatCanBePagedAndZoomed() {
        assertThat(vm.sheetProperty().get().key()).isEqualTo("villages");
        assertThat(vm.yearProperty().get()).isEqualTo(DemoData.DEMO_YEAR);

        vm.preview();

        assertThat(vm.pageCountProperty().get()).isGreaterThan(10);
        assertThat(vm.messageProperty().get()).isEqualTo("共 " + vm.pageCountProperty().get() + " 页");
        double width = vm.pageImageProperty().get().getWidth();
        assertThat(width).isGreaterThan(500);
        vm.nextPage();
        assertThat(vm.pageProperty().get()).isEqualTo(1);
        vm.zoomIn();
        assertThat(vm.pageImageProperty().get().getWidth()).isGreaterThan(width * 1.2);
        vm.previousPage();
        vm.previousPage();
        assertThat(vm.pageProperty().get()).isZero();
    }

    @Test
    void savesThePdfItPreviews() throws Exception {
        Path out = dir.resolve("out.pdf");
        vm.save(ReportFormat.PDF, out);
        assertThat(vm.messageProperty().get()).isEqualTo("已保存到 " + out);
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(out))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("村情一览（2025 年）");
        }
    }

    @Test
    void cancellingStopsRenderingAndSaysSo() {
        // An executor whose progress reports "cancelled" from the first chunk on, as if the clerk clicked 取消.
        TaskExecutor sameThread = new CurrentThreadTaskExecutor();
        TaskExecutor cancelledAtOnce = new TaskExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<? super T> ok, Consumer<? super Exception> failed) {
                sameThread.execute(work, ok, failed);
            }

            @Override
            public Progress progress(DoubleConsumer onUi, BooleanSupplier cancelled) {
                return sameThread.progress(onUi, () -> true);
            }
        };
        ReportsViewModel cancelling = new ReportsViewModel(ReportService.forLedger(db, Clock.systemDefaultZone()),
                cancelledAtOnce, new StatusBarModel());
        cancelling.load();
        cancelling.preview();
        assertThat(cancelling.messageProperty().get()).isEqualTo("已取消，未保存任何内容");
        assertThat(cancelling.pageCountProperty().get()).isZero();
        assertThat(cancelling.busyProperty().get()).isFalse();
    }
}
