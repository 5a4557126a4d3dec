package org.townshipledger.grading;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.ImportCount;
import org.townshipledger.cadre.Finding;
import org.townshipledger.cadre.Rank;
import org.townshipledger.cadre.Role;
import org.townshipledger.common.Ids;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.grading.GradeTally.Laggard;
import org.townshipledger.grading.GradeTally.StarShare;
import org.townshipledger.grading.GradingRepository.Stay;
import org.townshipledger.grading.GradingRepository.VillageFact;

/**
 * Grading of village party organisations (评星定级): the yearly grade from 三评三定, the 述职 of secretaries, star
 * ratings, the tallies a meeting asks for, and the rules the office checks every year.
 *
 * <p>The "group" in which a village ranks last (通报) is the villages of the same kind (行政村, 社区, 嘎查村): the
 * ledger keeps no other grading group. A village ranks by its grade, then by its composite score (the weighted three
 * scores); a village without scores ranks by its grade alone, level with the others of its grade.
 */
public final class GradingService {

    static final int TEXT_MAX = 2000;
    static final int REASON_MAX = 500;
    static final int NOTE_MAX = 1000;
    static final int NAME_MAX = 50;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Database database;
    private final GradingRepository repo;
    private final CadreService cadres;
    private final SettingsStore settings;
    private final Clock clock;

    public GradingService(Database database, CadreService cadres, SettingsStore settings, Clock clock) {
        this.database = database;
        this.repo = new GradingRepository(database.dsl());
        this.cadres = cadres;
        this.settings = settings;
        this.clock = clock;
    }

    public int workingYear() {
        return settings.workingYear();
    }

    /** The day a year's checks look at: today for the current year, else its last day. */
    public LocalDate referenceDay(int year) {
        LocalDate today = LocalDate.now(clock);
        return today.getYear() == year ? today : LocalDate.of(year, 12, 31);
    }

    public GradingRules rules() {
        return GradingRules.from(settings);
    }

    public void saveRules(GradingRules rules) {
        database.dsl().transaction(tx -> rules.save(new SettingsStore(tx.dsl())));
    }

    // ---- grades (三评三定) ----

    /** The grade the thresholds propose from the three scores; empty while one of them is missing. */
    public Optional<Grade> proposeGrade(GradeScores scores) {
        return proposeGrade(scores, rules());
    }

    static Optional<Grade> proposeGrade(GradeScores scores, GradingRules rules) {
        return Optional.ofNullable(rules.composite(scores)).map(rules::gradeFor);
    }

    /** The weighted score the proposal reads, out of 100; null while a score is missing. */
    public BigDecimal composite(GradeScores scores) {
        return rules().composite(scores);
    }

    /** The year's grades of villages in use, in village order. */
    public List<VillageGrade> grades(int year) {
        return repo.grades(year, year);
    }

    /**
     * The grading sheet of a year, as the 格次评定 screen shows it: one row per village in use, in village order —
     * the year's record where there is one, else a new blank record (id null) for the village and year.
     */
    public List<VillageGrade> gradeSheet(int year) {
        Map<UUID, VillageGrade> saved = new HashMap<>();
        repo.grades(year, year).forEach(g -> saved.put(g.villageId(), g));
        List<VillageGrade> out = new ArrayList<>();
        for (VillageFact v : repo.villages(year)) {
            VillageGrade g = saved.get(v.id());
            out.add(g != null ? g : new VillageGrade(null, v.id(), v.name(), year, GradeScores.NONE, null, null,
                    null, null, null, null, null, 0));
        }
        return out;
    }

    public Optional<VillageGrade> grade(UUID villageId, int year) {
        return repo.grade(villageId, year);
    }

    /**
     * Saves a village's grade for a year, new or edited. The proposal is worked out from the scores; a grade left
     * empty takes it; a grade that differs from it needs a reason. One record per village and year: a second one is
     * refused. Only this record's row is written, so another year's record never changes.
     *
     * @throws InvalidInputException when a rule is broken (nothing written)
     * @throws StaleRecordException  when someone changed or removed the record since it was read
     */
    public VillageGrade save(VillageGrade draft) {
        GradingRules rules = rules();
        VillageGrade g = prepare(draft, rules);
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID id = database.dsl().transactionResult(tx -> {
            GradingRepository r = repo.with(tx.dsl());
            if (r.gradeTaken(g.villageId(), g.year(), g.id())) {
                throw new InvalidInputException(Messages.get("grading.error.duplicate", g.year()));
            }
            if (g.id() == null) {
                VillageGrade created = g.withId(Ids.newId());
                r.insertGrades(List.of(created), now);
                return created.id();
            }
            VillageGrade old = r.gradeById(g.id()).orElseThrow(() -> new StaleRecordException(name(g)));
            if (old.year() != g.year() || !old.villageId().equals(g.villageId())) {
                throw new InvalidInputException(Messages.get("grading.error.keyChanged"));
            }
            if (!r.updateGrade(g, now)) {
                throw new StaleRecordException(name(g));
            }
            return g.id();
        });
        return repo.gradeById(id).orElseThrow();
    }

