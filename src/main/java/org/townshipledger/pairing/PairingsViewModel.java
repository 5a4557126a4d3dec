package org.townshipledger.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreListing;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Pinyin;
import org.townshipledger.common.Problem;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.pairing.PairingService.Proposal;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/**
 * State of the 结对帮扶 screen: the households without a responsible helper (filtered by village and by a search),
 * the helper picker with each cadre's load, the 结对 form, the suggestion preview the user edits before confirming
 * it, and the pairings running in the chosen village with 结束结对 and 更换帮扶人.
 *
 * <p>The screen works on today: the uncovered households and the loads are those of today's year (whose
 * reference day is today), the day new pairings start and the day the service checks the limits on.
 */
public final class PairingsViewModel {

    /** What the panel under the running pairings is doing. */
    public enum PairingAction { NONE, END, REPLACE }

    /**
     * A cadre who can be chosen as helper.
     *
     * @param initials       pinyin initials of the name, for the search
     * @param households     households the cadre helps today
     * @param max            the household limit of the cadre's rank
     * @param postedVillages villages the cadre is posted to today (驻村, 包村 …)
     * @param postedText     their names, "大石村、龙泉村"
     */
    public record Helper(Cadre cadre, String initials, int households, int max, Set<UUID> postedVillages,
                         String postedText) {
        public UUID id() {
            return cadre.id();
        }

        public String name() {
            return cadre.name();
        }

        public String unitName() {
            return cadre.unitName() == null ? "" : cadre.unitName();
        }

        /** Households the cadre may still take. */
        public int room() {
            return Math.max(0, max - households);
        }

        /** "已帮扶 1/上限 5". */
        public String loadText() {
            return Messages.get("pairing.helper.load", households, max);
        }

        /** "张三（县农业局）已帮扶 1/上限 5", as a choice box shows it. */
        public String label() {
            return cadre.unitName() == null ? Messages.get("pairing.helper.choice.noUnit", name(), loadText())
                    : Messages.get("pairing.helper.choice", name(), cadre.unitName(), loadText());
        }

        boolean matches(String query) {
            return Pinyin.matches(cadre.name(), initials, query);
        }
    }

    /**
     * A line of the suggestion preview.
     *
     * @param helper the proposed helper, or null (无可用帮扶人)
     * @param after  households the helper would help once the preview's rows above and this one are paired
     * @param posted whether the helper is posted to the household's village
     */
    public record ProposalRow(UncoveredHousehold household, Helper helper, int after, boolean posted) {
        public boolean hasHelper() {
            return helper != null;
        }

        public boolean overLimit() {
            return helper != null && after > helper.max();
        }

        Proposal toProposal() {
            return helper == null ? new Proposal(household, null, null, null, 0, 0, false)
                    : new Proposal(household, helper.id(), helper.name(), helper.cadre().unitName(), after,
                    helper.max(), posted);
        }
    }

    private final PairingService service;
    private final CadreService cadres;
    private final VillageService villageService;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final Clock clock;

    // ---- filters and the uncovered households ----
    private final ObservableList<Village> villages = FXCollections.observableArrayList();
    private final ObjectProperty<Village> village = new SimpleObjectProperty<>();
    private final ObservableList<UncoveredHousehold> uncovered = FXCollections.observableArrayList();
    private final StringProperty householdSearch = new SimpleStringProperty("");
    private final FilteredList<UncoveredHousehold> shownUncovered = new FilteredList<>(uncovered);
    private final Map<UUID, String> headInitials = new HashMap<>();
    private final ObservableList<UncoveredHousehold> selectedHouseholds = FXCollections.observableArrayList();

    // ---- the helper picker and the 结对 form ----
    private final ObservableList<Helper> helpers = FXCollections.observableArrayList();
    private final StringProperty helperSearch = new SimpleStringProperty("");
    private final FilteredList<Helper> shownHelpers = new FilteredList<>(helpers);
    private final ObjectProperty<Helper> helper = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> startDate = new SimpleObjectProperty<>();
    private final ObjectProperty<PairingKind> kind = new SimpleObjectProperty<>(PairingKind.ONE_TO_ONE);
    private final StringProperty pairError = new SimpleStringProperty("");

    // ---- the suggestion preview ----
    private final ObservableList<ProposalRow> proposals = FXCollections.observableArrayList();
    private final BooleanProperty previewing = new SimpleBooleanProperty();
    private final StringProperty proposalInfo = new SimpleStringProperty("");
    private final StringProperty proposalError = new SimpleStringProperty("");

