package org.townshipledger.recyclebin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.household.Household;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.Relation;
import org.townshipledger.household.SampleHouseholds;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/** The recycle bin lists deleted villages and households and brings them back. */
class RecycleBinViewModelTest {

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2025));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Village village(String name) {
        return new Village(null, name, null, null, VillageKind.VILLAGE, false, null, null, null, null, Set.of(),
                List.of(VillageGroup.named("一组")), 0, null, null);
    }

    @Test
    void listsDeletedHouseholdsBesideVillagesAndRestoresThem() {
        VillageService villages = new VillageService(db);
        HouseholdService households = new HouseholdService(db);
        Village dashi = villages.save(village("大石村"));
        Village longquan = villages.save(village("龙泉村"));
        Household zhang = households.save(SampleHouseholds.household(dashi,
                SampleHouseholds.member("张大山", Relation.HEAD, LocalDate.of(1970, 3, 5), 11),
                SampleHouseholds.member("张小明", Relation.SON, LocalDate.of(2000, 6, 1), 13))).household();
        villages.moveToBin(longquan);
        households.moveToBin(zhang);

        StatusBarModel status = new StatusBarModel();
        RecycleBinViewModel vm = new RecycleBinViewModel(villages, households, new CurrentThreadTaskExecutor(), status);
        vm.load();
        assertThat(vm.items()).extracting(i -> RecycleBinViewModel.registerLabel(i.register()), BinItem::name,
                BinItem::details).containsExactly(
                org.assertj.core.groups.Tuple.tuple("农户", "张大山户", "大石村 一组，2 人"),
                org.assertj.core.groups.Tuple.tuple("村庄", "龙泉村", "行政村，1 个村民小组"));

        vm.restore(vm.items().get(0));
        assertThat(status.messageProperty().get()).isEqualTo("已恢复“张大山”户");
        assertThat(households.householdCount()).isEqualTo(1);
        assertThat(vm.items()).extracting(BinItem::name).containsExactly("龙泉村");
    }
}
