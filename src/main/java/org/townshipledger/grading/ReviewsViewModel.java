package org.townshipledger.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.townshipledger.common.Messages;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.ui.StatusBarModel;

/**
 * State of the 述职考核 screen for a chosen year: the branch secretaries (日常记实, 现场观摩, 年度综合, 述职评议) and the
 * first secretaries (电视述职, 明查暗访, 百姓测评, 相互比拼) posted in the year, one line each (see
 * {@link GradingService#reviewSheet}). Total and result are worked out as the parts are typed, with the weights and
 * thresholds from the settings; {@link #save} writes each changed, complete line as its own record.
 */
public final class ReviewsViewModel {

    private final GradingService service;
    private final TaskExecutor executor;
    private final StatusBarModel status;

    private final IntegerProperty year = new SimpleIntegerProperty();
    private final ObservableList<ReviewRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ReviewRow> branchRows = new FilteredList<>(rows,
            r -> r.kind() == ReviewKind.BRANCH_SECRETARY);
    private final FilteredList<ReviewRow> firstRows = new FilteredList<>(rows,
            r -> r.kind() == ReviewKind.FIRST_SECRETARY);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty branchWeights = new SimpleStringProperty("");
    private final StringProperty firstWeights = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private GradingRules rules = GradingRules.defaults();
    private boolean yearSet;

    public ReviewsViewModel(GradingService service, TaskExecutor executor, StatusBarModel status) {
        this.service = service;
        this.executor = executor;
        this.status = status;
        year.addListener((obs, old, y) -> {
            if (yearSet && old.intValue() != y.intValue()) {
                load();
            }
        });
        setWeights();
    }

    private record Loaded(int year, GradingRules rules, List<SecretaryReview> sheet) {
    }

    /** Loads the working year (the first time), the rules and the year's secretaries with their reviews. */
    public void load() {
        busy.set(true);
        boolean first = !yearSet;
        int asked = year.get();
        executor.execute(() -> {
            int y = first ? service.workingYear() : asked;
            return new Loaded(y, service.rules(), service.reviewSheet(y));
        }, loaded -> {
            busy.set(false);
            rules = loaded.rules();
            setWeights();
            if (!yearSet) {
                year.set(loaded.year());
                yearSet = true;
            }
            if (loaded.year() != year.get()) {
                return;
            }
            List<ReviewRow> list = new ArrayList<>();
            for (SecretaryReview r : loaded.sheet()) {
                ReviewRow row = new ReviewRow(r);
                for (int i = 0; i < 4; i++) {
                    row.partProperty(i).addListener((obs, old, v) -> {
                        if (!row.loading()) {
                            recompute(row);
                            row.markChanged();
                            updateSummary();
                        }
                    });
                }
                row.noteProperty().addListener((obs, old, v) -> row.markChanged());
                recompute(row);
                list.add(row);
            }
            rows.setAll(list);
            message.set("");
            updateSummary();
        }, this::failed);
    }

    /** Each time the screen is shown: reads the sheet again, unless lines have changes not yet saved. */
    public void shown() {
        if (rows.stream().noneMatch(ReviewRow::isChanged)) {
            load();
        }
    }

    /** "日常记实 20%、现场观摩 20%、年度综合 40%、述职评议 20%". */
    private void setWeights() {
        branchWeights.set(weights(ReviewKind.BRANCH_SECRETARY));
        firstWeights.set(weights(ReviewKind.FIRST_SECRETARY));
    }

