package org.townshipledger.cadre;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Pinyin;
import org.townshipledger.common.Problem;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.ui.Exchange;
import org.townshipledger.ui.ExportViewModel;
import org.townshipledger.ui.ImportViewModel;
import org.townshipledger.ui.SheetExchange;
import org.townshipledger.ui.StatusBarModel;

/**
 * State of the 帮扶单位 screen: the units with a filter, and the add/edit form. Database work goes through the
 * {@link TaskExecutor}.
 */
public final class UnitsViewModel {

    private final CadreService service;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final Clock clock;

    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final FilteredList<Unit> shown = new FilteredList<>(units);
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private final ObjectProperty<Unit> editing = new SimpleObjectProperty<>(blank());
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<UnitLevel> level = new SimpleObjectProperty<>();
    private final ObjectProperty<UnitType> type = new SimpleObjectProperty<>();
    private final StringProperty contactPerson = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty nameError = new SimpleStringProperty("");
    private final StringProperty formError = new SimpleStringProperty("");

    public UnitsViewModel(CadreService service, TaskExecutor executor, StatusBarModel status, Clock clock) {
        this.service = service;
        this.executor = executor;
        this.status = status;
        this.clock = clock;
        filter.addListener((obs, old, text) -> shown.setPredicate(u -> Pinyin.matches(u.name(),
                Pinyin.initials(u.name()), text)));
    }

    private static Unit blank() {
        return Unit.named("", null, null);
    }

    /** Loads the units; keeps the one in the form by id. */
    public void load() {
        busy.set(true);
        executor.execute(service::units, loaded -> {
            busy.set(false);
            units.setAll(loaded);
            Unit current = editing.get();
            if (current.id() != null) {
                loaded.stream().filter(u -> u.id().equals(current.id())).findFirst()
                        .ifPresentOrElse(this::edit, this::newUnit);
            }
        }, this::failed);
    }

    // ---- import and export ----

    /** State of the import dialog for the units sheet; the list reloads after an import. */
    public ImportViewModel importer() {
        return new ImportViewModel(exchange(), executor, status, this::load);
    }

    public ExportViewModel exporter() {
        return new ExportViewModel(exchange(), executor, status);
    }

    Exchange exchange() {
        return new SheetExchange(Messages.get("unit.exchange.name"), Messages.get("unit.exchange.scope"),
                Messages.get("unit.exchange.fileName"), false,
                service::checkUnitsImport,
                file -> CadresViewModel.done(service.importUnits(file)),
                service::writeUnitsErrorReport,
                c -> Messages.get("unit.exchange.describe", c.added(), c.updated()),
                (file, fullId) -> Messages.get("unit.exchange.exported", service.exportUnits(file), file));
    }

    public ObservableList<Unit> shownUnits() {
        return shown;
    }

    public ObservableList<Unit> allUnits() {
        return units;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyObjectProperty<Unit> editingProperty() {
        return editing;
    }

    public void newUnit() {
        edit(blank());
    }

    public void edit(Unit u) {
        editing.set(u);
        name.set(u.name());
        level.set(u.level());
        type.set(u.type());
        contactPerson.set(nz(u.contactPerson()));
        phone.set(nz(u.phone()));
        nameError.set("");
        formError.set("");
    }

    public boolean isDirty() {
        Unit u = editing.get();
        return !name.get().strip().equals(u.name()) || level.get() != u.level() || type.get() != u.type()
                || !contactPerson.get().strip().equals(nz(u.contactPerson())) || !phone.get().strip().equals(nz(u.phone()));
    }

    /** Checks the name as the clerk leaves the field. */
    public void validateName() {
        nameError.set(nameProblem());
    }

    private String nameProblem() {
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty()) {
            return Messages.get("unit.error.nameRequired");
        }
        if (n.length() > UnitImport.NAME_MAX) {
            return Messages.get("validation.tooLong", UnitImport.NAME_MAX);
        }
        UUID self = editing.get().id();
        if (units.stream().anyMatch(u -> u.name().equals(n) && !u.id().equals(self))) {
            return Messages.get("unit.error.nameTaken", n);
        }
        return "";
    }

    /** Saves the form; false when it has errors (nothing sent). */
    public boolean save() {
        formError.set("");
        validateName();
        if (!nameError.get().isEmpty()) {
            return false;
        }
        Unit u = editing.get();
        Unit draft = new Unit(u.id(), name.get(), level.get(), type.get(), contactPerson.get(), phone.get(),
                u.version(), null);
        busy.set(true);
        executor.execute(() -> service.saveUnit(draft), saved -> {
            busy.set(false);
            editing.set(saved);
            status.saved(LocalTime.now(clock));
            load();
        }, this::failed);
        return true;
    }

    /** Moves the unit in the form to the recycle bin; its cadres stay. The status offers 撤销. */
    public void moveToBin() {
        Unit u = editing.get();
        if (u.id() == null) {
            return;
        }
        busy.set(true);
        executor.execute(() -> {
            service.moveUnitToBin(u);
            return u;
        }, deleted -> {
            busy.set(false);
            newUnit();
            status.offerUndo(Messages.get("unit.status.deleted", deleted.name()),
                    () -> executor.execute(() -> service.restoreUnit(deleted.id()), back -> load(), this::failed));
            load();
        }, this::failed);
    }

    private void failed(Exception e) {
        busy.set(false);
        if (e instanceof InvalidInputException invalid) {
            formError.set(String.join("\n", invalid.problems().stream().map(Problem::message).toList()));
        } else if (e instanceof StaleRecordException) {
            formError.set(e.getMessage());
        } else {
            formError.set(Messages.get("error.unexpected", Objects.requireNonNullElse(e.getMessage(),
                    e.getClass().getSimpleName())));
        }
        status.show(Messages.get("status.notSaved"));
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<UnitLevel> levelProperty() {
        return level;
    }

    public ObjectProperty<UnitType> typeProperty() {
        return type;
    }

    public StringProperty contactPersonProperty() {
        return contactPerson;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty nameErrorProperty() {
        return nameError;
    }

    public StringProperty formErrorProperty() {
        return formError;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
