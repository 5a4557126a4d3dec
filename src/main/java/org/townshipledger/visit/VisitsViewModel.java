package org.townshipledger.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Page;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.village.Village;

/**
 * State of the 走访记录 list: filters (cadre, village, year and month, kind), one page of {@value #PAGE_SIZE} visits
 * read in SQL, paging, delete to the recycle bin with 撤销, and the editor of a visit. Each question to the database
 * is numbered; a reply to an older one is dropped, so a slow answer never overwrites a newer one. The controller
 * waits for a pause in filter changes before calling {@link #firstPage}.
 */
public final class VisitsViewModel {

    public static final int PAGE_SIZE = 100;
    /** Years offered by the filter, back from this year. */
    static final int YEARS_BACK = 10;

    /** The years a filter offers: {@code newest} and the {@value #YEARS_BACK} before it, newest first. */
    static List<Integer> yearChoices(int newest) {
        return IntStream.rangeClosed(0, YEARS_BACK).map(i -> newest - i).boxed().toList();
    }

    private final VisitService service;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final Clock clock;

    private final ObservableList<Cadre> cadres = FXCollections.observableArrayList();
    private final ObjectProperty<Cadre> cadre = new SimpleObjectProperty<>();
    private final ObservableList<Village> villages = FXCollections.observableArrayList();
    private final ObjectProperty<Village> village = new SimpleObjectProperty<>();
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final ObservableList<Integer> months = FXCollections.observableArrayList(
            IntStream.rangeClosed(1, 12).boxed().toList());
    private final ObjectProperty<Integer> month = new SimpleObjectProperty<>();
    private final ObservableList<VisitKind> kinds = FXCollections.observableArrayList();
    private final ObjectProperty<VisitKind> kind = new SimpleObjectProperty<>();

    private final ObservableList<Visit> rows = FXCollections.observableArrayList();
    private final IntegerProperty pageIndex = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final IntegerBinding pageCount;
    private final StringBinding pageText;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final AtomicLong latest = new AtomicLong();

    public VisitsViewModel(VisitService service, TaskExecutor executor, StatusBarModel status, Clock clock) {
        this.service = service;
        this.executor = executor;
        this.status = status;
        this.clock = clock;
        int now = LocalDate.now(clock).getYear();
        years.setAll(yearChoices(now));
        pageCount = Bindings.createIntegerBinding(() -> Math.max(1, (total.get() + PAGE_SIZE - 1) / PAGE_SIZE), total);
        pageText = Bindings.createStringBinding(() -> Messages.get("visits.page", pageIndex.get() + 1,
                pageCount.get(), total.get()), pageIndex, pageCount, total);
        // A year with no month yet takes this month (in this year) or January.
        year.addListener((obs, old, y) -> {
            if (y != null && month.get() == null) {
                LocalDate today = LocalDate.now(clock);
                month.set(y == today.getYear() ? today.getMonthValue() : 1);
            }
        });
    }

    private record Lists(List<Cadre> cadres, List<Village> villages, List<VisitKind> kinds) {
    }

    /** Reads the filters' lists, then the page shown (each time the screen is shown). */
    public void load() {
        busy.set(true);
        executor.execute(() -> new Lists(service.cadres(), service.villages(), service.kinds()), lists -> {
            cadres.setAll(lists.cadres());
            villages.setAll(lists.villages());
            kinds.setAll(lists.kinds());
            if (cadre.get() != null) {
                cadre.set(lists.cadres().stream().filter(k -> k.id().equals(cadre.get().id())).findFirst()
                        .orElse(null));
            }
            if (village.get() != null) {
                village.set(lists.villages().stream().filter(v -> v.id().equals(village.get().id())).findFirst()
                        .orElse(null));
            }
            fetch(pageIndex.get());
        }, this::failed);
    }

