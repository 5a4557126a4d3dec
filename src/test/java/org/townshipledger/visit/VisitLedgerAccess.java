package org.townshipledger.visit;

import java.nio.file.Path;
import java.time.Clock;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.household.Household;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/** The visit tests' small ledger for tests of other packages (the sheets): today is 2026-06-30. */
public final class VisitLedgerAccess implements AutoCloseable {

    private final VisitLedger ledger;

    public VisitLedgerAccess(Path dir) {
        ledger = new VisitLedger(dir);
    }

    public VisitService visits() {
        return ledger.visits;
    }

    public PairingService pairings() {
        return ledger.pairings;
    }

    public SettingsStore settings() {
        return ledger.settings;
    }

    public VillageService villages() {
        return ledger.villages;
    }

    public Clock clock() {
        return ledger.clock;
    }

    public Village village(String name) {
        return ledger.village(name);
    }

    public Cadre cadre(String name) {
        return ledger.cadre(name);
    }

    public Household household(Village v, String head) {
        return ledger.household(v, head);
    }

    @Override
    public void close() {
        ledger.close();
    }
}
