package org.townshipledger.visit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.Unit;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;

/**
 * State of the 帮扶措施 screen: the help given (filtered by village, year and kind) with its totals above the list
 * (items, money, goods, exact to the fen), and the form of the selected or a new item: target (a household found by
 * name, initials or ID tail, or a village), kind, description, money and goods in yuan (typed as text; anything but
 * an amount with at most two decimals is refused in Chinese before it reaches the service), helper, date, status.
 */
public final class HelpViewModel {

    public static final String F_TARGET = "target";
    public static final String F_KIND = "kind";
    public static final String F_DESCRIPTION = "description";
    public static final String F_MONEY = "money";
    public static final String F_GOODS = "goods";
    public static final String F_HELPER = "helper";
    public static final String F_DATE = "date";
    public static final String F_STATUS = "status";
    static final List<String> FIELDS = List.of(F_TARGET, F_KIND, F_DESCRIPTION, F_MONEY, F_GOODS, F_HELPER, F_DATE,
            F_STATUS);

    /** The figures above the list. */
    public record Totals(int items, BigDecimal money, BigDecimal goods) {
        public BigDecimal value() {
            return money.add(goods);
        }
    }

    private final VisitService service;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final Clock clock;

    private final ObservableList<Village> villages = FXCollections.observableArrayList();
    private final ObjectProperty<Village> village = new SimpleObjectProperty<>();
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final ObjectProperty<HelpKind> kindFilter = new SimpleObjectProperty<>();
    private final ObservableList<HelpItem> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Totals> totals = new SimpleObjectProperty<>(new Totals(0, zero(), zero()));
    private final StringProperty totalsText = new SimpleStringProperty("");

    private final ObservableList<Cadre> cadres = FXCollections.observableArrayList();
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObjectProperty<HelpItem> editing = new SimpleObjectProperty<>();
    private final ObjectProperty<VisitTarget> target = new SimpleObjectProperty<>(VisitTarget.HOUSEHOLD);
    private final StringProperty householdQuery = new SimpleStringProperty("");
    private final ObservableList<HouseholdPick> suggestions = FXCollections.observableArrayList();
    private final ObjectProperty<HouseholdPick> household = new SimpleObjectProperty<>();
    private final ObjectProperty<Village> formVillage = new SimpleObjectProperty<>();
    private final ObjectProperty<HelpKind> kind = new SimpleObjectProperty<>();
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty money = new SimpleStringProperty("");
    private final StringProperty goods = new SimpleStringProperty("");
    private final ObjectProperty<Cadre> cadre = new SimpleObjectProperty<>();
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ObjectProperty<HelpStatus> helpStatus = new SimpleObjectProperty<>(HelpStatus.PLANNED);
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final StringProperty formError = new SimpleStringProperty("");

    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final AtomicLong latest = new AtomicLong();
    private final AtomicLong latestSearch = new AtomicLong();
    private boolean quiet;

    public HelpViewModel(VisitService service, TaskExecutor executor, StatusBarModel status, Clock clock) {
        this.service = service;
        this.executor = executor;
        this.status = status;
        this.clock = clock;
        FIELDS.forEach(f -> errors.put(f, new SimpleStringProperty("")));
        // Opens on the ledger's working year (the office's year, which may lag the calendar), not today's year.
        int working = service.workingYear();
        int newest = Math.max(LocalDate.now(clock).getYear(), working);
        years.setAll(VisitsViewModel.yearChoices(newest));
        year.set(working);
        village.addListener((obs, old, v) -> reload());
        year.addListener((obs, old, y) -> reload());
        kindFilter.addListener((obs, old, k) -> reload());
        householdQuery.addListener((obs, old, q) -> {
            if (!quiet && household.get() != null && !VisitEntryViewModel.pickLabel(household.get()).equals(q)) {
                household.set(null);
            }
        });
        startNew();
    }

    private record Lists(List<Village> villages, List<Cadre> cadres, List<Unit> units) {
    }

