package org.townshipledger.recyclebin;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.townshipledger.common.Messages;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/**
 * The 回收站: what was deleted from the registers, and restoring it. Villages only for now; each register
 * adds its kind of item here.
 */
public final class RecycleBinViewModel {

    public static final String VILLAGE = "village";

    private final VillageService villages;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final ObservableList<BinItem> items = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public RecycleBinViewModel(VillageService villages, TaskExecutor executor, StatusBarModel status) {
        this.villages = villages;
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
            return list;
        }, list -> {
            busy.set(false);
            items.setAll(list);
        }, this::failed);
    }

    public void restore(BinItem item) {
        busy.set(true);
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
}
