import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.townshipledger.common.Page;
import org.townshipledger.db.Database;
import org.townshipledger.household.HouseholdQuery;
import org.townshipledger.household.HouseholdRow;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.village.Village;

/**
 * Benchmark, not part of the build: the households list's first page (50 rows) on a ledger, as the screen asks for
 * it, for a village filter and for searches by name, pinyin initials and ID tail. First call, then the best of 5.
 *
 * <p>{@code java -cp "target/township-ledger.jar:target/lib/*" bench/HouseholdsSearch.java DATA_DIR}
 */
public class HouseholdsSearch {

    public static void main(String[] args) {
        try (Database db = Database.open(Path.of(args[0]))) {
            HouseholdService service = new HouseholdService(db);
            List<Village> villages = service.villages();
            Village village = villages.get(villages.size() / 2);
            HouseholdRow some = service.search(HouseholdQuery.all().withVillage(village.id()), 0, 1).rows().get(0);
            String name = some.headName();
            String tail = some.headIdNumber().substring(14);
            time("village " + village.name(), () -> service.search(HouseholdQuery.all().withVillage(village.id()), 0, 50));
            time("name " + name, () -> service.search(HouseholdQuery.all().withText(name), 0, 50));
            time("surname " + name.substring(0, 1), () -> service.search(HouseholdQuery.all().withText(name.substring(0, 1)), 0, 50));
            time("initials zw", () -> service.search(HouseholdQuery.all().withText("zw"), 0, 50));
            time("ID tail " + tail, () -> service.search(HouseholdQuery.all().withText(tail), 0, 50));
            time("village + name", () -> service.search(HouseholdQuery.all().withVillage(village.id()).withText(name), 0, 50));
        }
    }

    private static void time(String what, Supplier<Page<HouseholdRow>> query) {
        long start = System.nanoTime();
        Page<HouseholdRow> first = query.get();
        double cold = (System.nanoTime() - start) / 1e6;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            query.get();
            best = Math.min(best, (System.nanoTime() - s) / 1e6);
        }
        System.out.printf("%-28s first %7.1f ms, then best %7.1f ms (%d rows of %d)%n", what, cold, best,
                first.rows().size(), first.total());
    }
}