    /** The filters as the service takes them; the month counts only with a year. */
    public VisitFilter filter() {
        YearMonth ym = year.get() == null || month.get() == null ? null : YearMonth.of(year.get(), month.get());
        return new VisitFilter(cadre.get() == null ? null : cadre.get().id(),
                village.get() == null ? null : village.get().id(), ym,
                kind.get() == null ? null : kind.get().code(), null);
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

    public void reload() {
        fetch(pageIndex.get());
    }

    /** Clears every filter; one query. */
    public void clearFilters() {
        cadre.set(null);
        village.set(null);
        year.set(null);
        month.set(null);
        kind.set(null);
        firstPage();
    }

    private void fetch(int page) {
        long ask = latest.incrementAndGet();
        VisitFilter f = filter();
        busy.set(true);
        executor.execute(() -> {
            if (ask != latest.get()) {
                return null;
            }
            Page<Visit> found = service.slice(f, page * PAGE_SIZE, PAGE_SIZE);
            if (found.rows().isEmpty() && page > 0 && found.total() > 0) {
                found = service.slice(f, (found.total() - 1) / PAGE_SIZE * PAGE_SIZE, PAGE_SIZE);
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
        String message = e instanceof InvalidInputException ? e.getMessage()
                : Messages.get("error.unexpected", Objects.requireNonNullElse(e.getMessage(),
                e.getClass().getSimpleName()));
        error.set(message);
        status.show(message);
    }

    // ---- import and export ----

    /** State of the import dialog for a visits sheet; the list reloads after an import. */
    public org.townshipledger.ui.ImportViewModel importer() {
        return new org.townshipledger.ui.ImportViewModel(exchange(), executor, status, this::load);
    }

    /** State of the export dialog: the visits the filters show (ID numbers masked unless asked). */
    public org.townshipledger.ui.ExportViewModel exporter() {
        return new org.townshipledger.ui.ExportViewModel(exchange(), executor, status);
    }

    LogExchange exchange() {
        VisitFilter f = filter();
        return LogExchange.filtered(LogExchange.Register.VISITS, service, "visit.exchange.scopeAll",
                "visit.exchange.scope", java.util.Arrays.asList(
                        cadre.get() == null ? null : cadre.get().name(),
                        village.get() == null ? null : village.get().name(),
                        f.month() == null ? null : Messages.get("visit.exchange.month", f.month().getYear(),
                                f.month().getMonthValue()),
                        kind.get() == null ? null : kind.get().label()),
                (file, fullId) -> service.exportVisits(file, f, fullId));
    }

    // ---- deleting ----

    /** Moves the visit to the recycle bin; the status bar offers 撤销. */
    public void moveToBin(Visit v) {
        busy.set(true);
        executor.execute(() -> {
            service.remove(v);
            return v;
        }, removed -> {
            busy.set(false);
            status.offerUndo(Messages.get("visits.status.deleted", describe(removed)), () -> restore(removed.id()));
            reload();
        }, e -> {
            busy.set(false);
            status.show(e.getMessage());
            reload();
        });
    }

    /** Brings a visit back from the recycle bin (the undo of a delete). */
    public void restore(UUID id) {
        busy.set(true);
        executor.execute(() -> service.restore(id), restored -> {
            busy.set(false);
            status.show(Messages.get("visits.status.restored", describe(restored)));
            reload();
        }, e -> {
            busy.set(false);
            status.show(e.getMessage());
        });
    }

    // ---- editing ----

    /** An editor filled with the visit (its lists read first); the list reloads after it saves. */
    public VisitEntryViewModel editor(Visit v) {
        VisitEntryViewModel editor = new VisitEntryViewModel(service, executor, status, clock);
        editor.setAfterSave(this::reload);
        editor.load();
        editor.edit(v.id());
        return editor;
    }

    // ---- what the columns show ----

    /** "王大山 2026-05-10". */
    static String describe(Visit v) {
        return Objects.requireNonNullElse(v.targetName(), "") + " " + v.date();
    }

    /** "农户 王大山", "村 大石村", "单位 县农业局". */
    public static String targetText(Visit v) {
        return v.target().label() + " " + Objects.requireNonNullElse(v.targetName(), "");
    }

    public String kindText(Visit v) {
        return kinds.stream().filter(k -> k.code().equals(v.kind())).map(VisitKind::label).findFirst()
                .orElse(v.kind());
    }

    public static String cadresText(Visit v) {
        return String.join("、", v.cadreNames());
    }

    /** "全部保障", "未保障：基本医疗", or empty when no check was made. */
    public static String checkText(Visit v) {
        VisitCheck c = v.check();
        if (c == null) {
            return "";
        }
        if (c.allItemsAssured()) {
            return Messages.get("visits.check.allAssured");
        }
        List<String> missing = new java.util.ArrayList<>();
        if (!c.foodAndClothing()) {
            missing.add(Messages.get("visit.check.food"));
        }
        if (!c.compulsoryEducation()) {
            missing.add(Messages.get("visit.check.education"));
        }
        if (!c.basicMedical()) {
            missing.add(Messages.get("visit.check.medical"));
        }
        if (!c.housingSafety()) {
            missing.add(Messages.get("visit.check.housing"));
        }
        if (!c.drinkingWater()) {
            missing.add(Messages.get("visit.check.water"));
        }
        return Messages.get("visits.check.missing", String.join("、", missing));
    }

    public static String monthLabel(Integer m) {
        return Messages.get("visits.filter.month", m);
    }

    public static String yearLabel(Integer y) {
        return Messages.get("visits.filter.year", y);
    }

    // ---- properties ----

    public ObservableList<Cadre> cadres() {
        return cadres;
    }

    public ObjectProperty<Cadre> cadreProperty() {
        return cadre;
    }

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

    public ObservableList<Integer> months() {
        return months;
    }

    public ObjectProperty<Integer> monthProperty() {
        return month;
    }

    public ObservableList<VisitKind> kinds() {
        return kinds;
    }

    public ObjectProperty<VisitKind> kindProperty() {
        return kind;
    }

    public ObservableList<Visit> rows() {
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

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
