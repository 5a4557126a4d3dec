package org.townshipledger.pairing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.townshipledger.cadre.Cadre;
import org.townshipledger.cadre.CadreService;
import org.townshipledger.cadre.Finding;
import org.townshipledger.cadre.ImportCount;
import org.townshipledger.cadre.Rank;
import org.townshipledger.cadre.Role;
import org.townshipledger.cadre.Unit;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;
import org.townshipledger.common.StaleRecordException;
import org.townshipledger.db.Database;
import org.townshipledger.db.SettingsStore;
import org.townshipledger.pairing.PairingRepository.Link;
import org.townshipledger.pairing.PairingRepository.Posting;
import org.townshipledger.pairing.PairingRules.Quota;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageService;

/**
 * Pairings (结对帮扶): who helps whom, the quotas and limits the office checks, and the suggestion of helpers for
 * households nobody helps yet.
 */
public final class PairingService {

    static final int PROMISE_MAX = 1000;
    static final int REASON_MAX = 200;

    private final Database database;
    private final PairingRepository repo;
    private final CadreService cadres;
    private final VillageService villages;
    private final SettingsStore settings;
    private final Clock clock;

    public PairingService(Database database, CadreService cadres, VillageService villages, SettingsStore settings,
                          Clock clock) {
        this.database = database;
        this.repo = new PairingRepository(database.dsl());
        this.cadres = cadres;
        this.villages = villages;
        this.settings = settings;
        this.clock = clock;
    }

    public int workingYear() {
        return settings.workingYear();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The day a year's checks look at: today for the current year, else its last day. */
    public LocalDate referenceDay(int year) {
        LocalDate today = today();
        return today.getYear() == year ? today : LocalDate.of(year, 12, 31);
    }

    public PairingRules rules() {
        return PairingRules.from(settings);
    }

    public void saveRules(PairingRules rules) {
        database.dsl().transaction(tx -> rules.save(new SettingsStore(tx.dsl())));
    }

    public int count() {
        return repo.count();
    }

    // ---- reading ----

    public List<Pairing> pairings(PairingFilter filter) {
        return fillTownship(repo.list(filter));
    }

    /** Streams the pairings in village order, for printouts of any size. */
    public void forEachPairing(PairingFilter filter, Consumer<Pairing> sink) {
        String township = settings.ledgerSettings().township();
        repo.forEach(filter, p -> sink.accept(p.target() == TargetKind.TOWNSHIP ? withTownship(p, township) : p));
    }

    /** The household's helpers, past and present, newest first. */
    public List<Pairing> helpersOf(UUID householdId) {
        return pairings(new PairingFilter(null, null, null, householdId, null)).stream()
                .sorted(Comparator.comparing(Pairing::startDate).reversed()).toList();
    }

    /** Whom a cadre (or a unit, when {@code cadreId} is null) helps, past and present. */
    public List<Pairing> helpedBy(UUID cadreId, UUID unitId) {
        return pairings(new PairingFilter(null, cadreId, cadreId == null ? unitId : null, null, null));
    }

    /** Poor or monitored households that no cadre helps on the year's reference day; all villages when null. */
    public List<UncoveredHousehold> uncoveredHouseholds(UUID villageId, int year) {
        return repo.uncovered(villageId, referenceDay(year));
    }

    private List<Pairing> fillTownship(List<Pairing> list) {
        if (list.stream().noneMatch(p -> p.target() == TargetKind.TOWNSHIP)) {
            return list;
        }
        String township = settings.ledgerSettings().township();
        return list.stream().map(p -> p.target() == TargetKind.TOWNSHIP ? withTownship(p, township) : p).toList();
    }

    private static Pairing withTownship(Pairing p, String township) {
        return new Pairing(p.id(), p.cadreId(), p.unitId(), p.helperName(), p.helperUnit(), p.helperPhone(),
                p.target(), p.householdId(), p.memberId(), p.villageId(), township, p.villageName(), p.kind(),
                p.startDate(), p.endDate(), p.promise(), p.endReason(), p.version());
    }

    // ---- writing ----

    /**
     * Starts a pairing. Refused, with the reason: no helper or two; a helper or target not in the ledger; no
     * start date or an end before it; the same helper already paired with the same target over those dates; a
     * cadre who would help more households than the limit of the rank.
     */
    public Pairing pair(Pairing draft) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return database.dsl().transactionResult(tx -> {
            PairingRepository r = repo.with(tx.dsl());
            Pairing p = checkedNew(draft, r, referenceDayFor(draft));
            Pairing created = p.withId(UUID.randomUUID());
            r.insert(List.of(created), now);
            return r.pairing(created.id()).orElseThrow();
        });
    }

