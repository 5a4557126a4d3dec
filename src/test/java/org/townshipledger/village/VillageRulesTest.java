package org.townshipledger.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Problem;

class VillageRulesTest {

    private static final Predicate<String> NONE_TAKEN = name -> false;

    @BeforeEach
    void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aCompleteVillageIsValid() {
        assertThat(VillageRules.validate(village("大石村", "430599101201", true, 2018, 300, 1100,
                List.of("一组", "二组")), NONE_TAKEN)).isEmpty();
        assertThat(VillageRules.validate(village("大石村", null, false, null, null, null, List.of()), NONE_TAKEN))
                .isEmpty();
    }

    @Test
    void nameIsRequired() {
        assertThat(VillageRules.nameProblem("", NONE_TAKEN)).hasValue(Problem.onField("name", "请填写村名"));
        assertThat(VillageRules.nameProblem("  \u3000", NONE_TAKEN)).hasValue(Problem.onField("name", "请填写村名"));
        assertThat(VillageRules.nameProblem(null, NONE_TAKEN)).hasValue(Problem.onField("name", "请填写村名"));
    }

    @Test
    void nameAtMost50Characters() {
        assertThat(VillageRules.nameProblem("村".repeat(50), NONE_TAKEN)).isEmpty();
        assertThat(VillageRules.nameProblem("村".repeat(51), NONE_TAKEN))
                .hasValue(Problem.onField("name", "不能超过 50 个字"));
        // Surrounding spaces do not count.
        assertThat(VillageRules.nameProblem(" " + "村".repeat(50) + " ", NONE_TAKEN)).isEmpty();
    }

    @Test
    void nameMustBeUniqueAsThePredicateSays() {
        List<String> asked = new ArrayList<>();
        Predicate<String> taken = name -> {
            asked.add(name);
            return name.equals("大石村");
        };

        assertThat(VillageRules.nameProblem(" 大石村 ", taken))
                .hasValue(Problem.onField("name", "本乡镇已有名为“大石村”的村"));
        assertThat(VillageRules.nameProblem("小石村", taken)).isEmpty();
        assertThat(asked).containsExactly("大石村", "小石村");
    }

    @Test
    void codeIsTwelveDigitsOrEmpty() {
        assertThat(VillageRules.codeProblem("430599101201")).isEmpty();
        assertThat(VillageRules.codeProblem(null)).isEmpty();
        assertThat(VillageRules.codeProblem("")).isEmpty();
        assertThat(VillageRules.codeProblem("   ")).isEmpty();
        assertThat(VillageRules.codeProblem("12345"))
                .hasValue(Problem.onField("statsCode", "村代码应为 12 位数字（统计用区划代码），现为“12345”"));
        assertThat(VillageRules.codeProblem("4305991012011")).isPresent();
        assertThat(VillageRules.codeProblem("43059910120X")).isPresent();
        assertThat(VillageRules.codeProblem("4.30599E+11")).isPresent();
    }

    @Test
    void exitYearOnlyForPovertyVillage() {
        assertThat(VillageRules.exitYearProblem(true, 2019)).isEmpty();
        assertThat(VillageRules.exitYearProblem(true, null)).isEmpty();
        assertThat(VillageRules.exitYearProblem(false, null)).isEmpty();
        assertThat(VillageRules.exitYearProblem(false, 2019))
                .hasValue(Problem.onField("exitYear", "只有贫困村才有出列年度"));
        assertThat(VillageRules.exitYearProblem(true, 1979))
                .hasValue(Problem.onField("exitYear", "年度应在 1980 至 2100 之间"));
        assertThat(VillageRules.exitYearProblem(true, 2101)).isPresent();
    }

    @Test
    void countsMayNotBeNegative() {
        List<Problem> problems = VillageRules.validate(village("大石村", null, false, null, -1, null, List.of()),
                NONE_TAKEN);
        assertThat(problems).containsExactly(Problem.onField("householdCount", "不能是负数"));

        problems = VillageRules.validate(village("大石村", null, false, null, null, -5, List.of()), NONE_TAKEN);
        assertThat(problems).containsExactly(Problem.onField("population", "不能是负数"));
        assertThat(VillageRules.countProblem("householdCount", 0)).isEmpty();
    }

    @Test
    void populationNotBelowHouseholds() {
        assertThat(VillageRules.validate(village("大石村", null, false, null, 300, 299, List.of()), NONE_TAKEN))
                .containsExactly(Problem.onField("population", "人口数不能少于户数"));
        assertThat(VillageRules.validate(village("大石村", null, false, null, 300, 300, List.of()), NONE_TAKEN))
                .isEmpty();
    }

    @Test
    void groupNamesNotBlankNorDuplicated() {
        assertThat(VillageRules.groupsProblem(List.of("一组", "二组"))).isEmpty();
        assertThat(VillageRules.groupsProblem(List.of("一组", " "))).hasValue(
                Problem.onField("groups", "村民小组名称不能为空"));
        assertThat(VillageRules.groupsProblem(List.of("一组", "二组", " 一组"))).hasValue(
                Problem.onField("groups", "村民小组“一组”重复"));
        assertThat(VillageRules.groupsProblem(List.of("组".repeat(51)))).hasValue(
                Problem.onField("groups", "不能超过 50 个字"));
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        List<Problem> problems = VillageRules.validate(
                village("", "123", false, 2019, -1, null, List.of("一组", "一组")), NONE_TAKEN);

        assertThat(problems).extracting(Problem::field)
                .containsExactly("name", "statsCode", "exitYear", "householdCount", "groups");
    }

    @Test
    void noteAtMost1000Characters() {
        Village v = village("大石村", null, false, null, null, null, List.of());
        Village longNote = new Village(null, v.name(), null, null, v.kind(), false, null, null, null,
                "备".repeat(1001), Set.of(), List.of(), 0, null, null);

        assertThat(VillageRules.validate(longNote, NONE_TAKEN)).singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("note");
                    assertThat(p.message()).startsWith("不能超过 1").endsWith("000 个字");
                });
    }

    static Village village(String name, String code, boolean poor, Integer exitYear, Integer households,
                           Integer population, List<String> groups) {
        return new Village(null, name, null, code, VillageKind.VILLAGE, poor, exitYear, households, population,
                null, Set.of(), groups.stream().map(VillageGroup::named).toList(), 0, null, null);
    }
}
