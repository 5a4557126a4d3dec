package org.townshipledger.household;

import static org.townshipledger.household.HouseholdSheet.CHECK_HEADERS;
import static org.townshipledger.household.HouseholdSheet.H_BIRTH;
import static org.townshipledger.household.HouseholdSheet.H_CATEGORY;
import static org.townshipledger.household.HouseholdSheet.H_CAUSE;
import static org.townshipledger.household.HouseholdSheet.H_EDUCATION;
import static org.townshipledger.household.HouseholdSheet.H_ETHNICITY;
import static org.townshipledger.household.HouseholdSheet.H_EXIT_YEAR;
import static org.townshipledger.household.HouseholdSheet.H_GROUP;
import static org.townshipledger.household.HouseholdSheet.H_HEALTH;
import static org.townshipledger.household.HouseholdSheet.H_ID;
import static org.townshipledger.household.HouseholdSheet.H_INCOME;
import static org.townshipledger.household.HouseholdSheet.H_IN_SCHOOL;
import static org.townshipledger.household.HouseholdSheet.H_LABOUR;
import static org.townshipledger.household.HouseholdSheet.H_MONITORING;
import static org.townshipledger.household.HouseholdSheet.H_NAME;
import static org.townshipledger.household.HouseholdSheet.H_NO;
import static org.townshipledger.household.HouseholdSheet.H_PHONE;
import static org.townshipledger.household.HouseholdSheet.H_RELATION;
import static org.townshipledger.household.HouseholdSheet.H_RISK;
import static org.townshipledger.household.HouseholdSheet.H_RISK_ELIMINATED;
import static org.townshipledger.household.HouseholdSheet.H_SEX;
import static org.townshipledger.household.HouseholdSheet.H_STATUS;
import static org.townshipledger.household.HouseholdSheet.H_VILLAGE;
import static org.townshipledger.household.HouseholdSheet.H_WORK;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.townshipledger.common.IdNumber;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Sex;
import org.townshipledger.common.Stopwatch;
import org.townshipledger.exchange.CellValues;
import org.townshipledger.exchange.SheetHeader;
import org.townshipledger.exchange.TableReader;
import org.townshipledger.exchange.TableWriter;
import org.townshipledger.village.Village;
import org.townshipledger.village.VillageGroup;

/**
 * Reads and checks a households sheet ({@link HouseholdSheet}) for {@link HouseholdService#importHouseholds}: the
 * rows are streamed, kept as compact household drafts, then checked a thousand households at a time against the
 * rules and the ledger. Nothing is written here.
 *
 * <p><b>Which rows make a household.</b> A row with a 户编号 belongs to the household of that number, wherever
 * it stands in the file. A row without one belongs to the household of the nearest 户主 row above it (the
 * national system lists a household's members under its head); a 户主 row without a 户编号 starts a new
 * household. A row with neither is an error.
 *
 * <p><b>Which row says what.</b> The household's facts (village, group, phone, category, cause, status, exit
 * year, monitoring, risk, income, the five checks) are read from the head's row; the national system repeats
 * them on every row, and the other rows' copies are not read, except the village, which must be the head's or
 * empty. Sex and birth date, when empty, are taken from the ID number.
 *
 * <p><b>New or update.</b> A household whose head's ID number heads a household in the ledger updates it;
 * failing that, one whose 户编号 is the 户编号 of a household of the same village in the ledger (its head changed). Members are matched by ID number and
 * keep their ids; a member in the ledger no longer in the file goes to the recycle bin (a warning says so).
 * Columns the file does not have keep the ledger's values.
 */
