package org.townshipledger.backup;

import java.util.Locale;
import org.townshipledger.common.Messages;

/**
 * Why a backup was made. The automatic kinds are rotated ({@code backup.keep.*} settings); a manual backup and the
 * copy kept before a restore are never deleted by the program.
 */
public enum BackupKind {
    DAILY("backup.kind.daily", true),
    WEEKLY("backup.kind.weekly", true),
    MONTHLY("backup.kind.monthly", true),
    EXIT("backup.kind.exit", true),
    MANUAL("backup.kind.manual", false),
    BEFORE_RESTORE("backup.kind.beforeRestore", false);

    private final String labelKey;
    private final boolean automatic;

    BackupKind(String labelKey, boolean automatic) {
        this.labelKey = labelKey;
        this.automatic = automatic;
    }

    /** 每日, 每周 …. */
    public String label() {
        return Messages.get(labelKey);
    }

    /** Made by the program on its own (daily, weekly, monthly, at exit), so rotated. */
    public boolean automatic() {
        return automatic;
    }

    /** The stable code in file names and manifests: {@code daily}, {@code before-restore}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of {@code code}, or null when it is none. */
    public static BackupKind ofCode(String code) {
        for (BackupKind k : values()) {
            if (k.code().equals(code)) {
                return k;
            }
        }
        return null;
    }
}
