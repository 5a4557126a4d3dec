package org.townshipledger.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Ctrl+C on a table copies the selected rows as tab-separated text (a header line, then one line per row), which
 * Excel and WPS paste into cells. What is copied is what the columns show (ID numbers stay masked).
 */
public final class TableCopy {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private TableCopy() {
    }

    public static void install(TableView<?> table) {
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e) && !table.getSelectionModel().getSelectedItems().isEmpty()) {
                ClipboardContent content = new ClipboardContent();
                content.putString(text(table));
                Clipboard.getSystemClipboard().setContent(content);
                e.consume();
            }
        });
    }

    /** The selected rows of {@code table} (in table order) as tab-separated lines, with the visible headers first. */
    public static <T> String text(TableView<T> table) {
        List<TableColumn<T, ?>> columns = new ArrayList<>(table.getVisibleLeafColumns());
        StringBuilder out = new StringBuilder();
        line(out, columns.stream().map(TableColumn::getText).toList());
        List<Integer> rows = new ArrayList<>(table.getSelectionModel().getSelectedIndices());
        rows.sort(Integer::compare);
        for (int i : rows) {
            if (i < 0 || i >= table.getItems().size()) {
                continue;
            }
            T item = table.getItems().get(i);
            List<String> cells = new ArrayList<>(columns.size());
            for (TableColumn<T, ?> c : columns) {
                Object v = c.getCellData(item);
                cells.add(v == null ? "" : v.toString());
            }
            line(out, cells);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            out.append(cell.replace('\t', ' ').replace('\r', ' ').replace('\n', ' '));
        }
        out.append(System.lineSeparator());
    }
}
