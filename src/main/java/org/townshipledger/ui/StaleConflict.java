package org.townshipledger.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.townshipledger.common.Messages;

/**
 * A save refused because someone else saved (or deleted) the record meanwhile: what the clerk typed beside what is
 * saved now, field by field, for the dialog that lets them reload or copy theirs. Forms build one with
 * {@link #builder}; the dialog is {@link StaleConflictDialog}.
 *
 * @param what      the record, as the clerk knows it ("大石村", "张大山户")
 * @param savedGone true when the saved record was deleted (moved to the recycle bin) meanwhile
 */
public record StaleConflict(String what, boolean savedGone, List<Field> fields) {

    /** One field: its label, the clerk's value and the saved value (as shown, "" when empty). */
    public record Field(String label, String yours, String saved) {
        public boolean differs() {
            return !Objects.equals(yours, saved);
        }
    }

    public StaleConflict {
        fields = List.copyOf(fields);
    }

    /** The fields that differ. */
    public List<Field> differences() {
        return fields.stream().filter(Field::differs).toList();
    }

    /** What the clerk typed, one "label：value" line a field, for the clipboard. */
    public String yoursAsText() {
        return fields.stream().map(f -> Messages.get("stale.copyLine", f.label(), f.yours()))
                .collect(Collectors.joining("\n"));
    }

    /** The dialog's explanation. */
    public String explanation() {
        return savedGone ? Messages.get("stale.explanation.gone", what)
                : Messages.get("stale.explanation", what, differences().size());
    }

    public static Builder builder(String what, boolean savedGone) {
        return new Builder(what, savedGone);
    }

    /** Collects the fields in form order; values are shown as given, null as "". */
    public static final class Builder {
        private final String what;
        private final boolean savedGone;
        private final List<Field> fields = new ArrayList<>();

        private Builder(String what, boolean savedGone) {
            this.what = what;
            this.savedGone = savedGone;
        }

        public Builder field(String label, Object yours, Object saved) {
            // Form labels mark required fields with " *"; the comparison does not need it.
            String plain = label.endsWith(" *") ? label.substring(0, label.length() - 2) : label;
            fields.add(new Field(plain, text(yours), savedGone ? "" : text(saved)));
            return this;
        }

        public StaleConflict build() {
            return new StaleConflict(what, savedGone, fields);
        }

        private static String text(Object v) {
            if (v == null) {
                return "";
            }
            if (v instanceof Boolean b) {
                return Messages.get(b ? "stale.yes" : "stale.no");
            }
            return v.toString().strip();
        }
    }
}
