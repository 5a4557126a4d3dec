package org.townshipledger.ui;

import java.nio.file.Path;
import java.util.List;
import org.townshipledger.common.CancelledException;
import org.townshipledger.common.Progress;
import org.townshipledger.exchange.ImportCheck;
import org.townshipledger.exchange.RowIssue;

/**
 * What a register hands the import dialog and the export dialog: its service calls and a few words. Each method but
 * the texts runs on the background executor; long ones report to {@code progress} and stop between batches when it
 * says {@link Progress#cancelled()} (nothing written on a cancelled import; no file left by a cancelled export).
 */
public interface Exchange {

    /** The register as the titles name it: 导入{name}, 导出{name} ("农户", "干部", "帮扶单位" ...). */
    String name();

    /** Reads and checks the file, writes nothing. */
    ImportCheck dryRun(Path file, Progress progress) throws Exception;

    /**
     * Imports the file all-or-nothing. When the file now has errors (it was changed after the dry run) nothing is
     * written and the result lists them.
     */
    ImportCheck importFile(Path file, Progress progress) throws Exception;

    /** Writes the bad rows of {@code file} with a 错误原因 column to {@code out} (.xlsx or .csv). */
    void writeErrorReport(Path file, List<RowIssue> errors, Path out) throws Exception;

    /** What a check found, in words: "新增 12 户，更新 3 户，共 45 人". */
    String describe(ImportCheck check);

    /** What an export writes, in words: "全部村的农户", "大石村的农户". */
    String exportScope();

    /** True when the export may write ID numbers in full (the 完整身份证号 choice); masked otherwise. */
    boolean hasIdNumbers();

    /**
     * What masking the ID numbers means for the exported file, under the 完整身份证号 choice: by default that only a
     * file with full numbers imports back.
     */
    default String fullIdHint() {
        return org.townshipledger.common.Messages.get("export.dialog.fullIdHint");
    }

    /** A file name to offer when saving the export, without extension. */
    String exportFileName();

    /**
     * Writes the export.
     *
     * @return what the status bar says afterwards: "已导出 2,000 户 → D:\\农户.xlsx"
     */
    String export(Path file, boolean fullId, Progress progress) throws Exception;

    /** Stops work between its steps when the clerk cancelled (for registers read in one piece). */
    static void stopIfCancelled(Progress progress) {
        if (progress.cancelled()) {
            throw new CancelledException();
        }
    }
}
