package org.townshipledger.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Finding;
import org.townshipledger.common.Messages;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.grading.GradingService;
import org.townshipledger.pairing.PairingService;
import org.townshipledger.ui.StatusBarModel;
import org.townshipledger.visit.VisitService;

/**
 * State of the 检查 screen: the year, the rule filter, and the findings of the last run. The assignment checks
 * come from {@link CadreService#checkAssignments}, the pairing checks from {@link PairingService#checkPairings},
 * the grading checks from {@link GradingService#checkGrading} and the visit checks from
 * {@link VisitService#checkVisits}.
 */
public final class ChecksViewModel {

    private final CadreService cadres;
    /** Null when the screen checks the postings only. */
    private final PairingService pairings;
    /** Null when the screen does not check grading. */
    private final GradingService grading;
    /** Null when the screen does not check visits. */
    private final VisitService visits;
    private final TaskExecutor executor;
    private final StatusBarModel status;

    private final IntegerProperty year = new SimpleIntegerProperty();
    private final ObservableList<String> rules = FXCollections.observableArrayList();
    private final ObjectProperty<String> ruleFilter = new SimpleObjectProperty<>();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final FilteredList<Finding> shown = new FilteredList<>(findings);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty ran = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private boolean yearSet;

    /** Checks the postings only. */
    public ChecksViewModel(CadreService cadres, TaskExecutor executor, StatusBarModel status) {
        this(cadres, null, executor, status);
    }

    /** Checks the postings and the pairings. */
    public ChecksViewModel(CadreService cadres, PairingService pairings, TaskExecutor executor,
                           StatusBarModel status) {
        this(cadres, pairings, null, null, executor, status);
    }

    /** Checks the postings, the pairings, the grading of village party organisations and the visits. */
    public ChecksViewModel(CadreService cadres, PairingService pairings, GradingService grading, VisitService visits,
                           TaskExecutor executor, StatusBarModel status) {
        this.cadres = cadres;
        this.pairings = pairings;
        this.grading = grading;
        this.visits = visits;
        this.executor = executor;
        this.status = status;
        ruleFilter.addListener((obs, old, rule) -> {
            shown.setPredicate(rule == null ? null : f -> f.rule().equals(rule));
            updateSummary();
        });
    }

    private record Loaded(int year, List<String> rules) {
    }

    /** Loads the rule names and, the first time, the working year. */
    public void load() {
        executor.execute(() -> new Loaded(cadres.workingYear(), allRules()), loaded -> {
            rules.setAll(loaded.rules());
            if (!yearSet) {
                year.set(loaded.year());
                yearSet = true;
            }
        }, this::failed);
    }

    private List<String> allRules() {
        List<String> all = new ArrayList<>(cadres.checkRules());
        if (pairings != null) {
            all.addAll(pairings.checkRules());
        }
        if (grading != null) {
            all.addAll(grading.checkRules());
        }
        if (visits != null) {
            all.addAll(visits.checkRules());
        }
        return all;
    }

    /** Runs every check for the chosen year (postings, pairings, grading, visits); the table shows what it found. */
    public void run() {
        int y = year.get();
        busy.set(true);
        executor.execute(() -> {
            List<Finding> all = new ArrayList<>(cadres.checkAssignments(y));
            if (pairings != null) {
                all.addAll(pairings.checkPairings(y));
            }
            if (grading != null) {
                all.addAll(grading.checkGrading(y));
            }
            if (visits != null) {
                all.addAll(visits.checkVisits(y));
            }
            return all;
        }, found -> {
            busy.set(false);
            ran.set(true);
            findings.setAll(found);
            updateSummary();
            status.show(Messages.get("checks.status", y, found.size()));
        }, this::failed);
    }

    private void updateSummary() {
        if (!ran.get()) {
            summary.set("");
        } else if (findings.isEmpty()) {
            summary.set(Messages.get("checks.none", year.get()));
        } else if (ruleFilter.get() == null) {
            summary.set(Messages.get("checks.count", findings.size()));
        } else {
            summary.set(Messages.get("checks.countOf", shown.size(), findings.size()));
        }
    }

    private void failed(Exception e) {
        busy.set(false);
        summary.set(Messages.get("error.unexpected", Objects.requireNonNullElse(e.getMessage(),
                e.getClass().getSimpleName())));
    }

    public IntegerProperty yearProperty() {
        return year;
    }

    public ObservableList<String> rules() {
        return rules;
    }

    /** The rule to show, or null for all. */
    public ObjectProperty<String> ruleFilterProperty() {
        return ruleFilter;
    }

    public ObservableList<Finding> shownFindings() {
        return shown;
    }

    public ObservableList<Finding> allFindings() {
        return findings;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }
}
