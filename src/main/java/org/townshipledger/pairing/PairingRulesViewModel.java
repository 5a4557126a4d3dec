package org.townshipledger.pairing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.townshipledger.cadre.Rank;
import org.townshipledger.common.Messages;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.pairing.PairingRules.Quota;
import org.townshipledger.ui.StatusBarModel;

/**
 * State of the 结对规则 dialog: every quota figure per helper category and the household limit per rank, as text
 * the clerk edits, checked as typed (whole numbers 0–9999, what the settings store keeps) and saved with
 * {@link PairingService#saveRules}.
 */
public final class PairingRulesViewModel {

    /** The largest figure the settings keep (four digits). */
    public static final int MAX_FIGURE = 9999;

    /** The parts of a quota, in the order of {@link Quota}'s components and of the dialog's columns. */
    public static final List<String> PARTS = List.of(Quota.PARTS);

    private final PairingService service;
    private final TaskExecutor executor;
    private final StatusBarModel status;

    private final Map<HelperCategory, List<StringProperty>> quotas = new EnumMap<>(HelperCategory.class);
    private final Map<Rank, StringProperty> limits = new EnumMap<>(Rank.class);
    private final ObjectBinding<List<String>> problems;
    private final StringProperty saveError = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final BooleanProperty saved = new SimpleBooleanProperty();

    public PairingRulesViewModel(PairingService service, TaskExecutor executor, StatusBarModel status) {
        this.service = service;
        this.executor = executor;
        this.status = status;
        List<Observable> fields = new ArrayList<>();
        for (HelperCategory c : HelperCategory.values()) {
            List<StringProperty> row = new ArrayList<>();
            for (int i = 0; i < PARTS.size(); i++) {
                row.add(new SimpleStringProperty(""));
            }
            quotas.put(c, row);
            fields.addAll(row);
        }
        for (Rank r : Rank.values()) {
            limits.put(r, new SimpleStringProperty(""));
            fields.add(limits.get(r));
        }
        fields.add(loaded);
        problems = Bindings.createObjectBinding(this::check, fields.toArray(Observable[]::new));
    }

    /** Reads the rules as saved (the seed's figures where nothing was saved). */
    public void load() {
        busy.set(true);
        executor.execute(service::rules, rules -> {
            busy.set(false);
            show(rules);
            loaded.set(true);
        }, e -> {
            busy.set(false);
            saveError.set(PairingsViewModel.message(e));
        });
    }

    private void show(PairingRules rules) {
        for (HelperCategory c : HelperCategory.values()) {
            int[] figures = rules.quota(c).figures();
            for (int i = 0; i < figures.length; i++) {
                quotas.get(c).get(i).set(Integer.toString(figures[i]));
            }
        }
        for (Rank r : Rank.values()) {
            limits.get(r).set(Integer.toString(rules.maxHouseholds(r)));
        }
    }

    /** One line per field that is not a whole number from 0 to 9999: "县级领导 · 帮扶户：请填写 0 到 9999 的整数". */
    private List<String> check() {
        if (!loaded.get()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (HelperCategory c : HelperCategory.values()) {
            for (int i = 0; i < PARTS.size(); i++) {
                if (figure(quotas.get(c).get(i).get()) < 0) {
                    out.add(Messages.get("pairing.rules.error", Messages.get("pairing.rules.cell", c.label(),
                            partLabel(i)), MAX_FIGURE));
                }
            }
        }
        for (Rank r : Rank.values()) {
            if (figure(limits.get(r).get()) < 0) {
                out.add(Messages.get("pairing.rules.error", Messages.get("pairing.rules.limitCell", r.label()),
                        MAX_FIGURE));
            }
        }
        return out;
    }

    /** The figure typed, or -1 when it is not a whole number from 0 to 9999. */
    static int figure(String text) {
        String t = text == null ? "" : text.strip();
        return t.matches("\\d{1,4}") ? Integer.parseInt(t) : -1;
    }

    /** The column title of a quota part: 联系乡镇, 帮扶村, 帮扶户, 帮扶学生, 选派后备干部. */
    public static String partLabel(int part) {
        return Messages.get("pairing.rules.part." + PARTS.get(part));
    }

    /** Whether one field holds something that cannot be saved (it is then drawn in red). */
    public static boolean invalid(String text) {
        return figure(text) < 0;
    }

    /** The rules as typed; only valid when {@link #problems} is empty. */
    PairingRules draft() {
        Map<HelperCategory, Quota> q = new EnumMap<>(HelperCategory.class);
        for (HelperCategory c : HelperCategory.values()) {
            int[] f = quotas.get(c).stream().mapToInt(p -> figure(p.get())).toArray();
            q.put(c, Quota.of(f));
        }
        Map<Rank, Integer> max = new EnumMap<>(Rank.class);
        limits.forEach((r, p) -> max.put(r, figure(p.get())));
        return new PairingRules(q, max);
    }

    /**
     * Saves the rules. On success {@link #savedProperty()} turns true (the dialog closes, the screens read the
     * limits again); on failure the figures stay as typed and the error shows.
     *
     * @return false when a figure is not valid (nothing sent)
     */
    public boolean save() {
        saveError.set("");
        if (!loaded.get() || !problems.get().isEmpty()) {
            return false;
        }
        PairingRules rules = draft();
        busy.set(true);
        executor.execute(() -> {
            service.saveRules(rules);
            return rules;
        }, done -> {
            busy.set(false);
            status.show(Messages.get("pairing.rules.saved"));
            saved.set(true);
        }, e -> {
            busy.set(false);
            saveError.set(PairingsViewModel.message(e));
        });
        return true;
    }

    // ---- properties ----

    /** The text of one quota figure; {@code part} indexes {@link #PARTS}. */
    public StringProperty quotaProperty(HelperCategory category, int part) {
        return quotas.get(category).get(part);
    }

    public StringProperty limitProperty(Rank rank) {
        return limits.get(rank);
    }

    /** What is wrong with the figures as typed, one line each; empty when they can be saved. */
    public ObjectBinding<List<String>> problems() {
        return problems;
    }

    public BooleanBinding validBinding() {
        return Bindings.createBooleanBinding(() -> loaded.get() && problems.get().isEmpty(), problems, loaded);
    }

    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Turns true once the rules are saved. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved;
    }
}