    /** Reads the villages, cadres and units, then the list. */
    public void load() {
        executor.execute(() -> new Lists(service.villages(), service.cadres(), service.units()), lists -> {
            villages.setAll(lists.villages());
            cadres.setAll(lists.cadres());
            units.setAll(lists.units());
            if (village.get() != null) {
                village.set(lists.villages().stream().filter(v -> v.id().equals(village.get().id())).findFirst()
                        .orElse(null));
            }
            reload();
        }, this::failed);
    }

    /** Reads the list for the filters again and sums it; an older reply is dropped. */
    public void reload() {
        long ask = latest.incrementAndGet();
        HelpFilter f = new HelpFilter(village.get() == null ? null : village.get().id(), year.get(),
                kindFilter.get(), null);
        busy.set(true);
        executor.execute(() -> service.helpItems(f), list -> {
            if (ask != latest.get()) {
                return;
            }
            busy.set(false);
            error.set("");
            rows.setAll(list);
            Totals t = totalsOf(list);
            totals.set(t);
            totalsText.set(Messages.get("help.totals", t.items(), yuan(t.money()), yuan(t.goods()),
                    yuan(t.value())));
        }, e -> {
            if (ask == latest.get()) {
                failed(e);
            }
        });
    }

    /** Items, money and goods of {@code list}, exact. */
    static Totals totalsOf(List<HelpItem> list) {
        BigDecimal m = zero();
        BigDecimal g = zero();
        for (HelpItem h : list) {
            m = m.add(h.money() == null ? zero() : h.money());
            g = g.add(h.goodsValue() == null ? zero() : h.goodsValue());
        }
        return new Totals(list.size(), m, g);
    }

    /** "12,345.60". */
    public static String yuan(BigDecimal amount) {
        return amount == null ? "" : String.format(java.util.Locale.ROOT, "%,.2f", amount);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    // ---- the household picker ----

    public void searchHouseholds() {
        String q = householdQuery.get() == null ? "" : householdQuery.get().strip();
        long ask = latestSearch.incrementAndGet();
        if (q.isEmpty() || household.get() != null) {
            suggestions.clear();
            return;
        }
        executor.execute(() -> ask == latestSearch.get()
                ? service.householdPicks(q, VisitEntryViewModel.SUGGESTIONS) : null, list -> {
            if (list != null && ask == latestSearch.get()) {
                suggestions.setAll(list);
            }
        }, this::failed);
    }

    public void pickHousehold(HouseholdPick h) {
        latestSearch.incrementAndGet();
        quiet = true;
        try {
            household.set(h);
            householdQuery.set(h == null ? "" : VisitEntryViewModel.pickLabel(h));
        } finally {
            quiet = false;
        }
        suggestions.clear();
        if (h != null) {
            errors.get(F_TARGET).set("");
        }
    }

    // ---- import and export ----

    /** State of the import dialog for a help sheet; the list reloads after an import. */
    public org.townshipledger.ui.ImportViewModel importer() {
        return new org.townshipledger.ui.ImportViewModel(exchange(), executor, status, this::reload);
    }

    /** State of the export dialog: the help the filters show (ID numbers masked unless asked). */
    public org.townshipledger.ui.ExportViewModel exporter() {
        return new org.townshipledger.ui.ExportViewModel(exchange(), executor, status);
    }

    LogExchange exchange() {
        Village v = village.get();
        Integer y = year.get();
        HelpKind k = kindFilter.get();
        HelpFilter f = new HelpFilter(v == null ? null : v.id(), y, k, null);
        return LogExchange.filtered(LogExchange.Register.HELP, service, "help.exchange.scopeAll",
                "help.exchange.scope", java.util.Arrays.asList(v == null ? null : v.name(),
                        y == null ? null : Messages.get("exchange.year", y), k == null ? null : k.label()),
                (file, fullId) -> service.exportHelp(file, f, fullId));
    }

    // ---- the form ----

    /** An empty form: a household, today, 计划, the kind and village of the filters. */
    public void startNew() {
        editing.set(null);
        target.set(VisitTarget.HOUSEHOLD);
        pickHousehold(null);
        formVillage.set(village.get());
        kind.set(kindFilter.get());
        description.set("");
        money.set("");
        goods.set("");
        cadre.set(null);
        unit.set(null);
        date.set(LocalDate.now(clock));
        helpStatus.set(HelpStatus.PLANNED);
        clearErrors();
    }

    public void select(HelpItem h) {
        if (h == null) {
            return;
        }
        editing.set(h);
        target.set(h.target());
        pickHousehold(h.target() == VisitTarget.HOUSEHOLD
                ? new HouseholdPick(h.householdId(), h.householdName(), h.villageName(), null, null) : null);
        formVillage.set(villages.stream().filter(v -> v.id().equals(h.villageId())).findFirst().orElse(null));
        kind.set(h.kind());
        description.set(Objects.requireNonNullElse(h.description(), ""));
        money.set(plain(h.money()));
        goods.set(plain(h.goodsValue()));
        cadre.set(cadres.stream().filter(k -> k.id().equals(h.cadreId())).findFirst().orElse(null));
        unit.set(units.stream().filter(u -> u.id().equals(h.unitId())).findFirst().orElse(null));
        date.set(h.date());
        helpStatus.set(h.status());
        clearErrors();
    }

    private static String plain(BigDecimal b) {
        return b == null || b.signum() == 0 ? "" : b.toPlainString();
    }

    private void clearErrors() {
        errors.values().forEach(e -> e.set(""));
        formError.set("");
    }

    /**
     * An amount typed in yuan: empty is none; "1200", "1,200.50", "1200.5元" are read; anything else, or more than
     * two decimals, sets the field's reason and gives null.
     */
    BigDecimal amount(String field, String text) {
        String t = text == null ? "" : text.strip().replace(",", "").replace("，", "").replace("元", "").strip();
        if (t.isEmpty()) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(t);
        } catch (NumberFormatException e) {
            errors.get(field).set(Messages.get("help.ui.error.amount", text.strip()));
            return null;
        }
        if (value.signum() < 0) {
            errors.get(field).set(Messages.get("validation.notNegative"));
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            errors.get(field).set(Messages.get("help.error.fen"));
            return null;
        }
        return value.setScale(2);
    }

