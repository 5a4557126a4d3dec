package org.townshipledger.grading;

import static org.townshipledger.db.jooq.Tables.ASSIGNMENT;
import static org.townshipledger.db.jooq.Tables.CADRE;
import static org.townshipledger.db.jooq.Tables.PAIRING;
import static org.townshipledger.db.jooq.Tables.SECRETARY_REVIEW;
import static org.townshipledger.db.jooq.Tables.STAR_RATING;
import static org.townshipledger.db.jooq.Tables.VILLAGE;
import static org.townshipledger.db.jooq.Tables.VILLAGE_GRADE;
import static org.townshipledger.db.jooq.Tables.VILLAGE_WEAK_YEAR;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.townshipledger.db.jooq.tables.records.SecretaryReviewRecord;
import org.townshipledger.db.jooq.tables.records.StarRatingRecord;
import org.townshipledger.db.jooq.tables.records.VillageGradeRecord;
import org.townshipledger.pairing.TargetKind;

/** Grades, 述职 reviews and star ratings, and the few facts about villages and postings the grading checks need. */
public final class GradingRepository {

    private final DSLContext dsl;

    public GradingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public GradingRepository with(DSLContext ctx) {
        return new GradingRepository(ctx);
    }

    // ---- grades ----

    private static final Condition LIVE_GRADE = VILLAGE_GRADE.DELETED_AT.isNull().and(VILLAGE.DELETED_AT.isNull());

    /** The grades of the years from {@code from} to {@code to}, of villages in use, by village name then year. */
    public List<VillageGrade> grades(int from, int to) {
        return dsl.select(VILLAGE_GRADE.fields()).select(VILLAGE.NAME)
                .from(VILLAGE_GRADE).join(VILLAGE).on(VILLAGE.ID.eq(VILLAGE_GRADE.VILLAGE_ID))
                .where(LIVE_GRADE.and(VILLAGE_GRADE.GRADE_YEAR.between(from, to)))
                .orderBy(VILLAGE.NAME_INITIALS, VILLAGE.NAME, VILLAGE_GRADE.GRADE_YEAR)
                .fetch(GradingRepository::grade);
    }

    /**
     * The live grades of villages in use in the years from {@code from} to {@code to}, lean and in no order (the
     * tallies and checks). Villages in the bin are few: their ids are read first and left out by value, which keeps
     * the read on the year index without a join.
     */
    public List<GradeFact> gradeFacts(int from, int to) {
        Condition c = VILLAGE_GRADE.DELETED_AT.isNull().and(VILLAGE_GRADE.GRADE_YEAR.between(from, to));
        List<UUID> binned = binnedVillages();
        if (!binned.isEmpty()) {
            c = c.and(VILLAGE_GRADE.VILLAGE_ID.notIn(binned));
        }
        return dsl.select(VILLAGE_GRADE.VILLAGE_ID, VILLAGE_GRADE.GRADE_YEAR, VILLAGE_GRADE.GRADE, VILLAGE_GRADE.STARS,
                        VILLAGE_GRADE.MEMBER_SCORE, VILLAGE_GRADE.PUBLIC_SCORE, VILLAGE_GRADE.BRANCH_SCORE,
                        VILLAGE_GRADE.SATISFACTION)
                .from(VILLAGE_GRADE).where(c)
                .fetch(r -> new GradeFact(r.value1(), r.value2(), r.value3() == null ? null : Grade.valueOf(r.value3()),
                        r.value4(), new GradeScores(r.value5(), r.value6(), r.value7()), r.value8()));
    }

    private List<UUID> binnedVillages() {
        return dsl.select(VILLAGE.ID).from(VILLAGE).where(VILLAGE.DELETED_AT.isNotNull()).fetch(VILLAGE.ID);
    }

