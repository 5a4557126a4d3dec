package org.townshipledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @BeforeEach
    @AfterEach
    void chinese() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void rowProblemNamesLineAndColumn() {
        assertThat(new Problem(3, "村代码", "不对").describe()).isEqualTo("第 3 行，村代码：不对");
    }

    @Test
    void lineNumbersAreNotGroupedWithCommas() {
        assertThat(new Problem(12345, "村名", "请填写村名").describe()).isEqualTo("第 12345 行，村名：请填写村名");
    }

    @Test
    void fieldProblemWithoutLine() {
        assertThat(Problem.onField("乡镇名称", "必须填写").describe()).isEqualTo("乡镇名称：必须填写");
        assertThat(Problem.onField("", "这个村已不存在").describe()).isEqualTo("这个村已不存在");
    }

    @Test
    void englishWhenAsked() {
        Messages.use(Locale.ENGLISH);

        assertThat(new Problem(1200, "村代码", "bad").describe()).isEqualTo("Line 1200, 村代码: bad");
        assertThat(Messages.get("validation.yearRange", 2000, 2100)).isEqualTo("The year must be between 2000 and 2100");
    }

    @Test
    void yearsAreNotGroupedWithCommas() {
        assertThat(Messages.get("validation.yearRange", 1980, 2100)).isEqualTo("年度应在 1980 至 2100 之间");
        assertThat(Messages.get("village.export.title", "青石镇", 2025)).isEqualTo("青石镇 村情一览（2025 年）");
    }

    @Test
    void invalidInputCarriesEveryProblem() {
        InvalidInputException ex = new InvalidInputException(List.of(
                new Problem(2, "村名", "请填写村名"), new Problem(4, "类型", "类型“乡”无法识别")));

        assertThat(ex.problems()).hasSize(2);
        assertThat(ex.getMessage()).isEqualTo("第 2 行，村名：请填写村名\n第 4 行，类型：类型“乡”无法识别");
    }

    @Test
    void staleRecordMessageNamesTheRecord() {
        assertThat(new StaleRecordException("大石村").getMessage()).startsWith("“大石村”已在别处被修改或删除");
    }

    @Test
    void unknownKeyGivesTheKey() {
        assertThat(Messages.get("no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void languageChoice() {
        assertThat(Messages.choose("en")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.choose("EN_us")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.choose("zh")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Messages.choose("fr")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }
}