    /** Saves many new grades at once (the demo, an import): checked as {@link #save} checks one, in one transaction. */
    public void insertGrades(List<VillageGrade> drafts) {
        GradingRules rules = rules();
        List<VillageGrade> list = new ArrayList<>(drafts.size());
        for (VillageGrade d : drafts) {
            list.add(prepare(d, rules).withId(d.id() == null ? Ids.newId() : d.id()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> repo.with(tx.dsl()).insertGrades(list, now));
    }

    /** Checks a draft and fills in the proposal (and the grade when left empty). */
    VillageGrade prepare(VillageGrade draft, GradingRules rules) {
        List<Problem> problems = new ArrayList<>();
        if (draft.villageId() == null) {
            problems.add(Problem.onField(Messages.get("grading.field.village"), Messages.get("grading.error.village")));
        }
        if (draft.year() < 1949 || draft.year() > 2100) {
            problems.add(Problem.onField(Messages.get("grading.field.year"), Messages.get("grading.error.year")));
        }
        GradeScores s = draft.scores();
        score(problems, "grading.field.memberScore", s.memberScore());
        score(problems, "grading.field.publicScore", s.publicScore());
        score(problems, "grading.field.branchScore", s.branchScore());
        score(problems, "grading.field.satisfaction", draft.satisfaction());
        if (draft.stars() != null && (draft.stars() < 1 || draft.stars() > 5)) {
            problems.add(Problem.onField(Messages.get("grading.field.stars"), Messages.get("grading.error.stars")));
        }
        String reason = blankToNull(draft.overrideReason());
        String rewards = blankToNull(draft.rewardPenalty());
        String measures = blankToNull(draft.helpMeasures());
        length(problems, "grading.field.overrideReason", reason, REASON_MAX);
        length(problems, "grading.field.rewardPenalty", rewards, TEXT_MAX);
        length(problems, "grading.field.helpMeasures", measures, TEXT_MAX);
        Grade proposed = problems.isEmpty() ? proposeGrade(s, rules).orElse(null) : null;
        Grade grade = draft.grade() == null ? proposed : draft.grade();
        boolean overridden = proposed != null && grade != proposed;
        if (overridden && reason == null) {
            problems.add(Problem.onField(Messages.get("grading.field.overrideReason"),
                    Messages.get("grading.error.reason", grade.label(), proposed.label())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new VillageGrade(draft.id(), draft.villageId(), draft.villageName(), draft.year(), s,
                draft.satisfaction(), proposed, grade, overridden ? reason : null, rewards, measures, draft.stars(),
                draft.version());
    }

    /** Moves a grade entered by mistake to the recycle bin. */
    public void remove(VillageGrade g) {
        if (g.id() == null || !repo.removeGrade(g, OffsetDateTime.now(clock))) {
            throw new StaleRecordException(name(g));
        }
    }

    public List<GradeInBin> gradesInBin() {
        return repo.gradesInBin();
    }

    /**
     * Brings a removed grade back, unless the village has a live grade for that year meanwhile (entered again after
     * the removal): then it is refused with a message saying so, and nothing changes.
     */
    public VillageGrade restoreGrade(UUID id) {
        return database.dsl().transactionResult(tx -> {
            GradingRepository r = repo.with(tx.dsl());
            VillageGrade g = r.gradeById(id).orElseThrow(() -> new InvalidInputException(
                    Messages.get("recycleBin.error.gone")));
            if (r.gradeTaken(g.villageId(), g.year(), id)) {
                throw new InvalidInputException(Messages.get("grading.error.restoreTaken", g.villageName(),
                        g.year()));
            }
            if (!r.restoreGrade(id, OffsetDateTime.now(clock))) {
                throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
            }
            return r.gradeById(id).orElseThrow();
        });
    }

    /** Deletes a removed grade for good. */
    public void purgeGrade(UUID id) {
        if (!repo.purgeGrade(id)) {
            throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
        }
    }

    public int gradeCount() {
        return repo.countGrades();
    }

    // ---- 述职 ----

    /** A review's total and result, as {@link #review} would save them. */
    public record ReviewScore(BigDecimal total, ReviewResult result) {
    }

    /** The weighted total of four part scores and the result the thresholds give it. */
    public ReviewScore score(ReviewKind kind, List<BigDecimal> parts) {
        return score(kind, parts, rules());
    }

    static ReviewScore score(ReviewKind kind, List<BigDecimal> parts, GradingRules rules) {
        BigDecimal total = rules.total(kind, parts);
        return new ReviewScore(total, rules.resultFor(total));
    }

    /**
     * Saves a secretary's 述职 for a year with its total and result computed: new, or an edit of the one already
     * read (one per cadre, year and kind).
     */
    public SecretaryReview review(SecretaryReview draft) {
        GradingRules rules = rules();
        SecretaryReview v = prepare(draft, rules);
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID cadreId = v.cadreId();
        database.dsl().transaction(tx -> {
            GradingRepository r = repo.with(tx.dsl());
            Optional<SecretaryReview> existing = r.review(cadreId, v.year(), v.kind());
            if (v.id() == null) {
                if (existing.isPresent()) {
                    throw new InvalidInputException(Messages.get("grading.error.reviewDuplicate", v.year()));
                }
                r.insertReviews(List.of(v.withId(Ids.newId())), now);
            } else if (existing.isEmpty() || !existing.get().id().equals(v.id()) || !r.updateReview(v, now)) {
                throw new StaleRecordException(v.cadreName() == null ? "" : v.cadreName());
            }
        });
        return repo.review(cadreId, v.year(), v.kind()).orElseThrow();
    }

    /** Saves many new reviews at once (the demo, an import), each scored, in one transaction. */
    public void insertReviews(List<SecretaryReview> drafts) {
        GradingRules rules = rules();
        List<SecretaryReview> list = new ArrayList<>(drafts.size());
        for (SecretaryReview d : drafts) {
            list.add(prepare(d, rules).withId(d.id() == null ? Ids.newId() : d.id()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> repo.with(tx.dsl()).insertReviews(list, now));
    }

    SecretaryReview prepare(SecretaryReview draft, GradingRules rules) {
        List<Problem> problems = new ArrayList<>();
        if (draft.cadreId() == null) {
            problems.add(Problem.onField(Messages.get("grading.field.cadre"), Messages.get("grading.error.cadre")));
        }
        if (draft.kind() == null) {
            problems.add(Problem.onField(Messages.get("grading.field.reviewKind"),
                    Messages.get("grading.error.reviewKind")));
        }
        if (draft.year() < 1949 || draft.year() > 2100) {
            problems.add(Problem.onField(Messages.get("grading.field.year"), Messages.get("grading.error.year")));
        }
        if (draft.parts().size() != 4 || draft.parts().stream().anyMatch(java.util.Objects::isNull)) {
            problems.add(Problem.onField(Messages.get("grading.field.parts"), Messages.get("grading.error.parts")));
        } else if (draft.kind() != null) {
            List<String> labels = draft.kind().partLabels();
            for (int i = 0; i < 4; i++) {
                scoreLabelled(problems, labels.get(i), draft.parts().get(i));
            }
        }
        length(problems, "grading.field.note", blankToNull(draft.note()), NOTE_MAX);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ReviewScore s = score(draft.kind(), draft.parts(), rules);
        return new SecretaryReview(draft.id(), draft.cadreId(), draft.cadreName(), draft.villageId(),
                draft.villageName(), draft.year(), draft.kind(), draft.parts(), s.total(), s.result(),
                blankToNull(draft.note()), draft.version());
    }

    /**
     * The 述职 sheet of a year, as the 述职考核 screen shows it: the year's reviews, and for every branch secretary
     * (村党组织书记) and first secretary (第一书记) posted at a village at some time in the year who has no review of
     * that kind yet, a new blank one (id null, four null parts) at the village of the latest such posting. Branch
     * secretaries first, then by village and name.
     */
    public List<SecretaryReview> reviewSheet(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Map<UUID, String> villageNames = new HashMap<>();
        repo.villages(year).forEach(v -> villageNames.put(v.id(), v.name()));
        Map<String, SecretaryReview> byKey = new LinkedHashMap<>();
        repo.reviews(year).forEach(r -> byKey.put(r.cadreId() + "|" + r.kind(), r));
        Map<String, Stay> latest = new LinkedHashMap<>();
        for (Stay s : repo.stays(List.of(Role.BRANCH_SECRETARY, Role.FIRST_SECRETARY), List.of())) {
            if (s.start().isAfter(last) || (s.end() != null && s.end().isBefore(first))
                    || !villageNames.containsKey(s.villageId())) {
                continue;
            }
            ReviewKind kind = Role.FIRST_SECRETARY.equals(s.role()) ? ReviewKind.FIRST_SECRETARY
                    : ReviewKind.BRANCH_SECRETARY;
            latest.merge(s.cadreId() + "|" + kind, s, (a, b) -> b.start().isAfter(a.start()) ? b : a);
        }
        latest.forEach((key, s) -> byKey.computeIfAbsent(key, k -> new SecretaryReview(null, s.cadreId(), s.name(),
                s.villageId(), villageNames.get(s.villageId()), year,
                Role.FIRST_SECRETARY.equals(s.role()) ? ReviewKind.FIRST_SECRETARY : ReviewKind.BRANCH_SECRETARY,
                java.util.Arrays.asList(null, null, null, null), null, null, null, 0)));
        List<SecretaryReview> out = new ArrayList<>(byKey.values());
        out.sort(Comparator.comparing(SecretaryReview::kind)
                .thenComparing(r -> r.villageName() == null ? "" : r.villageName(),
                        java.text.Collator.getInstance(java.util.Locale.CHINA))
                .thenComparing(r -> r.cadreName() == null ? "" : r.cadreName()));
        return out;
    }

    public List<SecretaryReview> reviews(int year) {
        return repo.reviews(year);
    }

    public int reviewCount() {
        return repo.countReviews();
    }

    /** Moves a review entered by mistake to the recycle bin. */
    public void removeReview(SecretaryReview v) {
        if (v.id() == null || !repo.removeReview(v, OffsetDateTime.now(clock))) {
            throw new StaleRecordException(v.cadreName() == null ? "" : v.cadreName());
        }
    }

    public List<ReviewInBin> reviewsInBin() {
        return repo.reviewsInBin();
    }

    /** Brings a removed review back, unless the secretary has a live review of that year and kind meanwhile. */
    public SecretaryReview restoreReview(UUID id) {
        return database.dsl().transactionResult(tx -> {
            GradingRepository r = repo.with(tx.dsl());
            SecretaryReview v = r.reviewById(id).orElseThrow(() -> new InvalidInputException(
                    Messages.get("recycleBin.error.gone")));
            if (r.reviewTaken(v.cadreId(), v.year(), v.kind(), id)) {
                throw new InvalidInputException(Messages.get("grading.error.reviewRestoreTaken", v.cadreName(),
                        v.year(), v.kind().label()));
            }
            if (!r.restoreReview(id, OffsetDateTime.now(clock))) {
                throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
            }
            return r.reviewById(id).orElseThrow();
        });
    }

    /** Deletes a removed review for good. */
    public void purgeReview(UUID id) {
        if (!repo.purgeReview(id)) {
            throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
        }
    }

    // ---- stars of members and secretaries ----

    public List<StarRating> stars(int year) {
        return repo.stars(year);
    }

    /** Saves new ratings of members or secretaries (an organisation's stars are saved with its grade). */
    public void insertStars(List<StarRating> drafts) {
        List<StarRating> list = new ArrayList<>(drafts.size());
        for (StarRating s : drafts) {
            List<Problem> problems = starProblems(s);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            list.add(s.withId(s.id() == null ? Ids.newId() : s.id()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> repo.with(tx.dsl()).insertStars(list, now));
    }

    private static List<Problem> starProblems(StarRating s) {
        List<Problem> problems = new ArrayList<>();
        if (s.subject() == null || s.subject() == StarSubject.ORGANISATION) {
            problems.add(Problem.onField(Messages.get("grading.field.subject"), Messages.get("grading.error.subject")));
        }
        if (s.stars() < 1 || s.stars() > 5) {
            problems.add(Problem.onField(Messages.get("grading.field.stars"), Messages.get("grading.error.stars")));
        }
        if (s.personName() == null || s.personName().isBlank() || s.personName().strip().length() > NAME_MAX) {
            problems.add(Problem.onField(Messages.get("grading.field.person"), Messages.get("grading.error.person")));
        }
        return problems;
    }

    /**
     * Saves a member's or a secretary's stars for a year, new or edited (the 星级评定 screen). The village is required
     * (a 五星党员 belongs to a village's organisation; a 五星书记 is the secretary of a village). A secretary is linked
     * to the cadre of that name posted as branch or first secretary at the village in the year, when there is exactly
     * one. The same person (the same cadre, or the same name in the same village) is rated once per year and subject.
     *
     * @throws InvalidInputException when a rule is broken (nothing written)
     * @throws StaleRecordException  when someone changed or removed the rating since it was read
     */
    public StarRating saveStar(StarRating draft) {
        List<Problem> problems = starProblems(draft);
        if (draft.villageId() == null) {
            problems.add(Problem.onField(Messages.get("grading.field.village"), Messages.get("grading.error.village")));
        }
        if (draft.year() < 1949 || draft.year() > 2100) {
            problems.add(Problem.onField(Messages.get("grading.field.year"), Messages.get("grading.error.year")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String name = draft.personName().strip();
        UUID cadreId = draft.subject() == StarSubject.SECRETARY
                ? secretaryNamed(name, draft.villageId(), draft.year()) : null;
        StarRating s = new StarRating(draft.id(), draft.year(), draft.subject(), draft.villageId(),
                draft.villageName(), cadreId, name, draft.stars(), draft.version());
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID id = database.dsl().transactionResult(tx -> {
            GradingRepository r = repo.with(tx.dsl());
            if (r.starTaken(s, s.id())) {
                throw new InvalidInputException(Messages.get("grading.error.starDuplicate", name, s.year(),
                        s.subject().label()));
            }
            if (s.id() == null) {
                StarRating created = s.withId(Ids.newId());
                r.insertStars(List.of(created), now);
                return created.id();
            }
            StarRating old = r.starById(s.id()).orElseThrow(() -> new StaleRecordException(name));
            if (old.year() != s.year() || old.subject() != s.subject()) {
                throw new InvalidInputException(Messages.get("grading.error.starKeyChanged"));
            }
            if (!r.updateStar(s, now)) {
                throw new StaleRecordException(name);
            }
            return s.id();
        });
        return repo.starById(id).orElseThrow();
    }

    /** The one cadre of that name posted as branch or first secretary at the village during the year, or null. */
    private UUID secretaryNamed(String name, UUID villageId, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Set<UUID> found = repo.stays(List.of(Role.BRANCH_SECRETARY, Role.FIRST_SECRETARY), List.of()).stream()
                .filter(s -> villageId.equals(s.villageId()) && name.equals(s.name()) && !s.start().isAfter(last)
                        && (s.end() == null || !s.end().isBefore(first)))
                .map(Stay::cadreId).collect(Collectors.toSet());
        return found.size() == 1 ? found.iterator().next() : null;
    }

    /** The villages in use, for the 星级评定 screen's village choice. */
    public List<StarCandidate> villageChoices(int year) {
        return repo.villages(year).stream().map(v -> new StarCandidate(null, null, v.id(), v.name())).toList();
    }

    /** Moves a member's or secretary's rating entered by mistake to the recycle bin. */
    public void removeStar(StarRating s) {
        if (s.id() == null || !repo.removeStar(s, OffsetDateTime.now(clock))) {
            throw new StaleRecordException(s.personName() == null ? "" : s.personName());
        }
    }

    public List<StarInBin> starsInBin() {
        return repo.starsInBin();
    }

    /** Brings a removed rating back, unless the same person has a live rating of that year and subject meanwhile. */
    public StarRating restoreStar(UUID id) {
        return database.dsl().transactionResult(tx -> {
            GradingRepository r = repo.with(tx.dsl());
            StarRating s = r.starById(id).orElseThrow(() -> new InvalidInputException(
                    Messages.get("recycleBin.error.gone")));
            if (r.starTaken(s, id)) {
                throw new InvalidInputException(Messages.get("grading.error.starRestoreTaken", s.personName(),
                        s.year(), s.subject().label()));
            }
            if (!r.restoreStar(id, OffsetDateTime.now(clock))) {
                throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
            }
            return r.starById(id).orElseThrow();
        });
    }

    /** Deletes a removed rating for good. */
    public void purgeStar(UUID id) {
        if (!repo.purgeStar(id)) {
            throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
        }
    }

    public int starCount() {
        return repo.countStars();
    }

    // ---- the tally ----

    /** The year's tally against the year before (see {@link GradeTally}). */
    public GradeTally tally(int year) {
        return tallies(year, year).get(0);
    }

    /**
     * The tallies of the years from {@code from} to {@code to}, oldest first (the 格次统计 screen's chart years): the
     * grades of all those years and the postings are read once, lean (see {@link GradingRepository#gradeFacts}).
     */
    public List<GradeTally> tallies(int from, int to) {
        GradingRules rules = rules();
        Map<Integer, Map<UUID, GradeFact>> byYear = new HashMap<>();
        for (GradeFact g : repo.gradeFacts(from - 1, to)) {
            byYear.computeIfAbsent(g.year(), k -> new HashMap<>()).put(g.villageId(), g);
        }
        List<Stay> stays = repo.stays(List.of(Role.LEADER_IN_CHARGE, Role.CADRE_IN_CHARGE), List.of());
        List<GradeTally> out = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            out.add(tally(y, rules, byYear.getOrDefault(y, Map.of()), byYear.getOrDefault(y - 1, Map.of()), stays));
        }
        return out;
    }

    private GradeTally tally(int year, GradingRules rules, Map<UUID, GradeFact> thisYearGrades,
                             Map<UUID, GradeFact> lastYearGrades, List<Stay> stays) {
        List<VillageFact> villages = repo.villages(year);
        Map<UUID, Grade> now = new HashMap<>();
        Map<UUID, Grade> before = new HashMap<>();
        int fiveStarOrgs = 0;
        for (GradeFact g : thisYearGrades.values()) {
            if (g.grade() != null) {
                now.put(g.villageId(), g.grade());
            }
            if (g.stars() != null && g.stars() == 5) {
                fiveStarOrgs++;
            }
        }
        for (GradeFact g : lastYearGrades.values()) {
            if (g.grade() != null) {
                before.put(g.villageId(), g.grade());
            }
        }
        Map<Grade, Integer> thisYear = counts(now.values());
        Map<Grade, Integer> lastYear = counts(before.values());
        int[][] movement = new int[Grade.values().length][Grade.values().length];
        int up = 0;
        int down = 0;
        int same = 0;
        for (Map.Entry<UUID, Grade> e : now.entrySet()) {
            Grade from = before.get(e.getKey());
            if (from == null) {
                continue;
            }
            Grade to = e.getValue();
            movement[from.ordinal()][to.ordinal()]++;
            if (to.betterThan(from)) {
                up++;
            } else if (from.betterThan(to)) {
                down++;
            } else {
                same++;
            }
        }
        int ungraded = (int) villages.stream().filter(v -> !now.containsKey(v.id())).count();
        List<StarShare> stars = new ArrayList<>();
        stars.add(share(StarSubject.ORGANISATION, villages.size(), fiveStarOrgs, rules.fiveStarTarget()));
        Map<StarSubject, int[]> ratings = repo.starCounts(year);
        for (StarSubject s : List.of(StarSubject.MEMBER, StarSubject.SECRETARY)) {
            int[] n = ratings.getOrDefault(s, new int[2]);
            stars.add(share(s, n[0], n[1], rules.fiveStarTarget()));
        }
        Map<UUID, String> inCharge = inCharge(stays, referenceDay(year));
        String nobody = Messages.get("check.nobodyInCharge");
        List<Laggard> laggards = new ArrayList<>();
        for (VillageFact v : villages) {
            Grade g = now.get(v.id());
            if (g == Grade.POOR || v.weak()) {
                laggards.add(new Laggard(v.id(), v.name(), g, v.weak(), inCharge.getOrDefault(v.id(), nobody)));
            }
        }
        return new GradeTally(year, thisYear, lastYear, movement, up, down, same, ungraded, stars,
                rules.fiveStarTarget(), laggards);
    }

    private static Map<Grade, Integer> counts(java.util.Collection<Grade> grades) {
        Map<Grade, Integer> out = new EnumMap<>(Grade.class);
        for (Grade g : Grade.values()) {
            out.put(g, 0);
        }
        grades.forEach(g -> out.merge(g, 1, Integer::sum));
        return out;
    }

    private static StarShare share(StarSubject subject, int rated, int fiveStar, int target) {
        BigDecimal share = rated == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(fiveStar).multiply(HUNDRED).divide(BigDecimal.valueOf(rated), 1,
                RoundingMode.HALF_UP);
        return new StarShare(subject, rated, fiveStar, share, rated > 0 && share.compareTo(BigDecimal.valueOf(target))
                >= 0);
    }

    /** Whom to call about each village on the day: its 包村领导, else its 包村干部, with phones. */
    private Map<UUID, String> inCharge(List<Stay> stays, LocalDate on) {
        Map<UUID, String> out = new HashMap<>();
        for (String role : List.of(Role.LEADER_IN_CHARGE, Role.CADRE_IN_CHARGE)) {
            Map<UUID, Set<String>> names = new HashMap<>();
            for (Stay s : stays) {
                if (role.equals(s.role()) && s.activeOn(on) && !out.containsKey(s.villageId())) {
                    names.computeIfAbsent(s.villageId(), v -> new LinkedHashSet<>()).add(whom(s));
                }
            }
            String label = cadres.roleLabel(role);
            names.forEach((village, who) -> out.put(village, label + " " + String.join("、", who)));
        }
        return out;
    }

    private static String whom(Stay s) {
        return s.phone() == null || s.phone().isBlank() ? s.name() : s.name() + " " + s.phone();
    }

    // ---- the checks ----

    /** The names of the rules {@link #checkGrading} applies, for the 检查 screen's filter. */
    public List<String> checkRules() {
        return List.of(Messages.get("check.rule.contactNotRisen"), Messages.get("check.rule.lowSatisfaction"),
                Messages.get("check.rule.lastTwice"));
    }

    /**
     * What the office checks about a year's grading: a leader's contact village (包抓村: a 包村领导 posting, or a
     * village pairing of a county-level cadre) that has not risen at least one grade during the leader's stay (once
     * the stay has lasted {@link GradingRules#stayYears()} grading years, or ended this year; measured from the grade
     * of the year before the stay began, else of the first graded year of the stay; a village already 好 must stay
     * 好); a 满意率 below
     * the floor (限期整改); the same village last in its group this year and last year (通报).
     */
    public List<Finding> checkGrading(int year) {
        GradingRules rules = rules();
        LocalDate on = referenceDay(year);
        List<Stay> stays = repo.stays(List.of(Role.LEADER_IN_CHARGE, Role.CADRE_IN_CHARGE),
                List.of(Rank.COUNTY_LEVEL.name()));
        Map<UUID, String> inCharge = inCharge(stays, on);
        String nobody = Messages.get("check.nobodyInCharge");
        int earliest = stays.stream().filter(s -> isContact(s)).mapToInt(s -> s.start().getYear() - 1).min()
                .orElse(year - 1);
        // Every year back to the earliest stay's start is needed (the grade each leader found), but lean: no names,
        // no texts; the names come from the village list.
        List<GradeFact> grades = repo.gradeFacts(Math.min(earliest, year - 1), year);
        List<VillageFact> villages = repo.villages(year);
        Map<UUID, String> names = new HashMap<>();
        villages.forEach(v -> names.put(v.id(), v.name()));
        Map<UUID, Map<Integer, GradeFact>> byVillage = new HashMap<>();
        for (GradeFact g : grades) {
            byVillage.computeIfAbsent(g.villageId(), k -> new HashMap<>()).put(g.year(), g);
        }
        // Role labels once (each look-up reads the office's own roles from the settings).
        Map<String, String> roleLabels = new HashMap<>();
        cadres.roles().forEach(r -> roleLabels.putIfAbsent(r.code(), r.label()));
        List<Finding> findings = new ArrayList<>();
        // 包抓村 that has not risen: one finding per leader and village.
        Map<String, Stay> contacts = new LinkedHashMap<>();
        stays.stream().filter(GradingService::isContact).sorted(Comparator.comparing(Stay::start))
                .forEach(s -> contacts.putIfAbsent(s.cadreId() + "/" + s.villageId(), s));
        for (Stay s : contacts.values()) {
            int start = s.start().getYear();
            if (start > year || (s.end() != null && s.end().getYear() < year)) {
                continue;
            }
            boolean ended = s.end() != null && s.end().getYear() == year && !s.end().isAfter(on);
            if (!ended && year - start + 1 < rules.stayYears()) {
                continue;
            }
            Map<Integer, GradeFact> of = byVillage.getOrDefault(s.villageId(), Map.of());
            // The grade the leader found: the year before the stay, else the first graded year of the stay.
            GradeFact base = null;
            for (int y = start - 1; y < year && base == null; y++) {
                GradeFact g = of.get(y);
                base = g != null && g.grade() != null ? g : null;
            }
            GradeFact current = of.get(year);
            if (base == null || current == null || current.grade() == null) {
                continue;
            }
            Grade from = base.grade();
            Grade to = current.grade();
            boolean risen = to.betterThan(from) || (from == Grade.GOOD && to == Grade.GOOD);
            if (!risen) {
                String who = s.pairing() ? Messages.get("grading.contact.pairing")
                        : roleLabels.getOrDefault(s.role(), s.role());
                findings.add(new Finding(names.get(s.villageId()), Messages.get("check.rule.contactNotRisen"),
                        Messages.get("check.detail.contactNotRisen", s.name(), who, s.start().toString(),
                                from.label(), base.year(), to.label(), year), whom(s)));
            }
        }
        // 满意率 below the floor: 限期整改.
        BigDecimal floor = BigDecimal.valueOf(rules.satisfactionFloor());
        for (VillageFact v : villages) { // in village order
            GradeFact g = byVillage.getOrDefault(v.id(), Map.of()).get(year);
            if (g != null && g.satisfaction() != null && g.satisfaction().compareTo(floor) < 0) {
                findings.add(new Finding(v.name(), Messages.get("check.rule.lowSatisfaction"),
                        Messages.get("check.detail.lowSatisfaction", g.satisfaction().stripTrailingZeros()
                                .toPlainString(), rules.satisfactionFloor()),
                        inCharge.getOrDefault(g.villageId(), nobody)));
            }
        }
        // Last in its group two years running: 通报.
        Map<UUID, String> group = villages.stream().collect(Collectors.toMap(VillageFact::id, VillageFact::kind));
        Set<UUID> lastNow = lastInGroup(grades, year, group, rules);
        Set<UUID> lastBefore = lastInGroup(grades, year - 1, group, rules);
        for (VillageFact v : villages) {
            if (lastNow.contains(v.id()) && lastBefore.contains(v.id())) {
                GradeFact g = byVillage.get(v.id()).get(year);
                findings.add(new Finding(v.name(), Messages.get("check.rule.lastTwice"),
                        Messages.get("check.detail.lastTwice", groupLabel(v.kind()), year - 1, year,
                                g.grade().label()), inCharge.getOrDefault(v.id(), nobody)));
            }
        }
        return findings;
    }

    private static boolean isContact(Stay s) {
        return s.pairing() || Role.LEADER_IN_CHARGE.equals(s.role());
    }

    /**
     * The villages ranked last in their group in the year: the lowest grade, then the lowest composite score (a
     * village without scores ranks level with every score of its grade). A group where everybody ties has no last.
     */
    static Set<UUID> lastInGroup(List<GradeFact> grades, int year, Map<UUID, String> group, GradingRules rules) {
        Map<String, List<GradeFact>> groups = new HashMap<>();
        for (GradeFact g : grades) {
            if (g.year() == year && g.grade() != null && group.containsKey(g.villageId())) {
                groups.computeIfAbsent(group.get(g.villageId()), k -> new ArrayList<>()).add(g);
            }
        }
        Set<UUID> out = new java.util.HashSet<>();
        for (List<GradeFact> members : groups.values()) {
            int lowest = members.stream().mapToInt(g -> g.grade().level()).min().orElse(0);
            List<GradeFact> bottom = members.stream().filter(g -> g.grade().level() == lowest).toList();
            BigDecimal least = bottom.stream().map(g -> rules.composite(g.scores())).filter(java.util.Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            List<GradeFact> last = bottom.stream().filter(g -> {
                BigDecimal c = rules.composite(g.scores());
                return least == null || c == null || c.compareTo(least) == 0;
            }).toList();
            if (last.size() < members.size()) {
                last.forEach(g -> out.add(g.villageId()));
            }
        }
        return out;
    }

    private static String groupLabel(String kindCode) {
        return org.townshipledger.village.VillageKind.parse(kindCode).map(k -> k.label()).orElse(kindCode);
    }

    // ---- import and export ----

    /**
     * Imports a grades sheet all or nothing (see {@link GradeImport}): every bad row is reported, a bad grade name
     * included, and nothing is written unless every row is good.
     */
    public ImportCount importGrades(Path file) {
        GradingRules rules = rules();
        Map<String, VillageGrade> existing = new HashMap<>();
        repo.grades(1900, 2200).forEach(g -> existing.put(GradeImport.key(g.villageId(), g.year()), g));
        GradeImport parsed = GradeImport.parse(file, repo.villages(workingYear()), existing,
                d -> prepare(d, rules));
        if (!parsed.problems().isEmpty()) {
            throw new InvalidInputException(parsed.problems());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            GradingRepository r = repo.with(tx.dsl());
            List<VillageGrade> added = new ArrayList<>();
            for (VillageGrade g : parsed.grades()) {
                if (g.id() == null) {
                    added.add(g.withId(Ids.newId()));
                } else if (!r.updateGrade(g, now)) {
                    throw new StaleRecordException(name(g));
                }
            }
            r.insertGrades(added, now);
        });
        database.checkpoint();
        return parsed.count();
    }

    /** Writes the grades (of one year, or every year when null) in the import format; returns how many. */
    public int exportGrades(Path file, Integer year) throws IOException {
        List<VillageGrade> list = year == null ? repo.grades(1900, 2200) : repo.grades(year, year);
        GradeImport.write(file, Messages.get("grading.export.title", settings.ledgerSettings().township()), list);
        return list.size();
    }

    /** Imports a 述职 sheet all or nothing (see {@link ReviewImport}); totals and results are computed. */
    public ImportCount importReviews(Path file) {
        GradingRules rules = rules();
        Map<String, SecretaryReview> existing = new HashMap<>();
        List<Cadre> people = cadres.cadres(null, null, null);
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        for (int y = workingYear() - 10; y <= workingYear() + 1; y++) {
            years.add(y);
        }
        for (int y : years) {
            repo.reviews(y).forEach(v -> existing.put(v.cadreId() + "|" + v.year() + "|" + v.kind(), v));
        }
        ReviewImport parsed = ReviewImport.parse(file, people, repo.villages(workingYear()), existing,
                d -> prepare(d, rules));
        if (!parsed.problems().isEmpty()) {
            throw new InvalidInputException(parsed.problems());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            GradingRepository r = repo.with(tx.dsl());
            List<SecretaryReview> added = new ArrayList<>();
            for (SecretaryReview v : parsed.reviews()) {
                if (v.id() == null) {
                    added.add(v.withId(Ids.newId()));
                } else if (!r.updateReview(v, now)) {
                    throw new StaleRecordException(v.cadreName());
                }
            }
            r.insertReviews(added, now);
        });
        database.checkpoint();
        return parsed.count();
    }

    /** Writes one year's reviews in the import format, ID numbers masked; returns how many. */
    public int exportReviews(Path file, int year) throws IOException {
        List<SecretaryReview> list = repo.reviews(year);
        Map<UUID, String> ids = new HashMap<>();
        for (Cadre c : cadres.cadres(null, null, null)) {
            if (c.idNumber() != null) {
                ids.put(c.id(), c.idNumber());
            }
        }
        ReviewImport.write(file, Messages.get("grading.reviews.title", settings.ledgerSettings().township(), year),
                list, ids);
        return list.size();
    }

    // ---- helpers ----

    private static void score(List<Problem> problems, String fieldKey, BigDecimal v) {
        scoreLabelled(problems, Messages.get(fieldKey), v);
    }

    private static void scoreLabelled(List<Problem> problems, String field, BigDecimal v) {
        if (v != null && (v.signum() < 0 || v.compareTo(HUNDRED) > 0 || v.stripTrailingZeros().scale() > 2)) {
            problems.add(Problem.onField(field, Messages.get("grading.error.score")));
        }
    }

    private static void length(List<Problem> problems, String fieldKey, String v, int max) {
        if (v != null && v.length() > max) {
            problems.add(Problem.onField(Messages.get(fieldKey), Messages.get("grading.error.tooLong", max)));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String name(VillageGrade g) {
        return g.villageName() == null ? Integer.toString(g.year()) : g.villageName() + " " + g.year();
    }
}
