package org.townshipledger.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.townshipledger.common.CancelledException;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerUnavailableException;
import org.townshipledger.db.SettingsStore;

/**
 * Backups of the ledger (issue 10, point 2). A backup is a zip holding {@code ledger.mv.db}, a consistent copy taken
 * by H2's {@code BACKUP TO} while the ledger is open, and {@code manifest.properties} ({@link BackupManifest}):
 * schema version, rows per table and the SHA-256 of the database file, read from the copy itself right after it was
 * taken. A portable backup is the same zip encrypted with a password ({@link BackupCrypto}).
 *
 * <p>Automatic backups go into {@code <data-dir>/backups/} named {@code ledger-yyyyMMdd-HHmmss-<kind>.zip}: one a
 * day when the ledger is opened ({@link #dailyIfDue}; the first of a month is the monthly one, the first of a week
 * the weekly one), one when the window closes ({@link #atExit}); they are rotated by the settings
 * {@code backup.keep.daily|weekly|monthly|exit}. Manual backups and the copy kept before a restore are never
 * deleted by the program.
 *
 * <p>A restore verifies the backup first (unpacked into a work folder inside the data folder, opened read-only,
 * checked against its manifest), keeps the current ledger as a backup, closes it, and moves the checked copy over
 * the ledger file in one atomic rename: the ledger is either the old one or the restored one, never half of each.
 *
 * <p>Work for the window runs off the UI thread; long steps report to a {@link Progress} and stop at the next step
 * when it is cancelled (a thread inside H2 is never interrupted).
 */
