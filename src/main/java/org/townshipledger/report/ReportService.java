package org.townshipledger.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/** The printouts: which sheets there are, and writing one as PDF or .xlsx with the same rows. */
public final class ReportService {

    /** The setting naming the font file for PDFs (a path; ",0" picks the first face of a .ttc). */
    public static final String FONT_SETTING = "print.font";

    private final SettingsStore settings;
    private final VillageService villages;
    private final List<ReportSheet> sheets;
    private final Clock clock;

    public ReportService(SettingsStore settings, VillageService villages, List<ReportSheet> sheets, Clock clock) {
        this.settings = settings;
        this.villages = villages;
        this.sheets = List.copyOf(sheets);
        this.clock = clock;
    }

    /** Every sheet this program prints, over the services of an open ledger. */
    public static ReportService forLedger(Database db, Clock clock) {
        SettingsStore settings = new SettingsStore(db.dsl());
        VillageService villages = new VillageService(db, settings, clock);
        CadreService cadres = new CadreService(db, villages, settings, clock);
        HouseholdService households = new HouseholdService(db, villages, settings, clock);
        PairingService pairings = new PairingService(db, cadres, villages, settings, clock);
        org.townshipledger.grading.GradingService grading = new org.townshipledger.grading.GradingService(db, cadres,
                settings, clock);
        org.townshipledger.visit.VisitService visits = new org.townshipledger.visit.VisitService(db, cadres,
                households, villages, settings, clock);
        return new ReportService(settings, villages, List.of(new VillagesSheet(villages),
                new HouseholdRegisterSheet(households), new CadreRosterSheet(cadres, clock),
                new ReserveCadresSheet(cadres, villages::villages, clock), new PairingRosterSheet(pairings),
                new PairingQuotaSheet(pairings), new GradingSummarySheet(grading), new ReviewResultSheet(grading),
                new VisitLogSheet(visits), new ProblemSheet(visits), new HelpSheet(visits)), clock);
    }

    public List<ReportSheet> sheets() {
        return sheets;
    }

    public ReportSheet sheet(String key) {
        return sheets.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new InvalidInputException(Messages.get("report.error.unknown", key,
                        String.join("、", sheets.stream().map(ReportSheet::key).toList()))));
    }

    public int workingYear() {
        return settings.workingYear();
    }

    public List<Village> villages() {
        return villages.villages();
    }

    /** The village of that name, for {@code --village NAME}. */
    public Village village(String name) {
        return villages.villages().stream().filter(v -> v.name().equals(name.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException(Messages.get("report.error.noVillage", name)));
    }

    /** Title, the line under it, and the 制表人 / 审核人 / 日期 line, from the ledger's settings. */
    public ReportHeader header(ReportSheet sheet, ReportParams params) {
        LedgerSettings s = settings.ledgerSettings();
        String title = Messages.get("report.title", s.township(), sheet.title(), params.year());
        String village = params.villageId() == null ? "" : villages.villages().stream()
                .filter(v -> v.id().equals(params.villageId())).map(Village::name).findFirst().orElse("");
        String subtitle = village.isEmpty() ? s.county() : Messages.get("report.subtitle.village", s.county(), village);
        LocalDate today = LocalDate.now(clock);
        String footer = Messages.get("report.footer", signature(s.preparer()), signature(s.reviewer()),
                Messages.get("report.date", today.getYear(), today.getMonthValue(), today.getDayOfMonth()));
        return new ReportHeader(title, subtitle, footer);
    }

    private static String signature(String name) {
        return name == null || name.isBlank() ? "__________" : name;
    }

    /** Writes the sheet to {@code file}; the file appears whole or not at all. */
    public void write(ReportSheet sheet, ReportParams params, ReportFormat format, Path file, Progress progress)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".report-", ".tmp");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                write(sheet, params, format, out, progress);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public void write(ReportSheet sheet, ReportParams params, ReportFormat format, OutputStream out, Progress progress)
            throws IOException {
        ReportHeader header = header(sheet, params);
        List<Column> columns = sheet.columns(params);
        // The row count only feeds a progress bar; counting the county register is a query of its own.
        int expected = progress == Progress.NONE ? 0 : sheet.expectedRows(params);
        if (format == ReportFormat.PDF) {
            PdfRenderer.write(out, CjkFont.get(settings.get(FONT_SETTING).orElse(null)), header, columns,
                    sink -> sheet.rows(params, sink), expected, progress);
        } else {
            XlsxRenderer.write(out, header, columns, sink -> sheet.rows(params, sink), expected, progress);
        }
    }
}
