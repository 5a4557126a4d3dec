package org.townshipledger.household;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.townshipledger.common.CancelledException;
import org.townshipledger.exchange.TableWriter;

/**
 * Writes households in the import format ({@link HouseholdSheet}), a thousand households at a time so that a
 * county's 100,000 households never sit in memory together. Progress is told after each batch; a cancel asked for
 * is honoured before the next one.
 */
final class HouseholdExport {

    static final int CHUNK = 1000;

    private HouseholdExport() {
    }

    static ExportResult write(Path file, String title, HouseholdRepository repo, ExportOptions options, int year)
            throws IOException {
        List<UUID> ids = repo.idsInListOrder(options.villageId());
        int households = 0;
        int members = 0;
        try (TableWriter.Sink sink = TableWriter.open(file, title, HouseholdSheet.HEADERS)) {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                if (options.progress().cancelled()) {
                    throw new CancelledException(); // the sink is closed unfinished: no file is left
                }
                List<UUID> slice = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                Map<UUID, Household> found = repo.findAllById(slice);
                Map<UUID, HouseholdCheck> checks = repo.checksOf(slice, year);
                Map<UUID, Income> incomes = repo.incomesOf(slice, year);
                for (UUID id : slice) {
                    Household h = found.get(id);
                    if (h == null) {
                        continue; // moved to the recycle bin meanwhile
                    }
                    for (List<String> row : HouseholdSheet.rows(h, checks.get(id), incomes.get(id), options.fullId())) {
                        sink.add(row);
                    }
                    households++;
                    members += h.members().size();
                }
                options.progress().worked(from + slice.size(), ids.size());
            }
            sink.finish();
        }
        return new ExportResult(households, members);
    }
}
