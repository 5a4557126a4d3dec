package org.townshipledger.household;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Masking;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Page;
import org.townshipledger.common.Progress;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.exchange.ImportCheck;
import org.townshipledger.exchange.RowIssue;
import org.townshipledger.ui.Exchange;
import org.townshipledger.ui.ExportViewModel;
import org.townshipledger.ui.ImportViewModel;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;

/**
 * State of the households list: the filters, one page of rows read in SQL, and paging. The list never holds more
 * than a page. Every change of a filter asks the database again, on the {@link TaskExecutor}; a reply to an older
 * question is dropped, so a slow answer never overwrites a newer one.
 */
public final class HouseholdsViewModel {

    /** Rows per page. */
    public static final int PAGE_SIZE = 100;

    private final HouseholdService service;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final Clock clock;

    private final ObservableList<Village> villages = FXCollections.observableArrayList();
    private final ObjectProperty<Village> village = new SimpleObjectProperty<>();
    private final ObservableList<VillageGroup> groups = FXCollections.observableArrayList();
    private final ObjectProperty<VillageGroup> group = new SimpleObjectProperty<>();
    private final ObjectProperty<HouseholdCategory> category = new SimpleObjectProperty<>();
    private final ObjectProperty<PovertyStatus> povertyStatus = new SimpleObjectProperty<>();
    private final ObjectProperty<MonitoringType> monitoringType = new SimpleObjectProperty<>();
    private final StringProperty searchText = new SimpleStringProperty("");

    private final ObservableList<HouseholdRow> rows = FXCollections.observableArrayList();
    private final IntegerProperty pageIndex = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final IntegerBinding pageCount;
    private final StringBinding pageText;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    /** The number of the latest question asked; replies to earlier ones are dropped. */
    private final AtomicLong latest = new AtomicLong();
    private boolean quiet;

    public HouseholdsViewModel(HouseholdService service, TaskExecutor executor, StatusBarModel status, Clock clock) {
        this.service = service;
        this.executor = executor;
        this.status = status;
        this.clock = clock;
        pageCount = Bindings.createIntegerBinding(() -> Math.max(1, (total.get() + PAGE_SIZE - 1) / PAGE_SIZE), total);
        pageText = Bindings.createStringBinding(
                () -> Messages.get("households.page", pageIndex.get() + 1, pageCount.get(), total.get()),
                pageIndex, pageCount, total);
        village.addListener((obs, old, v) -> {
            if (!sameId(old, v)) {
                quietly(() -> group.set(null));
            }
            groups.setAll(v == null ? List.of() : v.groups());
            if (!sameId(old, v) && !quiet) {
                firstPage();
            }
        });
        ChangeListener<Object> refilter = (obs, old, value) -> {
            if (!quiet) {
                firstPage();
            }
        };
        group.addListener(refilter);
        category.addListener(refilter);
        povertyStatus.addListener(refilter);
        monitoringType.addListener(refilter);
        searchText.addListener(refilter);
    }

    private static boolean sameId(Village a, Village b) {
        return a == null ? b == null : b != null && Objects.equals(a.id(), b.id());
    }

    private void quietly(Runnable change) {
        boolean was = quiet;
        quiet = true;
        try {
            change.run();
        } finally {
            quiet = was;
        }
    }

    /** Reads the villages for the filter, then the current page (each time the screen is shown). */
    public void load() {
        busy.set(true);
        executor.execute(service::villages, list -> {
            quietly(() -> {
                villages.setAll(list);
                Village chosen = village.get();
                Village fresh = chosen == null ? null
                        : list.stream().filter(v -> v.id().equals(chosen.id())).findFirst().orElse(null);
                village.set(fresh);
                VillageGroup g = group.get();
                group.set(g == null || fresh == null ? null
                        : fresh.groups().stream().filter(x -> Objects.equals(x.id(), g.id())).findFirst().orElse(null));
            });
            fetch(pageIndex.get());
        }, this::failed);
    }

    /** The filters as a query for the service. */
    public HouseholdQuery query() {
        Village v = village.get();
        VillageGroup g = group.get();
        String text = searchText.get() == null ? "" : searchText.get().strip();
        return new HouseholdQuery(v == null ? null : v.id(), g == null ? null : g.id(), category.get(),
                povertyStatus.get(), monitoringType.get(), text.isEmpty() ? null : text);
    }