    public Optional<VillageGrade> grade(UUID villageId, int year) {
        return dsl.select(VILLAGE_GRADE.fields()).select(VILLAGE.NAME)
                .from(VILLAGE_GRADE).join(VILLAGE).on(VILLAGE.ID.eq(VILLAGE_GRADE.VILLAGE_ID))
                .where(VILLAGE_GRADE.DELETED_AT.isNull().and(VILLAGE_GRADE.VILLAGE_ID.eq(villageId))
                        .and(VILLAGE_GRADE.GRADE_YEAR.eq(year)))
                .fetchOptional(GradingRepository::grade);
    }

    public Optional<VillageGrade> gradeById(UUID id) {
        return dsl.select(VILLAGE_GRADE.fields()).select(VILLAGE.NAME)
                .from(VILLAGE_GRADE).join(VILLAGE).on(VILLAGE.ID.eq(VILLAGE_GRADE.VILLAGE_ID))
                .where(VILLAGE_GRADE.ID.eq(id)).fetchOptional(GradingRepository::grade);
    }

    /** Whether a live record other than {@code exceptId} holds the village's year. */
    public boolean gradeTaken(UUID villageId, int year, UUID exceptId) {
        Condition c = VILLAGE_GRADE.DELETED_AT.isNull().and(VILLAGE_GRADE.VILLAGE_ID.eq(villageId))
                .and(VILLAGE_GRADE.GRADE_YEAR.eq(year));
        if (exceptId != null) {
            c = c.and(VILLAGE_GRADE.ID.ne(exceptId));
        }
        return dsl.fetchExists(VILLAGE_GRADE, c);
    }

    private static VillageGrade grade(Record r) {
        VillageGradeRecord g = r.into(VILLAGE_GRADE);
        return new VillageGrade(g.getId(), g.getVillageId(), r.get(VILLAGE.NAME), g.getGradeYear(),
                new GradeScores(g.getMemberScore(), g.getPublicScore(), g.getBranchScore()), g.getSatisfaction(),
                g.getProposedGrade() == null ? null : Grade.valueOf(g.getProposedGrade()),
                g.getGrade() == null ? null : Grade.valueOf(g.getGrade()), g.getOverrideReason(),
                g.getRewardPenalty(), g.getHelpMeasures(), g.getStars(), g.getVersion());
    }

    public void insertGrades(List<VillageGrade> list, OffsetDateTime now) {
        List<VillageGradeRecord> rows = list.stream().map(g -> {
            VillageGradeRecord r = dsl.newRecord(VILLAGE_GRADE);
            fill(r, g);
            r.setId(g.id());
            r.setCreatedAt(now);
            r.setUpdatedAt(now);
            r.setVersion(0);
            return r;
        }).toList();
        for (int i = 0; i < rows.size(); i += 2000) {
            dsl.batchInsert(rows.subList(i, Math.min(rows.size(), i + 2000))).execute();
        }
    }

    private static void fill(VillageGradeRecord r, VillageGrade g) {
        r.setVillageId(g.villageId());
        r.setGradeYear(g.year());
        r.setMemberScore(g.scores().memberScore());
        r.setPublicScore(g.scores().publicScore());
        r.setBranchScore(g.scores().branchScore());
        r.setSatisfaction(g.satisfaction());
        r.setProposedGrade(g.proposed() == null ? null : g.proposed().name());
        r.setGrade(g.grade() == null ? null : g.grade().name());
        r.setOverrideReason(g.overrideReason());
        r.setRewardPenalty(g.rewardPenalty());
        r.setHelpMeasures(g.helpMeasures());
        r.setStars(g.stars());
    }

