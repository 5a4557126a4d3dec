package org.townshipledger.household;

import static org.townshipledger.household.HouseholdImportTest.member;
import static org.townshipledger.household.HouseholdImportTest.sheet;
import static org.townshipledger.household.HouseholdImportTest.twoHouseholds;
import static org.townshipledger.household.HouseholdImportTest.with;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.townshipledger.common.IdNumber;

/**
 * Real households .xlsx files for tests outside this package (the import dialog's screen test): two households in
 * 大石村 一组 and 龙泉村 一组, as {@link HouseholdImportTest} builds them.
 */
public final class ImportSheets {

    private ImportSheets() {
    }

    /** Two good households: 张大山 (3 people, A001) and 王强 (2 people, A002). */
    public static Path goodHouseholds(Path file) throws IOException {
        return SheetFiles.xlsx(file, sheet(twoHouseholds()));
    }

    /**
     * The same with two errors: row 3 (李秀英) has her ID as an Excel number, row 5 (王强) a village the ledger does
     * not have.
     */
    public static Path badHouseholds(Path file) throws IOException {
        List<Map<String, Object>> rows = twoHouseholds();
        with(rows.get(1), HouseholdSheet.H_ID, 4.30599197208092E17);
        with(rows.get(3), HouseholdSheet.H_VILLAGE, "白云村");
        return SheetFiles.xlsx(file, sheet(rows));
    }

    /** One household without errors whose head has no risk type and a 之子 older than the head: two warnings. */
    public static Path householdWithWarnings(Path file) throws IOException {
        List<Map<String, Object>> rows = List.of(
                with(with(member("A001", "大石村", "一组", "张大山", HouseholdImportTest.ZHANG, "户主"),
                        HouseholdSheet.H_MONITORING, "脱贫不稳定户"), HouseholdSheet.H_RISK, ""),
                member("A001", "大石村", "一组", "张老大", IdNumber.make("430599", LocalDate.of(1950, 1, 1), 19), "之子"));
        return SheetFiles.xlsx(file, sheet(rows));
    }
}
