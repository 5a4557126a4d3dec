package org.townshipledger.pairing;

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
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Rank;
import org.townshipledger.common.CurrentThreadTaskExecutor;
import org.townshipledger.common.Messages;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.VillageService;

/** The 结对规则 dialog's view model: the figures as saved, checked as typed, saved and read back by the service. */
class PairingRulesViewModelTest {

    @TempDir
    Path dir;

    private Database db;
    private PairingService service;
    private StatusBarModel status;

    @BeforeEach
    void setUp() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2025));
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        SettingsStore settings = new SettingsStore(db.dsl());
        VillageService villages = new VillageService(db, settings, clock);
        service = new PairingService(db, new CadreService(db, villages, settings, clock), villages, settings, clock);
        status = new StatusBarModel();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private PairingRulesViewModel loaded() {
        PairingRulesViewModel vm = new PairingRulesViewModel(service, new CurrentThreadTaskExecutor(), status);
        vm.load();
        return vm;
    }

    private static int part(String name) {
        return PairingRulesViewModel.PARTS.indexOf(name);
    }

    @Test
    void showsTheSeedFiguresUntilSomethingIsSaved() {
        PairingRulesViewModel vm = loaded();
        assertThat(vm.quotaProperty(HelperCategory.COUNTY_LEADER, part("households")).get()).isEqualTo("2");
        assertThat(vm.quotaProperty(HelperCategory.COUNTY_ORGAN, part("reserves")).get()).isEqualTo("1");
        assertThat(vm.limitProperty(Rank.COUNTY_LEVEL).get()).isEqualTo("2");
        assertThat(vm.limitProperty(Rank.VILLAGE_CADRE).get()).isEqualTo("8");
        assertThat(vm.problems().get()).isEmpty();
        assertThat(vm.validBinding().get()).isTrue();
        assertThat(PairingRulesViewModel.partLabel(part("reserves"))).isEqualTo("选派后备干部");
    }

    @Test
    void figuresThatAreNotWholeNumbersAreNamedAndNotSaved() {
        PairingRulesViewModel vm = loaded();
        vm.limitProperty(Rank.GENERAL).set("五");
        vm.quotaProperty(HelperCategory.SECTION_CADRE, part("students")).set("-1");
        vm.quotaProperty(HelperCategory.COUNTY_LEADER, part("villages")).set("10000");

        assertThat(vm.problems().get()).containsExactly(
                "县级领导·帮扶村：请填写 0 到 9999 之间的整数",
                "科级干部·帮扶学生：请填写 0 到 9999 之间的整数",
                "一般干部·最多帮扶户数：请填写 0 到 9999 之间的整数");
        assertThat(vm.validBinding().get()).isFalse();
        assertThat(vm.save()).isFalse();
        assertThat(service.rules()).isEqualTo(PairingRules.defaults());
    }

    @Test
    void savedFiguresAreReadBackByTheService() {
        PairingRulesViewModel vm = loaded();
        vm.quotaProperty(HelperCategory.COUNTY_LEADER, part("households")).set(" 3 ");
        vm.quotaProperty(HelperCategory.PRIVATE_ENTERPRISE, part("students")).set("2");
        vm.limitProperty(Rank.GENERAL).set("7");
        vm.limitProperty(Rank.COUNTY_LEVEL).set("0");

        assertThat(vm.save()).isTrue();

        assertThat(vm.savedProperty().get()).isTrue();
        assertThat(status.messageProperty().get()).isEqualTo("已保存结对规则");
        PairingRules rules = service.rules();
        assertThat(rules.quota(HelperCategory.COUNTY_LEADER)).isEqualTo(new PairingRules.Quota(1, 1, 3, 0, 0));
        assertThat(rules.quota(HelperCategory.PRIVATE_ENTERPRISE)).isEqualTo(new PairingRules.Quota(0, 1, 0, 2, 0));
        assertThat(rules.quota(HelperCategory.SECTION_CADRE)).isEqualTo(PairingRules.defaults()
                .quota(HelperCategory.SECTION_CADRE));
        assertThat(rules.maxHouseholds(Rank.GENERAL)).isEqualTo(7);
        assertThat(rules.maxHouseholds(Rank.COUNTY_LEVEL)).isZero();
        assertThat(rules.maxHouseholds(null)).as("no rank counts as 一般干部").isEqualTo(7);

        PairingRulesViewModel again = loaded();
        assertThat(again.limitProperty(Rank.GENERAL).get()).isEqualTo("7");
        assertThat(again.quotaProperty(HelperCategory.COUNTY_LEADER, part("households")).get()).isEqualTo("3");
    }
}