    /** Changes a record's scores, grades, texts and stars, if nobody changed it since (its year and village stay). */
    public boolean updateGrade(VillageGrade g, OffsetDateTime now) {
        return dsl.update(VILLAGE_GRADE)
                .set(VILLAGE_GRADE.MEMBER_SCORE, g.scores().memberScore())
                .set(VILLAGE_GRADE.PUBLIC_SCORE, g.scores().publicScore())
                .set(VILLAGE_GRADE.BRANCH_SCORE, g.scores().branchScore())
                .set(VILLAGE_GRADE.SATISFACTION, g.satisfaction())
                .set(VILLAGE_GRADE.PROPOSED_GRADE, g.proposed() == null ? null : g.proposed().name())
                .set(VILLAGE_GRADE.GRADE, g.grade() == null ? null : g.grade().name())
                .set(VILLAGE_GRADE.OVERRIDE_REASON, g.overrideReason())
                .set(VILLAGE_GRADE.REWARD_PENALTY, g.rewardPenalty())
                .set(VILLAGE_GRADE.HELP_MEASURES, g.helpMeasures())
                .set(VILLAGE_GRADE.STARS, g.stars())
                .set(VILLAGE_GRADE.UPDATED_AT, now)
                .set(VILLAGE_GRADE.VERSION, VILLAGE_GRADE.VERSION.plus(1))
                .where(VILLAGE_GRADE.ID.eq(g.id()).and(VILLAGE_GRADE.VERSION.eq(g.version()))
                        .and(VILLAGE_GRADE.DELETED_AT.isNull()))
                .execute() == 1;
    }

    /** Moves a record entered by mistake to the recycle bin, if nobody changed it since. */
    public boolean removeGrade(VillageGrade g, OffsetDateTime now) {
        return dsl.update(VILLAGE_GRADE).set(VILLAGE_GRADE.DELETED_AT, now)
                .set(VILLAGE_GRADE.VERSION, VILLAGE_GRADE.VERSION.plus(1))
                .where(VILLAGE_GRADE.ID.eq(g.id()).and(VILLAGE_GRADE.VERSION.eq(g.version()))
                        .and(VILLAGE_GRADE.DELETED_AT.isNull()))
                .execute() == 1;
    }

    /** Grades removed on their own (not hidden with a village in the bin). */
    public List<GradeInBin> gradesInBin() {
        return dsl.select(VILLAGE_GRADE.fields()).select(VILLAGE.NAME)
                .from(VILLAGE_GRADE).join(VILLAGE).on(VILLAGE.ID.eq(VILLAGE_GRADE.VILLAGE_ID))
                .where(VILLAGE_GRADE.DELETED_AT.isNotNull())
                .fetch(r -> new GradeInBin(grade(r), r.get(VILLAGE_GRADE.DELETED_AT)));
    }

    public boolean restoreGrade(UUID id, OffsetDateTime now) {
        return dsl.update(VILLAGE_GRADE).set(VILLAGE_GRADE.DELETED_AT, (OffsetDateTime) null)
                .set(VILLAGE_GRADE.UPDATED_AT, now).set(VILLAGE_GRADE.VERSION, VILLAGE_GRADE.VERSION.plus(1))
                .where(VILLAGE_GRADE.ID.eq(id).and(VILLAGE_GRADE.DELETED_AT.isNotNull())).execute() == 1;
    }

    /** Deletes a grade in the bin for good. */
    public boolean purgeGrade(UUID id) {
        return dsl.deleteFrom(VILLAGE_GRADE).where(VILLAGE_GRADE.ID.eq(id).and(VILLAGE_GRADE.DELETED_AT.isNotNull()))
                .execute() == 1;
    }

    public int countGrades() {
        return dsl.fetchCount(VILLAGE_GRADE, VILLAGE_GRADE.DELETED_AT.isNull());
    }

    // ---- 述职 reviews ----

