package org.townshipledger.ui;

import java.time.LocalDate;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;
import org.townshipledger.common.Messages;
import org.townshipledger.exchange.DateCells;

/** Date pickers that show 2024-03-01 and take what clerks type: 2024/3/1, 2024年3月1日, 20240301. */
public final class DatePickers {

    private DatePickers() {
    }

    public static void iso(DatePicker... pickers) {
        for (DatePicker picker : pickers) {
            picker.setConverter(new StringConverter<>() {
                @Override
                public String toString(LocalDate date) {
                    return DateCells.format(date);
                }

                @Override
                public LocalDate fromString(String text) {
                    return DateCells.parse(text).orElse(null);
                }
            });
            picker.setPromptText(Messages.get("date.prompt"));
        }
    }
}
