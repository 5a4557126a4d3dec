package org.townshipledger.village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.townshipledger.db.jooq.Tables.VILLAGE;
import static org.townshipledger.db.jooq.Tables.VILLAGE_GROUP;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.db.Database;
import org.townshipledger.db.LedgerSettings;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.db.jooq.tables.records.VillageGroupRecord;

class VillageServiceTest {

    @TempDir
    Path dir;

    private Database db;
    private VillageService service;
    private final StepClock clock = new StepClock();

    @BeforeEach
    void openLedger() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        db = Database.create(dir, LedgerSettings.of("青石镇", "示范县", 2025));
        service = new VillageService(db, new SettingsStore(db.dsl()), clock);
    }

    @AfterEach
    void closeLedger() {
        db.close();
    }

    @Test
    void newVillageIsSavedWithGroupsInOrderAndWeakYears() {
        Village saved = service.save(draft(" 大石村 ", "430599101201", List.of("一组", " 二组 ", "三组"), Set.of(2024, 2025)));

        assertThat(saved.id()).isNotNull();
        assertThat(saved.version()).isZero();
        List<Village> all = service.villages();
        assertThat(all).hasSize(1);
        Village v = all.get(0);
        assertThat(v.id()).isEqualTo(saved.id());
        assertThat(v.name()).isEqualTo("大石村");
        assertThat(v.nameInitials()).isEqualTo("dsc");
        assertThat(v.statsCode()).isEqualTo("430599101201");
        assertThat(v.kind()).isEqualTo(VillageKind.VILLAGE);
        assertThat(v.povertyVillage()).isTrue();
        assertThat(v.exitYear()).isEqualTo(2019);
        assertThat(v.householdCount()).isEqualTo(320);
        assertThat(v.population()).isEqualTo(1150);
        assertThat(v.groupNames()).containsExactly("一组", "二组", "三组");
        assertThat(v.groups()).allSatisfy(g -> assertThat(g.id()).isNotNull());
        assertThat(v.weakYears()).containsExactlyInAnyOrder(2024, 2025);
        assertThat(v.weakIn(2025)).isTrue();
        assertThat(v.weakIn(2023)).isFalse();
        assertThat(service.villageCount()).isEqualTo(1);
        assertThat(service.groupCount()).isEqualTo(3);
    }

    @Test
    void villagesAreListedInPinyinOrder() {
        service.save(draft("龙泉村", null, List.of(), Set.of()));
        service.save(draft("大石村", null, List.of(), Set.of()));
        service.save(draft("白云社区", null, List.of(), Set.of()));

        assertThat(service.villages()).extracting(Village::name).containsExactly("白云社区", "大石村", "龙泉村");
    }

    @Test
    void editKeepsGroupIdsOnRenameAndSoftDeletesRemovedGroups() {
        Village v = service.save(draft("大石村", null, List.of("一组", "二组", "三组"), Set.of(2025)));
        VillageGroup one = v.groups().get(0);
        VillageGroup two = v.groups().get(1);
        VillageGroup three = v.groups().get(2);

        // Rename 二组 to 二组（新）, drop 三组, add 四组, put 二组（新） first; no longer weak this year.
        List<VillageGroup> groups = List.of(new VillageGroup(two.id(), "二组（新）"), one, VillageGroup.named("四组"));
        Village edited = service.save(with(v, "大石村", groups, Set.of(2024)));

        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited.groupNames()).containsExactly("二组（新）", "一组", "四组");
        assertThat(edited.groups().get(0).id()).isEqualTo(two.id());
        assertThat(edited.groups().get(1).id()).isEqualTo(one.id());
        assertThat(edited.groups().get(2).id()).isNotIn(one.id(), two.id(), three.id());
        assertThat(edited.weakYears()).containsExactly(2024);

        VillageGroupRecord removed = db.dsl().selectFrom(VILLAGE_GROUP).where(VILLAGE_GROUP.ID.eq(three.id())).fetchOne();
        assertThat(removed).isNotNull();
        assertThat(removed.getName()).isEqualTo("三组");
        assertThat(removed.getDeletedAt()).isNotNull();
        assertThat(db.dsl().fetchCount(VILLAGE_GROUP, VILLAGE_GROUP.VILLAGE_ID.eq(v.id())
                .and(VILLAGE_GROUP.DELETED_AT.isNull()))).isEqualTo(3);
        assertThat(db.dsl().fetchCount(VILLAGE_GROUP, VILLAGE_GROUP.VILLAGE_ID.eq(v.id()))).isEqualTo(4);
        assertThat(service.groupCount()).isEqualTo(3);
    }

    @Test
    void duplicateNameIsRefused() {
        service.save(draft("大石村", null, List.of(), Set.of()));

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
                () -> service.save(draft("大石村 ", null, List.of(), Set.of())));

        assertThat(ex.problems()).containsExactly(Problem.onField("name", "本乡镇已有名为“大石村”的村"));
        assertThat(service.villageCount()).isEqualTo(1);
    }

    @Test
    void savingAVillageUnderItsOwnNameIsNotADuplicate() {
        Village v = service.save(draft("大石村", null, List.of(), Set.of()));

        Village edited = service.save(with(v, "大石村", v.groups(), Set.of()));

        assertThat(edited.version()).isEqualTo(1);
    }

    @Test
    void invalidVillageWritesNothing() {
        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
                () -> service.save(draft("大石村", "12345", List.of("一组", "一组"), Set.of())));

        assertThat(ex.problems()).extracting(Problem::field).containsExactly("statsCode", "groups");
        assertThat(db.dsl().fetchCount(VILLAGE)).isZero();
        assertThat(db.dsl().fetchCount(VILLAGE_GROUP)).isZero();
    }

    @Test
    void staleSaveIsRefusedAndTheFirstEditStays() {
        Village read = service.save(draft("大石村", null, List.of("一组"), Set.of()));

        service.save(with(read, "大石村（一）", read.groups(), Set.of()));
        StaleRecordException ex = catchThrowableOfType(StaleRecordException.class,
                () -> service.save(with(read, "大石村（二）", List.of(VillageGroup.named("二组")), Set.of(2025))));

        assertThat(ex.getMessage()).contains("大石村（二）").contains("已在别处被修改或删除");
        Village now = service.villages().get(0);
        assertThat(now.name()).isEqualTo("大石村（一）");
        assertThat(now.version()).isEqualTo(1);
        assertThat(now.groupNames()).containsExactly("一组");
        assertThat(now.weakYears()).isEmpty();
        assertThat(db.dsl().fetchCount(VILLAGE_GROUP)).isEqualTo(1);
    }

    @Test
    void moveToBinHidesAndRestoreBringsBack() {
        Village keep = service.save(draft("龙泉村", null, List.of("一组"), Set.of()));
        Village v = service.save(draft("大石村", null, List.of("一组", "二组"), Set.of()));

        service.moveToBin(v);

        assertThat(service.villages()).extracting(Village::name).containsExactly("龙泉村");
        assertThat(service.villagesInBin()).singleElement().satisfies(b -> {
            assertThat(b.id()).isEqualTo(v.id());
            assertThat(b.deletedAt()).isNotNull();
            assertThat(b.groupNames()).containsExactly("一组", "二组");
        });
        assertThat(service.villageCount()).isEqualTo(1);
        assertThat(service.groupCount()).isEqualTo(1);

        Village restored = service.restore(v.id());

        assertThat(restored.deletedAt()).isNull();
        assertThat(restored.groupNames()).containsExactly("一组", "二组");
        assertThat(service.villagesInBin()).isEmpty();
        assertThat(service.villages()).extracting(Village::id).containsExactlyInAnyOrder(keep.id(), v.id());
        assertThat(service.groupCount()).isEqualTo(3);
    }

    @Test
    void binListsLatestDeletedFirst() {
        Village a = service.save(draft("大石村", null, List.of(), Set.of()));
        Village b = service.save(draft("龙泉村", null, List.of(), Set.of()));

        service.moveToBin(a);
        clock.advance(Duration.ofMinutes(5));
        service.moveToBin(b);

        assertThat(service.villagesInBin()).extracting(Village::name).containsExactly("龙泉村", "大石村");
    }

    @Test
    void moveToBinOfAStaleCopyIsRefused() {
        Village read = service.save(draft("大石村", null, List.of(), Set.of()));
        service.save(with(read, "大石村", List.of(VillageGroup.named("一组")), Set.of()));

        catchThrowableOfType(StaleRecordException.class, () -> service.moveToBin(read));

        assertThat(service.villages()).extracting(Village::name).containsExactly("大石村");
        assertThat(service.villagesInBin()).isEmpty();
    }

    @Test
    void restoreRefusedWhenAnotherVillageTookTheName() {
        Village old = service.save(draft("大石村", null, List.of(), Set.of()));
        service.moveToBin(old);
        Village newcomer = service.save(draft("大石村", "430599101202", List.of(), Set.of()));

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, () -> service.restore(old.id()));

        assertThat(ex.getMessage()).isEqualTo("已有另一个名为“大石村”的村，无法恢复。请先给其中一个改名。");
        assertThat(service.villages()).extracting(Village::id).containsExactly(newcomer.id());
        assertThat(service.villagesInBin()).extracting(Village::id).containsExactly(old.id());
    }

    @Test
    void restoreOfUnknownIdIsRefused() {
        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
                () -> service.restore(UUID.randomUUID()));

        assertThat(ex.getMessage()).isEqualTo("这个村已不存在");
    }

    @Test
    void savedVillagesSurviveReopening() {
        service.save(draft("大石村", "430599101201", List.of("一组", "二组"), Set.of(2025)));
        db.close();

        db = Database.open(dir);
        service = new VillageService(db);

        assertThat(service.villages()).singleElement().satisfies(v -> {
            assertThat(v.name()).isEqualTo("大石村");
            assertThat(v.groupNames()).containsExactly("一组", "二组");
            assertThat(v.weakYears()).containsExactly(2025);
        });
        assertThat(service.workingYear()).isEqualTo(2025);
    }

    static Village draft(String name, String code, List<String> groups, Set<Integer> weakYears) {
        return new Village(null, name, null, code, VillageKind.VILLAGE, true, 2019, 320, 1150, "备注",
                weakYears, groups.stream().map(VillageGroup::named).toList(), 0, null, null);
    }

    static Village with(Village v, String name, List<VillageGroup> groups, Set<Integer> weakYears) {
        return new Village(v.id(), name, v.nameInitials(), v.statsCode(), v.kind(), v.povertyVillage(), v.exitYear(),
                v.householdCount(), v.population(), v.note(), weakYears, new ArrayList<>(groups), v.version(),
                v.updatedAt(), v.deletedAt());
    }

    /** A clock that moves only when told. */
    static final class StepClock extends Clock {
        private Instant now = Instant.parse("2025-06-01T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.ofHours(8);
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