    public List<SecretaryReview> reviews(int year) {
        return dsl.select(SECRETARY_REVIEW.fields()).select(CADRE.NAME, VILLAGE.NAME)
                .from(SECRETARY_REVIEW).join(CADRE).on(CADRE.ID.eq(SECRETARY_REVIEW.CADRE_ID))
                .leftJoin(VILLAGE).on(VILLAGE.ID.eq(SECRETARY_REVIEW.VILLAGE_ID))
                .where(SECRETARY_REVIEW.DELETED_AT.isNull().and(CADRE.DELETED_AT.isNull())
                        .and(SECRETARY_REVIEW.REVIEW_YEAR.eq(year)))
                .orderBy(SECRETARY_REVIEW.REVIEW_KIND, VILLAGE.NAME_INITIALS, VILLAGE.NAME, CADRE.NAME_INITIALS)
                .fetch(GradingRepository::review);
    }

    public Optional<SecretaryReview> review(UUID cadreId, int year, ReviewKind kind) {
        return dsl.select(SECRETARY_REVIEW.fields()).select(CADRE.NAME, VILLAGE.NAME)
                .from(SECRETARY_REVIEW).join(CADRE).on(CADRE.ID.eq(SECRETARY_REVIEW.CADRE_ID))
                .leftJoin(VILLAGE).on(VILLAGE.ID.eq(SECRETARY_REVIEW.VILLAGE_ID))
                .where(SECRETARY_REVIEW.DELETED_AT.isNull().and(SECRETARY_REVIEW.CADRE_ID.eq(cadreId))
                        .and(SECRETARY_REVIEW.REVIEW_YEAR.eq(year)).and(SECRETARY_REVIEW.REVIEW_KIND.eq(kind.name())))
                .fetchOptional(GradingRepository::review);
    }

    public Optional<SecretaryReview> reviewById(UUID id) {
        return dsl.select(SECRETARY_REVIEW.fields()).select(CADRE.NAME, VILLAGE.NAME)
                .from(SECRETARY_REVIEW).join(CADRE).on(CADRE.ID.eq(SECRETARY_REVIEW.CADRE_ID))
                .leftJoin(VILLAGE).on(VILLAGE.ID.eq(SECRETARY_REVIEW.VILLAGE_ID))
                .where(SECRETARY_REVIEW.ID.eq(id)).fetchOptional(GradingRepository::review);
    }

    /** Whether a live review other than {@code exceptId} holds the cadre's year and kind. */
    public boolean reviewTaken(UUID cadreId, int year, ReviewKind kind, UUID exceptId) {
        Condition c = SECRETARY_REVIEW.DELETED_AT.isNull().and(SECRETARY_REVIEW.CADRE_ID.eq(cadreId))
                .and(SECRETARY_REVIEW.REVIEW_YEAR.eq(year)).and(SECRETARY_REVIEW.REVIEW_KIND.eq(kind.name()));
        if (exceptId != null) {
            c = c.and(SECRETARY_REVIEW.ID.ne(exceptId));
        }
        return dsl.fetchExists(SECRETARY_REVIEW, c);
    }

    /** Moves a review entered by mistake to the recycle bin, if nobody changed it since. */
    public boolean removeReview(SecretaryReview v, OffsetDateTime now) {
        return dsl.update(SECRETARY_REVIEW).set(SECRETARY_REVIEW.DELETED_AT, now)
                .set(SECRETARY_REVIEW.VERSION, SECRETARY_REVIEW.VERSION.plus(1))
                .where(SECRETARY_REVIEW.ID.eq(v.id()).and(SECRETARY_REVIEW.VERSION.eq(v.version()))
                        .and(SECRETARY_REVIEW.DELETED_AT.isNull()))
                .execute() == 1;
    }

    /** Reviews removed on their own (not hidden with a cadre in the bin). */
    public List<ReviewInBin> reviewsInBin() {
        return dsl.select(SECRETARY_REVIEW.fields()).select(CADRE.NAME, VILLAGE.NAME)
                .from(SECRETARY_REVIEW).join(CADRE).on(CADRE.ID.eq(SECRETARY_REVIEW.CADRE_ID))
                .leftJoin(VILLAGE).on(VILLAGE.ID.eq(SECRETARY_REVIEW.VILLAGE_ID))
                .where(SECRETARY_REVIEW.DELETED_AT.isNotNull())
                .fetch(r -> new ReviewInBin(review(r), r.get(SECRETARY_REVIEW.DELETED_AT)));
    }