    /** Saves the form: a new item is given, a selected one updated. Reasons go next to the fields. */
    public boolean save() {
        clearErrors();
        BigDecimal m = amount(F_MONEY, money.get());
        BigDecimal g = amount(F_GOODS, goods.get());
        boolean ok = m != null && g != null;
        if (target.get() == VisitTarget.HOUSEHOLD && household.get() == null) {
            errors.get(F_TARGET).set(Messages.get(householdQuery.get() == null || householdQuery.get().isBlank()
                    ? "visit.entry.error.noHousehold" : "visit.entry.error.pickHousehold"));
            ok = false;
        }
        if (!ok) {
            return false;
        }
        HelpItem base = editing.get();
        VisitTarget t = target.get();
        HelpItem d = new HelpItem(base == null ? null : base.id(), t,
                t == VisitTarget.HOUSEHOLD ? household.get().householdId() : null, null,
                t == VisitTarget.VILLAGE && formVillage.get() != null ? formVillage.get().id() : null, null,
                kind.get(), description.get(), m, g, cadre.get() == null ? null : cadre.get().id(),
                unit.get() == null ? null : unit.get().id(), null, date.get(), helpStatus.get(),
                base == null ? 0 : base.version());
        boolean isNew = base == null;
        busy.set(true);
        executor.execute(() -> isNew ? service.give(d) : service.updateHelp(d), saved -> {
            busy.set(false);
            status.saved(LocalTime.now(clock));
            reload();
            if (isNew) {
                startNew();
            } else {
                select(saved);
            }
        }, this::refused);
        return true;
    }

    /** Moves the selected item out of the list (to the recycle bin); the status bar offers 撤销. */
    public void delete() {
        HelpItem h = editing.get();
        if (h == null) {
            return;
        }
        busy.set(true);
        executor.execute(() -> {
            service.removeHelp(h);
            return h;
        }, removed -> {
            busy.set(false);
            status.offerUndo(Messages.get("help.status.deleted", describe(removed)), () -> restore(removed.id()));
            startNew();
            reload();
        }, this::refused);
    }

