package org.townshipledger.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The cell parsers, the quick paths for the common cells included (they must read exactly as the patterns do). */
class CellValuesTest {

    @Test
    void integersAsOfficesTypeThem() {
        assertThat(CellValues.integer("2019")).contains(2019);
        assertThat(CellValues.integer("２０１９")).contains(2019);
        assertThat(CellValues.integer("2019.0")).contains(2019);
        assertThat(CellValues.integer("2019.000年")).contains(2019);
        assertThat(CellValues.integer("+2019")).contains(2019);
        assertThat(CellValues.integer("-7")).contains(-7);
        assertThat(CellValues.integer("2019.5")).isEmpty();
        assertThat(CellValues.integer("1234567890")).isEmpty();
        assertThat(CellValues.integer("")).isEmpty();
    }

    @Test
    void amounts() {
        assertThat(CellValues.decimal("8,650.50")).contains(new BigDecimal("8650.50"));
        assertThat(CellValues.decimal("８６５０.５元")).contains(new BigDecimal("8650.5"));
        assertThat(CellValues.decimal("￥12")).contains(new BigDecimal("12"));
        assertThat(CellValues.decimal("1.2E3")).contains(new BigDecimal("1.2E3"));
        assertThat(CellValues.decimal("十二")).isEmpty();
    }

    @Test
    void datesInEveryLayoutAndImpossibleOnesRefused() {
        assertThat(CellValues.date("1970-03-05")).contains(LocalDate.of(1970, 3, 5));
        assertThat(CellValues.date("1970-02-30")).isEmpty();
        assertThat(CellValues.date("1970-13-01")).isEmpty();
        assertThat(CellValues.date("2000-02-29")).contains(LocalDate.of(2000, 2, 29));
        assertThat(CellValues.date("1970-3-5")).contains(LocalDate.of(1970, 3, 5));
        assertThat(CellValues.date("1970/03/05")).contains(LocalDate.of(1970, 3, 5));
        assertThat(CellValues.date("1970年3月5日")).contains(LocalDate.of(1970, 3, 5));
        assertThat(CellValues.date("19700305")).contains(LocalDate.of(1970, 3, 5));
        assertThat(CellValues.date("1970-03-05 08:30")).contains(LocalDate.of(1970, 3, 5));
        assertThat(CellValues.date("25632")).contains(LocalDate.of(1970, 3, 5));
        assertThat(CellValues.date("1970-03-0x")).isEmpty();
        assertThat(CellValues.date("")).isEmpty();
    }
}
