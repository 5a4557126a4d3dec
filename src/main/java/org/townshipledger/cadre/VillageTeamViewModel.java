package org.townshipledger.cadre;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.townshipledger.common.Messages;
import org.townshipledger.common.TaskExecutor;
import org.townshipledger.ui.StatusBarModel;

/**
 * The 现任班子 section of a village's form: who holds a post there today, its 后备干部 with their ages, and the
 * year's 发展思路, which is saved here. The village comes from the villages screen through
 * {@link #villageIdProperty()}; null (a village not yet saved) shows nothing.
 */
public final class VillageTeamViewModel {

    private final CadreService service;
    private final TaskExecutor executor;
    private final StatusBarModel status;
    private final Clock clock;

    private final ObjectProperty<UUID> villageId = new SimpleObjectProperty<>();
    private final StringProperty team = new SimpleStringProperty("");
    private final StringProperty reserves = new SimpleStringProperty("");
    private final IntegerProperty year = new SimpleIntegerProperty();
    private final StringProperty developmentPath = new SimpleStringProperty("");
    private final StringProperty savedPath = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public VillageTeamViewModel(CadreService service, TaskExecutor executor, StatusBarModel status, Clock clock) {
        this.service = service;
        this.executor = executor;
        this.status = status;
        this.clock = clock;
        villageId.addListener((obs, old, id) -> reload());
    }

    private record Loaded(UUID villageId, String team, String reserves, int year, String path) {
    }

    /** Reads the village's team, reserves and development path again. */
    public void reload() {
        UUID id = villageId.get();
        error.set("");
        if (id == null) {
            team.set("");
            reserves.set("");
            developmentPath.set("");
            savedPath.set("");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        executor.execute(() -> {
            List<Assignment> current = new ArrayList<>(service.team(id, today));
            current.sort((a, b) -> Integer.compare(rank(a.role()), rank(b.role())));
            List<String> members = new ArrayList<>();
            List<String> young = new ArrayList<>();
            for (Assignment a : current) {
                if (a.role().equals(Role.RESERVE)) {
                    int age = service.cadre(a.cadreId()).map(k -> k.ageOn(today)).orElse(-1);
                    young.add(age < 0 ? a.cadreName() : Messages.get("team.reserve", a.cadreName(), age));
                } else {
                    members.add(Messages.get("team.member", service.roleLabel(a.role()), a.cadreName()));
                }
            }
            int y = service.workingYear();
            return new Loaded(id, String.join("\n", members), String.join("、", young), y,
                    service.developmentPath(id, y));
        }, loaded -> {
            if (!Objects.equals(loaded.villageId(), villageId.get())) {
                return;
            }
            team.set(loaded.team().isEmpty() ? Messages.get("team.none") : loaded.team());
            reserves.set(loaded.reserves().isEmpty() ? Messages.get("team.noReserves") : loaded.reserves());
            year.set(loaded.year());
            developmentPath.set(loaded.path());
            savedPath.set(loaded.path());
        }, e -> error.set(Messages.get("error.unexpected", Objects.requireNonNullElse(e.getMessage(),
                e.getClass().getSimpleName()))));
    }

    /** Built-in roles in their order (first secretary first), roles an office added after them. */
    private static int rank(String role) {
        int i = Role.BUILT_IN.indexOf(role);
        return i < 0 ? Role.BUILT_IN.size() : i;
    }

    /** Saves the development path for the working year. */
    public void saveDevelopmentPath() {
        UUID id = villageId.get();
        if (id == null) {
            return;
        }
        int y = year.get();
        String text = developmentPath.get();
        executor.execute(() -> {
            service.saveDevelopmentPath(id, y, text);
            return text == null ? "" : text.strip();
        }, saved -> {
            savedPath.set(saved);
            developmentPath.set(saved);
            status.saved(LocalTime.now(clock));
        }, e -> error.set(Messages.get("error.unexpected", Objects.requireNonNullElse(e.getMessage(),
                e.getClass().getSimpleName()))));
    }

    public ObjectProperty<UUID> villageIdProperty() {
        return villageId;
    }

    /** One line per post: "驻村第一书记  李明". */
    public ReadOnlyStringProperty teamProperty() {
        return team;
    }

    /** "张三（28 岁）、李四（31 岁）". */
    public ReadOnlyStringProperty reservesProperty() {
        return reserves;
    }

    public ReadOnlyIntegerProperty yearProperty() {
        return year;
    }

    public StringProperty developmentPathProperty() {
        return developmentPath;
    }

    /** The development path as stored, to tell whether the field holds unsaved text. */
    public ReadOnlyStringProperty savedPathProperty() {
        return savedPath;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