    public boolean restoreReview(UUID id, OffsetDateTime now) {
        return dsl.update(SECRETARY_REVIEW).set(SECRETARY_REVIEW.DELETED_AT, (OffsetDateTime) null)
                .set(SECRETARY_REVIEW.UPDATED_AT, now).set(SECRETARY_REVIEW.VERSION, SECRETARY_REVIEW.VERSION.plus(1))
                .where(SECRETARY_REVIEW.ID.eq(id).and(SECRETARY_REVIEW.DELETED_AT.isNotNull())).execute() == 1;
    }

    /** Deletes a review in the bin for good. */
    public boolean purgeReview(UUID id) {
        return dsl.deleteFrom(SECRETARY_REVIEW)
                .where(SECRETARY_REVIEW.ID.eq(id).and(SECRETARY_REVIEW.DELETED_AT.isNotNull())).execute() == 1;
    }

    private static SecretaryReview review(Record r) {
        SecretaryReviewRecord s = r.into(SECRETARY_REVIEW);
        return new SecretaryReview(s.getId(), s.getCadreId(), r.get(CADRE.NAME), s.getVillageId(),
                r.get(VILLAGE.NAME), s.getReviewYear(), ReviewKind.valueOf(s.getReviewKind()),
                List.of(s.getPart1(), s.getPart2(), s.getPart3(), s.getPart4()), s.getTotal(),
                ReviewResult.valueOf(s.getResult()), s.getNote(), s.getVersion());
    }

    public void insertReviews(List<SecretaryReview> list, OffsetDateTime now) {
        List<SecretaryReviewRecord> rows = list.stream().map(v -> {
            SecretaryReviewRecord r = dsl.newRecord(SECRETARY_REVIEW);
            r.setId(v.id());
            r.setCadreId(v.cadreId());
            r.setVillageId(v.villageId());
            r.setReviewYear(v.year());
            r.setReviewKind(v.kind().name());
            r.setPart1(v.parts().get(0));
            r.setPart2(v.parts().get(1));
            r.setPart3(v.parts().get(2));
            r.setPart4(v.parts().get(3));
            r.setTotal(v.total());
            r.setResult(v.result().name());
            r.setNote(v.note());
            r.setCreatedAt(now);
            r.setUpdatedAt(now);
            r.setVersion(0);
            return r;
        }).toList();
        for (int i = 0; i < rows.size(); i += 2000) {
            dsl.batchInsert(rows.subList(i, Math.min(rows.size(), i + 2000))).execute();
        }
    }

    public boolean updateReview(SecretaryReview v, OffsetDateTime now) {
        return dsl.update(SECRETARY_REVIEW)
                .set(SECRETARY_REVIEW.VILLAGE_ID, v.villageId())
                .set(SECRETARY_REVIEW.PART1, v.parts().get(0))
                .set(SECRETARY_REVIEW.PART2, v.parts().get(1))
                .set(SECRETARY_REVIEW.PART3, v.parts().get(2))
                .set(SECRETARY_REVIEW.PART4, v.parts().get(3))
                .set(SECRETARY_REVIEW.TOTAL, v.total())
                .set(SECRETARY_REVIEW.RESULT, v.result().name())
                .set(SECRETARY_REVIEW.NOTE, v.note())
                .set(SECRETARY_REVIEW.UPDATED_AT, now)
                .set(SECRETARY_REVIEW.VERSION, SECRETARY_REVIEW.VERSION.plus(1))
                .where(SECRETARY_REVIEW.ID.eq(v.id()).and(SECRETARY_REVIEW.VERSION.eq(v.version()))
                        .and(SECRETARY_REVIEW.DELETED_AT.isNull()))
                .execute() == 1;
    }

