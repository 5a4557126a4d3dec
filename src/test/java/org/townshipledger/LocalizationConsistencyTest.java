package org.townshipledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.townshipledger.common.Sex;
import org.townshipledger.household.Education;
import org.townshipledger.household.Health;
import org.townshipledger.household.HouseholdCategory;
import org.townshipledger.household.InSchool;
import org.townshipledger.household.LabourSkill;
import org.townshipledger.household.MonitoringType;
import org.townshipledger.household.PovertyCause;
import org.townshipledger.household.PovertyStatus;
import org.townshipledger.household.Relation;
import org.townshipledger.household.RiskType;
import org.townshipledger.household.WorkStatus;
import org.townshipledger.village.VillageKind;

/**
 * The resource bundles against each other and against the code (after JabRef's LocalizationConsistencyTest):
 * same keys in Chinese and English, no duplicates, every key the code or an FXML file uses exists, no key is
 * left unused, Chinese texts are Chinese and English texts are English, and MessageFormat patterns agree.
 *
 * <p>Keys are found by scanning the sources: {@code Messages.get("key", ...)} (also {@code Messages.get(b ? "a" :
 * "b")}) in Java, {@code "%key"} attribute values in FXML. For "unused" a key also counts as used when it appears
 * as a whole string literal anywhere in the Java code (a key kept in a constant or an enum constant). Keys built
 * at run time go in {@link #DYNAMIC_KEYS}; anything else the scans cannot see goes in
 * {@link #USED_WHERE_SCANS_CANNOT_SEE}, with a comment saying where.
 */
class LocalizationConsistencyTest {

    /** A bundle: Chinese base file and English translation, and how its values are formatted. */
    record Bundle(String baseName, Syntax syntax) {
        Path base() {
            return RESOURCES.resolve(baseName + ".properties");
        }

        Path english() {
            return RESOURCES.resolve(baseName + "_en.properties");
        }
    }

    enum Syntax {
        /** {@code common.Messages}: java.text.MessageFormat with {0}-style arguments. */
        MESSAGE_FORMAT,
        /** picocli help texts: %n line breaks, ${VARIABLES}; no MessageFormat. */
        PICOCLI
    }

    /** Keys made at run time as prefix + suffix, e.g. {@code "village.kind." + name()}. */
    record DynamicKeys(String prefix, List<String> suffixes) {
        /** One key per constant of the enum: {@code prefix + constant.name()}. */
        static DynamicKeys ofEnum(String prefix, Class<? extends Enum<?>> constants) {
            return new DynamicKeys(prefix, Arrays.stream(constants.getEnumConstants()).map(Enum::name).toList());
        }

