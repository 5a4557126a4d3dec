package org.townshipledger.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.townshipledger.common.Messages;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.pairing.PairingRules.Quota;

/**
 * The 结对帮扶 section of a cadre's or a unit's form: whom it helps, past and present, and how far it is from its
 * quota today (category, required against done, what is missing, over the household limit). The helper comes
 * from the screen through {@link #cadreIdProperty()} or {@link #unitIdProperty()}; neither shows nothing.
 */
public final class HelperPairingsViewModel {

    private final PairingService service;
    private final TaskExecutor executor;
    private final Clock clock;

    private final ObjectProperty<UUID> cadreId = new SimpleObjectProperty<>();
    private final ObjectProperty<UUID> unitId = new SimpleObjectProperty<>();
    private final ObservableList<Pairing> pairings = FXCollections.observableArrayList();
    private final StringProperty category = new SimpleStringProperty("");
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty shortfall = new SimpleStringProperty("");
    private final BooleanProperty behind = new SimpleBooleanProperty();
    private final BooleanProperty over = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private long request;

    public HelperPairingsViewModel(PairingService service, TaskExecutor executor, Clock clock) {
        this.service = service;
        this.executor = executor;
        this.clock = clock;
        cadreId.addListener((obs, old, id) -> reload());
        unitId.addListener((obs, old, id) -> reload());
    }

    private record Loaded(List<Pairing> pairings, Optional<HelperLoad> load) {
    }

    /** Reads the helper's pairings and load again. */
    public void reload() {
        UUID cadre = cadreId.get();
        UUID unit = cadre == null ? unitId.get() : null;
        long mine = ++request;
        error.set("");
        if (cadre == null && unit == null) {
            pairings.clear();
            showLoad(Optional.empty());
            return;
        }
        int year = LocalDate.now(clock).getYear();
        executor.execute(() -> new Loaded(service.helpedBy(cadre, unit), service.load(cadre, unit, year)), loaded -> {
            if (mine != request) {
                return;
            }
            pairings.setAll(loaded.pairings());
            showLoad(loaded.load());
        }, e -> {
            if (mine == request) {
                error.set(PairingsViewModel.message(e));
            }
        });
    }

    private void showLoad(Optional<HelperLoad> load) {
        if (load.isEmpty()) {
            category.set(cadreId.get() == null && unitId.get() == null ? "" : Messages.get("pairing.load.none"));
            progress.set("");
            shortfall.set("");
            behind.set(false);
            over.set(false);
            return;
        }
        HelperLoad l = load.get();
        category.set(Messages.get("pairing.load.category", l.category().label()));
        progress.set(progressText(l));
        List<String> missing = l.shortfalls();
        behind.set(!missing.isEmpty());
        over.set(l.over());
        List<String> notes = new ArrayList<>();
        if (!missing.isEmpty()) {
            notes.add(Messages.get("pairing.load.missing", String.join("、", missing)));
        } else if (!l.required().isNone()) {
            notes.add(Messages.get("pairing.load.met"));
        }
        if (l.over()) {
            notes.add(Messages.get("pairing.load.over", l.done().households(), l.maxHouseholds()));
        }
        shortfall.set(String.join("；", notes));
    }

    /** "联系乡镇 0/1、帮扶村 1/1、帮扶户 3/2" (done/required); a cadre's household limit after it. */
    static String progressText(HelperLoad l) {
        Quota d = l.done();
        Quota r = l.required();
        List<String> parts = new ArrayList<>();
        part(parts, "pairing.quota.townships", d.townships(), r.townships());
        part(parts, "pairing.quota.villages", d.villages(), r.villages());
        part(parts, "pairing.quota.households", d.households(), r.households());
        part(parts, "pairing.quota.students", d.students(), r.students());
        part(parts, "pairing.quota.reserves", d.reserves(), r.reserves());
        String text = parts.isEmpty() ? Messages.get("pairing.load.nothing") : String.join("、", parts);
        if (l.cadreId() != null) {
            text = text + Messages.get("pairing.load.limit", l.done().households(), l.maxHouseholds());
        } else {
            text = text + Messages.get("pairing.load.unitNote");
        }
        return text;
    }

    /** A target as the section's list shows it: "户主 张三（大石村）", "学生 李四（大石村）", "大石村", "青石镇". */
    public static String targetText(Pairing p) {
        String label = PairingsViewModel.targetLabel(p);
        boolean inVillage = p.target() == TargetKind.HOUSEHOLD || p.target() == TargetKind.STUDENT;
        return inVillage && p.villageName() != null ? Messages.get("pairing.target.inVillage", label, p.villageName())
                : label;
    }

    private static void part(List<String> out, String key, int done, int required) {
        if (done > 0 || required > 0) {
            out.add(Messages.get(key, done, required));
        }
    }

    public ObjectProperty<UUID> cadreIdProperty() {
        return cadreId;
    }

    public ObjectProperty<UUID> unitIdProperty() {
        return unitId;
    }

    /** Past and present pairings of the helper. */
    public ObservableList<Pairing> pairings() {
        return pairings;
    }

    /** "帮扶类别：县级领导", or that nothing is required of this helper. */
    public ReadOnlyStringProperty categoryProperty() {
        return category;
    }

    /** Done against required, part by part. */
    public ReadOnlyStringProperty progressProperty() {
        return progress;
    }

    /** What is missing and whether the limit is exceeded, or that the quota is met. */
    public ReadOnlyStringProperty shortfallProperty() {
        return shortfall;
    }

    public ReadOnlyBooleanProperty behindProperty() {
        return behind;
    }

    public ReadOnlyBooleanProperty overProperty() {
        return over;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
