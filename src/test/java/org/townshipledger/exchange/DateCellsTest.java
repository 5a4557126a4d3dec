package org.townshipledger.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01", "2024/3/1", "2024.3.1", "2024年3月1日", "2024年03月01日", "2024年3月1",
        "20240301", " 2024-3-1 ", "2024-03-01 00:00:00", "2024/3/1 8:30", "45352", "45352.0", "\u30002024-03-01"})
    void readsTheWaysOfficesWriteADate(String text) {
        assertThat(DateCells.parse(text)).contains(LocalDate.of(2024, 3, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024", "2024-02-30", "20241301", "3/1/2024", "昨天", "2024-3", "123456"})
    void refusesWhatIsNotADay(String text) {
        assertThat(DateCells.parse(text)).isEmpty();
    }
}