    private LocalDate referenceDayFor(Pairing p) {
        LocalDate today = today();
        return p.startDate() != null && p.startDate().isAfter(today) ? p.startDate() : today;
    }

    /** The draft completed (the student's household) and checked against the ledger, or an exception. */
    private Pairing checkedNew(Pairing d, PairingRepository r, LocalDate on) {
        if ((d.cadreId() == null) == (d.unitId() == null)) {
            throw new InvalidInputException(Messages.get("pairing.error.helper"));
        }
        Cadre cadre = null;
        if (d.cadreId() != null) {
            cadre = cadres.cadre(d.cadreId()).filter(k -> k.deletedAt() == null)
                    .orElseThrow(() -> new InvalidInputException(Messages.get("assignment.error.noCadre")));
        } else if (cadres.units().stream().noneMatch(u -> u.id().equals(d.unitId()))) {
            throw new InvalidInputException(Messages.get("pairing.error.noUnit"));
        }
        if (d.target() == null) {
            throw new InvalidInputException(Messages.get("pairing.error.target"));
        }
        Pairing p = d;
        switch (d.target()) {
            case HOUSEHOLD -> {
                if (d.householdId() == null || !r.householdInUse(d.householdId())) {
                    throw new InvalidInputException(Messages.get("pairing.error.noHousehold"));
                }
                p = target(d, d.householdId(), null, null);
            }
            case STUDENT -> {
                UUID household = d.memberId() == null ? null : r.householdOfMember(d.memberId()).orElse(null);
                if (household == null) {
                    throw new InvalidInputException(Messages.get("pairing.error.noStudent"));
                }
                p = target(d, household, d.memberId(), null);
            }
            case VILLAGE -> {
                if (d.villageId() == null || villages.villages().stream().noneMatch(v -> v.id().equals(d.villageId()))) {
                    throw new InvalidInputException(Messages.get("household.error.villageGone"));
                }
                p = target(d, null, null, d.villageId());
            }
            case TOWNSHIP -> p = target(d, null, null, null);
        }
        if (p.startDate() == null) {
            throw new InvalidInputException(Messages.get("assignment.error.start"));
        }
        if (p.endDate() != null && p.endDate().isBefore(p.startDate())) {
            throw new InvalidInputException(Messages.get("assignment.error.endBeforeStart"));
        }
        checkLengths(p);
        Pairing fin = p;
        List<Pairing> sameHelper = r.list(new PairingFilter(null, p.cadreId(),
                p.cadreId() == null ? p.unitId() : null, null, null));
        sameHelper.stream()
                .filter(o -> o.sameTarget(fin))
                .filter(o -> o.overlaps(fin.startDate(), fin.endDate()))
                .findFirst()
                .ifPresent(o -> {
                    throw new InvalidInputException(Messages.get("pairing.error.twice", o.helperName(),
                            targetLabel(o), o.startDate().toString()));
                });
        if (cadre != null && p.target() == TargetKind.HOUSEHOLD) {
            int max = rules().maxHouseholds(cadre.rank());
            long helped = sameHelper.stream().filter(o -> o.target() == TargetKind.HOUSEHOLD && o.activeOn(on))
                    .map(Pairing::householdId).distinct().count();
            if (helped + 1 > max) {
                throw new InvalidInputException(Messages.get("pairing.error.limit", cadre.name(),
                        rankLabel(cadre.rank()), helped, max));
            }
        }
        return p.kind() == null ? new Pairing(p.id(), p.cadreId(), p.unitId(), null, null, null, p.target(),
                p.householdId(), p.memberId(), p.villageId(), null, null, PairingKind.ONE_TO_ONE, p.startDate(),
                p.endDate(), p.promise(), p.endReason(), p.version()) : p;
    }

