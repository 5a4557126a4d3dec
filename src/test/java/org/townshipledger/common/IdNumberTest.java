package org.townshipledger.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

    /** Published example (GB 11643-1999): Beijing Chaoyang 110105, born 1949-12-31, sequence 002 (female). */
    static final String PUBLISHED = "11010519491231002X";
    /**
     * Worked by hand: 4·7+3·9+0·10+5·5+2·8+3·4+1·2+9·1+9·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2 = 209,
     * 209 mod 11 = 0, check digit "1". Region 430523, born 1990-01-01, sequence 123 (male).
     */
    static final String BY_HAND = "430523199001011231";

    @BeforeEach
    @AfterEach
    void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    // ---- check digit ------------------------------------------------------------------------------------

    @Test
    void publishedExampleIsValidAndItsNeighbourIsNot() {
        assertThat(IdNumber.checkDigit("11010519491231002")).isEqualTo("X");
        assertThat(IdNumber.isValid(PUBLISHED)).isTrue();
        assertThat(IdNumber.problem(PUBLISHED)).isEmpty();
        assertThat(IdNumber.isValid("110105194912310021")).isFalse();
    }

    @Test
    void handWorkedExampleIsValid() {
        assertThat(IdNumber.checkDigit("43052319900101123")).isEqualTo("1");
        assertThat(IdNumber.isValid(BY_HAND)).isTrue();
    }

    @Test
    void everyRemainderGivesItsCheckDigit() {
        // Only the last of the 17 digits changes; its weight is 2, so the remainder walks through all 11 values.
        Set<String> seen = new TreeSet<>();
        for (int last = 0; last <= 9; last++) {
            seen.add(IdNumber.checkDigit("4305231990010112" + last));
        }
        for (int first = 0; first <= 9; first++) {
            seen.add(IdNumber.checkDigit(first + "3052319900101123"));
        }
        assertThat(seen).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "X");
    }

    @Test
    void checkDigitWantsSeventeenDigits() {
        assertThatThrownBy(() -> IdNumber.checkDigit("1101051949123100")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumber.checkDigit("11010519491231002X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumber.checkDigit("1101051949123100A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumber.checkDigit(null)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- parts ------------------------------------------------------------------------------------------

    @Test
    void birthDateSexAndRegion() {
        assertThat(IdNumber.birthDate(PUBLISHED)).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(IdNumber.sex(PUBLISHED)).isEqualTo(Sex.FEMALE);
        assertThat(IdNumber.regionCode(PUBLISHED)).isEqualTo("110105");

        assertThat(IdNumber.birthDate(BY_HAND)).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(IdNumber.sex(BY_HAND)).isEqualTo(Sex.MALE);
        assertThat(IdNumber.regionCode(BY_HAND)).isEqualTo("430523");
    }

    @Test
    void partsOfAnInvalidNumberAreRefused() {
        assertThatThrownBy(() -> IdNumber.birthDate("110105194912310021")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumber.sex("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumber.regionCode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- normalize --------------------------------------------------------------------------------------

    @Test
    void normalizeStripsEverySpaceAndMakesFullWidthAscii() {
        assertThat(IdNumber.normalize(" 110105 19491231 002X ")).isEqualTo(PUBLISHED);
        assertThat(IdNumber.normalize("\u3000１１０１０５１９４９１２３１００２Ｘ\u3000")).isEqualTo(PUBLISHED);
        assertThat(IdNumber.normalize("１１０１０５１９４９１２３１００２ｘ")).isEqualTo(PUBLISHED);
        assertThat(IdNumber.normalize("110105\u00A019491231\t002X\r\n")).isEqualTo(PUBLISHED);
        assertThat(IdNumber.normalize("\uFEFF110105\u200B19491231002X")).isEqualTo(PUBLISHED);
    }

    @Test
    void normalizeUppercasesATrailingX() {
        assertThat(IdNumber.normalize("11010519491231002x")).isEqualTo(PUBLISHED);
        assertThat(IdNumber.normalize("11010519491231002x ")).isEqualTo(PUBLISHED);
        assertThat(IdNumber.isValid(IdNumber.normalize("11010519491231002x"))).isTrue();
    }

    @Test
    void normalizeLeavesMistakesForProblemToReport() {
        assertThat(IdNumber.normalize(null)).isEmpty();
        assertThat(IdNumber.normalize("   ")).isEmpty();
        assertThat(IdNumber.normalize("1101x519491231002X")).isEqualTo("1101x519491231002X");
        assertThat(IdNumber.normalize("4.30523E+17")).isEqualTo("4.30523E+17");
        assertThat(IdNumber.normalize("110105-19491231-002X")).isEqualTo("110105-19491231-002X");
    }

    // ---- problems, in the order they are checked ----------------------------------------------------------

    @Test
    void emptyIsRequired() {
        assertThat(IdNumber.problem("")).contains("请填写身份证号。");
        assertThat(IdNumber.problem(null)).contains("请填写身份证号。");
        assertThat(IdNumber.isValid("")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.30523E+17", "4.30523199001011E17", "4.30523199001011E+17", "4.3e+17", "4E+17",
            "4,30523E+17"})
    void excelScientificNotationIsExplained(String shown) {
        assertThat(IdNumber.isExcelScientific(shown)).isTrue();
        assertThat(IdNumber.problem(shown)).contains("身份证号“" + shown
                + "”被 Excel 当成数字保存了，后几位已经丢失，无法还原。请把这一列设为文本格式，再照身份证重新录入。");
    }

    @Test
    void excelScientificIsRecognisedInRawCellText() {
        assertThat(IdNumber.isExcelScientific(" 4.30523E+17 ")).isTrue();
        assertThat(IdNumber.isExcelScientific("４.３０５２３E+17")).isTrue();
        assertThat(IdNumber.isExcelScientific(null)).isFalse();
        assertThat(IdNumber.isExcelScientific("")).isFalse();
        assertThat(IdNumber.isExcelScientific(PUBLISHED)).isFalse();
        assertThat(IdNumber.isExcelScientific("430523199001011231")).isFalse();
        assertThat(IdNumber.isExcelScientific("E+17")).isFalse();
        assertThat(IdNumber.isExcelScientific("4.30523")).isFalse();
    }

    @Test
    void fifteenDigitsAreTheOldNumberAndNotAccepted() {
        assertThat(IdNumber.problem("110105491231002"))
                .contains("身份证号“110105491231002”是 15 位的老号码，请改填 18 位的新号码（以现用居民身份证为准）。");
        assertThat(IdNumber.isValid("110105491231002")).isFalse();
    }

    @Test
    void wrongLengthOrCharactersSayHowLongItIs() {
        assertThat(IdNumber.problem("11010519491231002"))
                .contains("身份证号“11010519491231002”的格式不对：现在是 17 位，应为 18 位，"
                        + "前 17 位只能是数字，最后一位是数字或 X。");
        assertThat(IdNumber.problem("11010519491231002X1")).hasValueSatisfying(m -> assertThat(m).contains("现在是 19 位"));
        assertThat(IdNumber.problem("1101X519491231002X")).hasValueSatisfying(m -> assertThat(m).contains("现在是 18 位"));
        assertThat(IdNumber.problem("110105-19491231-002X")).hasValueSatisfying(m -> assertThat(m).contains("现在是 20 位"));
        assertThat(IdNumber.problem("11010519491231002x")).as("not normalized").isPresent();
        assertThat(IdNumber.problem("11010519491231002Y")).hasValueSatisfying(m -> assertThat(m).contains("格式不对"));
        // 15 characters that are not all digits are a format problem, not an old number.
        assertThat(IdNumber.problem("11010549123100X")).hasValueSatisfying(m -> assertThat(m).contains("现在是 15 位"));
    }

    @Test
    void longNumbersAreNotGroupedWithCommas() {
        String thousand = "1".repeat(1000);
        assertThat(IdNumber.problem(thousand)).hasValueSatisfying(m -> assertThat(m).contains("现在是 1000 位"));
    }

    @Test
    void birthDateMustBeRealFrom1900AndNotInTheFuture() {
        LocalDate today = LocalDate.of(2024, 6, 15);
        String message = "身份证号“{0}”里的出生日期 {1}（第 7 至 14 位）不对：不是真实的日期，或早于 1900 年，或晚于今天。请核对。";
        for (String birth : new String[] {"19901301", "19900230", "19230229", "18991231", "20240616", "00000000"}) {
            String id = withCheckDigit("430523" + birth + "123");
            assertThat(IdNumber.problem(id, today)).as(birth)
                    .contains(message.replace("{0}", id).replace("{1}", birth));
        }
        for (String birth : new String[] {"19000101", "20240229", "20240615", "20000229"}) {
            assertThat(IdNumber.problem(withCheckDigit("430523" + birth + "123"), today)).as(birth).isEmpty();
        }
    }

    @Test
    void birthDateInTheFutureAgainstTheRealClock() {
        String nextYear = String.valueOf(LocalDate.now().getYear() + 1);
        assertThat(IdNumber.problem(withCheckDigit("430523" + nextYear + "0101123")))
                .hasValueSatisfying(m -> assertThat(m).contains("出生日期 " + nextYear + "0101"));
    }

    @Test
    void wrongCheckDigitSaysWhichOneIsExpected() {
        assertThat(IdNumber.problem("110105194912310021"))
                .contains("身份证号“110105194912310021”的最后一位（校验位）对不上，按前 17 位算应为 X。"
                        + "多半是其中某一位录错了，请对照身份证核对。");
        assertThat(IdNumber.problem("430523199001011230")).hasValueSatisfying(m -> assertThat(m).contains("应为 1。"));
    }

    @Test
    void aSingleMistypedDigitIsAlwaysCaught() {
        // MOD 11-2 catches every single-digit error: change any one of the 17 digits and the check fails.
        for (int i = 0; i < 17; i++) {
            if (i >= 6 && i < 14) {
                continue; // the birth date might become impossible and be reported first
            }
            for (char d = '0'; d <= '9'; d++) {
                if (d == BY_HAND.charAt(i)) {
                    continue;
                }
                String typo = BY_HAND.substring(0, i) + d + BY_HAND.substring(i + 1);
                assertThat(IdNumber.isValid(typo)).as(typo).isFalse();
            }
        }
    }

    @Test
    void problemsInEnglish() {
        Messages.use(Locale.ENGLISH);

        assertThat(IdNumber.problem("")).contains("Please enter the ID number.");
        assertThat(IdNumber.problem("110105194912310021")).contains("The last character (check digit) of the ID "
                + "number \"110105194912310021\" does not match: from the first 17 digits it should be X. "
                + "Most likely another digit was mistyped; please check against the ID card.");
        assertThat(IdNumber.problem("1".repeat(1234))).hasValueSatisfying(m -> assertThat(m).contains("has 1234 characters"));
        assertThat(IdNumber.problem("4.30523E+17")).hasValueSatisfying(m -> assertThat(m).contains("Text format"));
        assertThat(IdNumber.problem("110105491231002")).hasValueSatisfying(m -> assertThat(m).contains("15-digit"));
        assertThat(IdNumber.problem(withCheckDigit("43052319901301123")))
                .hasValueSatisfying(m -> assertThat(m).contains("birth date 19901301"));
    }

    // ---- make -------------------------------------------------------------------------------------------

    @Test
    void makeGivesTheKnownNumbers() {
        assertThat(IdNumber.make("110105", LocalDate.of(1949, 12, 31), 2)).isEqualTo(PUBLISHED);
        assertThat(IdNumber.make("430523", LocalDate.of(1990, 1, 1), 123)).isEqualTo(BY_HAND);
    }

    @Test
    void madeNumbersAreValidAndRoundTrip() {
        Random random = new Random(20240615);
        LocalDate first = LocalDate.of(1900, 1, 1);
        long days = LocalDate.now().toEpochDay() - first.toEpochDay();
        for (int i = 0; i < 5000; i++) {
            String region = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
            LocalDate birth = first.plusDays((long) (random.nextDouble() * (days + 1)));
            int sequence = random.nextInt(1000);

            String id = IdNumber.make(region, birth, sequence);

            assertThat(id).hasSize(18);
            assertThat(IdNumber.problem(id)).as(id).isEmpty();
            assertThat(IdNumber.normalize(id)).isEqualTo(id);
            assertThat(IdNumber.regionCode(id)).isEqualTo(region);
            assertThat(IdNumber.birthDate(id)).isEqualTo(birth);
            assertThat(IdNumber.sex(id)).isEqualTo(sequence % 2 == 1 ? Sex.MALE : Sex.FEMALE);
            assertThat(Integer.parseInt(id.substring(14, 17))).isEqualTo(sequence);
        }
    }

    @Test
    void makeCoversTheEdges() {
        assertThat(IdNumber.isValid(IdNumber.make("000000", LocalDate.of(1900, 1, 1), 0))).isTrue();
        assertThat(IdNumber.isValid(IdNumber.make("999999", LocalDate.now(), 999))).isTrue();
        assertThat(IdNumber.sex(IdNumber.make("430523", LocalDate.of(2000, 2, 29), 0))).isEqualTo(Sex.FEMALE);
        assertThat(IdNumber.sex(IdNumber.make("430523", LocalDate.of(2000, 2, 29), 999))).isEqualTo(Sex.MALE);
    }

    @Test
    void makeRefusesWhatCannotBeAValidNumber() {
        LocalDate birth = LocalDate.of(1990, 1, 1);
        assertThatThrownBy(() -> IdNumber.make("43052", birth, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumber.make("43052X", birth, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumber.make(null, birth, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumber.make("430523", null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumber.make("430523", LocalDate.of(1899, 12, 31), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumber.make("430523", LocalDate.now().plusDays(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumber.make("430523", birth, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumber.make("430523", birth, 1000)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- Sex --------------------------------------------------------------------------------------------

    @Test
    void sexLabels() {
        assertThat(Sex.MALE.label()).isEqualTo("男");
        assertThat(Sex.FEMALE.label()).isEqualTo("女");
        Messages.use(Locale.ENGLISH);
        assertThat(Sex.MALE.label()).isEqualTo("Male");
        assertThat(Sex.FEMALE.label()).isEqualTo("Female");
    }

    @Test
    void sexParsesWhatClerksType() {
        for (String male : new String[] {"男", " 男 ", "\u3000男", "男性", "M", "m", "male", "Male", "MALE", "1"}) {
            assertThat(Sex.parse(male)).as(male).contains(Sex.MALE);
        }
        for (String female : new String[] {"女", "女性", "F", "f", "female", "Female", "2", " 2 "}) {
            assertThat(Sex.parse(female)).as(female).contains(Sex.FEMALE);
        }
        for (String other : new String[] {"", " ", "0", "3", "x", "男女", "未知"}) {
            assertThat(Sex.parse(other)).as(other).isEmpty();
        }
        assertThat(Sex.parse(null)).isEmpty();
    }

    private static String withCheckDigit(String first17) {
        return first17 + IdNumber.checkDigit(first17);
    }
}
