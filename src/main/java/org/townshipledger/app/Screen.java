package org.townshipledger.app;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import org.townshipledger.cadre.CadresController;
import org.townshipledger.cadre.CadresViewModel;
import org.townshipledger.cadre.UnitsController;
import org.townshipledger.cadre.UnitsViewModel;
import org.townshipledger.cadre.VillageTeamController;
import org.townshipledger.cadre.VillageTeamViewModel;
import org.townshipledger.check.ChecksController;
import org.townshipledger.check.ChecksViewModel;
import org.townshipledger.common.Messages;
import org.townshipledger.grading.GradeTallyController;
import org.townshipledger.grading.GradeTallyViewModel;
import org.townshipledger.grading.GradingController;
import org.townshipledger.grading.GradingViewModel;
import org.townshipledger.grading.ReviewsController;
import org.townshipledger.grading.ReviewsViewModel;
import org.townshipledger.grading.StarsController;
import org.townshipledger.grading.StarsViewModel;
import org.townshipledger.household.HouseholdsController;
import org.townshipledger.household.HouseholdsViewModel;
import org.townshipledger.pairing.HelperPairingsController;
import org.townshipledger.pairing.HelperPairingsViewModel;
import org.townshipledger.pairing.HouseholdHelpersController;
import org.townshipledger.pairing.HouseholdHelpersViewModel;
import org.townshipledger.pairing.PairingsController;
import org.townshipledger.pairing.PairingsViewModel;
import org.townshipledger.recyclebin.RecycleBinController;
import org.townshipledger.report.ReportsController;
import org.townshipledger.report.ReportsViewModel;
import org.townshipledger.recyclebin.RecycleBinViewModel;
import org.townshipledger.ui.Fxml;
import org.townshipledger.village.VillagesController;
import org.townshipledger.village.VillagesViewModel;
import org.townshipledger.visit.HelpController;
import org.townshipledger.visit.HelpViewModel;
import org.townshipledger.visit.ProblemsController;
import org.townshipledger.visit.ProblemsViewModel;
import org.townshipledger.visit.VisitEntryController;
import org.townshipledger.visit.VisitEntryViewModel;
import org.townshipledger.visit.VisitsController;
import org.townshipledger.visit.VisitsViewModel;