    public void firstPage() {
        fetch(0);
    }

    public void nextPage() {
        if (pageIndex.get() + 1 < pageCount.get()) {
            fetch(pageIndex.get() + 1);
        }
    }

    public void previousPage() {
        if (pageIndex.get() > 0) {
            fetch(pageIndex.get() - 1);
        }
    }

    /** Reads the page shown again (after a save or a delete). */
    public void reload() {
        fetch(pageIndex.get());
    }

    /** Clears every filter and the search text; one query. */
    public void clearFilters() {
        quietly(() -> {
            village.set(null);
            group.set(null);
            category.set(null);
            povertyStatus.set(null);
            monitoringType.set(null);
            searchText.set("");
        });
        firstPage();
    }

    private void fetch(int page) {
        long ask = latest.incrementAndGet();
        HouseholdQuery q = query();
        busy.set(true);
        executor.execute(() -> {
            // A newer question was asked while this one waited for the worker: don't run it at all.
            if (ask != latest.get()) {
                return null;
            }
            Page<HouseholdRow> found = service.search(q, page * PAGE_SIZE, PAGE_SIZE);
            if (found.rows().isEmpty() && page > 0 && found.total() > 0) {
                int last = (found.total() - 1) / PAGE_SIZE;
                found = service.search(q, last * PAGE_SIZE, PAGE_SIZE);
            }
            return found;
        }, found -> {
            if (ask != latest.get() || found == null) {
                return;
            }
            busy.set(false);
            error.set("");
            rows.setAll(found.rows());
            total.set(found.total());
            pageIndex.set(found.offset() / PAGE_SIZE);
        }, e -> {
            if (ask == latest.get()) {
                failed(e);
            }
        });
    }

    private void failed(Exception e) {
        busy.set(false);
        String message = Messages.get("error.unexpected", e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage());
        error.set(message);
        status.show(message);
    }

    // ---- deleting ----

    /** Moves the household of {@code row} to the recycle bin; the status bar offers 撤销. */
    public void moveToBin(HouseholdRow row) {
        busy.set(true);
        executor.execute(() -> {
            Household h = service.household(row.id()).orElseThrow(() ->
                    new InvalidInputException(Messages.get("household.error.gone")));
            service.moveToBin(h);
            return h;
        }, deleted -> {
            busy.set(false);
            offerUndo(deleted);
            reload();
        }, e -> {
            busy.set(false);
            status.show(e.getMessage());
            reload();
        });
    }

    /** Says in the status bar that {@code deleted} went to the recycle bin, with 撤销 to bring it back. */
    void offerUndo(Household deleted) {
        String head = deleted.head().map(Member::name).orElse("");
        status.offerUndo(Messages.get("households.status.deleted", head), () -> restore(deleted.id()));
    }

    /** Brings a household back from the recycle bin (the undo of a delete). */
    public void restore(UUID id) {
        busy.set(true);
        executor.execute(() -> service.restore(id), restored -> {
            busy.set(false);
            status.show(Messages.get("households.status.restored", restored.head().map(Member::name).orElse("")));
            reload();
        }, e -> {
            busy.set(false);
            status.show(e.getMessage());
        });
    }

    // ---- import and export ----

    /** State of the import dialog for households; the list reloads after an import. */
    public ImportViewModel importer() {
        return new ImportViewModel(exchange(), executor, status, this::reload);
    }

    /** State of the export dialog: the households of the village the list is filtered by (all when none). */
    public ExportViewModel exporter() {
        return new ExportViewModel(exchange(), executor, status);
    }

