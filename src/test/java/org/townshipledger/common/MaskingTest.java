package org.townshipledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void eighteenCharacterIdShowsRegionAndLastFour() {
        assertThat(Masking.idNumber("430523199001011234")).isEqualTo("430523********1234");
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("110105********002X");
    }

    @Test
    void fifteenCharacterIdHidesFive() {
        assertThat(Masking.idNumber("110105491231002")).isEqualTo("110105*****1002");
    }

    @Test
    void shortTextIsHiddenCompletely() {
        assertThat(Masking.idNumber("")).isEmpty();
        assertThat(Masking.idNumber("1")).isEqualTo("*");
        assertThat(Masking.idNumber("123456789")).isEqualTo("*********");
    }

    @Test
    void otherLengthsHideTheMiddleAndKeepTheLength() {
        assertThat(Masking.idNumber("1234567890")).isEqualTo("******7890");
        assertThat(Masking.idNumber("12345678901234")).isEqualTo("**********1234");
        assertThat(Masking.idNumber("1234567890123456")).isEqualTo("123456******3456");
        assertThat(Masking.idNumber("43052319900101123")).isEqualTo("430523*******1123");
        assertThat(Masking.idNumber("4305231990010112345")).isEqualTo("430523*********2345");
        for (int n = 0; n <= 40; n++) {
            String text = "9".repeat(n);
            String masked = Masking.idNumber(text);
            assertThat(masked).as("length %d", n).hasSize(n);
            assertThat(masked.chars().filter(c -> c == '*').count()).as("hidden of %d", n)
                    .isGreaterThanOrEqualTo(Math.min(n, 5));
        }
    }

    @Test
    void nullIsEmpty() {
        assertThat(Masking.idNumber(null)).isEmpty();
        assertThat(Masking.phone(null)).isEmpty();
    }

    @Test
    void mobileShowsFirstThreeAndLastFour() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("19900001111")).isEqualTo("199****1111");
    }

    @Test
    void otherPhoneNumbersAreUnchanged() {
        assertThat(Masking.phone("")).isEmpty();
        assertThat(Masking.phone("0731-84561234")).isEqualTo("0731-84561234");
        assertThat(Masking.phone("073184561234")).isEqualTo("073184561234");
        assertThat(Masking.phone("1381234567")).isEqualTo("1381234567");
        assertThat(Masking.phone("138123456789")).isEqualTo("138123456789");
        assertThat(Masking.phone("23812345678")).isEqualTo("23812345678");
        assertThat(Masking.phone("138 1234 5678")).isEqualTo("138 1234 5678");
        assertThat(Masking.phone("+8613812345678")).isEqualTo("+8613812345678");
    }
}
