package org.townshipledger.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;

/**
 * An entry of a choice box: a value, or null for "全部" / "（未填）", with the text shown. A ComboBox of these keeps
 * the "none" entry selectable like any other (a null item in a ComboBox is not).
 */
public record Choice<T>(T value, String label) {

    @Override
    public String toString() {
        return label;
    }

    /** The entries: first {@code noneLabel} (value null), then one per value. */
    public static <T> List<Choice<T>> of(String noneLabel, List<? extends T> values, Function<T, String> label) {
        List<Choice<T>> choices = new ArrayList<>(values.size() + 1);
        choices.add(new Choice<>(null, noneLabel));
        values.forEach(v -> choices.add(new Choice<>(v, label.apply(v))));
        return choices;
    }

    /**
     * Fills {@code box} from {@code values} (and again whenever they change) and keeps it in step with
     * {@code property} both ways. Values match by {@code key} (e.g. a village's id), so a reloaded list keeps the
     * choice. A value not in the list shows as the "none" entry.
     */
    public static <T> void bind(ComboBox<Choice<T>> box, String noneLabel, ObservableList<T> values,
                                Function<T, String> label, ObjectProperty<T> property, Function<T, Object> key) {
        boolean[] updating = {false};
        Runnable refill = () -> {
            updating[0] = true;
            try {
                box.getItems().setAll(of(noneLabel, values, label));
                select(box, property.get(), key);
            } finally {
                updating[0] = false;
            }
        };
        refill.run();
        values.addListener((ListChangeListener<T>) change -> refill.run());
        box.valueProperty().addListener((obs, old, chosen) -> {
            if (updating[0]) {
                return;
            }
            T value = chosen == null ? null : chosen.value();
            if (!Objects.equals(keyOf(value, key), keyOf(property.get(), key))) {
                property.set(value);
            }
        });
        property.addListener((obs, old, value) -> {
            updating[0] = true;
            try {
                select(box, value, key);
            } finally {
                updating[0] = false;
            }
        });
    }

    /** {@link #bind} for the constants of an enum, shown by {@code label}. */
    public static <E extends Enum<E>> void bind(ComboBox<Choice<E>> box, String noneLabel, E[] values,
                                                Function<E, String> label, ObjectProperty<E> property) {
        bind(box, noneLabel, FXCollections.observableArrayList(Arrays.asList(values)), label, property, e -> e);
    }

    private static <T> void select(ComboBox<Choice<T>> box, T value, Function<T, Object> key) {
        Object wanted = keyOf(value, key);
        Choice<T> match = box.getItems().stream().filter(c -> Objects.equals(keyOf(c.value(), key), wanted))
                .findFirst().orElse(box.getItems().isEmpty() ? null : box.getItems().get(0));
        if (box.getValue() != match) {
            box.setValue(match);
        }
    }

    private static <T> Object keyOf(T value, Function<T, Object> key) {
        return value == null ? null : key.apply(value);
    }
}