/** The registers in the navigation list: only those that exist. Each later register adds itself here. */
enum Screen {
    VILLAGES("nav.villages", ctx -> {
        VillagesViewModel vm = new VillagesViewModel(ctx.villages, ctx.executor, ctx.status, ctx.clock);
        VillagesController controller = new VillagesController(vm, ctx.files);
        Parent view = Fxml.load(VillagesController.class, "VillagesView.fxml", controller);
        // The village form shows the village's current team from the cadre register.
        VillageTeamViewModel team = new VillageTeamViewModel(ctx.cadres, ctx.executor, ctx.status, ctx.clock);
        team.villageIdProperty().bind(Bindings.createObjectBinding(() -> vm.editingProperty().get().id(),
                vm.editingProperty()));
        controller.addSection(Fxml.load(VillageTeamController.class, "VillageTeamView.fxml",
                new VillageTeamController(team)));
        return new Loaded(view, () -> {
            vm.load();
            team.reload();
        });
    }),
    HOUSEHOLDS("nav.households", ctx -> {
        HouseholdsViewModel vm = new HouseholdsViewModel(ctx.households, ctx.executor, ctx.status, ctx.clock);
        HouseholdsController controller = new HouseholdsController(vm, ctx.files);
        Parent view = Fxml.load(HouseholdsController.class, "HouseholdsView.fxml", controller);
        // Each household window shows its helpers from the pairings register.
        controller.addDetailTab(Messages.get("household.tab.helpers"), householdId -> {
            HouseholdHelpersViewModel helpers = new HouseholdHelpersViewModel(ctx.pairings, ctx.executor, ctx.clock);
            helpers.householdIdProperty().bind(householdId);
            Parent tab = Fxml.load(HouseholdHelpersController.class, "HouseholdHelpersView.fxml",
                    new HouseholdHelpersController(helpers));
            tab.getProperties().put(HouseholdHelpersViewModel.class, helpers); // lives as long as the tab
            return tab;
        });
        return new Loaded(view, vm::load);
    }),
    CADRES("nav.cadres", ctx -> {
        CadresViewModel vm = new CadresViewModel(ctx.cadres, ctx.villages, ctx.executor, ctx.status, ctx.clock);
        CadresController controller = new CadresController(vm, ctx.files);
        Parent view = Fxml.load(CadresController.class, "CadresView.fxml", controller);
        // The cadre's form shows whom the cadre helps and how far from the quota.
        HelperPairingsViewModel helped = new HelperPairingsViewModel(ctx.pairings, ctx.executor, ctx.clock);
        helped.cadreIdProperty().bind(Bindings.createObjectBinding(() -> vm.editingProperty().get().id(),
                vm.editingProperty()));
        controller.addSection(Fxml.load(HelperPairingsController.class, "HelperPairingsView.fxml",
                new HelperPairingsController(helped)));
        return new Loaded(view, () -> {
            vm.load();
            helped.reload();
        });
    }),
    UNITS("nav.units", ctx -> {
        UnitsViewModel vm = new UnitsViewModel(ctx.cadres, ctx.executor, ctx.status, ctx.clock);
        UnitsController controller = new UnitsController(vm, ctx.files);
        Parent view = Fxml.load(UnitsController.class, "UnitsView.fxml", controller);
        // The unit's form shows whom the unit helps and how far from the quota (its cadres' pairings count).
        HelperPairingsViewModel helped = new HelperPairingsViewModel(ctx.pairings, ctx.executor, ctx.clock);
        helped.unitIdProperty().bind(Bindings.createObjectBinding(() -> vm.editingProperty().get().id(),
                vm.editingProperty()));
        controller.addSection(Fxml.load(HelperPairingsController.class, "HelperPairingsView.fxml",
                new HelperPairingsController(helped)));
        return new Loaded(view, () -> {
            vm.load();
            helped.reload();
        });
    }),
    PAIRINGS("nav.pairings", ctx -> {
        PairingsViewModel vm = new PairingsViewModel(ctx.pairings, ctx.cadres, ctx.villages, ctx.executor,
                ctx.status, ctx.clock);
        return new Loaded(Fxml.load(PairingsController.class, "PairingsView.fxml", new PairingsController(vm)),
                vm::load);
    }),
    VISIT_ENTRY("nav.visitEntry", ctx -> {
        VisitEntryViewModel vm = new VisitEntryViewModel(ctx.visits, ctx.executor, ctx.status, ctx.clock);
        VisitEntryController controller = new VisitEntryController(vm);
        Parent view = Fxml.load(VisitEntryController.class, "VisitEntryView.fxml", controller);
        return new Loaded(view, () -> {
            vm.load();
            javafx.application.Platform.runLater(controller::focusFirst);
        });
    }),
    VISITS("nav.visits", ctx -> {
        VisitsViewModel vm = new VisitsViewModel(ctx.visits, ctx.executor, ctx.status, ctx.clock);
        return new Loaded(Fxml.load(VisitsController.class, "VisitsView.fxml", new VisitsController(vm, ctx.files)), vm::load);
    }),
    PROBLEMS("nav.problems", ctx -> {
        ProblemsViewModel vm = new ProblemsViewModel(ctx.visits, ctx.executor, ctx.status, ctx.clock);
        return new Loaded(Fxml.load(ProblemsController.class, "ProblemsView.fxml", new ProblemsController(vm, ctx.files)),
                vm::load);
    }),
    HELP("nav.help", ctx -> {
        HelpViewModel vm = new HelpViewModel(ctx.visits, ctx.executor, ctx.status, ctx.clock);
        return new Loaded(Fxml.load(HelpController.class, "HelpView.fxml", new HelpController(vm, ctx.files)), vm::load);
    }),
    GRADING("nav.grading", ctx -> {
        GradingViewModel vm = new GradingViewModel(ctx.grading, ctx.executor, ctx.status);
        return new Loaded(Fxml.load(GradingController.class, "GradingView.fxml", new GradingController(vm)),
                vm::shown);
    }),
    REVIEWS("nav.reviews", ctx -> {
        ReviewsViewModel vm = new ReviewsViewModel(ctx.grading, ctx.executor, ctx.status);
        return new Loaded(Fxml.load(ReviewsController.class, "ReviewsView.fxml", new ReviewsController(vm)),
                vm::shown);
    }),
    STARS("nav.stars", ctx -> {
        StarsViewModel vm = new StarsViewModel(ctx.grading, ctx.executor, ctx.status);
        return new Loaded(Fxml.load(StarsController.class, "StarsView.fxml", new StarsController(vm)), vm::shown);
    }),
    GRADE_TALLY("nav.gradeTally", ctx -> {
        GradeTallyViewModel vm = new GradeTallyViewModel(ctx.grading, ctx.executor);
        return new Loaded(Fxml.load(GradeTallyController.class, "GradeTallyView.fxml", new GradeTallyController(vm)),
                vm::load);
    }),
    REPORTS("nav.reports", ctx -> {
        ReportsViewModel vm = new ReportsViewModel(ctx.reports, ctx.executor, ctx.status);
        return new Loaded(Fxml.load(ReportsController.class, "ReportsView.fxml", new ReportsController(vm)), vm::load);
    }),
    CHECKS("nav.checks", ctx -> {
        ChecksViewModel vm = new ChecksViewModel(ctx.cadres, ctx.pairings, ctx.grading, ctx.visits, ctx.executor,
                ctx.status);
        return new Loaded(Fxml.load(ChecksController.class, "ChecksView.fxml", new ChecksController(vm)), vm::load);
    }),
    RECYCLE_BIN("nav.recycleBin", ctx -> {
        RecycleBinViewModel vm = new RecycleBinViewModel(ctx.binRegisters(), ctx.executor, ctx.status);
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