final class HouseholdImport {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HouseholdImport.class);

    /** Households checked (and later written) per batch; progress and the cancel flag are looked at between. */
    static final int CHUNK = 1000;
    /** The last column of the error report. File format, so always Chinese. */
    static final String REASON_HEADER = "错误原因";

    // What was already reported for a member while reading its row, so that the rules do not say it again.
    private static final int M_NAME = 1;
    private static final int M_ID = 2;
    private static final int M_SEX = 4;
    private static final int M_BIRTH = 8;
    private static final int M_RELATION = 16;
    // The same for the household's own facts.
    private static final int H_VILLAGE_BIT = 1;
    private static final int H_STATUS_BIT = 2;
    private static final int H_EXIT_BIT = 4;
    private static final int H_RISK_BIT = 8;
    private static final int H_PHONE_BIT = 16;

    private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(
            Map.entry(HouseholdRules.FIELD_VILLAGE, H_VILLAGE), Map.entry(HouseholdRules.FIELD_MEMBERS, H_RELATION),
            Map.entry(HouseholdRules.FIELD_NAME, H_NAME), Map.entry(HouseholdRules.FIELD_ID_NUMBER, H_ID),
            Map.entry(HouseholdRules.FIELD_SEX, H_SEX), Map.entry(HouseholdRules.FIELD_BIRTH_DATE, H_BIRTH),
            Map.entry(HouseholdRules.FIELD_RELATION, H_RELATION), Map.entry(HouseholdRules.FIELD_STATUS, H_STATUS),
            Map.entry(HouseholdRules.FIELD_EXIT_YEAR, H_EXIT_YEAR), Map.entry(HouseholdRules.FIELD_RISK, H_RISK),
            Map.entry(HouseholdRules.FIELD_PHONE, H_PHONE));
    private static final Map<String, Integer> MEMBER_BIT = Map.of(HouseholdRules.FIELD_NAME, M_NAME,
            HouseholdRules.FIELD_ID_NUMBER, M_ID, HouseholdRules.FIELD_SEX, M_SEX, HouseholdRules.FIELD_BIRTH_DATE,
            M_BIRTH, HouseholdRules.FIELD_RELATION, M_RELATION);
    private static final Map<String, Integer> HOUSEHOLD_BIT = Map.of(HouseholdRules.FIELD_VILLAGE, H_VILLAGE_BIT,
            HouseholdRules.FIELD_STATUS, H_STATUS_BIT, HouseholdRules.FIELD_EXIT_YEAR, H_EXIT_BIT,
            HouseholdRules.FIELD_RISK, H_RISK_BIT, HouseholdRules.FIELD_PHONE, H_PHONE_BIT);

    /** Cell texts that mean "none" in the category, cause, monitoring and risk columns. */
    private static final Set<String> NONE_WORDS = Set.of("无", "否", "不是", "非贫困户", "非监测对象", "非监测户", "/", "-", "—", "－");

    private static final Map<String, HouseholdCategory> CATEGORY_ALIASES = Map.of("一般户", HouseholdCategory.GENERAL,
            "低保户", HouseholdCategory.LOW_INCOME, "特困户", HouseholdCategory.SPECIAL_SUPPORT,
            "特困供养户", HouseholdCategory.SPECIAL_SUPPORT, "五保户", HouseholdCategory.SPECIAL_SUPPORT,
            "五保贫困户", HouseholdCategory.SPECIAL_SUPPORT);
    private static final Map<String, PovertyStatus> STATUS_ALIASES = Map.of("脱贫", PovertyStatus.OUT,
            "是", PovertyStatus.OUT, "已脱贫（享受政策）", PovertyStatus.OUT, "已脱贫(享受政策)", PovertyStatus.OUT,
            "否", PovertyStatus.NOT_OUT, "未脱贫户", PovertyStatus.NOT_OUT);
    private static final Map<String, Health> HEALTH_ALIASES = Map.of("慢性病", Health.CHRONIC, "长期慢性病患者", Health.CHRONIC,
            "大病", Health.SERIOUS, "患大病", Health.SERIOUS, "残疾人", Health.DISABLED);
    private static final Map<String, LabourSkill> LABOUR_ALIASES = Map.of("弱劳动力", LabourSkill.WEAK,
            "半劳动力", LabourSkill.WEAK, "无劳动能力", LabourSkill.NONE, "丧失劳动能力", LabourSkill.LOST);
    private static final Map<String, WorkStatus> WORK_ALIASES = Map.of("乡镇内务工", WorkStatus.IN_TOWNSHIP,
            "乡镇外县内务工", WorkStatus.IN_COUNTY, "县外省内务工", WorkStatus.IN_PROVINCE, "省外务工", WorkStatus.OUT_OF_PROVINCE,
            "无", WorkStatus.NOT_WORKING);
    private static final Map<String, InSchool> IN_SCHOOL_ALIASES = Map.of("否", InSchool.NONE, "无", InSchool.NONE,
            "学前", InSchool.PRESCHOOL, "高中", InSchool.SENIOR, "本科", InSchool.UNDERGRADUATE);
    private static final Map<String, Education> EDUCATION_ALIASES = Map.of("文盲", Education.ILLITERATE,
            "半文盲", Education.ILLITERATE, "大专", Education.COLLEGE, "本科", Education.COLLEGE,
            "本科及以上", Education.COLLEGE, "中专", Education.SENIOR);

    /** What was read and checked: the households to write and every problem found. */
    static final class Plan {
        final List<HouseholdEntry> entries = new ArrayList<>();
        final List<RowProblem> errors = new ArrayList<>();
        final List<RowProblem> warnings = new ArrayList<>();
        int added;
        int updated;
        int members;

        boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    /** One household as read from the file, before it is checked. */
    private static final class Draft {
        final String no;
        final List<Member> members = new ArrayList<>(5);
        /** The village each row named (null when empty or unknown), to compare with the head's. */
        final List<Village> rowVillages = new ArrayList<>(5);
        int[] lines = new int[5];
        byte[] reported = new byte[5];
        int householdReported;
        int heads;
        int firstHead = -1;
        int secondHead = -1;
        Head head;
        Village village;
        UUID target;

        Draft(String no) {
            this.no = no;
        }

        int add(Member m, int line, Village rowVillage, int reportedBits) {
            int i = members.size();
            if (i == lines.length) {
                lines = Arrays.copyOf(lines, i * 2);
                reported = Arrays.copyOf(reported, i * 2);
            }
            members.add(m);
            rowVillages.add(rowVillage);
            lines[i] = line;
            reported[i] = (byte) reportedBits;
            return i;
        }

        int headLine() {
            return lines[firstHead >= 0 ? firstHead : 0];
        }

        String headIdNumber() {
            return firstHead >= 0 ? members.get(firstHead).idNumber() : null;
        }
    }

    /** The household's facts, from its head's row. */
    private static final class Head {
        VillageGroup group;
        String phone;
        HouseholdCategory category;
        PovertyCause cause;
        PovertyStatus status;
        Integer exitYear;
        MonitoringType monitoring;
        RiskType risk;
        boolean riskEliminated;
        HouseholdCheck check;
        Income income;
    }

    private static final Object UNKNOWN = new Object();

    /** First sight of an ID number in the file. */
    private record Seen(int line, String name) {
    }

    private final HouseholdRepository ledger;
    private final int year;
    private final ImportOptions options;
    private final Map<String, Village> villagesByName = new HashMap<>();
    /** Village id → its groups by name without spaces (the first of a name, as a search would find). */
    private final Map<UUID, Map<String, VillageGroup>> groupsByName = new HashMap<>();
    private final Map<String, String> interned = new HashMap<>();
    /** Column → cell text → the enumeration constant it means, or {@link #UNKNOWN}. */
    private final Map<String, Map<String, Object>> parsed = new HashMap<>();
    private final Map<String, String> valueLists = new HashMap<>();
    private final Plan plan = new Plan();
    private final List<Draft> drafts = new ArrayList<>();
    private final Map<String, Draft> byNo = new HashMap<>();
    private final Map<String, Seen> seenIds = new HashMap<>();
    private SheetHeader header;
    private Draft current;
    private long rowsRead;

    private HouseholdImport(HouseholdRepository ledger, List<Village> villages, int year, ImportOptions options) {
        this.ledger = ledger;
        this.year = year;
        this.options = options;
        for (Village v : villages) {
            villagesByName.put(noSpaces(v.name()), v);
        }
    }

    /**
     * Reads and checks the whole file.
     *
     * @throws org.townshipledger.common.InvalidInputException when the file cannot be read or has no header row
     * @throws CancellationException                           when cancelled
     */
    static Plan plan(Path file, HouseholdRepository ledger, List<Village> villages, int year, ImportOptions options) {
        HouseholdImport im = new HouseholdImport(ledger, villages, year, options);
        Stopwatch watch = Stopwatch.start();
        TableReader.stream(file, HouseholdSheet.ALIASES, HouseholdSheet.REQUIRED, new TableReader.RowHandler() {
            @Override
            public void header(SheetHeader h) {
                im.header = h;
            }

            @Override
            public boolean row(int line, List<String> cells) {
                im.read(line, cells);
                return true;
            }
        });
        options.progress().update(ImportOptions.Stage.READING, im.rowsRead, im.rowsRead);
        String read = watch.lap();
        im.findTargets();
        String matched = watch.lap();
        im.checkAll();
        LOG.info("Households import of {}: {} rows read in {}, matched with the ledger in {}, checked in {}",
                file.getFileName(), im.rowsRead, read, matched, watch.lap());
        im.plan.errors.sort(Comparator.comparingInt(RowProblem::line));
        im.plan.warnings.sort(Comparator.comparingInt(RowProblem::line));
        return im.plan;
    }

    // ---- reading ----------------------------------------------------------------------------------------

    private void read(int line, List<String> cells) {
        if (++rowsRead % 2000 == 0) {
            if (options.cancelled().getAsBoolean()) {
                throw new CancellationException();
            }
            options.progress().update(ImportOptions.Stage.READING, rowsRead, -1);
        }
        int bits = 0;
        String relationText = cell(cells, H_RELATION);
        Relation relation = null;
        if (relationText.isEmpty()) {
            error(line, H_RELATION, "", required(H_RELATION));
            bits |= M_RELATION;
        } else {
            relation = parse(line, H_RELATION, relationText, Relation::parse, Map.of(), Relation::fileLabel,
                    Relation.class);
            if (relation == null) {
                bits |= M_RELATION;
            }
        }
        boolean isHead = relation == Relation.HEAD;
        String no = CellValues.halfWidth(cell(cells, H_NO));
        Draft d = draftFor(no, isHead);
        if (d == null) {
            error(line, header.has(H_NO) ? H_NO : H_RELATION, header.has(H_NO) ? "" : relationText,
                    Messages.get("household.import.noHouseholdAbove"));
            return;
        }

        String villageText = noSpaces(cell(cells, H_VILLAGE));
        Village village = null;
        if (villageText.isEmpty()) {
            if (isHead) {
                error(line, H_VILLAGE, "", required(H_VILLAGE));
            }
        } else {
            village = villagesByName.get(villageText);
            if (village == null) {
                error(line, H_VILLAGE, villageText, Messages.get("household.import.unknownVillage"));
            }
        }
        VillageGroup group = null;
        String groupText = noSpaces(cell(cells, H_GROUP));
        if (village != null && !groupText.isEmpty()) {
            Village of = village;
            group = groupsByName.computeIfAbsent(of.id(), id -> groupsOf(of)).get(groupText);
            if (group == null) {
                error(line, H_GROUP, groupText, Messages.get("household.import.unknownGroup", village.name()));
            }
        }

        String name = noSpaces(cell(cells, H_NAME));
        if (name.isEmpty()) {
            error(line, H_NAME, "", required(H_NAME));
            bits |= M_NAME;
        }
        String idText = cell(cells, H_ID);
        String id = IdNumber.normalize(idText);
        Optional<String> idProblem = IdNumber.problem(id);
        boolean validId = idProblem.isEmpty();
        if (!validId) {
            error(line, H_ID, idText, idProblem.get());
            bits |= M_ID;
        } else {
            Seen first = seenIds.putIfAbsent(id, new Seen(line, name));
            if (first != null) {
                error(line, H_ID, idText, Messages.get("household.import.duplicateId", first.line(), first.name()));
                bits |= M_ID;
            }
        }
        String sexText = cell(cells, H_SEX);
        Sex sex = null;
        if (!sexText.isEmpty()) {
            sex = Sex.parse(sexText).orElse(null);
            if (sex == null) {
                error(line, H_SEX, sexText, Messages.get("household.import.unknownValue", "男、女"));
                bits |= M_SEX;
            }
        } else if (validId) {
            sex = IdNumber.sex(id);
        }
        String birthText = cell(cells, H_BIRTH);
        LocalDate birth = null;
        if (!birthText.isEmpty()) {
            birth = CellValues.date(birthText).orElse(null);
            if (birth == null) {
                error(line, H_BIRTH, birthText, Messages.get("household.import.badDate"));
                bits |= M_BIRTH;
            }
        } else if (validId) {
            birth = IdNumber.birthDate(id);
        }
        String ethnicity = intern(noSpaces(cell(cells, H_ETHNICITY)));
        Member m = new Member(null, name, id, relation, sex, birth, ethnicity.isEmpty() ? null : ethnicity,
                parse(line, H_EDUCATION, cell(cells, H_EDUCATION), Education::parse, EDUCATION_ALIASES,
                        Education::fileLabel, Education.class),
                parse(line, H_IN_SCHOOL, cell(cells, H_IN_SCHOOL), InSchool::parse, IN_SCHOOL_ALIASES,
                        InSchool::fileLabel, InSchool.class),
                parse(line, H_HEALTH, cell(cells, H_HEALTH), Health::parse, HEALTH_ALIASES,
                        Health::fileLabel, Health.class),
                parse(line, H_LABOUR, cell(cells, H_LABOUR), LabourSkill::parse, LABOUR_ALIASES,
                        LabourSkill::fileLabel, LabourSkill.class),
                parse(line, H_WORK, cell(cells, H_WORK), WorkStatus::parse, WORK_ALIASES,
                        WorkStatus::fileLabel, WorkStatus.class));
        int index = d.add(m, line, village, bits);
        if (isHead) {
            d.heads++;
            if (d.firstHead < 0) {
                d.firstHead = index;
                d.village = village;
                if (village == null) {
                    d.householdReported |= H_VILLAGE_BIT;
                }
                d.head = readHead(d, line, cells, group);
            } else if (d.secondHead < 0) {
                d.secondHead = index;
            }
        } else if (d.firstHead < 0 && d.village == null) {
            d.village = village;
        }
    }

    private static Map<String, VillageGroup> groupsOf(Village village) {
        Map<String, VillageGroup> byName = new HashMap<>();
        for (VillageGroup g : village.groups()) {
            byName.putIfAbsent(noSpaces(g.name()), g);
        }
        return byName;
    }

    /** The household a row belongs to (see the class comment), or null when there is none. */
    private Draft draftFor(String no, boolean isHead) {
        if (!no.isEmpty()) {
            Draft d = byNo.get(no);
            if (d == null) {
                d = new Draft(no);
                byNo.put(no, d);
                drafts.add(d);
            }
            if (isHead) {
                current = d;
            }
            return d;
        }
        if (isHead) {
            current = new Draft(null);
            drafts.add(current);
        }
        return current;
    }

    private Head readHead(Draft d, int line, List<String> cells, VillageGroup group) {
        Head h = new Head();
        h.group = group;
        String phone = CellValues.halfWidth(cell(cells, H_PHONE));
        h.phone = phone.isEmpty() ? null : phone;
        h.category = parseOrNone(line, H_CATEGORY, cell(cells, H_CATEGORY), HouseholdCategory::parse, CATEGORY_ALIASES,
                HouseholdCategory::fileLabel, HouseholdCategory.class);
        h.cause = parseOrNone(line, H_CAUSE, cell(cells, H_CAUSE), PovertyCause::parse, Map.of(),
                PovertyCause::fileLabel, PovertyCause.class);
        String statusText = cell(cells, H_STATUS);
        h.status = parse(line, H_STATUS, statusText, PovertyStatus::parse, STATUS_ALIASES,
                PovertyStatus::fileLabel, PovertyStatus.class);
        if (h.status == null && !statusText.isEmpty()) {
            d.householdReported |= H_STATUS_BIT | H_EXIT_BIT;
        }
        String exitText = cell(cells, H_EXIT_YEAR);
        if (!exitText.isEmpty()) {
            h.exitYear = CellValues.integer(exitText).orElse(null);
            if (h.exitYear == null) {
                error(line, H_EXIT_YEAR, exitText, Messages.get("household.import.badYear"));
                d.householdReported |= H_EXIT_BIT;
            }
        }
        h.monitoring = parseOrNone(line, H_MONITORING, cell(cells, H_MONITORING), MonitoringType::parse, Map.of(),
                MonitoringType::fileLabel, MonitoringType.class);
        String riskText = cell(cells, H_RISK);
        h.risk = parseOrNone(line, H_RISK, riskText, RiskType::parse, Map.of(),
                RiskType::fileLabel, RiskType.class);
        if (h.risk == null && !riskText.isEmpty() && !NONE_WORDS.contains(CellValues.halfWidth(riskText))) {
            d.householdReported |= H_RISK_BIT;
        }
        String eliminatedText = cell(cells, H_RISK_ELIMINATED);
        if (!eliminatedText.isEmpty()) {
            Optional<Boolean> yes = CellValues.yesNo(eliminatedText);
            if (yes.isEmpty()) {
                error(line, H_RISK_ELIMINATED, eliminatedText, Messages.get("household.import.yesNo"));
            }
            h.riskEliminated = yes.orElse(false);
        }
        String incomeText = cell(cells, H_INCOME);
        if (!incomeText.isEmpty()) {
            Optional<BigDecimal> amount = CellValues.decimal(incomeText).filter(a -> a.signum() >= 0);
            if (amount.isEmpty()) {
                error(line, H_INCOME, incomeText, Messages.get("household.import.badAmount"));
            } else {
                h.income = new Income(year, amount.get().setScale(2, RoundingMode.HALF_UP));
            }
        }
        h.check = readCheck(line, cells);
        return h;
    }

    /** The five 两不愁三保障 + 饮水 columns: all empty is "not checked"; some filled means all must be. */
    private HouseholdCheck readCheck(int line, List<String> cells) {
        Boolean[] values = new Boolean[CHECK_HEADERS.size()];
        boolean any = false;
        boolean bad = false;
        for (int i = 0; i < values.length; i++) {
            String text = cell(cells, CHECK_HEADERS.get(i));
            if (text.isEmpty()) {
                continue;
            }
            any = true;
            values[i] = CellValues.yesNo(text).orElse(null);
            if (values[i] == null) {
                error(line, CHECK_HEADERS.get(i), text, Messages.get("household.import.yesNo"));
                bad = true;
            }
        }
        if (!any || bad) {
            return null;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                error(line, CHECK_HEADERS.get(i), "", Messages.get("household.import.checkIncomplete"));
                return null;
            }
        }
        return new HouseholdCheck(year, values[0], values[1], values[2], values[3], values[4], null, null);
    }

    // ---- checking ---------------------------------------------------------------------------------------

    /** Which households of the ledger the file updates: by the head's ID number, else by 户编号. */
    private void findTargets() {
        Map<String, Draft> byHeadId = new HashMap<>();
        for (Draft d : drafts) {
            String headId = d.headIdNumber();
            if (headId != null && IdNumber.isValid(headId)) {
                byHeadId.putIfAbsent(headId, d);
            }
        }
        Set<UUID> claimed = new HashSet<>();
        ledger.householdIdsByHeadId(byHeadId.keySet()).forEach((headId, id) -> {
            Draft d = byHeadId.get(headId);
            if (claimed.add(id)) {
                d.target = id;
            }
        });
        List<String> nos = drafts.stream().filter(d -> d.target == null && d.no != null).map(d -> d.no).toList();
        if (!nos.isEmpty()) {
            // Offices number households their own way too (1, 2, 3 in each village): a number counts only within
            // the village.
            Map<String, List<HouseholdRepository.Numbered>> found = ledger.householdsByNo(nos);
            for (Draft d : drafts) {
                if (d.target == null && d.no != null && d.village != null) {
                    found.getOrDefault(d.no, List.of()).stream()
                            .filter(n -> n.villageId().equals(d.village.id()) && !claimed.contains(n.id()))
                            .findFirst().ifPresent(n -> {
                                claimed.add(n.id());
                                d.target = n.id();
                            });
                }
            }
        }
    }

    private void checkAll() {
        Set<UUID> targets = drafts.stream().map(d -> d.target).filter(t -> t != null).collect(Collectors.toSet());
        long totalMembers = drafts.stream().mapToLong(d -> d.members.size()).sum();
        long done = 0;
        for (int from = 0; from < drafts.size(); from += CHUNK) {
            if (options.cancelled().getAsBoolean()) {
                throw new CancellationException();
            }
            List<Draft> chunk = drafts.subList(from, Math.min(drafts.size(), from + CHUNK));
            Map<UUID, Household> existing = ledger.findAllById(chunk.stream().map(d -> d.target)
                    .filter(t -> t != null).toList());
            Map<String, HouseholdRepository.Holder> holders = ledger.holders(chunk.stream()
                    .flatMap(d -> d.members.stream()).map(Member::idNumber).filter(IdNumber::isValid).toList());
            for (int i = 0; i < chunk.size(); i++) {
                Draft d = chunk.get(i);
                done += d.members.size();
                HouseholdEntry entry = check(d, d.target == null ? null : existing.get(d.target), holders, targets);
                plan.entries.add(entry);
                plan.members += entry.household().members().size();
                if (entry.household().isNew()) {
                    plan.added++;
                } else {
                    plan.updated++;
                }
                chunk.set(i, null);
            }
            options.progress().update(ImportOptions.Stage.CHECKING, done, totalMembers);
        }
        drafts.clear();
    }

    private HouseholdEntry check(Draft d, Household base, Map<String, HouseholdRepository.Holder> holders,
                                 Set<UUID> targets) {
        UUID target = base == null ? null : base.id();
        Head h = d.head != null ? d.head : new Head();
        Map<String, Member> baseMembers = new HashMap<>();
        if (base != null) {
            base.members().forEach(m -> baseMembers.put(m.idNumber(), m));
        }
        List<Member> members = new ArrayList<>(d.members.size());
        for (int i = 0; i < d.members.size(); i++) {
            Member m = d.members.get(i);
            HouseholdRepository.Holder holder = IdNumber.isValid(m.idNumber()) ? holders.get(m.idNumber()) : null;
            UUID memberId = null;
            if (holder != null) {
                if (holder.householdId().equals(target) || targets.contains(holder.householdId())) {
                    // Already in this household, or moving here from a household this file also updates (which
                    // will no longer list them): an update keeps their id, a new household gets a new member.
                    memberId = target == null ? null : holder.memberId();
                } else if ((d.reported[i] & M_ID) == 0) {
                    error(d.lines[i], H_ID, m.idNumber(), Messages.get("household.error.idElsewhere", m.name(),
                            HouseholdService.describe(holder)));
                    d.reported[i] |= M_ID;
                }
            }
            members.add(merge(m, memberId, baseMembers.get(m.idNumber())));
        }
        if (base != null) {
            for (Member old : base.members()) {
                if (!seenIds.containsKey(old.idNumber())) {
                    warning(d.headLine(), H_NAME, old.name(), Messages.get("household.import.memberDropped", old.name()));
                }
            }
        }
        String no = d.no;
        if (base != null && (no == null || no.equals(HouseholdSheet.syntheticNo(base.id())))) {
            no = base.householdNo();
        }
        Village village = d.village;
        boolean hasGroup = header.has(H_GROUP);
        boolean eliminated = has(H_RISK_ELIMINATED) ? h.riskEliminated : base != null && base.riskEliminated();
        Household household = new Household(target, no, village == null ? null : village.id(),
                village == null ? null : village.name(),
                hasGroup ? (h.group == null ? null : h.group.id()) : base == null ? null : base.groupId(),
                hasGroup ? (h.group == null ? null : h.group.name()) : base == null ? null : base.groupName(),
                pick(H_PHONE, h.phone, base, Household::phone),
                pick(H_CATEGORY, h.category, base, Household::category),
                pick(H_CAUSE, h.cause, base, Household::mainCause),
                pick(H_STATUS, h.status, base, Household::status),
                pick(H_EXIT_YEAR, h.exitYear, base, Household::exitYear),
                pick(H_MONITORING, h.monitoring, base, Household::monitoringType),
                pick(H_RISK, h.risk, base, Household::riskType),
                eliminated, eliminated && base != null ? base.riskEliminatedOn() : null,
                base == null ? null : base.note(), members, base == null ? 0 : base.version(), null, null);

        for (HouseholdIssue issue : HouseholdRules.check(household, (id, memberId) -> Optional.empty())) {
            report(d, household, issue);
        }
        for (int i = 0; i < d.members.size(); i++) {
            Village rowVillage = d.rowVillages.get(i);
            if (rowVillage != null && village != null && !rowVillage.id().equals(village.id())) {
                error(d.lines[i], H_VILLAGE, rowVillage.name(), Messages.get("household.import.villageDiffers",
                        village.name()));
            }
        }
        return new HouseholdEntry(household, h.check, h.income);
    }

    /** A rule's issue as a row problem, unless reading the row already said it. */
    private void report(Draft d, Household h, HouseholdIssue issue) {
        String field = issue.field();
        String column = COLUMN_OF_FIELD.getOrDefault(field, H_NAME);
        int line;
        String value;
        if (issue.member() >= 0) {
            int i = issue.member();
            if ((d.reported[i] & MEMBER_BIT.getOrDefault(field, 0)) != 0) {
                return;
            }
            line = d.lines[i];
            value = memberValue(h.members().get(i), field);
        } else {
            if ((d.householdReported & HOUSEHOLD_BIT.getOrDefault(field, 0)) != 0) {
                return;
            }
            boolean secondHead = HouseholdRules.FIELD_MEMBERS.equals(field) && d.secondHead >= 0;
            int i = secondHead ? d.secondHead : d.firstHead >= 0 ? d.firstHead : 0;
            line = d.lines[i];
            value = HouseholdRules.FIELD_MEMBERS.equals(field) ? relationLabel(h.members().get(i).relation())
                    : householdValue(h, field);
        }
        RowProblem p = new RowProblem(line, header.label(column), value, issue.message(), issue.warning());
        (issue.warning() ? plan.warnings : plan.errors).add(p);
    }

    private static String memberValue(Member m, String field) {
        return switch (field) {
            case HouseholdRules.FIELD_NAME -> m.name();
            case HouseholdRules.FIELD_ID_NUMBER -> m.idNumber();
            case HouseholdRules.FIELD_SEX -> HouseholdSheet.sexLabel(m.sex());
            case HouseholdRules.FIELD_BIRTH_DATE -> m.birthDate() == null ? "" : m.birthDate().toString();
            case HouseholdRules.FIELD_RELATION -> relationLabel(m.relation());
            default -> "";
        };
    }

    private static String householdValue(Household h, String field) {
        return switch (field) {
            case HouseholdRules.FIELD_VILLAGE -> h.villageName() == null ? "" : h.villageName();
            case HouseholdRules.FIELD_STATUS -> h.status() == null ? "" : h.status().fileLabel();
            case HouseholdRules.FIELD_EXIT_YEAR -> h.exitYear() == null ? "" : h.exitYear().toString();
            case HouseholdRules.FIELD_RISK -> h.riskType() == null ? "" : h.riskType().fileLabel();
            case HouseholdRules.FIELD_PHONE -> h.phone() == null ? "" : h.phone();
            default -> "";
        };
    }

    private static String relationLabel(Relation r) {
        return r == null ? "" : r.fileLabel();
    }

    /** The member as the file has it; columns the file lacks keep the ledger's values. */
    private Member merge(Member m, UUID id, Member old) {
        return new Member(id, m.name(), m.idNumber(), m.relation(), m.sex(), m.birthDate(),
                has(H_ETHNICITY) || old == null ? m.ethnicity() : old.ethnicity(),
                has(H_EDUCATION) || old == null ? m.education() : old.education(),
                has(H_IN_SCHOOL) || old == null ? m.inSchool() : old.inSchool(),
                has(H_HEALTH) || old == null ? m.health() : old.health(),
                has(H_LABOUR) || old == null ? m.labourSkill() : old.labourSkill(),
                has(H_WORK) || old == null ? m.workStatus() : old.workStatus());
    }

    private <T> T pick(String column, T fromFile, Household base, Function<Household, T> fromLedger) {
        return has(column) || base == null ? fromFile : fromLedger.apply(base);
    }

    private boolean has(String column) {
        return header.has(column);
    }

    // ---- cells and problems -----------------------------------------------------------------------------

    private String cell(List<String> cells, String column) {
        return header.cell(cells, column);
    }

    /**
     * The value of an enumeration cell, or null (reported) when it is not one. A sheet repeats the same few words
     * a hundred thousand times: each distinct text is looked up once.
     */
    @SuppressWarnings("unchecked")
    private <E extends Enum<E>> E parse(int line, String column, String text, Function<String, Optional<E>> parser,
                                        Map<String, E> aliases, Function<E, String> label, Class<E> type) {
        if (text.isEmpty()) {
            return null;
        }
        Object known = parsed.computeIfAbsent(column, c -> new HashMap<>()).computeIfAbsent(text, t -> {
            String clean = noSpaces(t);
            E alias = aliases.get(clean);
            return alias != null ? alias : parser.apply(clean).map(Object.class::cast).orElse(UNKNOWN);
        });
        if (known == UNKNOWN) {
            error(line, column, text, Messages.get("household.import.unknownValue", labels(column, label, type)));
            return null;
        }
        return (E) known;
    }

    /** Like {@link #parse}, with 无 / 否 / 非贫困户 and the like read as "none". */
    private <E extends Enum<E>> E parseOrNone(int line, String column, String text,
                                              Function<String, Optional<E>> parser, Map<String, E> aliases,
                                              Function<E, String> label, Class<E> type) {
        if (NONE_WORDS.contains(CellValues.halfWidth(text))) {
            return null;
        }
        return parse(line, column, text, parser, aliases, label, type);
    }

    /** "一般贫困户、低保贫困户、特困供养贫困户": the values a column accepts, for its error message. */
    private <E extends Enum<E>> String labels(String column, Function<E, String> label, Class<E> type) {
        return valueLists.computeIfAbsent(column, c -> Arrays.stream(type.getEnumConstants()).map(label)
                .collect(Collectors.joining("、")));
    }

    private static String required(String column) {
        return Messages.get("household.import.required", column);
    }

    private void error(int line, String column, String value, String reason) {
        plan.errors.add(new RowProblem(line, header.label(column), value, reason, false));
    }

    private void warning(int line, String column, String value, String reason) {
        plan.warnings.add(new RowProblem(line, header.label(column), value, reason, true));
    }

    private String intern(String s) {
        return interned.computeIfAbsent(s, Function.identity());
    }

    private static String noSpaces(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
            if (space && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!space && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    // ---- the error report -------------------------------------------------------------------------------

    /**
     * Writes the rows with errors as the file had them (every column, the header row as read) with a last column
     * {@value #REASON_HEADER}: the reasons joined with "；". Reads the file a second time rather than keeping
     * every row in memory.
     */
    static void writeErrorReport(Path source, List<RowProblem> errors, Path out) throws IOException {
        Map<Integer, List<String>> reasons = new LinkedHashMap<>();
        for (RowProblem p : errors) {
            reasons.computeIfAbsent(p.line(), l -> new ArrayList<>()).add(p.column() + "：" + p.message());
        }
        TableWriter.Sink[] sink = new TableWriter.Sink[1];
        int[] width = new int[1];
        try {
            TableReader.stream(source, HouseholdSheet.ALIASES, HouseholdSheet.REQUIRED, new TableReader.RowHandler() {
                @Override
                public void header(SheetHeader h) {
                    List<String> headers = new ArrayList<>(h.cells());
                    width[0] = headers.size();
                    headers.add(REASON_HEADER);
                    try {
                        sink[0] = TableWriter.open(out, null, headers);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public boolean row(int line, List<String> cells) {
                    List<String> why = reasons.get(line);
                    if (why != null) {
                        List<String> values = new ArrayList<>(cells);
                        while (values.size() < width[0]) {
                            values.add("");
                        }
                        values.add(String.join("；", why));
                        try {
                            sink[0].add(values);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    return true;
                }
            });
            sink[0].finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (sink[0] != null) {
                sink[0].close();
            }
        }
    }
}
