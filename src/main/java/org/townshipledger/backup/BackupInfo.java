package org.townshipledger.backup;

import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * A backup file in the backups folder, as {@code backup list} and the restore dialog show it.
 *
 * @param created  when it was made (from its name, local time)
 * @param verified checked since it was written (by {@code create} or {@code verify}) and unchanged since
 * @param manifest what it holds; null for an encrypted backup (unreadable without the password) or a damaged one
 */
public record BackupInfo(Path file, LocalDateTime created, BackupKind kind, long size, boolean encrypted,
        boolean verified, BackupManifest manifest) {

    /** 已校验, 未校验, 加密（需密码）… as the list shows it. */
    public String state() {
        if (encrypted) {
            return org.townshipledger.common.Messages.get(verified ? "backup.state.encryptedVerified"
                    : "backup.state.encrypted");
        }
        if (manifest == null) {
            return org.townshipledger.common.Messages.get("backup.state.unreadable");
        }
        return org.townshipledger.common.Messages.get(verified ? "backup.state.verified" : "backup.state.unverified");
    }
}