public final class BackupService {

    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);

    public static final String FOLDER = "backups";
    public static final String KEEP_DAILY = "backup.keep.daily";
    public static final String KEEP_WEEKLY = "backup.keep.weekly";
    public static final String KEEP_MONTHLY = "backup.keep.monthly";
    public static final String KEEP_EXIT = "backup.keep.exit";
    /** "false" turns the backup at window close off. */
    public static final String AT_EXIT = "backup.atExit";
    /** "false" turns the daily backup off. */
    public static final String DAILY = "backup.daily";
    public static final String ZIP = ".zip";
    /** The portable, password-protected backup. */
    public static final String ENCRYPTED = ".tlbak";

    static final String DB_ENTRY = "ledger.mv.db";
    private static final String VERIFIED_FILE = "verified.properties";
    /** Key in {@link #VERIFIED_FILE}: "version,file" of the newest backup known to hold the ledger's store version. */
    private static final String COPIED_KEY = "ledger.storeVersion";
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile(
            "ledger-(\\d{8}-\\d{6})-([a-z]+(?:-[a-z]+)*?)(?:-(\\d+))?(\\.zip|\\.tlbak)");
    private static final int BUFFER = 1 << 16;

    private final Path dataDir;
    private final Clock clock;
    private volatile Database db;
    /** Tests make a restore fail between closing the ledger and moving the copy in. */
    Runnable beforeSwap = () -> { };

    private BackupService(Path dataDir, Database db, Clock clock) {
        this.dataDir = dataDir.toAbsolutePath();
        this.db = db;
        this.clock = clock;
    }

    /** Backups of an open ledger. */
    public static BackupService forLedger(Database db, Clock clock) {
        return new BackupService(db.dataDir(), db, clock);
    }

    /** Backups of the ledger in {@code dataDir} while it is not open (list, verify, restore, a damaged ledger). */
    public static BackupService forDataDir(Path dataDir, Clock clock) {
        return new BackupService(dataDir, null, clock);
    }

    /** {@code <data-dir>/backups}. */
    public Path folder() {
        return dataDir.resolve(FOLDER);
    }

    /** True while this service holds an open ledger (a restore closes it). */
    public boolean ledgerOpen() {
        return db != null;
    }

    // ---- create ----------------------------------------------------------------------------------------------

    /**
     * A manual backup of the open ledger into {@code out}, or into the backups folder when {@code out} is null.
     * With a password it is encrypted (portable; {@code .tlbak} in the folder).
     */
    public BackupInfo create(Path out, char[] password, Progress progress) {
        Path target = out != null ? out.toAbsolutePath()
                : newName(BackupKind.MANUAL, password != null ? ENCRYPTED : ZIP);
        return write(target, BackupKind.MANUAL, password, progress);
    }

    /** A manual, unencrypted backup. */
    public BackupInfo create(Path out, Progress progress) {
        return create(out, null, progress);
    }

    /**
     * The daily backup when none was made today (and the setting {@code backup.daily} is not "false"), then the
     * rotation. The first of a month is kept as the monthly backup, the first of an ISO week as the weekly one.
     */
    public Optional<BackupInfo> dailyIfDue(Progress progress) {
        Settings s = settings();
        if (!s.daily) {
            return Optional.empty();
        }
        removeLeftovers();
        LocalDateTime now = LocalDateTime.now(clock);
        List<BackupInfo> periodic = list().stream()
                .filter(b -> b.kind() == BackupKind.DAILY || b.kind() == BackupKind.WEEKLY
                        || b.kind() == BackupKind.MONTHLY)
                .toList();
        if (periodic.stream().anyMatch(b -> b.created().toLocalDate().equals(now.toLocalDate()))) {
            return Optional.empty();
        }
        BackupKind kind = periodicKind(now.toLocalDate(), periodic);
        BackupInfo made = write(newName(kind, ZIP), kind, null, progress);
        rotate();
        return Optional.of(made);
    }

    /** The backup when the window closes (unless {@code backup.atExit} is "false"), then the rotation. */
    public Optional<BackupInfo> atExit(Progress progress) {
        if (!settings().atExit) {
            return Optional.empty();
        }
        Optional<Path> same = unchangedSince();
        if (same.isPresent()) {
            // A county ledger takes a minute to back up; closing after only reading it should not.
            LOG.info("No backup at exit: the ledger is unchanged since {}", same.get().getFileName());
            return Optional.empty();
        }
        BackupInfo made = write(newName(BackupKind.EXIT, ZIP), BackupKind.EXIT, null, progress);
        rotate();
        return Optional.of(made);
    }

    static BackupKind periodicKind(LocalDate today, List<BackupInfo> periodic) {
        boolean monthDone = periodic.stream().anyMatch(b -> b.kind() == BackupKind.MONTHLY
                && b.created().getYear() == today.getYear() && b.created().getMonth() == today.getMonth());
        if (!monthDone) {
            return BackupKind.MONTHLY;
        }
        boolean weekDone = periodic.stream().anyMatch(b -> b.kind() == BackupKind.WEEKLY
                && b.created().get(IsoFields.WEEK_BASED_YEAR) == today.get(IsoFields.WEEK_BASED_YEAR)
                && b.created().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return weekDone ? BackupKind.DAILY : BackupKind.WEEKLY;
    }

    private BackupInfo write(Path target, BackupKind kind, char[] password, Progress progress) {
        if (db == null) {
            throw new IllegalStateException("no open ledger to back up");
        }
        OffsetDateTime started = OffsetDateTime.now(clock);
        Path work = workFolder();
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Phases phases = new Phases(progress, 5);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            // 1. H2's consistent copy, taken while the ledger stays open.
            Path h2zip = work.resolve("h2-backup.zip");
            // The checkpoint first writes what the open left pending, so that an equal store version before and
            // after the copy proves no save went in meanwhile: the copy then holds exactly that version.
            // (A ledger opened read-only to be kept before a restore cannot take a checkpoint; it is not tracked.)
            boolean tracked = !db.readOnly();
            if (tracked) {
                db.checkpoint();
            }
            long before = tracked ? db.storeVersion() : -1;
            db.dsl().execute("BACKUP TO " + DSL.inline(h2zip.toString()));
            long copied = tracked && db.storeVersion() == before ? before : -1;
            phases.next();
            // 2. Unpack it, hashing the database file.
            Path copyDir = Files.createDirectories(work.resolve("copy"));
            Path copy = Database.ledgerFile(copyDir);
            Digest digest;
            try (ZipInputStream zin = new ZipInputStream(new BufferedInputStream(Files.newInputStream(h2zip)))) {
                if (!seek(zin, DB_ENTRY)) {
                    throw new IOException("H2's backup has no " + DB_ENTRY);
                }
                digest = copyHashing(zin, copy, Files.size(h2zip) * 4, phases.sub());
            }
            Files.delete(h2zip);
            phases.next();
            // 3. Read the copy: every row of every table, as verify will.
            BackupManifest manifest;
            try (Database copyDb = Database.openReadOnly(copyDir)) {
                SortedMap<String, Integer> rows = copyDb.readEveryTable();
                String township = new SettingsStore(copyDb.dsl()).get(SettingsStore.TOWNSHIP).orElse("");
                manifest = new BackupManifest(BackupManifest.FORMAT, started, kind,
                        Integer.parseInt(copyDb.schemaVersion()), township, digest.sha256, digest.size, rows);
            }
            phases.next();
            checkCancelled(progress);
            // 4. The backup zip: manifest first, then the database file.
            Path zip = password == null ? part : work.resolve("backup.zip");
            try (OutputStream raw = new FileOutputStream(zip.toFile());
                 ZipOutputStream zout = new ZipOutputStream(new BufferedOutputStream(raw, BUFFER))) {
                zout.setLevel(Deflater.BEST_SPEED);
                zout.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
                manifest.write(zout);
                zout.closeEntry();
                zout.putNextEntry(new ZipEntry(DB_ENTRY));
                try (InputStream in = Files.newInputStream(copy)) {
                    copy(in, zout, null, digest.size, phases.sub());
                }
                zout.closeEntry();
                zout.finish();
                zout.flush();
                ((FileOutputStream) raw).getFD().sync();
            }
            phases.next();
            if (password != null) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(zip), BUFFER);
                     FileOutputStream raw = new FileOutputStream(part.toFile());
                     OutputStream out = new BufferedOutputStream(raw, BUFFER)) {
                    BackupCrypto.encrypt(in, out, password, Files.size(zip), phases.sub());
                    out.flush();
                    raw.getFD().sync();
                }
            }
            // 5. Read the written file back (the zip's database entry against the manifest), then put it in place.
            checkWritten(part, password, manifest);
            moveAtomically(part, target);
            phases.next();
            if (isInFolder(target)) {
                markVerified(target);
                rememberCopied(target, copied);
            }
            LOG.info("Backup {} written: {} bytes, {} tables", target, Files.size(target), manifest.rows().size());
            return info(target, true);
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.get("backup.writeFailed", target, reason(e)), e);
        } finally {
            deleteQuietly(part);
            deleteTree(work);
        }
    }

    private void checkWritten(Path file, char[] password, BackupManifest expected) throws IOException {
        Path work = workFolder();
        try {
            Path zip = file;
            if (password != null) {
                zip = work.resolve("check.zip");
                decryptTo(file, password, zip, Progress.NONE);
            }
            try (ZipInputStream zin = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip)))) {
                if (!seek(zin, DB_ENTRY)) {
                    throw new IOException("written backup has no " + DB_ENTRY);
                }
                Digest d = copyHashing(zin, null, expected.size(), Progress.NONE);
                if (!d.sha256.equals(expected.sha256()) || d.size != expected.size()) {
                    throw new IOException("written backup differs from the copy");
                }
            }
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Work folders and half-written {@code .part} files left by a backup the program did not finish (the power went
     * off, the window was closed during the daily backup): older than an hour, so no running backup is touched.
     */
    private void removeLeftovers() {
        long hourAgo = clock.millis() - 3_600_000L;
        for (Path folder : List.of(dataDir, folder())) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    boolean leftover = name.startsWith(".backup-work-") || (folder.equals(folder())
                            && name.endsWith(".part"));
                    if (leftover && Files.getLastModifiedTime(f).toMillis() < hourAgo) {
                        LOG.info("Removing an unfinished backup's leftover {}", f);
                        deleteTree(f);
                    }
                }
            } catch (IOException e) {
                LOG.warn("Cannot look for leftovers in {}: {}", folder, e.getMessage());
            }
        }
    }

    // ---- list and rotation --------------------------------------------------------------------------------------

    /** The backups in the backups folder, newest first. */
    public List<BackupInfo> list() {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<BackupInfo> all = new ArrayList<>();
        Properties verified = readVerified();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                if (NAME.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)) {
                    all.add(info(f, verified));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.sort(Comparator.comparing(BackupInfo::created).thenComparing(b -> b.file().getFileName().toString())
                .reversed());
        return all;
    }

    /** Deletes automatic backups beyond the numbers the settings keep; returns the files deleted. */
    public List<Path> rotate() {
        Settings s = settings();
        List<Path> deleted = new ArrayList<>();
        Map<BackupKind, Integer> keep = Map.of(BackupKind.DAILY, s.keepDaily, BackupKind.WEEKLY, s.keepWeekly,
                BackupKind.MONTHLY, s.keepMonthly, BackupKind.EXIT, s.keepExit);
        Map<BackupKind, Integer> seen = new java.util.EnumMap<>(BackupKind.class);
        for (BackupInfo b : list()) {
            if (!b.kind().automatic()) {
                continue;
            }
            int n = seen.merge(b.kind(), 1, Integer::sum);
            if (n > keep.get(b.kind())) {
                try {
                    Files.deleteIfExists(b.file());
                    deleted.add(b.file());
                } catch (IOException e) {
                    LOG.warn("Cannot delete old backup {}: {}", b.file(), e.getMessage());
                }
            }
        }
        if (!deleted.isEmpty()) {
            LOG.info("Rotation deleted {} old backup(s)", deleted.size());
            forgetVerified(deleted);
        }
        return deleted;
    }

    // ---- verify -----------------------------------------------------------------------------------------------

    /** True when {@code file} is an encrypted backup (its password is needed to verify or restore it). */
    public static boolean isEncrypted(Path file) {
        return BackupCrypto.isEncrypted(file);
    }

    /**
     * Checks a backup without trusting it: unpacks it into a work folder, checks the SHA-256 and size of the database
     * file against the manifest, opens the copy read-only, checks its schema version (not newer than this program)
     * and reads every row of every table against the manifest's counts. A damaged, cut-off or foreign file is
     * refused with an {@link InvalidInputException} saying so; {@code password} is needed for an encrypted backup.
     */
    public BackupManifest verify(Path file, char[] password, Progress progress) {
        Path work = workFolder();
        try {
            BackupManifest m = verifyInto(file, password, work, progress);
            if (isInFolder(file)) {
                markVerified(file);
            }
            return m;
        } finally {
            deleteTree(work);
        }
    }

    /** The newest backup in the folder that passes {@link #verify} (encrypted ones are skipped), if any. */
    public Optional<BackupInfo> newestGood() {
        for (BackupInfo b : list()) {
            if (b.encrypted()) {
                continue;
            }
            try {
                verify(b.file(), null, Progress.NONE);
                return Optional.of(info(b.file(), readVerified()));
            } catch (InvalidInputException e) {
                LOG.warn("Backup {} is not usable: {}", b.file(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    private BackupManifest verifyInto(Path file, char[] password, Path work, Progress progress) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(Messages.get("backup.notFound", file));
        }
        Phases phases = new Phases(progress, 3);
        Path zip = file;
        try {
            if (BackupCrypto.isEncrypted(file)) {
                if (password == null) {
                    throw new PasswordNeededException(Messages.get("backup.passwordNeeded", file));
                }
                zip = work.resolve("backup.zip");
                decryptTo(file, password, zip, phases.sub());
            }
            phases.next();
            BackupManifest manifest;
            Path copyDir = Files.createDirectories(work.resolve("copy"));
            Path copy = Database.ledgerFile(copyDir);
            try (ZipFile zf = new ZipFile(zip.toFile())) {
                ZipEntry me = zf.getEntry(BackupManifest.ENTRY);
                ZipEntry de = zf.getEntry(DB_ENTRY);
                if (me == null || de == null) {
                    throw refused(file, Messages.get("backup.reason.notBackup"));
                }
                try (InputStream in = zf.getInputStream(me)) {
                    manifest = BackupManifest.read(in);
                }
                if (manifest.schemaVersion() > Database.SCHEMA_VERSION) {
                    throw new InvalidInputException(Messages.get("backup.tooNew", file, manifest.schemaVersion(),
                            Database.SCHEMA_VERSION));
                }
                Digest d;
                try (InputStream in = zf.getInputStream(de)) {
                    d = copyHashing(in, copy, manifest.size(), phases.sub());
                }
                if (d.size != manifest.size() || !d.sha256.equals(manifest.sha256())) {
                    throw refused(file, Messages.get("backup.reason.checksum"));
                }
            }
            phases.next();
            try (Database copyDb = Database.openReadOnly(copyDir)) {
                int schema = Integer.parseInt(copyDb.schemaVersion());
                if (schema != manifest.schemaVersion()) {
                    throw refused(file, Messages.get("backup.reason.schema", schema, manifest.schemaVersion()));
                }
                SortedMap<String, Integer> rows = copyDb.readEveryTable();
                if (!rows.equals(manifest.rows())) {
                    throw refused(file, Messages.get("backup.reason.counts"));
                }
            } catch (LedgerUnavailableException | IllegalStateException | org.jooq.exception.DataAccessException e) {
                throw refused(file, Messages.get("backup.reason.unreadable"));
            }
            phases.next();
            return manifest;
        } catch (ZipException | java.io.EOFException e) {
            throw refused(file, Messages.get("backup.reason.zip"));
        } catch (IOException e) {
            if (Files.isRegularFile(file) && e.getClass() == IOException.class) {
                // Our own readers' words for a cut-off or altered file (manifest, encrypted chunks).
                throw refused(file, Messages.get("backup.reason.zip"));
            }
            throw new UncheckedIOException(Messages.get("backup.readFailed", file, reason(e)), e);
        }
    }

    private static InvalidInputException refused(Path file, String why) {
        return new InvalidInputException(Messages.get("backup.damaged", file, why));
    }

    private static void decryptTo(Path file, char[] password, Path zip, Progress progress) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip), BUFFER)) {
            BackupCrypto.decrypt(in, out, password, Files.size(file), progress);
        }
    }

    // ---- restore ----------------------------------------------------------------------------------------------

    /**
     * What a restore did.
     *
     * @param restored the manifest of the backup now in place
     * @param keptAs   where the ledger that was replaced went (a backup zip, or a raw copy of a damaged file), or
     *                 null when there was none
     */
    public record Restored(BackupManifest restored, Path keptAs) {
    }

    /**
     * Replaces the ledger by a backup: verifies it, keeps the current ledger as a backup (a damaged one as a raw
     * copy), closes the ledger and moves the checked copy over the ledger file atomically. The ledger is closed
     * afterwards (open it again); a failure before the move leaves the old ledger unchanged. A ledger open in
     * another process is refused ({@link LedgerUnavailableException}, BUSY).
     */
    public Restored restore(Path file, char[] password, Progress progress) {
        Path work = workFolder();
        Phases phases = new Phases(progress, 3);
        try {
            BackupManifest manifest = verifyInto(file, password, work, phases.sub());
            phases.next();
            checkCancelled(progress);
            Path kept = keepCurrent(phases.sub());
            phases.next();
            checkCancelled(progress);
            Path copy = Database.ledgerFile(work.resolve("copy"));
            closeLedger();
            beforeSwap.run();
            moveAtomically(copy, Database.ledgerFile(dataDir));
            rememberCopied(null, -1);
            phases.next();
            LOG.info("Ledger {} restored from {} (kept the old one as {})", Database.ledgerFile(dataDir), file, kept);
            return new Restored(manifest, kept);
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.get("backup.restoreFailed", reason(e)), e);
        } finally {
            deleteTree(work);
        }
    }

    /** Backs the current ledger up before it is replaced; a damaged one is copied as it is. */
    private Path keepCurrent(Progress progress) throws IOException {
        Path ledger = Database.ledgerFile(dataDir);
        if (db != null) {
            return write(newName(BackupKind.BEFORE_RESTORE, ZIP), BackupKind.BEFORE_RESTORE, null, progress).file();
        }
        if (!Files.exists(ledger)) {
            return null;
        }
        Database current;
        try {
            current = Database.openReadOnly(dataDir);
        } catch (LedgerUnavailableException e) {
            if (e.reason() == LedgerUnavailableException.Reason.BUSY) {
                throw e;
            }
            return keepRaw(ledger);
        } catch (RuntimeException e) {
            return keepRaw(ledger);
        }
        db = current;
        try {
            return write(newName(BackupKind.BEFORE_RESTORE, ZIP), BackupKind.BEFORE_RESTORE, null, progress).file();
        } catch (RuntimeException e) {
            LOG.warn("Cannot back the current ledger up before restoring; keeping a raw copy", e);
            closeLedger();
            return keepRaw(ledger);
        }
    }

    private Path keepRaw(Path ledger) throws IOException {
        Files.createDirectories(folder());
        Path raw = folder().resolve("ledger-" + NAME_TIME.format(LocalDateTime.now(clock)) + "-damaged.mv.db");
        Files.copy(ledger, raw, StandardCopyOption.REPLACE_EXISTING);
        return raw;
    }

    private void closeLedger() {
        if (db == null) {
            return;
        }
        try {
            // Every connection at once, even one a screen still holds: the file is replaced next.
            db.dsl().execute("SHUTDOWN");
        } catch (RuntimeException e) {
            // H2 reports "database is already closed" on the statement that closed it.
            LOG.debug("SHUTDOWN before restore: {}", e.getMessage());
        }
        db.close();
        db = null;
    }

    // ---- settings ---------------------------------------------------------------------------------------------

    /** The rotation and automatic-backup settings, with their defaults when the ledger is not open. */
    record Settings(int keepDaily, int keepWeekly, int keepMonthly, int keepExit, boolean daily, boolean atExit) {
    }

    Settings settings() {
        Map<String, String> v = db == null ? Map.of() : new SettingsStore(db.dsl())
                .getAll(List.of(KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY, KEEP_EXIT, DAILY, AT_EXIT));
        return new Settings(count(v, KEEP_DAILY, 7), count(v, KEEP_WEEKLY, 4), count(v, KEEP_MONTHLY, 12),
                count(v, KEEP_EXIT, 5), !"false".equalsIgnoreCase(v.getOrDefault(DAILY, "true").trim()),
                !"false".equalsIgnoreCase(v.getOrDefault(AT_EXIT, "true").trim()));
    }

    private static int count(Map<String, String> v, String key, int fallback) {
        try {
            return Math.max(0, Integer.parseInt(v.getOrDefault(key, Integer.toString(fallback)).trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    // ---- files ------------------------------------------------------------------------------------------------

    private Path newName(BackupKind kind, String suffix) {
        String base = "ledger-" + NAME_TIME.format(LocalDateTime.now(clock)) + "-" + kind.code();
        Path f = folder().resolve(base + suffix);
        for (int i = 2; Files.exists(f); i++) {
            f = folder().resolve(base + "-" + i + suffix);
        }
        return f;
    }

    private boolean isInFolder(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null && parent.equals(folder().normalize());
    }

    private BackupInfo info(Path file, boolean verified) {
        BackupInfo i = info(file, readVerified());
        return verified == i.verified() ? i : new BackupInfo(i.file(), i.created(), i.kind(), i.size(),
                i.encrypted(), verified, i.manifest());
    }

    private BackupInfo info(Path file, Properties verified) {
        String name = file.getFileName().toString();
        Matcher m = NAME.matcher(name);
        boolean encrypted = BackupCrypto.isEncrypted(file);
        BackupManifest manifest = encrypted ? null : readManifest(file);
        LocalDateTime created;
        BackupKind kind;
        if (m.matches() && BackupKind.ofCode(m.group(2)) != null) {
            created = LocalDateTime.parse(m.group(1), NAME_TIME);
            kind = BackupKind.ofCode(m.group(2));
        } else if (manifest != null) {
            created = manifest.created().atZoneSameInstant(clock.getZone()).toLocalDateTime();
            kind = manifest.kind();
        } else {
            created = LocalDateTime.ofInstant(lastModified(file), clock.getZone());
            kind = BackupKind.MANUAL;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        return new BackupInfo(file, created, kind, size, encrypted, stamp(file).equals(verified.getProperty(name)),
                manifest);
    }

    private static java.time.Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return java.time.Instant.EPOCH;
        }
    }

    /** The manifest of an unencrypted backup, or null when it cannot be read. */
    static BackupManifest readManifest(Path file) {
        try (ZipFile zf = new ZipFile(file.toFile())) {
            ZipEntry e = zf.getEntry(BackupManifest.ENTRY);
            if (e == null) {
                return null;
            }
            try (InputStream in = zf.getInputStream(e)) {
                return BackupManifest.read(in);
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** Size and time of last change: a verified mark holds while both are unchanged. */
    private static String stamp(Path file) {
        try {
            return Files.size(file) + "," + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "";
        }
    }

    private Properties readVerified() {
        Properties p = new Properties();
        Path f = folder().resolve(VERIFIED_FILE);
        if (Files.isRegularFile(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Cannot read {}: {}", f, e.getMessage());
            }
        }
        return p;
    }

    private synchronized void markVerified(Path file) {
        Properties p = readVerified();
        p.setProperty(file.getFileName().toString(), stamp(file));
        writeVerified(p);
    }

    /** Notes which backup in the folder holds which store version of the ledger (none: -1). */
    private synchronized void rememberCopied(Path backup, long version) {
        Properties p = readVerified();
        if (backup == null || version < 0) {
            p.remove(COPIED_KEY);
        } else {
            p.setProperty(COPIED_KEY, version + "," + backup.getFileName());
        }
        writeVerified(p);
    }

    /** The backup in the folder that holds the ledger as it is now, still there and unchanged since it was checked. */
    private Optional<Path> unchangedSince() {
        Properties verified = readVerified();
        String[] copied = verified.getProperty(COPIED_KEY, "").split(",", 2);
        if (copied.length < 2) {
            return Optional.empty();
        }
        Path backup = folder().resolve(copied[1]);
        try {
            boolean same = Long.parseLong(copied[0]) == db.storeVersion() && Files.isRegularFile(backup)
                    && stamp(backup).equals(verified.getProperty(copied[1]));
            return same ? Optional.of(backup) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private synchronized void forgetVerified(List<Path> files) {
        Properties p = readVerified();
        files.forEach(f -> p.remove(f.getFileName().toString()));
        writeVerified(p);
    }

    private void writeVerified(Properties p) {
        Path f = folder().resolve(VERIFIED_FILE);
        Path tmp = folder().resolve(VERIFIED_FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            java.io.Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            p.store(w, "backups checked since they were written: size,lastModified");
            w.flush();
        } catch (IOException e) {
            LOG.warn("Cannot write {}: {}", tmp, e.getMessage());
            return;
        }
        try {
            moveAtomically(tmp, f);
        } catch (IOException e) {
            LOG.warn("Cannot write {}: {}", f, e.getMessage());
        }
    }

    /** A fresh work folder inside the data folder (same disk as the ledger, so the final move is a rename). */
    private Path workFolder() {
        try {
            Files.createDirectories(dataDir);
            return Files.createTempDirectory(dataDir, ".backup-work-");
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.get("backup.writeFailed", dataDir, reason(e)), e);
        }
    }

    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Another disk (a backup written straight to a USB stick): not a rename, but the .part file is whole.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", f, e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(BackupService::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", dir, e.getMessage());
        }
    }

    private static boolean seek(ZipInputStream zin, String name) throws IOException {
        for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
            if (e.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private record Digest(String sha256, long size) {
    }

    /** Copies {@code in} to {@code target} (null: nowhere), returning its SHA-256 and length. */
    private static Digest copyHashing(InputStream in, Path target, long total, Progress progress) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long n;
        if (target == null) {
            n = copy(in, OutputStream.nullOutputStream(), sha, total, progress);
        } else {
            try (FileOutputStream raw = new FileOutputStream(target.toFile());
                 OutputStream out = new BufferedOutputStream(raw, BUFFER)) {
                n = copy(in, out, sha, total, progress);
                out.flush();
                raw.getFD().sync();
            }
        }
        return new Digest(HexFormat.of().formatHex(sha.digest()), n);
    }

    private static long copy(InputStream in, OutputStream out, MessageDigest sha, long total, Progress progress)
            throws IOException {
        byte[] buffer = new byte[BUFFER];
        long done = 0;
        long lastCheck = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (sha != null) {
                sha.update(buffer, 0, n);
            }
            done += n;
            if (done - lastCheck >= (1 << 20)) {
                lastCheck = done;
                checkCancelled(progress);
                progress.worked(done, Math.max(total, done));
            }
        }
        return done;
    }

    private static void checkCancelled(Progress progress) {
        if (progress.cancelled()) {
            throw new CancelledException();
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Messages.get("backup.reason.noSuchFile", e.getMessage());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Maps the steps of one piece of work onto one progress bar. */
    private static final class Phases {
        private static final long SCALE = 1000;
        private final Progress outer;
        private final int count;
        private int done;

        Phases(Progress outer, int count) {
            this.outer = outer;
            this.count = count;
        }

        void next() {
            done++;
            outer.worked(done * SCALE, count * SCALE);
        }

        /** Progress within the current step. */
        Progress sub() {
            return new Progress() {
                @Override
                public void worked(long d, long total) {
                    long within = total > 0 ? Math.min(SCALE, d * SCALE / total) : 0;
                    outer.worked(done * SCALE + within, count * SCALE);
                }

                @Override
                public boolean cancelled() {
                    return outer.cancelled();
                }
            };
        }
    }
}