        Set<String> keys() {
            return suffixes.stream().map(s -> prefix + s).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static final Path JAVA = Path.of("src/main/java");
    static final Path RESOURCES = Path.of("src/main/resources");

    /** Every bundle; a new .properties file under org/townshipledger must be added here. */
    static final Bundle MESSAGES = new Bundle("org/townshipledger/messages", Syntax.MESSAGE_FORMAT);
    static final List<Bundle> BUNDLES = List.of(
            MESSAGES,
            new Bundle("org/townshipledger/cli/CliMessages", Syntax.PICOCLI));

    /** Keys of {@link #MESSAGES} built at run time. Add a pair when code builds a key from an enum. */
    static final List<DynamicKeys> DYNAMIC_KEYS = List.of(
            DynamicKeys.ofEnum("village.kind.", VillageKind.class),
            DynamicKeys.ofEnum("pairing.target.", org.townshipledger.pairing.TargetKind.class),
            DynamicKeys.ofEnum("pairing.kind.", org.townshipledger.pairing.PairingKind.class),
            DynamicKeys.ofEnum("pairing.category.", org.townshipledger.pairing.HelperCategory.class),
            // PairingRulesViewModel.partLabel: one column title per quota part.
            new DynamicKeys("pairing.rules.part.", org.townshipledger.pairing.PairingRulesViewModel.PARTS),
            DynamicKeys.ofEnum("household.category.", HouseholdCategory.class),
            DynamicKeys.ofEnum("household.cause.", PovertyCause.class),
            DynamicKeys.ofEnum("household.status.", PovertyStatus.class),
            DynamicKeys.ofEnum("household.monitoring.", MonitoringType.class),
            DynamicKeys.ofEnum("household.risk.", RiskType.class),
            DynamicKeys.ofEnum("member.relation.", Relation.class),
            DynamicKeys.ofEnum("member.education.", Education.class),
            DynamicKeys.ofEnum("member.inSchool.", InSchool.class),
            DynamicKeys.ofEnum("member.health.", Health.class),
            DynamicKeys.ofEnum("member.labour.", LabourSkill.class),
            DynamicKeys.ofEnum("member.work.", WorkStatus.class),
            DynamicKeys.ofEnum("unit.level.", org.townshipledger.cadre.UnitLevel.class),
            DynamicKeys.ofEnum("unit.type.", org.townshipledger.cadre.UnitType.class),
            DynamicKeys.ofEnum("cadre.rank.", org.townshipledger.cadre.Rank.class),
            new DynamicKeys("assignment.role.", org.townshipledger.cadre.Role.BUILT_IN),
            new DynamicKeys("visit.kind.", org.townshipledger.visit.VisitKind.BUILT_IN),
            DynamicKeys.ofEnum("visit.target.", org.townshipledger.visit.VisitTarget.class),
            DynamicKeys.ofEnum("problem.kind.", org.townshipledger.visit.ProblemKind.class),
            DynamicKeys.ofEnum("problem.dispute.", org.townshipledger.visit.DisputeKind.class),
            DynamicKeys.ofEnum("problem.status.", org.townshipledger.visit.ProblemStatus.class),
            DynamicKeys.ofEnum("problem.level.", org.townshipledger.visit.SettledLevel.class),
            DynamicKeys.ofEnum("help.kind.", org.townshipledger.visit.HelpKind.class),
            DynamicKeys.ofEnum("help.status.", org.townshipledger.visit.HelpStatus.class),
            DynamicKeys.ofEnum("sex.", Sex.class),
            DynamicKeys.ofEnum("grading.grade.", org.townshipledger.grading.Grade.class),
            DynamicKeys.ofEnum("grading.result.", org.townshipledger.grading.ReviewResult.class),
            DynamicKeys.ofEnum("grading.reviewKind.", org.townshipledger.grading.ReviewKind.class),
            DynamicKeys.ofEnum("grading.star.", org.townshipledger.grading.StarSubject.class),
            // ReviewKind.partLabels: four part titles per kind of review.
            new DynamicKeys("grading.part.", List.of("BRANCH_SECRETARY.1", "BRANCH_SECRETARY.2",
                    "BRANCH_SECRETARY.3", "BRANCH_SECRETARY.4", "FIRST_SECRETARY.1", "FIRST_SECRETARY.2",
                    "FIRST_SECRETARY.3", "FIRST_SECRETARY.4")),
            // RecycleBinViewModel.registerLabel: one per register whose deletions the bin shows.
            new DynamicKeys("recycleBin.register.",
                    List.of(org.townshipledger.village.VillageBin.KIND, org.townshipledger.household.HouseholdBin.KIND,
                            org.townshipledger.cadre.CadreBins.UNIT, org.townshipledger.cadre.CadreBins.CADRE,
                            org.townshipledger.cadre.CadreBins.ASSIGNMENT,
                            org.townshipledger.pairing.PairingBin.KIND, org.townshipledger.visit.VisitBin.KIND,
                            org.townshipledger.visit.ProblemBin.KIND, org.townshipledger.visit.HelpBin.KIND,
                            org.townshipledger.grading.GradeBin.KIND, org.townshipledger.grading.ReviewBin.KIND,
                            org.townshipledger.grading.StarBin.KIND)),
            // RecycleBinViewModel.purgeQuestion: the registers whose purge question names the children going along.
            new DynamicKeys("recycleBin.confirm.purge.",
                    List.of(org.townshipledger.village.VillageBin.KIND, org.townshipledger.household.HouseholdBin.KIND,
                            org.townshipledger.cadre.CadreBins.CADRE, org.townshipledger.cadre.CadreBins.UNIT,
                            org.townshipledger.visit.VisitBin.KIND)));

    /** Keys of {@link #MESSAGES} used where the scans cannot see them. Say where, in a comment on each line. */
    static final Set<String> USED_WHERE_SCANS_CANNOT_SEE = Set.of();

    /** Keys of the base bundles whose values are not shown to users, so need not be Chinese. Say why. */
    static final Set<String> NOT_SHOWN_TO_USERS = Set.of();

    /** {@code Messages.get(} or {@code Messages.bundle().getString(}: the first argument is the key. */
    private static final Pattern KEY_CALL =
            Pattern.compile("\\bMessages\\s*\\.\\s*(?:get|bundle\\s*\\(\\s*\\)\\s*\\.\\s*getString)\\s*\\(");
    private static final Pattern FXML_KEY = Pattern.compile("=\\s*\"%([^\"\\s]+)\"");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\n]|\\\\.)*)\"");
    /** A string literal that ends with a dot and is followed by {@code +}: the start of a key built at run time. */
    private static final Pattern KEY_PREFIX = Pattern.compile("\"([A-Za-z][\\w.-]*\\.)\"\\s*\\+");

    // ---- the bundles themselves -------------------------------------------------------------------------

    @Test
    void everyBundleFileIsDeclaredAndHasBothLanguages() throws IOException {
        Set<Path> expected = new TreeSet<>();
        for (Bundle b : BUNDLES) {
            expected.add(b.base());
            expected.add(b.english());
        }
        Set<Path> found;
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("org/townshipledger"))) {
            found = files.filter(p -> p.toString().endsWith(".properties")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(found).as("bundle files under %s (declare new bundles in BUNDLES)", RESOURCES)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() {
        List<String> problems = new ArrayList<>();
        for (Bundle b : BUNDLES) {
            Set<String> zh = load(b.base()).keySet();
            Set<String> en = load(b.english()).keySet();
            Set<String> missingInEnglish = new TreeSet<>(zh);
            missingInEnglish.removeAll(en);
            Set<String> missingInChinese = new TreeSet<>(en);
            missingInChinese.removeAll(zh);
            if (!missingInEnglish.isEmpty()) {
                problems.add(b.english() + " lacks " + missingInEnglish);
            }
            if (!missingInChinese.isEmpty()) {
                problems.add(b.base() + " lacks " + missingInChinese);
            }
        }
        assertThat(problems).as("keys missing from one language").isEmpty();
    }

    @Test
    void noKeyAppearsTwiceInAFile() {
        List<String> problems = new ArrayList<>();
        for (Bundle b : BUNDLES) {
            for (Path file : List.of(b.base(), b.english())) {
                List<String> duplicates = duplicateKeys(read(file));
                if (!duplicates.isEmpty()) {
                    problems.add(file + ": " + duplicates);
                }
            }
        }
        assertThat(problems).as("duplicate keys (the later value silently wins)").isEmpty();
    }

    @Test
    void duplicateDetectionSeesWhatPropertiesHides() {
        assertThat(duplicateKeys("a=1\nb=2\\\n  a=continued\na : 3\n# a=comment\n b=4\n"))
                .containsExactly("a", "b");
    }

    @Test
    void patternsAreValidAndUseTheSameArgumentsInBothLanguages() {
        List<String> problems = new ArrayList<>();
        for (Bundle b : BUNDLES) {
            Map<String, String> zh = load(b.base());
            Map<String, String> en = load(b.english());
            for (String key : zh.keySet()) {
                if (!en.containsKey(key)) {
                    continue; // reported by chineseAndEnglishHaveTheSameKeys
                }
                if (b.syntax() == Syntax.MESSAGE_FORMAT) {
                    checkMessageFormat(b.base(), key, zh.get(key), problems);
                    checkMessageFormat(b.english(), key, en.get(key), problems);
                    Set<Integer> zhArgs = argumentIndexes(zh.get(key));
                    Set<Integer> enArgs = argumentIndexes(en.get(key));
                    if (!zhArgs.equals(enArgs)) {
                        problems.add(key + ": arguments " + zhArgs + " in Chinese but " + enArgs + " in English");
                    }
                } else {
                    checkPicocli(b.base(), key, zh.get(key), problems);
                    checkPicocli(b.english(), key, en.get(key), problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void englishTextsHaveNoChinese() {
        List<String> problems = new ArrayList<>();
        for (Bundle b : BUNDLES) {
            load(b.english()).forEach((key, value) -> {
                // Import and export messages may name the Chinese column headers and labels of the file format.
                boolean namesFileFormat = Arrays.asList(key.split("\\.")).contains("import");
                if (!namesFileFormat && value.codePoints().anyMatch(LocalizationConsistencyTest::isChineseOrFullWidth)) {
                    problems.add(b.english() + ": " + key + "=" + value);
                }
            });
        }
        assertThat(problems).as("Chinese characters or full-width punctuation in English texts").isEmpty();
    }

    @Test
    void chineseTextsAreChinese() {
        List<String> problems = new ArrayList<>();
        for (Bundle b : BUNDLES) {
            load(b.base()).forEach((key, value) -> {
                if (!NOT_SHOWN_TO_USERS.contains(key) && !hasHan(value) && hasWords(value)) {
                    problems.add(b.base() + ": " + key + "=" + value);
                }
            });
        }
        assertThat(problems).as("texts in the Chinese base bundles without a Chinese character "
                + "(untranslated?); list real exceptions in NOT_SHOWN_TO_USERS").isEmpty();
    }

    // ---- the bundles against the code -------------------------------------------------------------------

    @Test
    void everyKeyTheCodeUsesExists() {
        Set<String> keys = load(MESSAGES.base()).keySet();
        Map<String, Set<String>> missing = new TreeMap<>();
        usedKeys().forEach((key, where) -> {
            if (!keys.contains(key)) {
                missing.put(key, where);
            }
        });
        assertThat(missing).as("keys used in code or FXML but missing from %s", MESSAGES.base()).isEmpty();
    }

    @Test
    void everyDynamicKeyExists() {
        Set<String> keys = load(MESSAGES.base()).keySet();
        Set<String> missing = new TreeSet<>();
        for (DynamicKeys d : DYNAMIC_KEYS) {
            d.keys().stream().filter(k -> !keys.contains(k)).forEach(missing::add);
        }
        assertThat(missing).as("keys for enum constants missing from %s", MESSAGES.base()).isEmpty();
    }

    @Test
    void everyKeyPrefixInTheCodeIsDeclared() {
        Set<String> keys = load(MESSAGES.base()).keySet();
        Set<String> declared = DYNAMIC_KEYS.stream().map(DynamicKeys::prefix).collect(Collectors.toSet());
        Map<String, Set<String>> undeclared = new TreeMap<>();
        forEachJavaFile((file, code) -> {
            Matcher m = KEY_PREFIX.matcher(code);
            while (m.find()) {
                String prefix = m.group(1);
                if (!declared.contains(prefix) && keys.stream().anyMatch(k -> k.startsWith(prefix))) {
                    undeclared.computeIfAbsent(prefix, p -> new TreeSet<>()).add(file.toString());
                }
            }
        });
        assertThat(undeclared).as("keys built at run time from these prefixes: add them to DYNAMIC_KEYS").isEmpty();
    }

    @Test
    void noKeyIsUnused() {
        Set<String> used = new TreeSet<>(usedKeys().keySet());
        // A key kept in a constant or an enum and handed to Messages.get later is used as well.
        forEachJavaFile((file, code) -> {
            Matcher m = STRING_LITERAL.matcher(code);
            while (m.find()) {
                used.add(unescape(m.group(1)));
            }
        });
        DYNAMIC_KEYS.forEach(d -> used.addAll(d.keys()));
        used.addAll(USED_WHERE_SCANS_CANNOT_SEE);
        Set<String> unused = new TreeSet<>(load(MESSAGES.base()).keySet());
        unused.removeAll(used);
        assertThat(unused).as("keys in %s that no code or FXML uses (remove them from both languages, "
                + "or list them in DYNAMIC_KEYS / USED_WHERE_SCANS_CANNOT_SEE)", MESSAGES.base()).isEmpty();
    }

    @Test
    void everyPicocliDescriptionKeyExists() {
        Bundle cli = BUNDLES.stream().filter(b -> b.syntax() == Syntax.PICOCLI).findFirst().orElseThrow();
        Set<String> zh = load(cli.base()).keySet();
        Set<String> en = load(cli.english()).keySet();
        Pattern descriptionKey = Pattern.compile("descriptionKey\\s*=\\s*\"([^\"]+)\"");
        Set<String> missing = new TreeSet<>();
        forEachJavaFile((file, code) -> {
            Matcher m = descriptionKey.matcher(code);
            while (m.find()) {
                if (!zh.contains(m.group(1)) || !en.contains(m.group(1))) {
                    missing.add(m.group(1) + " (" + file + ")");
                }
            }
        });
        assertThat(missing).as("picocli descriptionKeys missing from %s or its English file", cli.base()).isEmpty();
    }

    // ---- scanning ---------------------------------------------------------------------------------------

    /** Keys used in Java ({@code Messages.get("key"...)}) and FXML ({@code "%key"}), with the files using them. */
    static Map<String, Set<String>> usedKeys() {
        Map<String, Set<String>> used = new TreeMap<>();
        forEachJavaFile((file, code) -> {
            Matcher m = KEY_CALL.matcher(code);
            while (m.find()) {
                for (String key : literalsOfFirstArgument(code, m.end())) {
                    used.computeIfAbsent(key, k -> new TreeSet<>()).add(file.toString());
                }
            }
        });
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                Matcher m = FXML_KEY.matcher(read(file));
                while (m.find()) {
                    used.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(file.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return used;
    }

    interface JavaFileVisitor {
        void visit(Path file, String codeWithoutComments);
    }

    static void forEachJavaFile(JavaFileVisitor visitor) {
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                visitor.visit(file, withoutComments(read(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The string literals of the first argument of a call whose "(" ends at {@code start}: one for
     * {@code get("a.b", x)}, two for {@code get(cond ? "a" : "b")}. A literal joined with {@code +} is a prefix,
     * not a key: those are checked by {@link #everyKeyPrefixInTheCodeIsDeclared()}.
     */
    static List<String> literalsOfFirstArgument(String code, int start) {
        List<String> literals = new ArrayList<>();
        int depth = 0;
        for (int i = start; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                int end = endOfLiteral(code, i);
                String after = code.substring(end + 1).stripLeading();
                String before = code.substring(start, i).stripTrailing();
                if (!after.startsWith("+") && !before.endsWith("+")) {
                    literals.add(unescape(code.substring(i + 1, end)));
                }
                i = end;
            } else if (c == '\'') {
                i = code.indexOf('\'', i + (code.charAt(i + 1) == '\\' ? 3 : 2));
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        return literals;
    }

    private static int endOfLiteral(String code, int open) {
        for (int i = open + 1; i < code.length(); i++) {
            if (code.charAt(i) == '\\') {
                i++;
            } else if (code.charAt(i) == '"') {
                return i;
            }
        }
        throw new IllegalStateException("unterminated string literal");
    }

    private static String unescape(String literal) {
        return literal.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** Java source without comments and with char literals blanked (string literals and text blocks kept). */
    static String withoutComments(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                while (end > 0 && src.charAt(end - 1) == '\\') {
                    end = src.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? src.length() : end + 3;
                out.append(src, i, end);
                i = end;
            } else if (src.charAt(i) == '"') {
                int end = endOfLiteral(src, i) + 1;
                out.append(src, i, end);
                i = end;
            } else if (src.charAt(i) == '\'') {
                int end = src.indexOf('\'', i + (src.charAt(i + 1) == '\\' ? 3 : 2)) + 1;
                out.append("' '"); // so that '"' cannot look like the start of a string to the scans
                i = end;
            } else if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? src.length() : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? src.length() : end + 2;
                out.append(' ');
            } else {
                out.append(src.charAt(i++));
            }
        }
        return out.toString();
    }

    // ---- properties and patterns ------------------------------------------------------------------------

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as ResourceBundle reads it (UTF-8 since Java 9). */
    static Map<String, String> load(Path file) {
        Properties p = new Properties();
        try (Reader r = new StringReader(read(file))) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new TreeMap<>();
        p.forEach((k, v) -> map.put((String) k, (String) v));
        return map;
    }

    /**
     * Keys that occur more than once. Parsed by {@link Properties#load} itself (so continuation lines, escapes
     * and ":" separators count as the JDK counts them), watching every put instead of only keeping the last.
     */
    static List<String> duplicateKeys(String fileText) {
        List<String> duplicates = new ArrayList<>();
        Properties watcher = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                Object previous = super.put(key, value);
                if (previous != null) {
                    duplicates.add((String) key);
                }
                return previous;
            }
        };
        try {
            watcher.load(new StringReader(fileText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return duplicates;
    }

    private static void checkMessageFormat(Path file, String key, String pattern, List<String> problems) {
        try {
            new MessageFormat(pattern);
        } catch (IllegalArgumentException e) {
            problems.add(file + ": " + key + " is not a valid MessageFormat pattern: " + e.getMessage());
            return;
        }
        // A lone ' starts a quoted section: the rest of the text, {0} included, would be printed as typed.
        if (!argumentIndexes(pattern).isEmpty() && pattern.replace("''", "").contains("'")) {
            problems.add(file + ": " + key + " has a single ' (write '' for an apostrophe): " + pattern);
        }
    }

    private static void checkPicocli(Path file, String key, String text, List<String> problems) {
        // picocli runs help texts through String.format: only %n and %% are safe.
        if (Pattern.compile("%(?![n%])").matcher(text).find()) {
            problems.add(file + ": " + key + " has a % other than %n or %%: " + text);
        }
    }

    /** The argument indexes of a MessageFormat pattern ({0}, {1,number}, ...), outside quoted text. */
    static Set<Integer> argumentIndexes(String pattern) {
        Set<Integer> indexes = new TreeSet<>();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '{' && !quoted) {
                Matcher m = Pattern.compile("\\s*(\\d+)").matcher(pattern).region(i + 1, pattern.length());
                if (m.lookingAt()) {
                    indexes.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        return indexes;
    }

    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    static boolean isChineseOrFullWidth(int cp) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }

    /** True when the text has letters besides placeholders ({0}, %n, ${VAR}): words that want translating. */
    static boolean hasWords(String s) {
        String rest = s.replaceAll("\\{[^}]*}", "").replaceAll("\\$\\{[^}]*}", "").replaceAll("%[n%]", "");
        return rest.codePoints().anyMatch(Character::isLetter);
    }
}