    /** The households' service calls for the import and export dialogs. */
    Exchange exchange() {
        Village v = village.get();
        return new Exchange() {
            @Override
            public String name() {
                return Messages.get("households.exchange.name");
            }

            @Override
            public ImportCheck dryRun(Path file, Progress progress) throws Exception {
                return toCheck(service.importHouseholds(file, options(progress).withDryRun(true)));
            }

            @Override
            public ImportCheck importFile(Path file, Progress progress) throws Exception {
                return toCheck(service.importHouseholds(file, options(progress)));
            }

            @Override
            public void writeErrorReport(Path file, List<RowIssue> errors, Path out) throws Exception {
                service.writeErrorReport(file, errors.stream().map(i -> new RowProblem(i.line(), i.column(), i.value(),
                        i.reason(), false)).toList(), out);
            }

            @Override
            public String describe(ImportCheck c) {
                return Messages.get("households.exchange.describe", c.added(), c.updated(), c.rows());
            }

            @Override
            public String exportScope() {
                return v == null ? Messages.get("households.exchange.scopeAll")
                        : Messages.get("households.exchange.scopeVillage", v.name());
            }

            @Override
            public boolean hasIdNumbers() {
                return true;
            }

            @Override
            public String exportFileName() {
                return v == null ? Messages.get("households.exchange.fileName")
                        : Messages.get("households.exchange.fileNameVillage", v.name());
            }

            @Override
            public String export(Path file, boolean fullId, Progress progress) throws Exception {
                ExportResult r = service.exportHouseholds(file, new ExportOptions(v == null ? null : v.id(), fullId,
                        progress));
                return Messages.get("households.exchange.exported", r.households(), r.members(), file);
            }
        };
    }

    private static ImportOptions options(Progress progress) {
        // While the file is read its length is unknown: the bar runs without a fraction until the checks start.
        return ImportOptions.defaults().withProgress((stage, done, total) -> progress.worked(done,
                stage == ImportOptions.Stage.READING ? -1 : total)).withCancel(progress::cancelled);
    }

    private static ImportCheck toCheck(ImportResult r) {
        return new ImportCheck(r.added(), r.updated(), r.members(), issues(r.errors()), issues(r.warnings()));
    }

    private static List<RowIssue> issues(List<RowProblem> problems) {
        return problems.stream().map(p -> new RowIssue(p.line(), p.column(), p.value(), p.reason())).toList();
    }

    // ---- the detail ----

    /** A detail view model for the household of {@code row}; the list reloads when it saves or deletes. */
    public HouseholdDetailViewModel detail(HouseholdRow row) {
        HouseholdDetailViewModel detail = newDetail();
        detail.open(row.id());
        return detail;
    }

    /** A detail view model for a new household, in the village and group the list is filtered by. */
    public HouseholdDetailViewModel newHousehold() {
        HouseholdDetailViewModel detail = newDetail();
        Village v = village.get();
        VillageGroup g = group.get();
        detail.openNew(v == null ? null : v.id(), g == null ? null : g.id());
        return detail;
    }

    private HouseholdDetailViewModel newDetail() {
        return new HouseholdDetailViewModel(service, executor, status, clock, this::reload, this::offerUndo);
    }

    // ---- what the columns show ----

    public static String maskedId(HouseholdRow r) {
        return Masking.idNumber(r.headIdNumber());
    }

    public static String statusText(HouseholdRow r) {
        if (r.status() == null) {
            return "";
        }
        return r.exitYear() == null ? r.status().label()
                : Messages.get("households.status.withYear", r.status().label(), r.exitYear());
    }

    public static String label(HouseholdCategory c) {
        return c == null ? "" : c.label();
    }

    public static String label(MonitoringType m) {
        return m == null ? "" : m.label();
    }

    // ---- properties ----

    public ObservableList<Village> villages() {
        return villages;
    }

    public ObjectProperty<Village> villageProperty() {
        return village;
    }

    public ObservableList<VillageGroup> groups() {
        return groups;
    }

    public ObjectProperty<VillageGroup> groupProperty() {
        return group;
    }

    public ObjectProperty<HouseholdCategory> categoryProperty() {
        return category;
    }

    public ObjectProperty<PovertyStatus> povertyStatusProperty() {
        return povertyStatus;
    }

    public ObjectProperty<MonitoringType> monitoringTypeProperty() {
        return monitoringType;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableList<HouseholdRow> rows() {
        return rows;
    }

    public ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total;
    }

    public IntegerBinding pageCountBinding() {
        return pageCount;
    }

    public StringBinding pageTextBinding() {
        return pageText;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
