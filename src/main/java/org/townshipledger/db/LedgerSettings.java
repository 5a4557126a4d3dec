package org.townshipledger.db;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;

/**
 * The ledger's own settings: whose ledger it is and which year the office is working on.
 * Printouts use the preparer and reviewer names (制表人 / 审核人).
 */
public record LedgerSettings(String township, String county, int workingYear, String preparer, String reviewer) {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    public LedgerSettings {
        township = township == null ? "" : township.strip();
        county = county == null ? "" : county.strip();
        preparer = preparer == null ? "" : preparer.strip();
        reviewer = reviewer == null ? "" : reviewer.strip();
    }

    public static LedgerSettings of(String township, String county, int workingYear) {
        return new LedgerSettings(township, county, workingYear, "", "");
    }

    public static int currentYear() {
        return Year.now().getValue();
    }

    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (township.isEmpty()) {
            problems.add(Problem.onField(Messages.get("settings.township"), Messages.get("validation.required")));
        } else if (township.length() > 50) {
            problems.add(Problem.onField(Messages.get("settings.township"), Messages.get("validation.tooLong", 50)));
        }
        if (county.length() > 50) {
            problems.add(Problem.onField(Messages.get("settings.county"), Messages.get("validation.tooLong", 50)));
        }
        if (workingYear < MIN_YEAR || workingYear > MAX_YEAR) {
            problems.add(Problem.onField(Messages.get("settings.year"),
                    Messages.get("validation.yearRange", MIN_YEAR, MAX_YEAR)));
        }
        return problems;
    }
}
