package org.townshipledger.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a backup holds, written into it as {@code manifest.properties} next to {@code ledger.mv.db}: when and why it
 * was made, the schema version of the ledger, the row count of every table, and the SHA-256 and size of the
 * database file, so that {@code verify} can check the copy without trusting it.
 *
 * @param rows rows per table (table name as H2 spells it, e.g. {@code HOUSEHOLD}), Flyway's history included
 */
public record BackupManifest(int format, OffsetDateTime created, BackupKind kind, int schemaVersion,
        String township, String sha256, long size, SortedMap<String, Integer> rows) {

    public static final int FORMAT = 1;
    public static final String ENTRY = "manifest.properties";

    public BackupManifest {
        rows = Collections.unmodifiableSortedMap(new TreeMap<>(rows));
    }

    /** Rows of {@code table} (0 when the backup has no such table). */
    public int rows(String table) {
        return rows.getOrDefault(table, 0);
    }

    /** "村 25 个、农户 2000 户…": the registers' rows in the backup. */
    public String counts() {
        return org.townshipledger.common.Messages.get("backup.counts", rows("VILLAGE"), rows("HOUSEHOLD"),
                rows("HOUSEHOLD_MEMBER"), rows("CADRE"), rows("PAIRING"));
    }

    void write(OutputStream out) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(format));
        p.setProperty("created", created.toString());
        p.setProperty("kind", kind.code());
        p.setProperty("schemaVersion", Integer.toString(schemaVersion));
        p.setProperty("township", township);
        p.setProperty("sha256", sha256);
        p.setProperty("size", Long.toString(size));
        rows.forEach((table, n) -> p.setProperty("rows." + table, Integer.toString(n)));
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        p.store(w, "Township Ledger backup");
        w.flush();
    }

    /** Reads a manifest; a missing or malformed field is an {@link IOException} (the backup is not ours or damaged). */
    static BackupManifest read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            SortedMap<String, Integer> rows = new TreeMap<>();
            for (Map.Entry<Object, Object> e : p.entrySet()) {
                String key = e.getKey().toString();
                if (key.startsWith("rows.")) {
                    rows.put(key.substring(5), Integer.parseInt(e.getValue().toString()));
                }
            }
            BackupKind kind = BackupKind.ofCode(required(p, "kind"));
            String sha = required(p, "sha256");
            if (kind == null || sha.length() != 64) {
                throw new IOException("bad manifest");
            }
            return new BackupManifest(Integer.parseInt(required(p, "format")),
                    OffsetDateTime.parse(required(p, "created")), kind,
                    Integer.parseInt(required(p, "schemaVersion")), p.getProperty("township", ""), sha,
                    Long.parseLong(required(p, "size")), rows);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IOException("bad manifest: " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key) throws IOException {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IOException("manifest without " + key);
        }
        return v.trim();
    }
}
