package org.townshipledger.app;

import java.time.Clock;
import org.townshipledger.backup.BackupService;
import org.townshipledger.cadre.CadreBins;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.common.BinRegister;
import org.townshipledger.household.HouseholdBin;
import org.townshipledger.pairing.PairingBin;
import org.townshipledger.village.VillageBin;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.grading.GradeBin;
import org.townshipledger.grading.GradingService;
import org.townshipledger.grading.ReviewBin;
import org.townshipledger.grading.StarBin;
import org.townshipledger.report.ReportService;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.ui.FileDialogs;
import org.townshipledger.ui.FxTaskExecutor;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.VillageService;
import org.townshipledger.visit.HelpBin;
import org.townshipledger.visit.ProblemBin;
import org.townshipledger.visit.VisitBin;
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
    final GradingService grading;
    final BackupService backups;
    final VisitService visits;
    final FxTaskExecutor executor = new FxTaskExecutor();
    final StatusBarModel status = new StatusBarModel();
    final Clock clock = Clock.systemDefaultZone();
    /** The file dialogs of the import and export buttons (answered by screen tests without a native dialog). */
    final FileDialogs files;

    /**
     * Every register's part of the 回收站. A new register (visits, grading...) adds its {@link BinRegister} here;
     * the recycle bin screen needs nothing else.
     */
    java.util.List<BinRegister> binRegisters() {
        java.util.List<BinRegister> all = new java.util.ArrayList<>();
        all.add(new VillageBin(villages));
        all.add(new HouseholdBin(households));
        all.addAll(CadreBins.of(cadres));
        all.add(new PairingBin(pairings));
        all.add(new VisitBin(visits));
        all.add(new ProblemBin(visits));
        all.add(new HelpBin(visits));
        all.add(new GradeBin(grading));
        all.add(new ReviewBin(grading));
        all.add(new StarBin(grading));
        return all;
    }

    AppContext(Database database, FileDialogs files) {
        this.database = database;
        this.files = files;
        this.settings = new SettingsStore(database.dsl());
        this.villages = new VillageService(database, settings, clock);
        this.cadres = new CadreService(database, villages, settings, clock);
        this.reports = ReportService.forLedger(database, clock);
        this.households = new HouseholdService(database, villages, settings, clock);
        this.pairings = new PairingService(database, cadres, villages, settings, clock);
        this.grading = new GradingService(database, cadres, settings, clock);
        this.backups = BackupService.forLedger(database, clock);
        this.visits = new VisitService(database, cadres, households, villages, settings, clock);
    }

    /** Lets pending saves finish, then closes the ledger. */
    @Override
    public void close() {
        executor.close();
        database.close();
    }
}
