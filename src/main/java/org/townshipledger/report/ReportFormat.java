package org.townshipledger.report;

import java.util.Locale;
import java.util.Optional;

/** The two forms a sheet is written in: A4 PDF for meetings, .xlsx for the county. */
public enum ReportFormat {
    PDF, XLSX;

    public static Optional<ReportFormat> parse(String s) {
        return s == null ? Optional.empty() : switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "pdf" -> Optional.of(PDF);
            case "xlsx", "excel" -> Optional.of(XLSX);
            default -> Optional.empty();
        };
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
