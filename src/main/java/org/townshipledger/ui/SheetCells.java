package org.townshipledger.ui;

import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A table edited like a spreadsheet: cells are chosen one at a time; typing into a chosen cell (or Enter, or F2)
 * starts editing it; while editing, Tab goes to the next editable cell to the right (Shift+Tab left, on to the next
 * line at the end), Enter to the same column one line down, Esc puts back what was there. Text cells write into
 * the line's property as the user types, so what depends on them (a proposal, a total) follows each key.
 */
public final class SheetCells {

    private static final String PENDING = SheetCells.class.getName() + ".pending";
    private static final String EDITOR = SheetCells.class.getName() + ".editor";

    private SheetCells() {
    }

    /** Cell selection, typing starts editing, Enter/F2 edit the chosen cell. */
    public static <S> void install(TableView<S> table) {
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // Tab, Enter or Esc pressed quickly after the edit began may reach the table before its editor has the
            // focus: they go to the editor, which moves on (or puts back) as it would have.
            if (table.getEditingCell() != null && e.getTarget() == table
                    && (e.getCode() == KeyCode.TAB || e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.ESCAPE)
                    && table.getProperties().get(EDITOR) instanceof javafx.scene.Node editor
                    && editor.getScene() != null) {
                e.consume();
                editor.requestFocus();
                editor.fireEvent(e.copyFor(editor, editor));
                return;
            }
            if (table.getEditingCell() != null || !table.isEditable() || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            TablePosition<S, ?> at = table.getFocusModel().getFocusedCell();
            if (at == null || at.getRow() < 0 || at.getTableColumn() == null || !at.getTableColumn().isEditable()) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F2) {
                table.edit(at.getRow(), at.getTableColumn());
                e.consume();
            }
        });
        table.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (ch == null || ch.isEmpty() || Character.isISOControl(ch.charAt(0)) || e.isShortcutDown()
                    || e.isAltDown() || e.isControlDown()) {
                return;
            }
            // Keys typed quickly after the first may reach the table before its editor has the focus.
            if (table.getEditingCell() != null && table.getProperties().get(EDITOR) instanceof TextField field
                    && field.getScene() != null && e.getTarget() != field) {
                field.insertText(field.getCaretPosition(), ch);
                field.requestFocus();
                e.consume();
                return;
            }
            if (table.getEditingCell() != null && e.getTarget() == table
                    && table.getProperties().get(EDITOR) instanceof javafx.scene.control.ComboBox<?> box
                    && box.getScene() != null) {
                e.consume();
                box.requestFocus();
                box.fireEvent(e.copyFor(box, box)); // picks, as typed on the choice
                return;
            }
            if (table.getEditingCell() != null || !table.isEditable() || ch.equals(" ")) {
                return;
            }
            TablePosition<S, ?> at = table.getFocusModel().getFocusedCell();
            if (at == null || at.getRow() < 0 || at.getTableColumn() == null || !at.getTableColumn().isEditable()) {
                return;
            }
            table.getProperties().put(PENDING, ch);
            table.edit(at.getRow(), at.getTableColumn());
            if (table.getEditingCell() == null) {
                table.getProperties().remove(PENDING);
            }
            e.consume();
        });
    }

    /** A text cell bound to a property of the line (the column's value must be that same property). */
    public static <S> void text(TableColumn<S, String> column, Function<S, StringProperty> property) {
        column.setCellValueFactory(c -> property.apply(c.getValue()));
        column.setCellFactory(c -> new TextCell<>(property));
    }

    /** Moves editing to the next (or previous) editable cell, on to the next line after the last one. */
    public static <S> void editNext(TableView<S> table, int row, TableColumn<S, ?> from, boolean back) {
        List<TableColumn<S, ?>> columns = table.getVisibleLeafColumns().stream()
                .filter(TableColumn::isEditable).toList();
        int i = columns.indexOf(from);
        int r = row;
        int next = i + (back ? -1 : 1);
        if (next >= columns.size()) {
            next = 0;
            r++;
        } else if (next < 0) {
            next = columns.size() - 1;
            r--;
        }
        edit(table, r, columns.isEmpty() ? null : columns.get(next));
    }

    /** Edits the cell at {@code row}, {@code column} once the current edit has ended (nothing when out of range). */
    public static <S> void edit(TableView<S> table, int row, TableColumn<S, ?> column) {
        Platform.runLater(() -> {
            if (column == null || row < 0 || row >= table.getItems().size()) {
                return;
            }
            table.getSelectionModel().clearAndSelect(row, column);
            table.getFocusModel().focus(row, column);
            table.scrollTo(Math.max(0, row - 3));
            table.edit(row, column);
        });
    }

    /**
     * Gives the editor the keys, now and once more after the pulse: a cell that starts editing while its table lays
     * out a new line (Ctrl+N) may not be in the window yet, and its editor's focus request would be lost, leaving the
     * keys with the table.
     */
    static void focus(TableCell<?, ?> cell, javafx.scene.Node editor) {
        editor.requestFocus();
        Platform.runLater(() -> {
            if (cell.isEditing() && cell.getGraphic() == editor && editor.getScene() != null
                    && editor.getScene().getFocusOwner() != editor && !editor.isFocused()) {
                editor.requestFocus();
            }
        });
    }

    /** Moves between cells on Tab / Shift+Tab / Enter while a cell's own editor has the keys. */
    static <S> boolean moveOn(TableCell<S, ?> cell, KeyEvent e) {
        TableView<S> table = cell.getTableView();
        int row = cell.getIndex();
        @SuppressWarnings("unchecked")
        TableColumn<S, ?> column = (TableColumn<S, ?>) cell.getTableColumn();
        if (e.getCode() == KeyCode.TAB) {
            editNext(table, row, column, e.isShiftDown());
            return true;
        }
        if (e.getCode() == KeyCode.ENTER) {
            if (row + 1 < table.getItems().size()) {
                edit(table, row + 1, column);
            } else {
                Platform.runLater(() -> {
                    table.getSelectionModel().clearAndSelect(row, column);
                    table.requestFocus();
                });
            }
            return true;
        }
        return false;
    }

    /** A cell showing a text property and editing it in a text field, live. */
    static final class TextCell<S> extends TableCell<S, String> {

        private final Function<S, StringProperty> property;
        private TextField field;
        private String before;

        TextCell(Function<S, StringProperty> property) {
            this.property = property;
        }

        private StringProperty target() {
            S line = getTableRow() == null ? null : getTableRow().getItem();
            return line == null ? null : property.apply(line);
        }

        @Override
        public void startEdit() {
            if (!isEditable() || !getTableView().isEditable() || !getTableColumn().isEditable()) {
                return;
            }
            super.startEdit();
            if (!isEditing()) {
                return;
            }
            StringProperty p = target();
            before = getItem() == null ? "" : getItem();
            Object pending = getTableView().getProperties().remove(PENDING);
            field = new TextField(pending != null ? pending.toString() : before);
            getTableView().getProperties().put(EDITOR, field);
            field.textProperty().addListener((obs, old, v) -> {
                if (isEditing() && p != null) {
                    p.set(v);
                }
            });
            if (pending != null && p != null) {
                p.set(pending.toString());
            }
            field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    if (p != null) {
                        p.set(before);
                    }
                    cancelEdit();
                    getTableView().requestFocus();
                    e.consume();
                } else if (e.getCode() == KeyCode.TAB || e.getCode() == KeyCode.ENTER) {
                    commitEdit(field.getText());
                    moveOn(this, e);
                    e.consume();
                }
            });
            field.focusedProperty().addListener((obs, had, has) -> {
                if (!has && isEditing()) {
                    commitEdit(field.getText());
                }
            });
            setText(null);
            setGraphic(field);
            focus(this, field);
            if (pending != null) {
                field.end();
            } else {
                field.selectAll();
            }
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            getTableView().getProperties().remove(EDITOR, field);
            setGraphic(null);
            setText(getItem());
        }

        @Override
        public void commitEdit(String value) {
            StringProperty p = target();
            if (p != null) {
                p.set(value); // written here too: the table may have dropped the edit when focus left
            }
            super.commitEdit(value);
            getTableView().getProperties().remove(EDITOR, field);
            setGraphic(null);
            setText(value);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty) {
                setText(null);
                setGraphic(null);
            } else if (isEditing() && field != null) {
                setText(null);
                setGraphic(field);
            } else {
                setText(item);
                setGraphic(null);
            }
        }
    }

    /**
     * A cell choosing one of {@code items} from a list while editing. Choosing commits (the column's
     * {@code onEditCommit} decides what to do with it); Tab and Enter commit the shown choice and move on. A key typed
     * on the chosen cell starts editing with the first choice whose label (or value) starts with it.
     */
    public static <S, T> void choice(TableColumn<S, T> column, List<T> items, Function<T, String> label) {
        column.setCellFactory(c -> new ChoiceCell<>(items, label));
    }

    static final class ChoiceCell<S, T> extends TableCell<S, T> {

        private final List<T> items;
        private final Function<T, String> label;
        private javafx.scene.control.ComboBox<T> box;

        ChoiceCell(List<T> items, Function<T, String> label) {
            this.items = items;
            this.label = label;
        }

        @Override
        public void startEdit() {
            if (!isEditable() || !getTableView().isEditable() || !getTableColumn().isEditable()) {
                return;
            }
            super.startEdit();
            if (!isEditing()) {
                return;
            }
            Object pending = getTableView().getProperties().remove(PENDING);
            box = new javafx.scene.control.ComboBox<>(javafx.collections.FXCollections.observableArrayList(items));
            box.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(T t) {
                    return label.apply(t);
                }

                @Override
                public T fromString(String s) {
                    return null;
                }
            });
            box.setValue(getItem());
            // A key typed on the chosen cell, or while choosing, picks the first choice its label (or value: 4 for
            // ★★★★) starts with; Enter or Tab then takes it.
            if (pending instanceof String typed) {
                pick(typed);
            }
            box.addEventFilter(KeyEvent.KEY_TYPED, e -> {
                String ch = e.getCharacter();
                if (!box.isShowing() && ch != null && !ch.isEmpty() && !Character.isISOControl(ch.charAt(0))
                        && !e.isShortcutDown() && !e.isAltDown()) {
                    pick(ch);
                    e.consume();
                }
            });
            box.setMaxWidth(Double.MAX_VALUE);
            box.setOnHidden(e -> {
                if (isEditing()) {
                    T v = box.getValue();
                    Platform.runLater(() -> {
                        if (isEditing()) {
                            commitEdit(v);
                        }
                    });
                }
            });
            box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (box.isShowing()) {
                    return;
                }
                if (e.getCode() == KeyCode.ESCAPE) {
                    cancelEdit();
                    getTableView().requestFocus();
                    e.consume();
                } else if (e.getCode() == KeyCode.TAB || e.getCode() == KeyCode.ENTER) {
                    commitEdit(box.getValue());
                    moveOn(this, e);
                    e.consume();
                }
            });
            getTableView().getProperties().put(EDITOR, box);
            setText(null);
            setGraphic(box);
            focus(this, box);
        }

        private void pick(String typed) {
            if (!typed.isBlank()) {
                items.stream().filter(t -> t != null && (startsWith(label.apply(t), typed)
                        || startsWith(String.valueOf(t), typed))).findFirst().ifPresent(box::setValue);
            }
        }

        private static boolean startsWith(String text, String typed) {
            java.util.Locale root = java.util.Locale.ROOT;
            return text != null && text.toLowerCase(root).startsWith(typed.toLowerCase(root));
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            getTableView().getProperties().remove(EDITOR, box);
            show(getItem());
        }

        @Override
        public void commitEdit(T value) {
            super.commitEdit(value);
            getTableView().getProperties().remove(EDITOR, box);
            show(getItem());
        }

        private void show(T item) {
            setGraphic(null);
            setText(item == null ? "" : label.apply(item));
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            if (empty) {
                setText(null);
                setGraphic(null);
            } else if (isEditing() && box != null) {
                setText(null);
                setGraphic(box);
            } else {
                show(item);
            }
        }
    }
}
