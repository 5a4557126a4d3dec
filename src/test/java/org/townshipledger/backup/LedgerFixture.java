package org.townshipledger.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.Record;
import org.townshipledger.db.Database;
import org.townshipledger.demo.DemoData;
import org.townshipledger.demo.DemoScale;

/** A demo ledger made once and copied into each test's folder, and a hash of every table's contents. */
final class LedgerFixture {

    private static Path demo;

    private LedgerFixture() {
    }

    /** A copy of the township demo ledger (seed 3) in {@code dataDir}. */
    static synchronized void copyDemoInto(Path dataDir) {
        try {
            if (demo == null) {
                demo = Files.createTempDirectory("backup-demo");
                DemoData.create(demo, DemoScale.TOWNSHIP, 3);
                demo.toFile().deleteOnExit();
            }
            Files.createDirectories(dataDir);
            Files.copy(Database.ledgerFile(demo), Database.ledgerFile(dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every table's rows (as text, sorted) hashed: equal maps mean equal contents, row for row. */
    static SortedMap<String, String> tableHashes(Database db) {
        SortedMap<String, String> hashes = new TreeMap<>();
        for (String table : db.readEveryTable().keySet()) {
            List<String> rows = new ArrayList<>();
            for (Record r : db.dsl().fetch("SELECT * FROM \"" + table + "\"")) {
                rows.add(java.util.Arrays.deepToString(r.intoArray()));
            }
            rows.sort(null);
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                rows.forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
                hashes.put(table, rows.size() + ":" + HexFormat.of().formatHex(sha.digest()));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return hashes;
    }

    static SortedMap<String, String> tableHashes(Path dataDir) {
        try (Database db = Database.open(dataDir)) {
            return tableHashes(db);
        }
    }
}