    private static Pairing target(Pairing d, UUID household, UUID member, UUID village) {
        return new Pairing(d.id(), d.cadreId(), d.unitId(), null, null, null, d.target(), household, member, village,
                null, null, d.kind(), d.startDate(), d.endDate(), blank(d.promise()), blank(d.endReason()),
                d.version());
    }

    private static void checkLengths(Pairing p) {
        if (p.promise() != null && p.promise().length() > PROMISE_MAX) {
            throw new InvalidInputException(Messages.get("validation.tooLong", PROMISE_MAX));
        }
        if (p.endReason() != null && p.endReason().length() > REASON_MAX) {
            throw new InvalidInputException(Messages.get("validation.tooLong", REASON_MAX));
        }
    }

    /** Changes what was promised and the kind; the helper, target and dates stay (end the pairing instead). */
    public void update(Pairing p) {
        checkLengths(p);
        if (!repo.update(p, OffsetDateTime.now(clock))) {
            throw new StaleRecordException(p.helperName());
        }
    }

    /** Ends a pairing; the record stays, with its end date and reason. */
    public void end(Pairing p, LocalDate on, String reason) {
        if (on == null || on.isBefore(p.startDate())) {
            throw new InvalidInputException(Messages.get("assignment.error.endBeforeStart"));
        }
        Pairing ended = p.ended(on, blank(reason));
        checkLengths(ended);
        if (!repo.update(ended, OffsetDateTime.now(clock))) {
            throw new StaleRecordException(p.helperName());
        }
    }

    /**
     * Gives the target a new helper: the old pairing ends the day before {@code from} with the reason, the new
     * one starts on {@code from}; both in one transaction, so history is never overwritten.
     */
    public Pairing replaceHelper(Pairing old, UUID cadreId, UUID unitId, LocalDate from, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return database.dsl().transactionResult(tx -> {
            PairingRepository r = repo.with(tx.dsl());
            if (from == null || from.isBefore(old.startDate())) {
                throw new InvalidInputException(Messages.get("pairing.error.replaceDate"));
            }
            // Replaced on the day it began, the old pairing was never in effect: it goes to the recycle bin
            // instead of ending before it started.
            boolean kept = from.equals(old.startDate()) ? r.remove(old, now)
                    : r.update(old.ended(from.minusDays(1), blank(reason)), now);
            if (!kept) {
                throw new StaleRecordException(old.helperName());
            }
            Pairing draft = new Pairing(null, cadreId, unitId, null, null, null, old.target(), old.householdId(),
                    old.memberId(), old.villageId(), null, null, old.kind(), from, null, old.promise(), null, 0);
            Pairing created = checkedNew(draft, r, from.isAfter(today()) ? from : today()).withId(UUID.randomUUID());
            r.insert(List.of(created), now);
            return r.pairing(created.id()).orElseThrow();
        });
    }

    /** Moves a pairing entered by mistake to the recycle bin (an ended pairing is history: end it instead). */
    public void remove(Pairing p) {
        if (!repo.remove(p, OffsetDateTime.now(clock))) {
            throw new StaleRecordException(p.helperName());
        }
    }

    public List<PairingInBin> pairingsInBin() {
        return repo.inBin();
    }

    /** Brings a removed pairing back. */
    public Pairing restore(UUID id) {
        return database.dsl().transactionResult(tx -> {
            PairingRepository r = repo.with(tx.dsl());
            if (!r.restore(id, OffsetDateTime.now(clock))) {
                throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
            }
            return r.pairing(id).orElseThrow();
        });
    }

    /** Deletes a removed pairing for good. */
    public void purge(UUID id) {
        if (!repo.purge(id)) {
            throw new InvalidInputException(Messages.get("recycleBin.error.gone"));
        }
    }