    /** Brings an item of help back from the recycle bin (the undo of a delete). */
    public void restore(UUID id) {
        busy.set(true);
        executor.execute(() -> service.restoreHelp(id), restored -> {
            busy.set(false);
            status.show(Messages.get("help.status.restored", describe(restored)));
            reload();
        }, e -> {
            busy.set(false);
            status.show(e.getMessage());
        });
    }

    private static String describe(HelpItem h) {
        return Objects.requireNonNullElse(h.description(), h.kind().label());
    }

    private void refused(Exception e) {
        busy.set(false);
        if (e instanceof InvalidInputException invalid) {
            Map<String, String> byLabel = new HashMap<>();
            Map.of(F_TARGET, "help.field.target", F_KIND, "help.field.kind", F_DESCRIPTION, "help.field.description",
                    F_MONEY, "help.field.money", F_GOODS, "help.field.goods", F_HELPER, "help.field.helper",
                    F_DATE, "help.field.date", F_STATUS, "help.field.status")
                    .forEach((field, key) -> byLabel.put(Messages.get(key), field));
            List<String> elsewhere = new ArrayList<>();
            for (org.townshipledger.common.Problem p : invalid.problems()) {
                String field = byLabel.get(p.field());
                if (field == null) {
                    elsewhere.add(p.describe());
                } else {
                    errors.get(field).set(p.message());
                }
            }
            formError.set(String.join("\n", elsewhere));
        } else if (e instanceof StaleRecordException) {
            formError.set(Messages.get("visit.entry.error.stale"));
        } else {
            failed(e);
        }
    }

    private void failed(Exception e) {
        busy.set(false);
        String message = Messages.get("error.unexpected", Objects.requireNonNullElse(e.getMessage(),
                e.getClass().getSimpleName()));
        error.set(message);
        status.show(message);
    }

    // ---- what the columns show ----

    public static String targetText(HelpItem h) {
        return h.target() == VisitTarget.HOUSEHOLD ? h.target().label() + " "
                + Objects.requireNonNullElse(h.householdName(), "")
                : h.target().label() + " " + Objects.requireNonNullElse(h.villageName(), "");
    }

    // ---- properties ----

    public ObservableList<Village> villages() {
        return villages;
    }

    public ObjectProperty<Village> villageProperty() {
        return village;
    }

    public ObservableList<Integer> years() {
        return years;
    }

    public ObjectProperty<Integer> yearProperty() {
        return year;
    }

    public ObjectProperty<HelpKind> kindFilterProperty() {
        return kindFilter;
    }

    public ObservableList<HelpItem> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<Totals> totalsProperty() {
        return totals;
    }

    public ReadOnlyStringProperty totalsTextProperty() {
        return totalsText;
    }

    public ObservableList<Cadre> cadres() {
        return cadres;
    }

    public ObservableList<Unit> units() {
        return units;
    }

    public ReadOnlyObjectProperty<HelpItem> editingProperty() {
        return editing;
    }

    public ObjectProperty<VisitTarget> targetProperty() {
        return target;
    }

    public StringProperty householdQueryProperty() {
        return householdQuery;
    }

    public ObservableList<HouseholdPick> suggestions() {
        return suggestions;
    }

    public ReadOnlyObjectProperty<HouseholdPick> householdProperty() {
        return household;
    }

    public ObjectProperty<Village> formVillageProperty() {
        return formVillage;
    }

    public ObjectProperty<HelpKind> kindProperty() {
        return kind;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty moneyProperty() {
        return money;
    }

    public StringProperty goodsProperty() {
        return goods;
    }

    public ObjectProperty<Cadre> cadreProperty() {
        return cadre;
    }

    public ObjectProperty<Unit> unitProperty() {
        return unit;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObjectProperty<HelpStatus> helpStatusProperty() {
        return helpStatus;
    }

    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.get(field);
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return error;
    }
}
