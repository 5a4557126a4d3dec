package org.townshipledger.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.ui.StatusBarModel;

/** The villages screen's state against a real ledger, with work run on the test thread. */
class VillagesViewModelTest {

    @TempDir
    Path dir;

    private Database db;
    private VillageService service;
    private StatusBarModel status;
    private VillagesViewModel vm;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2025));
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T06:05:00Z"), ZoneId.of("Asia/Shanghai"));
        service = new VillageService(db, new org.townshipledger.db.SettingsStore(db.dsl()), clock);
        status = new StatusBarModel();
        vm = new VillagesViewModel(service, new CurrentThreadTaskExecutor(), status, clock);
        vm.load();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void fill(String name, String code) {
        vm.newVillage();
        vm.nameProperty().set(name);
        vm.statsCodeProperty().set(code);
    }

    @Test
    void savingTheFormStoresTheVillageAndSaysWhen() {
        fill("大石村", "430599101201");
        vm.povertyVillageProperty().set(true);
        vm.exitYearProperty().set("2019");
        vm.weakThisYearProperty().set(true);
        vm.householdCountProperty().set("320");
        vm.populationProperty().set("1210");
        vm.groups().addAll(VillageGroup.named("一组"), VillageGroup.named("二组"));

        assertThat(vm.save()).isTrue();

        Village saved = service.villages().get(0);
        assertThat(saved.name()).isEqualTo("大石村");
        assertThat(saved.statsCode()).isEqualTo("430599101201");
        assertThat(saved.exitYear()).isEqualTo(2019);
        assertThat(saved.weakYears()).containsExactly(2025);
        assertThat(saved.groupNames()).containsExactly("一组", "二组");
        assertThat(status.messageProperty().get()).isEqualTo("已保存 14:05");
        assertThat(vm.editingProperty().get().id()).isEqualTo(saved.id());
        assertThat(vm.isDirty()).isFalse();
    }

    @Test
    void focusOutShowsTheProblemUnderTheFieldAndSaveSendsNothing() {
        fill("大石村", "");
        vm.save();
        fill("大石村", "12345");

        vm.validate(VillageRules.FIELD_NAME);
        vm.validate(VillageRules.FIELD_CODE);

        assertThat(vm.errorProperty(VillageRules.FIELD_NAME).get()).isEqualTo("本乡镇已有名为“大石村”的村");
        assertThat(vm.errorProperty(VillageRules.FIELD_CODE).get()).contains("12 位数字");
        assertThat(vm.save()).isFalse();
        assertThat(service.villageCount()).isEqualTo(1);
        assertThat(vm.nameProperty().get()).isEqualTo("大石村");
    }

    @Test
    void filterMatchesPinyinInitialsAndNames() {
        for (String name : new String[] {"大石村", "龙泉村", "王家湾村"}) {
            fill(name, "");
            vm.save();
        }
        vm.filterProperty().set("dsc");
        assertThat(vm.shownVillages()).extracting(Village::name).containsExactly("大石村");
        vm.filterProperty().set("LQ");
        assertThat(vm.shownVillages()).extracting(Village::name).containsExactly("龙泉村");
        vm.filterProperty().set("家湾");
        assertThat(vm.shownVillages()).extracting(Village::name).containsExactly("王家湾村");
        vm.filterProperty().set("");
        assertThat(vm.shownVillages()).hasSize(3);
    }

    @Test
    void deleteGoesToTheRecycleBinAndUndoBringsItBack() {
        fill("大石村", "");
        vm.save();
        Village v = vm.allVillages().get(0);

        vm.moveToBin(v);
        assertThat(vm.allVillages()).isEmpty();
        assertThat(service.villagesInBin()).extracting(Village::name).containsExactly("大石村");
        assertThat(status.messageProperty().get()).isEqualTo("已把“大石村”移入回收站");
        assertThat(status.undoProperty().get()).isNotNull();

        status.undo();
        assertThat(vm.allVillages()).extracting(Village::name).containsExactly("大石村");
        assertThat(service.villagesInBin()).isEmpty();
    }

    @Test
    void aSaveOverSomeoneElsesChangeIsRefusedAndKeepsWhatWasTyped() {
        fill("大石村", "");
        vm.save();
        Village loaded = vm.editingProperty().get();
        // Another window saves a change to the same village meanwhile.
        service.save(new Village(loaded.id(), "大石村", null, "430599101201", loaded.kind(), false, null, null, null,
                null, loaded.weakYears(), loaded.groups(), loaded.version(), null, null));

        vm.householdCountProperty().set("99");
        vm.save();

        assertThat(vm.formErrorProperty().get()).contains("已在别处被修改");
        assertThat(vm.householdCountProperty().get()).isEqualTo("99");
        assertThat(service.villages().get(0).householdCount()).isNull();
        assertThat(service.villages().get(0).statsCode()).isEqualTo("430599101201");
    }
}