    public int countReviews() {
        return dsl.fetchCount(SECRETARY_REVIEW, SECRETARY_REVIEW.DELETED_AT.isNull());
    }

    // ---- star ratings of members and secretaries ----

    /** Live ratings are hidden with their village or cadre when that is in the recycle bin. */
    private static final Condition LIVE_STAR = STAR_RATING.DELETED_AT.isNull().and(VILLAGE.DELETED_AT.isNull())
            .and(CADRE.DELETED_AT.isNull());

    public List<StarRating> stars(int year) {
        return dsl.select(STAR_RATING.fields()).select(VILLAGE.NAME)
                .from(STAR_RATING).leftJoin(VILLAGE).on(VILLAGE.ID.eq(STAR_RATING.VILLAGE_ID))
                .leftJoin(CADRE).on(CADRE.ID.eq(STAR_RATING.CADRE_ID))
                .where(LIVE_STAR.and(STAR_RATING.RATING_YEAR.eq(year)))
                .orderBy(STAR_RATING.SUBJECT_KIND, VILLAGE.NAME_INITIALS, VILLAGE.NAME, STAR_RATING.PERSON_NAME)
                .fetch(GradingRepository::star);
    }

    public Optional<StarRating> starById(UUID id) {
        return dsl.select(STAR_RATING.fields()).select(VILLAGE.NAME)
                .from(STAR_RATING).leftJoin(VILLAGE).on(VILLAGE.ID.eq(STAR_RATING.VILLAGE_ID))
                .where(STAR_RATING.ID.eq(id)).fetchOptional(GradingRepository::star);
    }

    private static StarRating star(Record r) {
        StarRatingRecord s = r.into(STAR_RATING);
        return new StarRating(s.getId(), s.getRatingYear(), StarSubject.valueOf(s.getSubjectKind()),
                s.getVillageId(), r.get(VILLAGE.NAME), s.getCadreId(), s.getPersonName(), s.getStars(),
                s.getVersion());
    }

    /**
     * Whether a live rating other than {@code exceptId} rates the same person for the same year and subject: the
     * same cadre, or (without a cadre) the same name in the same village.
     */
    public boolean starTaken(StarRating s, UUID exceptId) {
        Condition c = STAR_RATING.DELETED_AT.isNull().and(STAR_RATING.RATING_YEAR.eq(s.year()))
                .and(STAR_RATING.SUBJECT_KIND.eq(s.subject().name()));
        Condition village = s.villageId() == null ? STAR_RATING.VILLAGE_ID.isNull()
                : STAR_RATING.VILLAGE_ID.eq(s.villageId());
        Condition samePerson = STAR_RATING.PERSON_NAME.eq(s.personName()).and(village);
        c = c.and(s.cadreId() == null ? samePerson : STAR_RATING.CADRE_ID.eq(s.cadreId()).or(samePerson));
        if (exceptId != null) {
            c = c.and(STAR_RATING.ID.ne(exceptId));
        }
        return dsl.fetchExists(STAR_RATING, c);
    }

    /** Changes a rating's person, village and stars, if nobody changed it since (its year and subject stay). */
    public boolean updateStar(StarRating s, OffsetDateTime now) {
        return dsl.update(STAR_RATING)
                .set(STAR_RATING.VILLAGE_ID, s.villageId())
                .set(STAR_RATING.CADRE_ID, s.cadreId())
                .set(STAR_RATING.PERSON_NAME, s.personName())
                .set(STAR_RATING.STARS, s.stars())
                .set(STAR_RATING.UPDATED_AT, now)
                .set(STAR_RATING.VERSION, STAR_RATING.VERSION.plus(1))
                .where(STAR_RATING.ID.eq(s.id()).and(STAR_RATING.VERSION.eq(s.version()))
                        .and(STAR_RATING.DELETED_AT.isNull()))
                .execute() == 1;
    }

