package org.townshipledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinTest {

    @Test
    void initialsOfChineseNames() {
        assertThat(Pinyin.initials("大石村")).isEqualTo("dsc");
        assertThat(Pinyin.initials("龙泉村")).isEqualTo("lqc");
        assertThat(Pinyin.initials("王家湾社区")).isEqualTo("wjwsq");
    }

    @Test
    void digitsAndLatinLettersAreKeptLowerCased() {
        assertThat(Pinyin.initials("3组")).isEqualTo("3z");
        assertThat(Pinyin.initials("A区12号")).isEqualTo("aq12h");
        assertThat(Pinyin.initials("ABC")).isEqualTo("abc");
    }

    @Test
    void punctuationAndSpacesAreDropped() {
        assertThat(Pinyin.initials("大石村（一组）")).isEqualTo("dscyz");
        assertThat(Pinyin.initials(" 大 石\u3000村 ")).isEqualTo("dsc");
    }

    @Test
    void nullAndEmptyGiveEmpty() {
        assertThat(Pinyin.initials(null)).isEmpty();
        assertThat(Pinyin.initials("")).isEmpty();
    }

    @Test
    void matchesByPartOfName() {
        assertThat(Pinyin.matches("大石村", "dsc", "石村")).isTrue();
        assertThat(Pinyin.matches("大石村", "dsc", "大")).isTrue();
        assertThat(Pinyin.matches("大石村", "dsc", "龙")).isFalse();
    }

    @Test
    void matchesByInitialsCaseInsensitively() {
        assertThat(Pinyin.matches("大石村", "dsc", "ds")).isTrue();
        assertThat(Pinyin.matches("大石村", "dsc", "DSC")).isTrue();
        assertThat(Pinyin.matches("大石村", "dsc", " Sc ")).isTrue();
        assertThat(Pinyin.matches("大石村", "dsc", "lq")).isFalse();
        assertThat(Pinyin.matches("Baiyun Community", "baiyunc", "BAIYUN")).isTrue();
    }

    @Test
    void emptyQueryMatchesEverything() {
        assertThat(Pinyin.matches("大石村", "dsc", "")).isTrue();
        assertThat(Pinyin.matches("大石村", "dsc", "  ")).isTrue();
        assertThat(Pinyin.matches("大石村", "dsc", null)).isTrue();
    }
}
