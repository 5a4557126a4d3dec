package org.townshipledger.grading;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.townshipledger.common.Messages;
import org.townshipledger.common.TaskExecutor;

/**
 * State of the 格次统计 screen for a chosen year: villages per grade over the last few years (the chart), the
 * movement table (last year's grade × this year's with 升/降/持平), the five-star shares against the target, and the
 * villages still 较差 or 软弱涣散 with who is in charge. Everything comes from {@link GradingService#tally}.
 */
public final class GradeTallyViewModel {

    /** How many years the distribution chart shows, the chosen one last. */
    public static final int CHART_YEARS = 4;

    /** Villages per grade in one year (a series of the chart), and the movement against the year before. */
    public record YearCounts(int year, Map<Grade, Integer> counts, int up, int down, int same) {
        public int count(Grade g) {
            return counts.getOrDefault(g, 0);
        }
    }

    /**
     * A line of the movement table: last year's grade, how many went to each grade this year (in {@link Grade}
     * order), and the line's total. {@code from} is null for the 合计 line.
     */
    public record MovementLine(Grade from, List<Integer> to, int total) {
        public String label() {
            return from == null ? Messages.get("tallyScreen.total") : from.label();
        }
    }

    /** A line of the star table, ready to show. */
    public record StarLine(String subject, int rated, int fiveStar, String share, String target, String reached) {
    }

    /** A village still 较差 or 软弱涣散. */
    public record LaggardLine(String village, String grade, String weak, String inCharge) {
    }

    private final GradingService service;
    private final TaskExecutor executor;

    private final IntegerProperty year = new SimpleIntegerProperty();
    private final ObservableList<YearCounts> distribution = FXCollections.observableArrayList();
    private final ObservableList<MovementLine> movement = FXCollections.observableArrayList();
    private final ObservableList<StarLine> stars = FXCollections.observableArrayList();
    private final ObservableList<LaggardLine> laggards = FXCollections.observableArrayList();
    private final ObjectProperty<GradeTally> tally = new SimpleObjectProperty<>();
    private final StringProperty movementSummary = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private boolean yearSet;

    public GradeTallyViewModel(GradingService service, TaskExecutor executor) {
        this.service = service;
        this.executor = executor;
        year.addListener((obs, old, y) -> {
            if (yearSet && old.intValue() != y.intValue()) {
                load();
            }
        });
    }

    private record Loaded(int year, List<GradeTally> tallies) {
    }

    /** Reads the tallies of the chosen year and the years before it (the working year the first time). */
    public void load() {
        busy.set(true);
        boolean first = !yearSet;
        int asked = year.get();
        executor.execute(() -> {
            int y = first ? service.workingYear() : asked;
            return new Loaded(y, service.tallies(y - CHART_YEARS + 1, y));
        }, this::show, e -> {
            busy.set(false);
            summary.set(Messages.get("error.unexpected", Objects.requireNonNullElse(e.getMessage(),
                    e.getClass().getSimpleName())));
        });
    }

    private void show(Loaded loaded) {
        busy.set(false);
        if (!yearSet) {
            year.set(loaded.year());
            yearSet = true;
        }
        if (loaded.year() != year.get()) {
            return;
        }
        List<YearCounts> years = new ArrayList<>();
        for (GradeTally t : loaded.tallies()) {
            years.add(new YearCounts(t.year(), new EnumMap<>(t.thisYear()), t.up(), t.down(), t.same()));
        }
        distribution.setAll(years);
        GradeTally t = loaded.tallies().get(loaded.tallies().size() - 1);
        tally.set(t);

        List<MovementLine> lines = new ArrayList<>();
        int[] columnTotals = new int[Grade.values().length];
        for (Grade from : Grade.values()) {
            List<Integer> to = new ArrayList<>();
            int total = 0;
            for (Grade g : Grade.values()) {
                int n = t.moved(from, g);
                to.add(n);
                total += n;
                columnTotals[g.ordinal()] += n;
            }
            lines.add(new MovementLine(from, to, total));
        }
        List<Integer> totals = new ArrayList<>();
        int all = 0;
        for (int n : columnTotals) {
            totals.add(n);
            all += n;
        }
        lines.add(new MovementLine(null, totals, all));
        movement.setAll(lines);
        movementSummary.set(Messages.get("tallyScreen.movement.summary", t.year() - 1, t.year(), t.up(), t.down(),
                t.same()));

        List<StarLine> starLines = new ArrayList<>();
        for (GradeTally.StarShare s : t.stars()) {
            starLines.add(new StarLine(s.subject().label(), s.rated(), s.fiveStar(),
                    Messages.get("tallyScreen.percent", s.share().toPlainString()),
                    Messages.get("tallyScreen.percent", Integer.toString(t.target())),
                    Messages.get(s.reached() ? "tallyScreen.reached" : "tallyScreen.notReached")));
        }
        stars.setAll(starLines);

        List<LaggardLine> lag = new ArrayList<>();
        for (GradeTally.Laggard l : t.laggards()) {
            lag.add(new LaggardLine(l.village(), l.grade() == null ? Messages.get("tallyScreen.ungraded")
                    : l.grade().label(), l.weak() ? Messages.get("tallyScreen.weak") : "", l.inCharge()));
        }
        laggards.setAll(lag);

        StringBuilder counts = new StringBuilder();
        for (Grade g : Grade.values()) {
            if (counts.length() > 0) {
                counts.append("  ");
            }
            counts.append(Messages.get("tallyScreen.gradeCount", g.label(), t.count(g), t.countLastYear(g)));
        }
        summary.set(Messages.get("tallyScreen.summary", t.year(), t.graded(), t.ungraded(), counts.toString()));
    }

    public IntegerProperty yearProperty() {
        return year;
    }

    /** Villages per grade, one entry per year of the chart, oldest first. */
    public ObservableList<YearCounts> distribution() {
        return distribution;
    }

    /** The movement table: one line per last year's grade, then 合计. */
    public ObservableList<MovementLine> movement() {
        return movement;
    }

    public ObservableList<StarLine> stars() {
        return stars;
    }

    public ObservableList<LaggardLine> laggards() {
        return laggards;
    }

    public ReadOnlyObjectProperty<GradeTally> tallyProperty() {
        return tally;
    }

    /** "2025 → 2026：升 3 村，降 1 村，持平 8 村". */
    public ReadOnlyStringProperty movementSummaryProperty() {
        return movementSummary;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
