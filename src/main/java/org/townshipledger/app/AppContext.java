package org.townshipledger.app;

import java.time.Clock;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.report.ReportService;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.ui.FileDialogs;
import org.townshipledger.ui.FxTaskExecutor;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.VillageService;
import org.townshipledger.visit.VisitService;

/** The application's parts, wired by hand in one place. One per open ledger. */
final class AppContext implements AutoCloseable {

    final Database database;
    final SettingsStore settings;
    final VillageService villages;
    final CadreService cadres;
    final ReportService reports;
    final HouseholdService households;
    final PairingService pairings;
    final VisitService visits;
    final FxTaskExecutor executor = new FxTaskExecutor();
    final StatusBarModel status = new StatusBarModel();
    final Clock clock = Clock.systemDefaultZone();
    /** The file dialogs of the import and export buttons (answered by screen tests without a native dialog). */
    final FileDialogs files;

    AppContext(Database database, FileDialogs files) {
        this.database = database;
        this.files = files;
        this.settings = new SettingsStore(database.dsl());
        this.villages = new VillageService(database, settings, clock);
        this.cadres = new CadreService(database, villages, settings, clock);
        this.reports = ReportService.forLedger(database, clock);
        this.households = new HouseholdService(database, villages, settings, clock);
        this.pairings = new PairingService(database, cadres, villages, settings, clock);
        this.visits = new VisitService(database, cadres, households, villages, settings, clock);
    }

    /** Lets pending saves finish, then closes the ledger. */
    @Override
    public void close() {
        executor.close();
        database.close();
    }
}
