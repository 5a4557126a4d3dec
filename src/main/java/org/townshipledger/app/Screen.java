package org.townshipledger.app;

import java.util.function.Function;
import javafx.scene.Parent;
import org.townshipledger.common.Messages;
import org.townshipledger.household.HouseholdsController;
import org.townshipledger.household.HouseholdsViewModel;
import org.townshipledger.recyclebin.RecycleBinController;
import org.townshipledger.recyclebin.RecycleBinViewModel;
import org.townshipledger.ui.Fxml;
import org.townshipledger.village.VillagesController;
import org.townshipledger.village.VillagesViewModel;

/** The registers in the navigation list: only those that exist. Each later register adds itself here. */
enum Screen {
    VILLAGES("nav.villages", ctx -> {
        VillagesViewModel vm = new VillagesViewModel(ctx.villages, ctx.executor, ctx.status, ctx.clock);
        return new Loaded(Fxml.load(VillagesController.class, "VillagesView.fxml", new VillagesController(vm)), vm::load);
    }),
    HOUSEHOLDS("nav.households", ctx -> {
        HouseholdsViewModel vm = new HouseholdsViewModel(ctx.households, ctx.executor, ctx.status, ctx.clock);
        return new Loaded(Fxml.load(HouseholdsController.class, "HouseholdsView.fxml", new HouseholdsController(vm)),
                vm::load);
    }),
    RECYCLE_BIN("nav.recycleBin", ctx -> {
        RecycleBinViewModel vm = new RecycleBinViewModel(ctx.villages, ctx.households, ctx.executor, ctx.status);
        return new Loaded(Fxml.load(RecycleBinController.class, "RecycleBinView.fxml", new RecycleBinController(vm)),
                vm::load);
    });

    /** A built screen: its view, and what to do each time it is shown (reload its data). */
    record Loaded(Parent view, Runnable onShow) {
    }

    private final String key;
    final Function<AppContext, Loaded> factory;

    Screen(String key, Function<AppContext, Loaded> factory) {
        this.key = key;
        this.factory = factory;
    }

    String title() {
        return Messages.get(key);
    }
}
