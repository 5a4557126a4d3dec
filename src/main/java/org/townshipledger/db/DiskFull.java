package org.townshipledger.db;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.townshipledger.common.Messages;

/**
 * Recognises "the disk is full" in whatever H2 or the JDK raised, and says in the clerk's words what happened (the
 * write was rolled back, nothing half saved) and what to free: which drive, how much is left, how much the ledger
 * needs. H2 closes a ledger whose file could not be written, so the message also says to open it again.
 */
final class DiskFull {

    /** What operating systems say (Linux/Kylin, Windows in English and Chinese, macOS). */
    private static final String[] SIGNS = {"no space left on device", "not enough space on the disk",
        "磁盘空间不足", "there is not enough space", "disk full", "errno 28"};
    private static final long MB = 1024L * 1024L;

    private DiskFull() {
    }

    /** True when the failure, or anything that caused it, says the disk is full. */
    static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                for (String sign : SIGNS) {
                    if (lower.contains(sign)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The exception the clerk sees, naming the drive of {@code dataDir} and how much to free there. */
    static LedgerUnavailableException exception(Path dataDir, Throwable cause) {
        Path dir = dataDir.toAbsolutePath();
        long ledgerMb = sizeMb(Database.ledgerFile(dataDir));
        long freeMb = -1;
        String drive = String.valueOf(dir.getRoot());
        try {
            FileStore store = Files.getFileStore(dir);
            freeMb = store.getUsableSpace() / MB;
            if (!store.name().isBlank() && !drive.contains(store.name())) {
                drive = drive + " (" + store.name() + ")";
            }
        } catch (IOException e) {
            // the message still names the folder
        }
        // H2 appends before it reclaims space, and a backup at exit copies the whole file: ask for room for both.
        long needMb = Math.max(200, 2 * ledgerMb + 50);
        String free = freeMb < 0 ? "?" : Long.toString(freeMb);
        return new LedgerUnavailableException(LedgerUnavailableException.Reason.DISK_FULL,
                Messages.get("ledger.diskFull", dir, drive, free, ledgerMb, needMb), cause);
    }

    private static long sizeMb(Path file) {
        try {
            return (Files.size(file) + MB - 1) / MB;
        } catch (IOException e) {
            return 0;
        }
    }
}
