package org.townshipledger.recyclebin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.townshipledger.common.BinItem;
import org.townshipledger.common.BinRegister;
import org.townshipledger.common.Messages;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.ui.StatusBarModel;

/**
 * The 回收站: what was deleted from every register, restoring it with its children, and deleting for good
 * (彻底删除 one item, 清空回收站 all; the screen asks first). Registers plug in as {@link BinRegister}s.
 */
public final class RecycleBinViewModel {

    private final Map<String, BinRegister> registers = new LinkedHashMap<>();
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final ObservableList<BinItem> items = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public RecycleBinViewModel(List<BinRegister> registers, TaskExecutor executor, StatusBarModel status) {
        registers.forEach(r -> this.registers.put(r.kind(), r));
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
        executor.execute(this::everything, list -> {
            busy.set(false);
            items.setAll(list);
        }, this::failed);
    }

    private List<BinItem> everything() {
        List<BinItem> list = new ArrayList<>();
        registers.values().forEach(r -> list.addAll(r.inBin()));
        list.sort(Comparator.comparing(BinItem::deletedAt).reversed());
        return list;
    }

    /** Brings the item back with its children; the status line names it. */
    public void restore(BinItem item) {
        busy.set(true);
        executor.execute(() -> registers.get(item.register()).restore(item.id()), name -> {
            busy.set(false);
            status.show(Messages.get("recycleBin.status.restored", registerLabel(item.register()), name));
            load();
        }, this::failed);
    }

    /**
     * What the screen asks before {@link #purge}: the register's own question when it names the children that go
     * with the record ({@code recycleBin.confirm.purge.<register>}), else the plain one.
     */
    public static String purgeQuestion(BinItem item) {
        String own = "recycleBin.confirm.purge." + item.register();
        return Messages.get(Messages.bundle().containsKey(own) ? own : "recycleBin.confirm.purge",
                registerLabel(item.register()), item.name());
    }

    /** Deletes the item and its children for good. Ask first ({@link #purgeQuestion}). */
    public void purge(BinItem item) {
        busy.set(true);
        executor.execute(() -> {
            registers.get(item.register()).purge(item.id());
            return item;
        }, purged -> {
            busy.set(false);
            status.show(Messages.get("recycleBin.status.purged", registerLabel(item.register()), item.name()));
            load();
        }, this::failed);
    }

    /** What the screen asks before {@link #emptyBin}. */
    public String emptyQuestion() {
        return Messages.get("recycleBin.confirm.empty", items.size());
    }

    /**
     * Deletes everything in the bin for good, children before parents; each item in its own transaction. An item
     * that cannot go (a village with households still in use) stays, and the status line says why.
     */
    public void emptyBin() {
        busy.set(true);
        executor.execute(() -> {
            int purged = 0;
            List<String> kept = new ArrayList<>();
            List<BinRegister> ordered = new ArrayList<>(registers.values());
            ordered.sort(Comparator.comparingInt(BinRegister::purgeOrder));
            for (BinRegister r : ordered) {
                for (BinItem item : r.inBin()) {
                    try {
                        r.purge(item.id());
                        purged++;
                    } catch (org.townshipledger.common.InvalidInputException e) {
                        kept.add(e.getMessage());
                    }
                }
            }
            return kept.isEmpty() ? Messages.get("recycleBin.status.emptied", purged)
                    : Messages.get("recycleBin.status.partlyEmptied", purged, kept.size(), kept.get(0));
        }, message -> {
            busy.set(false);
            status.show(message);
            load();
        }, this::failed);
    }

    private void failed(Exception e) {
        busy.set(false);
        status.show(e.getMessage());
        load();
    }

    public static String registerLabel(String register) {
        return Messages.get("recycleBin.register." + register);
    }
}