    private String weights(ReviewKind kind) {
        int[] w = rules.weights(kind);
        int sum = 0;
        for (int x : w) {
            sum += x;
        }
        List<String> labels = kind.partLabels();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            out.add(Messages.get("reviewScreen.weight", labels.get(i), sum == 0 ? 0 : Math.round(w[i] * 100.0 / sum)));
        }
        return Messages.get("reviewScreen.weights", kind.label(), String.join("  ", out));
    }

    /** The column title of part {@code i} of a kind, "日常记实（20%）". */
    public String partTitle(ReviewKind kind, int i) {
        int[] w = rules.weights(kind);
        int sum = 0;
        for (int x : w) {
            sum += x;
        }
        return Messages.get("reviewScreen.partTitle", kind.partLabels().get(i),
                sum == 0 ? 0 : Math.round(w[i] * 100.0 / sum));
    }

    private void recompute(ReviewRow row) {
        List<String> problems = new ArrayList<>();
        List<BigDecimal> parts = new ArrayList<>();
        List<String> labels = row.kind().partLabels();
        for (int i = 0; i < 4; i++) {
            parts.add(score(row.partProperty(i).get(), labels.get(i), problems));
        }
        if (problems.isEmpty() && parts.stream().allMatch(Objects::nonNull)) {
            BigDecimal total = rules.total(row.kind(), parts);
            row.total(total.stripTrailingZeros().toPlainString());
            row.result(rules.resultFor(total));
        } else {
            row.total("");
            row.result(null);
        }
        row.error(String.join("；", problems));
    }

    private static BigDecimal score(String text, String label, List<String> problems) {
        String v = text == null ? "" : text.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(100)) > 0 || d.stripTrailingZeros().scale() > 2) {
                problems.add(Messages.get("gradingScreen.error.field", label, Messages.get("grading.error.score")));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(Messages.get("gradingScreen.error.number", label, v));
            return null;
        }
    }

    /**
     * Saves each changed line as its own record. A line with a bad or missing part is not sent and says so; one the
     * service refuses or finds stale keeps what was typed and shows why.
     */
    public void save() {
        if (busy.get()) {
            return;
        }
        List<ReviewRow> changed = rows.stream().filter(ReviewRow::isChanged).toList();
        if (changed.isEmpty()) {
            message.set(Messages.get("gradingScreen.nothingToSave"));
            return;
        }
        List<ReviewRow> ready = new ArrayList<>();
        for (ReviewRow r : changed) {
            if (r.errorProperty().get().isEmpty() && r.totalProperty().get().isEmpty()) {
                r.error(Messages.get("grading.error.parts"));
            }
            if (r.errorProperty().get().isEmpty()) {
                ready.add(r);
            }
        }
        int held = changed.size() - ready.size();
        List<SecretaryReview> drafts = ready.stream().map(ReviewsViewModel::draft).toList();
        busy.set(true);
        executor.execute(() -> LineSaves.saveEach(ready, drafts, service::review), outcomes -> {
            message.set(LineSaves.apply(outcomes, held, (row, r) -> {
                row.read(r);
                recompute(row);
            }, ReviewRow::error));
            status.show(message.get());
            updateSummary();
            busy.set(false);
        }, this::failed);
    }

    /**
     * Moves the line's saved review to the recycle bin (the line goes back to blank for its secretary); the status
     * bar offers 撤销. A line never saved has nothing to delete.
     */
    public void delete(ReviewRow row) {
        if (row == null || busy.get()) {
            return;
        }
        if (!row.saved()) {
            message.set(Messages.get("reviewScreen.nothingToDelete", row.name()));
            return;
        }
        SecretaryReview v = row.record();
        busy.set(true);
        executor.execute(() -> {
            service.removeReview(v);
            return v;
        }, removed -> {
            row.read(new SecretaryReview(null, removed.cadreId(), removed.cadreName(), removed.villageId(),
                    removed.villageName(), removed.year(), removed.kind(), java.util.Arrays.asList(null, null, null,
                    null), null, null, null, 0));
            recompute(row);
            updateSummary();
            message.set("");
            busy.set(false); // last: the 删除 button reads the line's state when busy changes
            status.offerUndo(Messages.get("reviewScreen.status.deleted", removed.cadreName(), removed.year()),
                    () -> restore(removed.id()));
        }, e -> {
            busy.set(false);
            message.set(e.getMessage());
            status.show(e.getMessage());
        });
    }

    /** Brings a deleted review back (the 撤销 of {@link #delete}); its line shows it again when its year is shown. */
    public void restore(java.util.UUID id) {
        busy.set(true);
        executor.execute(() -> service.restoreReview(id), restored -> {
            boolean shown = false;
            if (restored.year() == year.get()) {
                ReviewRow line = rows.stream().filter(r -> r.record().cadreId().equals(restored.cadreId())
                        && r.kind() == restored.kind()).findFirst().orElse(null);
                if (line != null) {
                    line.read(restored);
                    recompute(line);
                    updateSummary();
                    shown = true;
                }
            }
            busy.set(false);
            status.show(Messages.get("reviewScreen.status.restored", restored.cadreName(), restored.year()));
            if (!shown && restored.year() == year.get()) {
                load(); // the secretary's line had gone (no longer posted that year): read the sheet again
            }
        }, e -> {
            busy.set(false);
            status.show(e.getMessage());
        });
    }

    private static SecretaryReview draft(ReviewRow row) {
        SecretaryReview r = row.record();
        List<BigDecimal> parts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parts.add(new BigDecimal(row.partProperty(i).get().strip()));
        }
        return new SecretaryReview(r.id(), r.cadreId(), r.cadreName(), r.villageId(), r.villageName(), r.year(),
                r.kind(), parts, null, null, row.noteProperty().get(), r.version());
    }

    private void updateSummary() {
        StringBuilder counts = new StringBuilder();
        for (ReviewResult res : ReviewResult.values()) {
            long n = rows.stream().filter(r -> r.resultProperty().get() == res).count();
            if (counts.length() > 0) {
                counts.append("  ");
            }
            counts.append(Messages.get("gradingScreen.gradeCount", res.label(), n));
        }
        summary.set(Messages.get("reviewScreen.summary", branchRows.size(), firstRows.size(), counts.toString()));
    }

    private void failed(Exception e) {
        busy.set(false);
        message.set(Messages.get("error.unexpected", Objects.requireNonNullElse(e.getMessage(),
                e.getClass().getSimpleName())));
    }

    public IntegerProperty yearProperty() {
        return year;
    }

    public ObservableList<ReviewRow> rows() {
        return rows;
    }

    public ObservableList<ReviewRow> branchRows() {
        return branchRows;
    }

    public ObservableList<ReviewRow> firstRows() {
        return firstRows;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty branchWeightsProperty() {
        return branchWeights;
    }

    public ReadOnlyStringProperty firstWeightsProperty() {
        return firstWeights;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }
}