    // ---- the running pairings and their actions ----
    private final ObservableList<Pairing> pairings = FXCollections.observableArrayList();
    private final ObjectProperty<Pairing> selectedPairing = new SimpleObjectProperty<>();
    private final ObjectProperty<PairingAction> action = new SimpleObjectProperty<>(PairingAction.NONE);
    private final ObjectProperty<LocalDate> actionDate = new SimpleObjectProperty<>();
    private final StringProperty actionReason = new SimpleStringProperty("");
    private final ObjectProperty<Helper> actionHelper = new SimpleObjectProperty<>();
    private final StringProperty actionError = new SimpleStringProperty("");

    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty loadError = new SimpleStringProperty("");
    private final Map<UUID, Integer> baseLoad = new HashMap<>();
    /** Households per helper once the preview is confirmed. */
    private final Map<UUID, Integer> planned = new HashMap<>();
    private long listRequest;

    public PairingsViewModel(PairingService service, CadreService cadres, VillageService villageService,
                             TaskExecutor executor, StatusBarModel status, Clock clock) {
        this.service = service;
        this.cadres = cadres;
        this.villageService = villageService;
        this.executor = executor;
        this.status = status;
        this.clock = clock;
        village.addListener((obs, old, v) -> {
            if (!Objects.equals(old == null ? null : old.id(), v == null ? null : v.id())) {
                resortHelpers();
                reloadLists();
            }
        });
        helper.addListener((obs, old, h) -> {
            suggestKind();
            // The searchable helper list also chooses the new helper while one is being replaced.
            if (action.get() == PairingAction.REPLACE && h != null && selectedPairing.get() != null
                    && !h.id().equals(selectedPairing.get().cadreId())) {
                actionHelper.set(h);
            }
        });
        selectedHouseholds.addListener((javafx.collections.ListChangeListener<UncoveredHousehold>) c -> suggestKind());
        householdSearch.addListener((obs, old, q) -> filterHouseholds());
        helperSearch.addListener((obs, old, q) -> shownHelpers.setPredicate(h -> h.matches(q)));
        startDate.set(today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The year whose reference day is today: the service's lists for it are today's. */
    private int year() {
        return today().getYear();
    }

    // ---- loading ----

    private record Lists(List<UncoveredHousehold> uncovered, List<Pairing> pairings) {
    }

    private record Loaded(List<Village> villages, List<Helper> helpers, Lists lists) {
    }

    /** Loads the villages, the helpers with their loads, the uncovered households and the running pairings. */
    public void load() {
        busy.set(true);
        loadError.set("");
        UUID villageId = villageId();
        long request = ++listRequest;
        executor.execute(() -> new Loaded(villageService.villages(), readHelpers(), readLists(villageId)), loaded -> {
            busy.set(false);
            villages.setAll(loaded.villages());
            if (village.get() != null && loaded.villages().stream().noneMatch(v -> v.id().equals(village.get().id()))) {
                village.set(null);
            }
            setHelpers(loaded.helpers());
            if (request == listRequest) {
                setLists(loaded.lists());
            }
        }, this::loadFailed);
    }

    /** Reads the helpers and the lists again after a change. */
    private void reloadAll() {
        UUID villageId = villageId();
        long request = ++listRequest;
        executor.execute(() -> new Loaded(List.of(), readHelpers(), readLists(villageId)), loaded -> {
            setHelpers(loaded.helpers());
            if (request == listRequest) {
                setLists(loaded.lists());
            }
        }, this::loadFailed);
    }

    /** Reads the uncovered households and the running pairings of the chosen village; older replies are dropped. */
    public void reloadLists() {
        UUID villageId = villageId();
        long request = ++listRequest;
        executor.execute(() -> readLists(villageId), lists -> {
            if (request == listRequest) {
                setLists(lists);
            }
        }, this::loadFailed);
    }

    private Lists readLists(UUID villageId) {
        LocalDate on = today();
        return new Lists(service.uncoveredHouseholds(villageId, on.getYear()),
                service.pairings(new PairingFilter(villageId, null, null, null, on)));
    }

    private List<Helper> readHelpers() {
        LocalDate on = today();
        PairingRules rules = service.rules();
        Map<UUID, HelperLoad> loads = service.loads(on.getYear()).stream().filter(l -> l.cadreId() != null)
                .collect(Collectors.toMap(HelperLoad::cadreId, l -> l, (a, b) -> a));
        List<Helper> out = new ArrayList<>();
        for (CadreListing listing : cadres.listCadres(null, null, null, null, null, on)) {
            Cadre k = listing.cadre();
            HelperLoad l = loads.get(k.id());
            Set<UUID> posted = listing.current().stream().map(a -> a.villageId()).collect(Collectors.toSet());
            String postedText = listing.current().stream().map(a -> a.villageName()).distinct()
                    .collect(Collectors.joining("、"));
            out.add(new Helper(k, Pinyin.initials(k.name()), l == null ? 0 : l.done().households(),
                    l == null ? rules.maxHouseholds(k.rank()) : l.maxHouseholds(), posted, postedText));
        }
        return out;
    }

    private void setHelpers(List<Helper> list) {
        UUID chosen = helper.get() == null ? null : helper.get().id();
        baseLoad.clear();
        list.forEach(h -> baseLoad.put(h.id(), h.households()));
        helpers.setAll(sortedHelpers(list));
        helper.set(chosen == null ? null : find(chosen));
        if (actionHelper.get() != null) {
            actionHelper.set(find(actionHelper.get().id()));
        }
        if (!proposals.isEmpty()) {
            List<ProposalRow> rows = proposals.stream().map(r -> r.helper() == null ? r
                    : new ProposalRow(r.household(), find(r.helper().id()), 0, false)).toList();
            proposals.setAll(recount(rows));
        }
    }

    /**
     * With a village chosen, the cadres posted there come first, the least loaded first; otherwise (and after
     * them) the order of the cadre register (by name).
     */
    private List<Helper> sortedHelpers(List<Helper> list) {
        UUID villageId = villageId();
        if (villageId == null) {
            return list;
        }
        List<Helper> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing((Helper h) -> !h.postedVillages().contains(villageId))
                .thenComparing(h -> h.postedVillages().contains(villageId) ? h.households() : 0));
        return sorted;
    }

    private void resortHelpers() {
        Helper chosen = helper.get();
        List<Helper> all = new ArrayList<>(helpers);
        all.sort(Comparator.comparing(Helper::initials).thenComparing(Helper::name));
        helpers.setAll(sortedHelpers(all));
        helper.set(chosen);
    }

    /** Suggests the kind from the numbers: a helper with more than one household is 一对多. */
    private void suggestKind() {
        Helper h = helper.get();
        if (h != null && !selectedHouseholds.isEmpty()) {
            kind.set(h.households() + selectedHouseholds.size() > 1 ? PairingKind.ONE_TO_MANY
                    : PairingKind.ONE_TO_ONE);
        }
    }

    private Helper find(UUID cadreId) {
        return helpers.stream().filter(h -> h.id().equals(cadreId)).findFirst().orElse(null);
    }

    private void setLists(Lists lists) {
        headInitials.clear();
        lists.uncovered().forEach(u -> headInitials.put(u.householdId(), Pinyin.initials(u.headName())));
        uncovered.setAll(lists.uncovered());
        filterHouseholds();
        Pairing selected = selectedPairing.get();
        pairings.setAll(lists.pairings());
        selectedPairing.set(selected == null ? null : lists.pairings().stream()
                .filter(p -> p.id().equals(selected.id())).findFirst().orElse(null));
        if (selectedPairing.get() == null) {
            cancelAction();
        }
    }

    private void filterHouseholds() {
        String q = householdSearch.get();
        shownUncovered.setPredicate(u -> Pinyin.matches(u.headName(), headInitials.get(u.householdId()), q));
    }

    private UUID villageId() {
        return village.get() == null ? null : village.get().id();
    }

    private void loadFailed(Exception e) {
        busy.set(false);
        loadError.set(message(e));
    }

    // ---- 结对 ----

    /**
     * Pairs every selected household with the chosen helper from the start date. A helper without room for them
     * all is refused here when several are selected (nothing written); otherwise the service decides, household by
     * household, and its refusal (over the limit, already paired …) is shown.
     *
     * @return false when something is missing (nothing sent)
     */
    public boolean pair() {
        pairError.set("");
        List<UncoveredHousehold> chosen = List.copyOf(selectedHouseholds);
        Helper h = helper.get();
        LocalDate from = startDate.get();
        PairingKind k = kind.get();
        if (chosen.isEmpty()) {
            pairError.set(Messages.get("pairing.ui.error.noHousehold"));
            return false;
        }
        if (h == null) {
            pairError.set(Messages.get("pairing.ui.error.noHelper"));
            return false;
        }
        if (from == null) {
            pairError.set(Messages.get("pairing.ui.error.noDate"));
            return false;
        }
        if (chosen.size() > 1 && chosen.size() > h.room()) {
            pairError.set(Messages.get("pairing.ui.error.room", h.name(), h.room(), h.households(), h.max(),
                    chosen.size()));
            return false;
        }
        busy.set(true);
        executor.execute(() -> {
            int done = 0;
            for (UncoveredHousehold u : chosen) {
                try {
                    service.pair(Pairing.ofHousehold(h.id(), u.householdId(), k, from));
                } catch (InvalidInputException | StaleRecordException e) {
                    return new PairOutcome(done, u, message(e));
                }
                done++;
            }
            return new PairOutcome(done, null, null);
        }, outcome -> {
            busy.set(false);
            if (outcome.failed() == null) {
                status.show(Messages.get("pairing.status.paired", outcome.done(), h.name()));
            } else if (outcome.done() == 0) {
                pairError.set(outcome.reason());
            } else {
                pairError.set(Messages.get("pairing.ui.error.partial", outcome.done(), outcome.failed().headName(),
                        outcome.reason()));
            }
            if (outcome.done() > 0) {
                reloadAll();
            }
        }, e -> {
            busy.set(false);
            pairError.set(message(e));
            reloadAll();
        });
        return true;
    }

    private record PairOutcome(int done, UncoveredHousehold failed, String reason) {
    }

    // ---- 建议 ----

    /** Asks the service for a helper for every uncovered household of the chosen village; nothing is written. */
    public void suggest() {
        proposalError.set("");
        UUID villageId = villageId();
        busy.set(true);
        executor.execute(() -> service.suggest(villageId), list -> {
            busy.set(false);
            List<ProposalRow> rows = list.stream().map(p -> new ProposalRow(p.household(),
                    p.hasHelper() ? find(p.cadreId()) : null, 0, false)).toList();
            proposals.setAll(recount(rows));
            previewing.set(true);
            updateProposalInfo();
        }, e -> {
            busy.set(false);
            proposalError.set(message(e));
        });
    }

    /** Takes rows out of the preview; the helpers' counts below them go down. */
    public void removeProposals(Collection<ProposalRow> rows) {
        Set<UUID> gone = rows.stream().map(r -> r.household().householdId()).collect(Collectors.toSet());
        List<ProposalRow> kept = proposals.stream().filter(r -> !gone.contains(r.household().householdId())).toList();
        if (kept.size() != proposals.size()) {
            proposals.setAll(recount(kept));
            updateProposalInfo();
        }
    }

    /** Gives a row of the preview another helper (or none); every row's counts are worked out again. */
    public void changeHelper(ProposalRow row, Helper newHelper) {
        int i = proposals.indexOf(row);
        if (i < 0) {
            return;
        }
        List<ProposalRow> rows = new ArrayList<>(proposals);
        rows.set(i, new ProposalRow(row.household(), newHelper, 0, false));
        proposals.setAll(recount(rows));
        updateProposalInfo();
    }

    /** The helpers to offer for a row: those posted to the household's village first, then the least loaded by the preview. */
    public List<Helper> helperOptions(ProposalRow row) {
        UUID villageId = row.household().villageId();
        return helpers.stream().sorted(Comparator.comparing((Helper h) -> !h.postedVillages().contains(villageId))
                .thenComparingInt(this::planned).thenComparing(Helper::initials)).toList();
    }

    /**
     * How a helper reads in a row's choice list, counting the households the preview gives them:
     * "张三（县农业局）按方案帮扶 3/上限 5 · 驻本村".
     */
    public String optionLabel(ProposalRow row, Helper h) {
        String who = h.cadre().unitName() == null ? h.name()
                : Messages.get("pairing.helper.withUnit", h.name(), h.cadre().unitName());
        String label = Messages.get("pairing.suggest.option", who, planned(h), h.max());
        return h.postedVillages().contains(row.household().villageId())
                ? Messages.get("pairing.suggest.option.posted", label) : label;
    }

    /** Households the helper has once the preview as it stands is confirmed. */
    private int planned(Helper h) {
        return planned.getOrDefault(h.id(), h.households());
    }

    /** Households after each row, counted from today's loads down the preview. */
    private List<ProposalRow> recount(List<ProposalRow> rows) {
        Map<UUID, Integer> running = planned;
        running.clear();
        running.putAll(baseLoad);
        List<ProposalRow> out = new ArrayList<>(rows.size());
        for (ProposalRow r : rows) {
            if (r.helper() == null) {
                out.add(new ProposalRow(r.household(), null, 0, false));
                continue;
            }
            int after = running.merge(r.helper().id(), 1, Integer::sum);
            out.add(new ProposalRow(r.household(), r.helper(), after,
                    r.helper().postedVillages().contains(r.household().villageId())));
        }
        return out;
    }

    private void updateProposalInfo() {
        long with = proposals.stream().filter(ProposalRow::hasHelper).count();
        long over = proposals.stream().filter(ProposalRow::overLimit).count();
        String info = Messages.get("pairing.suggest.info", proposals.size(), with, proposals.size() - with);
        proposalInfo.set(over == 0 ? info : info + Messages.get("pairing.suggest.over", over));
    }

    /**
     * Pairs the preview's rows that have a helper, all or nothing. A refusal lists every reason and keeps the
     * preview as it is, to be edited and confirmed again.
     *
     * @return false when no row has a helper (nothing sent)
     */
    public boolean confirmProposals() {
        proposalError.set("");
        List<Proposal> chosen = proposals.stream().filter(ProposalRow::hasHelper).map(ProposalRow::toProposal)
                .toList();
        if (chosen.isEmpty()) {
            proposalError.set(Messages.get("pairing.ui.error.noProposal"));
            return false;
        }
        busy.set(true);
        executor.execute(() -> service.apply(chosen), n -> {
            busy.set(false);
            proposals.clear();
            previewing.set(false);
            proposalInfo.set("");
            status.show(Messages.get("pairing.status.applied", n));
            reloadAll();
        }, e -> {
            busy.set(false);
            proposalError.set(message(e));
        });
        return true;
    }

    /** Drops the preview; nothing was written. */
    public void cancelProposals() {
        proposals.clear();
        previewing.set(false);
        proposalInfo.set("");
        proposalError.set("");
    }

    // ---- 删除 (to the recycle bin) ----

    /** Moves the selected pairing (entered by mistake) to the recycle bin; the status offers 撤销. */
    public void removeSelected() {
        Pairing p = selectedPairing.get();
        if (p == null) {
            return;
        }
        busy.set(true);
        executor.execute(() -> {
            service.remove(p);
            return p;
        }, removed -> {
            busy.set(false);
            selectedPairing.set(null);
            status.offerUndo(Messages.get("pairing.status.deleted", PairingBin.name(removed)),
                    () -> executor.execute(() -> service.restore(removed.id()), back -> reloadAll(),
                            this::loadFailed));
            reloadAll();
        }, this::loadFailed);
    }

    // ---- 结束结对 and 更换帮扶人 ----

    /** Opens the panel to end the selected pairing today. */
    public void startEnd() {
        actionDate.set(today());
        actionReason.set("");
        actionError.set("");
        action.set(PairingAction.END);
    }

    /**
     * Opens the panel to give the selected pairing's target another helper from today; the helper chosen in the
     * helper list (if another one) is proposed.
     */
    public void startReplace() {
        actionDate.set(today());
        actionReason.set("");
        Pairing p = selectedPairing.get();
        Helper h = helper.get();
        actionHelper.set(h != null && p != null && !h.id().equals(p.cadreId()) ? h : null);
        actionError.set("");
        action.set(PairingAction.REPLACE);
    }

    public void cancelAction() {
        action.set(PairingAction.NONE);
        actionError.set("");
    }

    /**
     * Does what the panel says; a refusal by the service stays in the panel.
     *
     * @return false when something required is missing (nothing sent)
     */
    public boolean applyAction() {
        actionError.set("");
        Pairing p = selectedPairing.get();
        LocalDate date = actionDate.get();
        String reason = actionReason.get();
        PairingAction what = action.get();
        if (what == PairingAction.NONE) {
            return false;
        }
        if (p == null || p.endDate() != null) {
            actionError.set(Messages.get("pairing.ui.error.selectPairing"));
            return false;
        }
        if (date == null) {
            actionError.set(Messages.get("pairing.ui.error.noDate"));
            return false;
        }
        Helper next = actionHelper.get();
        if (what == PairingAction.REPLACE) {
            if (next == null) {
                actionError.set(Messages.get("pairing.ui.error.noHelper"));
                return false;
            }
            if (next.id().equals(p.cadreId())) {
                actionError.set(Messages.get("pairing.ui.error.sameHelper"));
                return false;
            }
        }
        busy.set(true);
        executor.execute(() -> {
            if (what == PairingAction.END) {
                service.end(p, date, reason);
                return Messages.get("pairing.status.ended", p.helperName(), PairingService.targetLabel(p));
            }
            service.replaceHelper(p, next.id(), null, date, reason);
            return Messages.get("pairing.status.replaced", PairingService.targetLabel(p), p.helperName(), next.name());
        }, done -> {
            busy.set(false);
            action.set(PairingAction.NONE);
            selectedPairing.set(null);
            status.show(done);
            reloadAll();
        }, e -> {
            busy.set(false);
            actionError.set(message(e));
        });
        return true;
    }

    // ---- the rules ----

    /** A view model for the 结对规则 dialog; once it saves, this screen reads the limits again. */
    public PairingRulesViewModel rulesEditor() {
        PairingRulesViewModel rules = new PairingRulesViewModel(service, executor, status);
        rules.savedProperty().addListener((obs, was, is) -> {
            if (is) {
                reloadAll();
            }
        });
        return rules;
    }

    /** How a pairing's target reads: 户主 张三, 学生 李四, 大石村. */
    public static String targetLabel(Pairing p) {
        return PairingService.targetLabel(p);
    }

    static String message(Exception e) {
        if (e instanceof InvalidInputException invalid) {
            return String.join("\n", invalid.problems().stream().map(Problem::message).toList());
        }
        if (e instanceof StaleRecordException) {
            return e.getMessage();
        }
        return Messages.get("error.unexpected", Objects.requireNonNullElse(e.getMessage(),
                e.getClass().getSimpleName()));
    }

    // ---- properties ----

    public ObservableList<Village> villages() {
        return villages;
    }

    /** The village the lists show, or null for all. */
    public ObjectProperty<Village> villageProperty() {
        return village;
    }

    public ObservableList<UncoveredHousehold> uncovered() {
        return uncovered;
    }

    public ObservableList<UncoveredHousehold> shownUncovered() {
        return shownUncovered;
    }

    public StringProperty householdSearchProperty() {
        return householdSearch;
    }

    /** The households selected in the list; the controller keeps it in step with the table. */
    public ObservableList<UncoveredHousehold> selectedHouseholds() {
        return selectedHouseholds;
    }

    public ObservableList<Helper> helpers() {
        return helpers;
    }

    public ObservableList<Helper> shownHelpers() {
        return shownHelpers;
    }

    public StringProperty helperSearchProperty() {
        return helperSearch;
    }

    public ObjectProperty<Helper> helperProperty() {
        return helper;
    }

    public ObjectProperty<LocalDate> startDateProperty() {
        return startDate;
    }

    public ObjectProperty<PairingKind> kindProperty() {
        return kind;
    }

    public ReadOnlyStringProperty pairErrorProperty() {
        return pairError;
    }

    public ObservableList<ProposalRow> proposals() {
        return proposals;
    }

    /** True from 建议 until the preview is confirmed or dropped. */
    public ReadOnlyBooleanProperty previewingProperty() {
        return previewing;
    }

    public ReadOnlyStringProperty proposalInfoProperty() {
        return proposalInfo;
    }

    public ReadOnlyStringProperty proposalErrorProperty() {
        return proposalError;
    }

    public ObservableList<Pairing> pairings() {
        return pairings;
    }

    public ObjectProperty<Pairing> selectedPairingProperty() {
        return selectedPairing;
    }

    /** True when a pairing that still runs is selected. */
    public BooleanBinding selectedIsOpenBinding() {
        return Bindings.createBooleanBinding(() -> selectedPairing.get() != null
                && selectedPairing.get().endDate() == null, selectedPairing);
    }

    public ReadOnlyObjectProperty<PairingAction> actionProperty() {
        return action;
    }

    public ObjectProperty<LocalDate> actionDateProperty() {
        return actionDate;
    }

    public StringProperty actionReasonProperty() {
        return actionReason;
    }

    public ObjectProperty<Helper> actionHelperProperty() {
        return actionHelper;
    }

    public ReadOnlyStringProperty actionErrorProperty() {
        return actionError;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError;
    }
}