    /** Inserts pairings already valid and carrying their ids, in one transaction (demo data). */
    public void insertAll(List<Pairing> list) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> repo.with(tx.dsl()).insert(list, now));
        database.checkpoint();
    }

    // ---- loads and quotas ----

    /** Everybody who helps or owes help on the year's reference day, with what is required and what is done. */
    public List<HelperLoad> loads(int year) {
        return loads(facts(referenceDay(year)), rules());
    }

    /** The load of one cadre (or of one unit, when {@code cadreId} is null) on the year's reference day. */
    public Optional<HelperLoad> load(UUID cadreId, UUID unitId, int year) {
        return loads(year).stream().filter(l -> cadreId != null ? cadreId.equals(l.cadreId())
                : unitId != null && unitId.equals(l.unitId()) && l.cadreId() == null).findFirst();
    }

    private List<HelperLoad> loads(Facts f, PairingRules rules) {
        List<HelperLoad> out = new ArrayList<>();
        for (Cadre k : f.cadres.values()) {
            HelperCategory category = HelperCategory.of(k);
            Quota done = f.doneBy(Set.of(k.id()), Set.of());
            Quota required = rules.quota(category);
            if (required.isNone() && done.isNone()) {
                continue;
            }
            out.add(new HelperLoad(k.id(), k.unitId(), k.name(), k.unitName(), k.phone(), category, k.rank(),
                    required, rules.maxHouseholds(k.rank()), done));
        }
        for (Unit u : f.units.values()) {
            HelperCategory category = HelperCategory.of(u);
            Set<UUID> staff = f.staff.getOrDefault(u.id(), Set.of());
            Quota done = f.doneBy(staff, Set.of(u.id()));
            Quota withReserves = new Quota(done.townships(), done.villages(), done.households(), done.students(),
                    f.reservesSent.getOrDefault(u.id(), 0));
            Quota required = rules.quota(category);
            boolean direct = f.linksByUnit.containsKey(u.id());
            if (required.isNone() && !direct) {
                continue;
            }
            out.add(new HelperLoad(null, u.id(), u.name(), u.name(), unitContact(u), category, null, required,
                    Integer.MAX_VALUE, withReserves));
        }
        out.sort(Comparator.comparing(HelperLoad::category).thenComparing(HelperLoad::unitName,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(HelperLoad::name));
        return out;
    }

    private static String unitContact(Unit u) {
        String s = (u.contactPerson() == null ? "" : u.contactPerson()) + (u.phone() == null ? "" : " " + u.phone());
        return s.isBlank() ? null : s.strip();
    }

    /** What the checks and the suggestion read once: running pairings and postings, cadres and units in use. */
    private final class Facts {
        final List<Link> links;
        final Map<UUID, Cadre> cadres;
        final Map<UUID, Unit> units;
        final Map<UUID, Set<UUID>> staff = new HashMap<>();
        final List<Posting> postings;
        final Map<UUID, Integer> reservesSent = new HashMap<>();
        final Map<UUID, List<Link>> linksByCadre;
        final Map<UUID, List<Link>> linksByUnit;

        /** Running pairings whose helper or target is in the recycle bin: {helper gone, target gone}. */
        final Map<UUID, boolean[]> strays;

        Facts(LocalDate on) {
            List<Link> running = repo.links(on);
            strays = repo.strays(running);
            // A household or student in the recycle bin no longer counts towards anybody's load.
            links = running.stream().filter(l -> !strays.containsKey(l.id()) || !strays.get(l.id())[1]).toList();
            cadres = PairingService.this.cadres.cadres(null, null, null).stream()
                    .collect(Collectors.toMap(Cadre::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
            units = PairingService.this.cadres.units().stream()
                    .collect(Collectors.toMap(Unit::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
            cadres.values().forEach(k -> {
                if (k.unitId() != null) {
                    staff.computeIfAbsent(k.unitId(), x -> new LinkedHashSet<>()).add(k.id());
                }
            });
            postings = repo.postings(on);
            for (Posting p : postings) {
                if (Role.RESERVE.equals(p.role())) {
                    Cadre k = cadres.get(p.cadreId());
                    UUID unit = p.sentByUnitId() != null ? p.sentByUnitId() : k == null ? null : k.unitId();
                    if (unit != null) {
                        reservesSent.merge(unit, 1, Integer::sum);
                    }
                }
            }
            linksByCadre = links.stream().filter(l -> l.cadreId() != null)
                    .collect(Collectors.groupingBy(Link::cadreId));
            linksByUnit = links.stream().filter(l -> l.unitId() != null).collect(Collectors.groupingBy(Link::unitId));
        }

        /** Distinct townships, villages, households and students helped by these cadres and units. */
        Quota doneBy(Collection<UUID> cadreIds, Collection<UUID> unitIds) {
            List<Link> mine = new ArrayList<>();
            cadreIds.forEach(id -> mine.addAll(linksByCadre.getOrDefault(id, List.of())));
            unitIds.forEach(id -> mine.addAll(linksByUnit.getOrDefault(id, List.of())));
            int townships = mine.stream().anyMatch(l -> l.target() == TargetKind.TOWNSHIP) ? 1 : 0;
            return new Quota(townships, distinct(mine, TargetKind.VILLAGE, Link::villageId),
                    distinct(mine, TargetKind.HOUSEHOLD, Link::householdId),
                    distinct(mine, TargetKind.STUDENT, Link::memberId), 0);
        }

        int households(UUID cadreId) {
            return distinct(linksByCadre.getOrDefault(cadreId, List.of()), TargetKind.HOUSEHOLD, Link::householdId);
        }
    }

    private Facts facts(LocalDate on) {
        return new Facts(on);
    }

    private static int distinct(List<Link> links, TargetKind kind, Function<Link, UUID> id) {
        return (int) links.stream().filter(l -> l.target() == kind).map(id).distinct().count();
    }

    // ---- the checks ----

    /** The names of the rules {@link #checkPairings} applies, for the 检查 screen's filter. */
    public List<String> checkRules() {
        return List.of(Messages.get("check.rule.uncovered"), Messages.get("check.rule.belowQuota"),
                Messages.get("check.rule.overLimit"), Messages.get("check.rule.helperLeft"),
                Messages.get("check.rule.targetRemoved"));
    }

    /**
     * What the office checks for a year: poor or monitored households with no responsible helper, helpers below
     * their quota or over their limit, and pairings whose helper has left or whose target has been removed.
     * Every finding names whom to call.
     */
    public List<Finding> checkPairings(int year) {
        LocalDate on = referenceDay(year);
        PairingRules rules = rules();
        Facts f = facts(on);
        Map<UUID, String> inCharge = inCharge(f);
        String nobody = Messages.get("check.nobodyInCharge");
        List<Finding> findings = new ArrayList<>();
        for (UncoveredHousehold h : repo.uncovered(null, on)) {
            findings.add(new Finding(h.villageName(), Messages.get("check.rule.uncovered"),
                    Messages.get("check.detail.uncovered", h.headName(), h.members()),
                    inCharge.getOrDefault(h.villageId(), nobody)));
        }
        Map<UUID, String> postedAt = postedVillageNames(f);
        for (HelperLoad l : loads(f, rules)) {
            String village = l.cadreId() != null ? postedAt.getOrDefault(l.cadreId(), "—") : "—";
            String who = whom(l.name(), l.phone(), l.cadreId() == null);
            List<String> short_ = l.shortfalls();
            if (!short_.isEmpty()) {
                findings.add(new Finding(village, Messages.get("check.rule.belowQuota"),
                        Messages.get("check.detail.belowQuota", l.category().label(), l.name(),
                                String.join("、", short_)), who));
            }
            if (l.over()) {
                findings.add(new Finding(village, Messages.get("check.rule.overLimit"),
                        Messages.get("check.detail.overLimit", l.name(), rankLabel(l.rank()), l.done().households(),
                                l.maxHouseholds()), who));
            }
        }
        // Pairings whose helper or target left: found by ids first, read in full only for those few.
        Map<UUID, boolean[]> strays = f.strays;
        Map<UUID, LocalDate> left = repo.postingsEnded(on);
        Set<UUID> ids = new LinkedHashSet<>(strays.keySet());
        f.links.stream().filter(l -> l.cadreId() != null && left.containsKey(l.cadreId())).map(Link::id)
                .forEach(ids::add);
        for (Pairing p : fillTownship(repo.pairings(ids))) {
            String village = p.villageName() == null ? "—" : p.villageName();
            boolean[] gone = strays.get(p.id());
            if (gone != null && gone[0]) {
                findings.add(new Finding(village, Messages.get("check.rule.helperLeft"),
                        Messages.get("check.detail.helperRemoved", targetLabel(p), p.helperName()),
                        inChargeOf(p, inCharge, nobody)));
            } else if (gone == null) {
                LocalDate ended = left.get(p.cadreId());
                findings.add(new Finding(village, Messages.get("check.rule.helperLeft"),
                        Messages.get("check.detail.helperLeft", targetLabel(p), p.helperName(),
                                ended == null ? "" : ended.toString()),
                        inChargeOf(p, inCharge, nobody)));
            }
            if (gone != null && gone[1]) {
                findings.add(new Finding(village, Messages.get("check.rule.targetRemoved"),
                        Messages.get("check.detail.targetRemoved", targetLabel(p), p.helperName()),
                        whom(p.helperName(), p.helperPhone(), p.byUnit())));
            }
        }
        return findings;
    }

    private static String inChargeOf(Pairing p, Map<UUID, String> inCharge, String nobody) {
        return p.villageId() == null ? nobody : inCharge.getOrDefault(p.villageId(), nobody);
    }

    /** Whom to call about each village: its 包村领导, else its 包村干部 (as the assignment checks name them). */
    private Map<UUID, String> inCharge(Facts f) {
        Map<UUID, String> out = new HashMap<>();
        for (String role : List.of(Role.LEADER_IN_CHARGE, Role.CADRE_IN_CHARGE)) {
            Map<UUID, Set<String>> names = new HashMap<>();
            for (Posting p : f.postings) {
                Cadre k = f.cadres.get(p.cadreId());
                if (role.equals(p.role()) && k != null && !out.containsKey(p.villageId())) {
                    names.computeIfAbsent(p.villageId(), v -> new LinkedHashSet<>()).add(k.name());
                }
            }
            String label = cadres.roleLabel(role);
            names.forEach((village, who) -> out.put(village, label + " " + String.join("、", who)));
        }
        return out;
    }

    private Map<UUID, String> postedVillageNames(Facts f) {
        Map<UUID, String> names = villages.villages().stream().collect(Collectors.toMap(Village::id, Village::name));
        Map<UUID, String> out = new HashMap<>();
        for (Posting p : f.postings) {
            out.merge(p.cadreId(), names.getOrDefault(p.villageId(), ""), (a, b) -> a.equals(b) ? a : a + "、" + b);
        }
        return out;
    }

    /** "张三 13800000000", or "联系人 李四 …" for a unit. */
    private static String whom(String name, String phone, boolean unit) {
        if (unit) {
            return phone == null ? name : name + "（" + Messages.get("pairing.contact") + " " + phone + "）";
        }
        return phone == null ? name : name + " " + phone;
    }

    /** How a target reads in messages: 户主 张三 (大石村), 学生 李四, 大石村, 乡镇. */
    static String targetLabel(Pairing p) {
        String name = p.targetName() == null ? "" : p.targetName();
        return switch (p.target()) {
            case HOUSEHOLD -> Messages.get("pairing.target.household.named", name);
            case STUDENT -> Messages.get("pairing.target.student.named", name);
            case VILLAGE, TOWNSHIP -> name;
        };
    }

    static String rankLabel(Rank rank) {
        return rank == null ? Rank.GENERAL.label() : rank.label();
    }

    // ---- the suggestion ----

    /** A proposed helper for an uncovered household, or none (with the reason) when nobody has room. */
    public record Proposal(UncoveredHousehold household, UUID cadreId, String cadreName, String unitName,
                           int householdsAfter, int maxHouseholds, boolean postedInVillage) {
        public boolean hasHelper() {
            return cadreId != null;
        }

        public Proposal withHelper(UUID id, String name, String unit, int after, int max, boolean posted) {
            return new Proposal(household, id, name, unit, after, max, posted);
        }
    }

    /**
     * Proposes a helper for every uncovered household (of one village, or all): the cadres posted to the
     * household's village first, then the cadres of the units that help the village (they send cadres there or
     * are paired with it), the least loaded first, never beyond a helper's limit. Nothing is written: the user
     * edits the proposal and confirms it with {@link #apply}.
     */
    public List<Proposal> suggest(UUID villageId) {
        LocalDate on = today();
        PairingRules rules = rules();
        Facts f = facts(on);
        Map<UUID, Integer> load = new HashMap<>();
        f.cadres.keySet().forEach(id -> load.put(id, f.households(id)));
        Map<UUID, List<UUID>> posted = new HashMap<>();
        Map<UUID, Set<UUID>> unitsOf = new HashMap<>();
        for (Posting p : f.postings) {
            Cadre k = f.cadres.get(p.cadreId());
            if (k == null) {
                continue;
            }
            List<UUID> here = posted.computeIfAbsent(p.villageId(), x -> new ArrayList<>());
            if (!here.contains(k.id())) {
                here.add(k.id());
            }
            Set<UUID> units = unitsOf.computeIfAbsent(p.villageId(), x -> new LinkedHashSet<>());
            if (k.unitId() != null) {
                units.add(k.unitId());
            }
            if (p.sentByUnitId() != null) {
                units.add(p.sentByUnitId());
            }
        }
        for (Link l : f.links) {
            if (l.unitId() != null && l.target() == TargetKind.VILLAGE) {
                unitsOf.computeIfAbsent(l.villageId(), x -> new LinkedHashSet<>()).add(l.unitId());
            }
        }
        Comparator<UUID> byName = Comparator.comparing(id -> f.cadres.get(id).name());
        List<Proposal> out = new ArrayList<>();
        for (UncoveredHousehold h : repo.uncovered(villageId, on)) {
            List<UUID> first = posted.getOrDefault(h.villageId(), List.of());
            List<UUID> second = new ArrayList<>();
            for (UUID unit : unitsOf.getOrDefault(h.villageId(), Set.of())) {
                for (UUID k : f.staff.getOrDefault(unit, Set.of())) {
                    if (!first.contains(k) && !second.contains(k)) {
                        second.add(k);
                    }
                }
            }
            UUID chosen = leastLoaded(first, load, f, rules, byName);
            boolean inVillage = chosen != null;
            if (chosen == null) {
                chosen = leastLoaded(second, load, f, rules, byName);
            }
            if (chosen == null) {
                out.add(new Proposal(h, null, null, null, 0, 0, false));
                continue;
            }
            int after = load.merge(chosen, 1, Integer::sum);
            Cadre k = f.cadres.get(chosen);
            out.add(new Proposal(h, chosen, k.name(), k.unitName(), after, rules.maxHouseholds(k.rank()), inVillage));
        }
        return out;
    }

    private static UUID leastLoaded(List<UUID> candidates, Map<UUID, Integer> load, Facts f, PairingRules rules,
                                    Comparator<UUID> byName) {
        UUID best = null;
        for (UUID id : candidates) {
            int n = load.getOrDefault(id, 0);
            if (n >= rules.maxHouseholds(f.cadres.get(id).rank())) {
                continue;
            }
            if (best == null || n < load.get(best) || (n == load.get(best) && byName.compare(id, best) < 0)) {
                best = id;
            }
        }
        return best;
    }

    /** Household members in school (在校生) who can be paired as students, all villages. */
    public List<Student> students() {
        return repo.students();
    }

    /**
     * Pairs each proposal's household with its helper from today, all or nothing: a household that found a helper
     * meanwhile, a household proposed twice, or a helper pushed over the limit refuses the whole set with every
     * reason. Returns how many pairings were made.
     */
    public int apply(List<Proposal> proposals) {
        List<Proposal> chosen = proposals.stream().filter(Proposal::hasHelper).toList();
        LocalDate on = today();
        OffsetDateTime now = OffsetDateTime.now(clock);
        PairingRules rules = rules();
        return database.dsl().transactionResult(tx -> {
            PairingRepository r = repo.with(tx.dsl());
            Set<UUID> open = r.uncovered(null, on).stream().map(UncoveredHousehold::householdId).collect(Collectors.toSet());
            Map<UUID, Integer> load = new HashMap<>();
            r.links(on).stream().filter(l -> l.cadreId() != null && l.target() == TargetKind.HOUSEHOLD)
                    .forEach(l -> load.merge(l.cadreId(), 1, Integer::sum));
            Map<UUID, Cadre> byId = cadres.cadres(null, null, null).stream()
                    .collect(Collectors.toMap(Cadre::id, Function.identity()));
            List<Problem> problems = new ArrayList<>();
            Set<UUID> seen = new HashSet<>();
            Map<UUID, Integer> added = new HashMap<>();
            int line = 0;
            for (Proposal p : chosen) {
                line++;
                String head = p.household().headName();
                if (!seen.add(p.household().householdId())) {
                    problems.add(new Problem(line, "", Messages.get("pairing.error.proposedTwice", head)));
                } else if (!open.contains(p.household().householdId())) {
                    problems.add(new Problem(line, "", Messages.get("pairing.error.covered", head)));
                }
                Cadre k = byId.get(p.cadreId());
                if (k == null) {
                    problems.add(new Problem(line, "", Messages.get("assignment.error.noCadre")));
                    continue;
                }
                int after = load.merge(k.id(), 1, Integer::sum);
                added.merge(k.id(), 1, Integer::sum);
                int max = rules.maxHouseholds(k.rank());
                if (after > max) {
                    problems.add(new Problem(line, "", Messages.get("pairing.error.limit", k.name(),
                            rankLabel(k.rank()), after - 1, max)));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            List<Pairing> rows = chosen.stream().map(p -> new Pairing(UUID.randomUUID(), p.cadreId(), null, null,
                    null, null, TargetKind.HOUSEHOLD, p.household().householdId(), null, null, null, null,
                    load.get(p.cadreId()) > 1 ? PairingKind.ONE_TO_MANY : PairingKind.ONE_TO_ONE, on, null, null,
                    null, 0)).toList();
            r.insert(rows, now);
            return rows.size();
        });
    }

    // ---- import and export ----

    /** Imports the pairings sheet all or nothing (see {@link PairingImport}); every bad row is reported. */
    public ImportCount importFile(Path file) {
        PairingImport parsed = PairingImport.parse(file, new PairingImport.Ledger(cadres.cadres(null, null, null),
                cadres.units(), villages.villages(), repo, repo.list(PairingFilter.all()), rules(), today()));
        if (!parsed.problems().isEmpty()) {
            throw new InvalidInputException(parsed.problems());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        database.dsl().transaction(tx -> {
            PairingRepository r = repo.with(tx.dsl());
            List<Pairing> added = new ArrayList<>();
            for (Pairing p : parsed.pairings()) {
                if (p.id() == null) {
                    added.add(p.withId(UUID.randomUUID()));
                } else if (!r.update(p, now)) {
                    throw new StaleRecordException(p.helperName());
                }
            }
            r.insert(added, now);
        });
        database.checkpoint();
        return parsed.count();
    }

    /** Writes the pairings (of one village, or all) to .xlsx or .csv in the import format; IDs masked. */
    public int export(Path file, UUID villageId, boolean fullId) throws IOException {
        List<Pairing> list = new ArrayList<>();
        Map<UUID, String[]> ids = new HashMap<>();
        repo.forEachWithIds(new PairingFilter(villageId, null, null, null, null), (p, numbers) -> {
            list.add(p);
            ids.put(p.id(), numbers);
        });
        PairingImport.write(file, Messages.get("pairing.export.title", settings.ledgerSettings().township()),
                fillTownship(list), ids, fullId);
        return list.size();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