    /** Moves a rating entered by mistake to the recycle bin, if nobody changed it since. */
    public boolean removeStar(StarRating s, OffsetDateTime now) {
        return dsl.update(STAR_RATING).set(STAR_RATING.DELETED_AT, now)
                .set(STAR_RATING.VERSION, STAR_RATING.VERSION.plus(1))
                .where(STAR_RATING.ID.eq(s.id()).and(STAR_RATING.VERSION.eq(s.version()))
                        .and(STAR_RATING.DELETED_AT.isNull()))
                .execute() == 1;
    }

    /** Ratings removed on their own. */
    public List<StarInBin> starsInBin() {
        return dsl.select(STAR_RATING.fields()).select(VILLAGE.NAME)
                .from(STAR_RATING).leftJoin(VILLAGE).on(VILLAGE.ID.eq(STAR_RATING.VILLAGE_ID))
                .where(STAR_RATING.DELETED_AT.isNotNull())
                .fetch(r -> new StarInBin(star(r), r.get(STAR_RATING.DELETED_AT)));
    }

    public boolean restoreStar(UUID id, OffsetDateTime now) {
        return dsl.update(STAR_RATING).set(STAR_RATING.DELETED_AT, (OffsetDateTime) null)
                .set(STAR_RATING.UPDATED_AT, now).set(STAR_RATING.VERSION, STAR_RATING.VERSION.plus(1))
                .where(STAR_RATING.ID.eq(id).and(STAR_RATING.DELETED_AT.isNotNull())).execute() == 1;
    }

    /** Deletes a rating in the bin for good. */
    public boolean purgeStar(UUID id) {
        return dsl.deleteFrom(STAR_RATING).where(STAR_RATING.ID.eq(id).and(STAR_RATING.DELETED_AT.isNotNull()))
                .execute() == 1;
    }

    public void insertStars(List<StarRating> list, OffsetDateTime now) {
        List<StarRatingRecord> rows = list.stream().map(s -> {
            StarRatingRecord r = dsl.newRecord(STAR_RATING);
            r.setId(s.id());
            r.setRatingYear(s.year());
            r.setSubjectKind(s.subject().name());
            r.setVillageId(s.villageId());
            r.setCadreId(s.cadreId());
            r.setPersonName(s.personName());
            r.setStars(s.stars());
            r.setCreatedAt(now);
            r.setUpdatedAt(now);
            r.setVersion(0);
            return r;
        }).toList();
        for (int i = 0; i < rows.size(); i += 2000) {
            dsl.batchInsert(rows.subList(i, Math.min(rows.size(), i + 2000))).execute();
        }
    }

    /** Per subject kind rated in the year: {rated, five-star}. */
    public java.util.Map<StarSubject, int[]> starCounts(int year) {
        java.util.Map<StarSubject, int[]> out = new java.util.EnumMap<>(StarSubject.class);
        org.jooq.Field<Integer> five = org.jooq.impl.DSL.count().filterWhere(STAR_RATING.STARS.eq(5));
        // Ratings of villages and cadres in the bin are hidden with them. Those are few (usually none): their ids are
        // read first and left out by value, which keeps the count on the year index (a join per rating, or a NOT IN
        // subquery, made it four times slower on the county demo).
        Condition c = STAR_RATING.DELETED_AT.isNull().and(STAR_RATING.RATING_YEAR.eq(year));
        List<UUID> binnedVillages = binnedVillages();
        if (!binnedVillages.isEmpty()) {
            c = c.and(STAR_RATING.VILLAGE_ID.isNull().or(STAR_RATING.VILLAGE_ID.notIn(binnedVillages)));
        }
        List<UUID> binnedCadres = dsl.select(CADRE.ID).from(CADRE).where(CADRE.DELETED_AT.isNotNull())
                .fetch(CADRE.ID);
        if (!binnedCadres.isEmpty()) {
            c = c.and(STAR_RATING.CADRE_ID.isNull().or(STAR_RATING.CADRE_ID.notIn(binnedCadres)));
        }
        dsl.select(STAR_RATING.SUBJECT_KIND, org.jooq.impl.DSL.count(), five).from(STAR_RATING)
                .where(c)
                .groupBy(STAR_RATING.SUBJECT_KIND)
                .forEach(r -> out.put(StarSubject.valueOf(r.value1()), new int[] {r.value2(), r.value3()}));
        return out;
    }

