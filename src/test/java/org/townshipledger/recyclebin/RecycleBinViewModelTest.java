package org.townshipledger.recyclebin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.cadre.Assignment;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreBins;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Rank;
import org.townshipledger.cadre.Role;
import org.townshipledger.cadre.Unit;
import org.townshipledger.cadre.UnitLevel;
import org.townshipledger.cadre.UnitType;
import org.townshipledger.common.BinItem;
import org.townshipledger.common.BinRegister;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.household.Household;
import org.townshipledger.household.HouseholdBin;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.Relation;
import org.townshipledger.household.SampleHouseholds;
import org.townshipledger.pairing.Pairing;
import org.townshipledger.pairing.PairingBin;
import org.townshipledger.pairing.PairingFilter;
import org.townshipledger.pairing.PairingKind;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageBin;
import org.townshipledger.village.VillageGroup;
import org.townshipledger.village.VillageKind;
import org.townshipledger.village.VillageService;

/**
 * The recycle bin lists what was deleted from every register, brings it back with its children, and deletes it for
 * good only when asked (彻底删除 one item, 清空回收站 all).
 */
class RecycleBinViewModelTest {

    @TempDir
    Path dir;

    private Database db;
    private VillageService villages;
    private HouseholdService households;
    private CadreService cadres;
    private PairingService pairings;
    private StatusBarModel status;
    private RecycleBinViewModel vm;
    private int sequence = 1;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2026));
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        villages = new VillageService(db, settings, clock);
        households = new HouseholdService(db, villages, settings, clock);
        cadres = new CadreService(db, villages, settings, clock);
        pairings = new PairingService(db, cadres, villages, settings, clock);
        List<BinRegister> registers = new ArrayList<>();
        registers.add(new VillageBin(villages));
        registers.add(new HouseholdBin(households));
        registers.addAll(CadreBins.of(cadres));
        registers.add(new PairingBin(pairings));
        status = new StatusBarModel();
        vm = new RecycleBinViewModel(registers, new CurrentThreadTaskExecutor(), status);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static Village village(String name) {
        return new Village(null, name, null, null, VillageKind.VILLAGE, false, null, null, null, null, Set.of(),
                List.of(VillageGroup.named("一组")), 0, null, null);
    }

    private Household household(Village v, String head) {
        int seq = 2 * sequence++ + 1;
        return households.save(SampleHouseholds.household(v,
                SampleHouseholds.member(head, Relation.HEAD, LocalDate.of(1970, 3, 5).plusDays(seq), seq),
                SampleHouseholds.member(head.charAt(0) + "小明", Relation.SON, LocalDate.of(2000, 6, 1), seq + 2)))
                .household();
    }

    private Cadre cadre(String name, Unit unit) {
        String id = IdNumber.make("430598", LocalDate.of(1980, 5, 1), 2 * sequence++ + 1);
        return cadres.saveCadre(new Cadre(null, name, Sex.MALE, null, id, "13900001234", unit.id(), null,
                Rank.GENERAL, true, null, 0, null));
    }

    private int rows(String table) {
        return db.dsl().fetchOne("SELECT COUNT(*) FROM " + table).get(0, Integer.class);
    }

    private int pairingsInUse() {
        return pairings.pairings(PairingFilter.all()).size();
    }

    @Test
    void listsDeletedHouseholdsBesideVillagesAndRestoresThem() {
        Village dashi = villages.save(village("大石村"));
        Village longquan = villages.save(village("龙泉村"));
        Household zhang = household(dashi, "张大山");
        villages.moveToBin(longquan);
        households.moveToBin(zhang);

        vm.load();
        assertThat(vm.items()).extracting(i -> RecycleBinViewModel.registerLabel(i.register()), BinItem::name,
                BinItem::details).containsExactlyInAnyOrder(
                tuple("农户", "张大山户", "大石村 一组，2 人"),
                tuple("村庄", "龙泉村", "行政村，1 个村民小组"));

        BinItem item = vm.items().stream().filter(i -> i.register().equals(HouseholdBin.KIND)).findFirst()
                .orElseThrow();
        vm.restore(item);
        assertThat(status.messageProperty().get()).isEqualTo("已恢复农户“张大山户”");
        assertThat(households.householdCount()).isEqualTo(1);
        assertThat(households.memberCount()).isEqualTo(2);
        assertThat(vm.items()).extracting(BinItem::name).containsExactly("龙泉村");
    }

    @Test
    void aCadreComesBackWithPostingsAndPairingsAndAPairingRemovedBeforeStaysInTheBin() {
        Village v = villages.save(village("大石村"));
        Unit bureau = cadres.saveUnit(Unit.named("县农业农村局", UnitLevel.COUNTY, UnitType.ORGAN));
        Cadre li = cadre("李明", bureau);
        cadres.assign(Assignment.start(li.id(), v.id(), Role.FIRST_SECRETARY, LocalDate.of(2025, 1, 1), bureau.id()));
        Household wang = household(v, "王大山");
        Household zhao = household(v, "赵二");
        pairings.pair(Pairing.ofHousehold(li.id(), wang.id(), PairingKind.ONE_TO_MANY, LocalDate.of(2025, 1, 1)));
        Pairing mistake = pairings.pair(Pairing.ofHousehold(li.id(), zhao.id(), PairingKind.ONE_TO_MANY,
                LocalDate.of(2025, 1, 1)));
        pairings.remove(mistake);

        cadres.moveCadreToBin(cadres.cadre(li.id()).orElseThrow());
        assertThat(cadres.assignments(null, v.id(), null)).isEmpty();

        vm.load();
        assertThat(vm.items()).extracting(i -> RecycleBinViewModel.registerLabel(i.register()), BinItem::name)
                .containsExactlyInAnyOrder(tuple("干部", "李明"), tuple("结对帮扶", "李明 → 赵二"));

        vm.restore(vm.items().stream().filter(i -> i.register().equals(CadreBins.CADRE)).findFirst().orElseThrow());
        assertThat(status.messageProperty().get()).isEqualTo("已恢复干部“李明”");
        assertThat(cadres.assignments(null, v.id(), null)).extracting(Assignment::cadreName).containsExactly("李明");
        assertThat(pairings.pairings(PairingFilter.all())).extracting(Pairing::targetName).containsExactly("王大山");
        assertThat(vm.items()).extracting(BinItem::name).containsExactly("李明 → 赵二");
    }

    @Test
    void unitsAndPostingsGoToTheBinAndComeBack() {
        Village v = villages.save(village("大石村"));
        Unit bureau = cadres.saveUnit(Unit.named("县农业农村局", UnitLevel.COUNTY, UnitType.ORGAN));
        Unit school = cadres.saveUnit(Unit.named("县一中", UnitLevel.COUNTY, UnitType.INSTITUTION));
        Cadre li = cadre("李明", bureau);
        Assignment posting = cadres.assign(Assignment.start(li.id(), v.id(), Role.FIRST_SECRETARY,
                LocalDate.of(2025, 1, 1), bureau.id()));
        cadres.moveAssignmentToBin(posting);
        cadres.moveUnitToBin(school);
        assertThat(cadres.units()).extracting(Unit::name).containsExactly("县农业农村局");

        vm.load();
        assertThat(vm.items()).extracting(i -> RecycleBinViewModel.registerLabel(i.register()), BinItem::name)
                .containsExactlyInAnyOrder(tuple("帮扶单位", "县一中"), tuple("任职记录", "李明（驻村第一书记）"));
        for (BinItem item : List.copyOf(vm.items())) {
            vm.restore(item);
        }
        assertThat(vm.items()).isEmpty();
        assertThat(cadres.units()).hasSize(2);
        assertThat(cadres.assignments(li.id(), null, null)).hasSize(1);
    }

    @Test
    void purgingAHouseholdDeletesItsMembersAndPairingsForGood() {
        Village v = villages.save(village("大石村"));
        Unit bureau = cadres.saveUnit(Unit.named("县农业农村局", UnitLevel.COUNTY, UnitType.ORGAN));
        Cadre li = cadre("李明", bureau);
        Household wang = household(v, "王大山");
        Household zhao = household(v, "赵二");
        pairings.pair(Pairing.ofHousehold(li.id(), wang.id(), PairingKind.ONE_TO_MANY, LocalDate.of(2025, 1, 1)));
        pairings.pair(Pairing.ofHousehold(li.id(), zhao.id(), PairingKind.ONE_TO_MANY, LocalDate.of(2025, 1, 1)));
        households.moveToBin(wang);

        vm.load();
        BinItem item = vm.items().get(0);
        assertThat(RecycleBinViewModel.purgeQuestion(item)).isEqualTo(
                "彻底删除农户“王大山户”及其成员、结对、走访、诉求和帮扶措施？删除后无法恢复。");
        vm.purge(item);

        assertThat(status.messageProperty().get()).isEqualTo("已彻底删除农户“王大山户”");
        assertThat(vm.items()).isEmpty();
        assertThat(households.householdsInBin()).isEmpty();
        assertThat(households.householdCount()).isEqualTo(1);
        assertThat(rows("household_member")).isEqualTo(2);
        assertThat(rows("pairing")).isEqualTo(1);
        assertThat(pairingsInUse()).isEqualTo(1);
    }

    @Test
    void emptyingTheBinPurgesChildrenBeforeParentsAndKeepsWhatRecordsInUseStillNeed() {
        Village keep = villages.save(village("大石村"));
        Village gone = villages.save(village("龙泉村"));
        Village stillUsed = villages.save(village("石门村"));
        Unit bureau = cadres.saveUnit(Unit.named("县农业农村局", UnitLevel.COUNTY, UnitType.ORGAN));
        Cadre li = cadre("李明", bureau);
        cadres.assign(Assignment.start(li.id(), gone.id(), Role.FIRST_SECRETARY, LocalDate.of(2025, 1, 1),
                bureau.id()));
        Household wang = household(gone, "王大山");
        pairings.pair(Pairing.ofHousehold(li.id(), wang.id(), PairingKind.ONE_TO_ONE, LocalDate.of(2025, 1, 1)));
        household(stillUsed, "孙大");
        household(keep, "周大");
        households.moveToBin(wang);
        villages.moveToBin(gone);
        villages.moveToBin(stillUsed);
        cadres.moveCadreToBin(cadres.cadre(li.id()).orElseThrow());
        cadres.moveUnitToBin(bureau);

        vm.load();
        assertThat(vm.items()).hasSize(5);
        assertThat(vm.emptyQuestion()).isEqualTo("彻底删除回收站里的全部 5 项及其下属记录？删除后无法恢复。");
        vm.emptyBin();

        // The unit goes (its cadre went first); 石门村 stays: a household in use is still in it.
        assertThat(vm.items()).extracting(BinItem::name).containsExactly("石门村");
        assertThat(status.messageProperty().get()).isEqualTo(
                "已彻底删除 4 项，1 项保留：“石门村”还有 1 户在用，不能彻底删除。请先删除这些农户或把它们移到别的村。");
        assertThat(rows("village")).isEqualTo(2);
        assertThat(rows("household")).isEqualTo(2);
        assertThat(rows("assignment")).isZero();
        assertThat(rows("pairing")).isZero();
        assertThat(rows("cadre")).isZero();
        assertThat(rows("unit")).isZero();
    }

    @Test
    void aUnitWhoseCadresRemainCannotBePurgedAndNothingIsDeleted() {
        Unit bureau = cadres.saveUnit(Unit.named("县农业农村局", UnitLevel.COUNTY, UnitType.ORGAN));
        cadre("李明", bureau);
        cadres.moveUnitToBin(bureau);
        vm.load();
        vm.purge(vm.items().get(0));
        assertThat(status.messageProperty().get()).startsWith("“县农业农村局”还有 1 名干部");
        assertThat(vm.items()).extracting(BinItem::name).containsExactly("县农业农村局");
    }
}
