package org.townshipledger.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.townshipledger.common.Messages;
import org.townshipledger.common.TaskExecutor;

/**
 * The 帮扶人 tab of a household's window: its helpers past and present, newest first, and who is responsible
 * today. The household comes from the window through {@link #householdIdProperty()}; null (not yet saved) shows
 * a hint instead.
 */
public final class HouseholdHelpersViewModel {

    private final PairingService service;
    private final TaskExecutor executor;
    private final Clock clock;

    private final ObjectProperty<UUID> householdId = new SimpleObjectProperty<>();
    private final ObservableList<Pairing> helpers = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private long request;

    public HouseholdHelpersViewModel(PairingService service, TaskExecutor executor, Clock clock) {
        this.service = service;
        this.executor = executor;
        this.clock = clock;
        householdId.addListener((obs, old, id) -> reload());
    }

    /** Reads the household's helpers again. */
    public void reload() {
        UUID id = householdId.get();
        long mine = ++request;
        if (id == null) {
            helpers.clear();
            summary.set(Messages.get("household.helpers.unsaved"));
            return;
        }
        executor.execute(() -> service.helpersOf(id), list -> {
            if (mine != request) {
                return;
            }
            helpers.setAll(list);
            summary.set(summaryOf(list, LocalDate.now(clock)));
        }, e -> {
            if (mine == request) {
                summary.set(PairingsViewModel.message(e));
            }
        });
    }

    /** "帮扶责任人：张三（县农业局，13800000000）", or that nobody helps the household today. */
    static String summaryOf(List<Pairing> list, LocalDate today) {
        List<String> now = list.stream().filter(p -> p.target() == TargetKind.HOUSEHOLD && p.activeOn(today)).map(p -> {
            String unit = p.byUnit() || p.helperUnit() == null ? "" : p.helperUnit();
            String phone = p.helperPhone() == null ? "" : p.helperPhone();
            String details = unit.isEmpty() || phone.isEmpty() ? unit + phone : unit + "，" + phone;
            return details.isEmpty() ? p.helperName() : Messages.get("household.helpers.who", p.helperName(), details);
        }).toList();
        return now.isEmpty() ? Messages.get("household.helpers.nobody")
                : Messages.get("household.helpers.current", String.join("；", now));
    }

    public ObjectProperty<UUID> householdIdProperty() {
        return householdId;
    }

    public ObservableList<Pairing> helpers() {
        return helpers;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }
}