    public int countStars() {
        return dsl.fetchCount(STAR_RATING, STAR_RATING.DELETED_AT.isNull());
    }

    // ---- what the tallies and checks read about villages and postings ----

    /** A village in use: its kind (the grading group) and whether its branch was 软弱涣散 in the year asked. */
    public record VillageFact(UUID id, String name, String kind, boolean weak) {
    }

    public List<VillageFact> villages(int year) {
        Set<UUID> weak = new HashSet<>(dsl.select(VILLAGE_WEAK_YEAR.VILLAGE_ID).from(VILLAGE_WEAK_YEAR)
                .where(VILLAGE_WEAK_YEAR.WEAK_YEAR.eq(year)).fetch(VILLAGE_WEAK_YEAR.VILLAGE_ID));
        return dsl.select(VILLAGE.ID, VILLAGE.NAME, VILLAGE.KIND).from(VILLAGE).where(VILLAGE.DELETED_AT.isNull())
                .orderBy(VILLAGE.NAME_INITIALS, VILLAGE.NAME)
                .fetch(r -> new VillageFact(r.value1(), r.value2(), r.value3(), weak.contains(r.value1())));
    }

    /**
     * A leader at a village from a date to a date: a posting in one of {@code roles}, or a pairing with the
     * village as target by a cadre of one of {@code ranks}.
     *
     * @param end null while it goes on
     */
    public record Stay(UUID cadreId, String name, String phone, UUID villageId, LocalDate start, LocalDate end,
                       String role) {

        /** A village pairing rather than a posting. */
        public boolean pairing() {
            return role == null;
        }

        public boolean activeOn(LocalDate day) {
            return !start.isAfter(day) && (end == null || !end.isBefore(day));
        }
    }

    /** The postings in these roles at villages, and the village pairings of cadres of these ranks (cadres in use). */
    public List<Stay> stays(Collection<String> roles, Collection<String> ranks) {
        List<Stay> out = new java.util.ArrayList<>(dsl.select(ASSIGNMENT.CADRE_ID, CADRE.NAME, CADRE.PHONE,
                        ASSIGNMENT.VILLAGE_ID, ASSIGNMENT.START_DATE, ASSIGNMENT.END_DATE, ASSIGNMENT.ROLE)
                .from(ASSIGNMENT).join(CADRE).on(CADRE.ID.eq(ASSIGNMENT.CADRE_ID))
                .where(ASSIGNMENT.DELETED_AT.isNull().and(CADRE.DELETED_AT.isNull()).and(ASSIGNMENT.ROLE.in(roles)))
                .fetch(r -> new Stay(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7())));
        if (!ranks.isEmpty()) {
            out.addAll(dsl.select(PAIRING.HELPER_CADRE_ID, CADRE.NAME, CADRE.PHONE, PAIRING.VILLAGE_ID,
                            PAIRING.START_DATE, PAIRING.END_DATE)
                    .from(PAIRING).join(CADRE).on(CADRE.ID.eq(PAIRING.HELPER_CADRE_ID))
                    .where(PAIRING.DELETED_AT.isNull().and(CADRE.DELETED_AT.isNull())
                            .and(PAIRING.TARGET_KIND.eq(TargetKind.VILLAGE.name())).and(PAIRING.VILLAGE_ID.isNotNull())
                            .and(CADRE.CADRE_RANK.in(ranks)))
                    .fetch(r -> new Stay(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                            null)));
        }
        return out;
    }
}
