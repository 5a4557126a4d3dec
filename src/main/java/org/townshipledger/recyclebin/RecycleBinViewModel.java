package org.townshipledger.recyclebin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.townshipledger.common.Messages;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.household.HouseholdInBin;
import org.townshipledger.household.HouseholdRow;
import org.townshipledger.household.HouseholdService;
import org.townshipledger.household.Member;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/**
 * The 回收站: what was deleted from the registers, and restoring it. Villages and households; each register adds
 * its kind of item here.
 */
public final class RecycleBinViewModel {

    public static final String VILLAGE = "village";
    public static final String HOUSEHOLD = "household";

    private final VillageService villages;
    private final HouseholdService households;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final ObservableList<BinItem> items = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public RecycleBinViewModel(VillageService villages, HouseholdService households, TaskExecutor executor,
                               StatusBarModel status) {
        this.villages = villages;
        this.households = households;
        this.executor = executor;
        this.status = status;
    }

    public ObservableList<BinItem> items() {
        return items;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public void load() {
        busy.set(true);
        executor.execute(() -> {
            List<BinItem> list = new ArrayList<>();
            for (Village v : villages.villagesInBin()) {
                list.add(new BinItem(VILLAGE, v.id(), v.name(),
                        Messages.get("recycleBin.villageDetails", v.kind().label(), v.groups().size()), v.deletedAt()));
            }
            for (HouseholdInBin h : households.householdsInBinWithTimes()) {
                HouseholdRow r = h.row();
                String place = (nz(r.villageName()) + " " + nz(r.groupName())).strip();
                list.add(new BinItem(HOUSEHOLD, r.id(), Messages.get("recycleBin.householdName", r.headName()),
                        Messages.get("recycleBin.householdDetails", place, r.memberCount()), h.deletedAt()));
            }
            list.sort(Comparator.comparing(BinItem::deletedAt).reversed());
            return list;
        }, list -> {
            busy.set(false);
            items.setAll(list);
        }, this::failed);
    }

    public void restore(BinItem item) {
        busy.set(true);
        if (HOUSEHOLD.equals(item.register())) {
            executor.execute(() -> households.restore(item.id()), restored -> {
                busy.set(false);
                status.show(Messages.get("households.status.restored", restored.head().map(Member::name).orElse("")));
                load();
            }, this::failed);
            return;
        }
        executor.execute(() -> villages.restore(item.id()), restored -> {
            busy.set(false);
            status.show(Messages.get("village.status.restored", restored.name()));
            load();
        }, this::failed);
    }

    private void failed(Exception e) {
        busy.set(false);
        status.show(e.getMessage());
    }

    public static String registerLabel(String register) {
        return Messages.get("recycleBin.register." + register);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
