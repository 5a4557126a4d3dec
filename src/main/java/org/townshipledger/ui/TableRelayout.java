package org.townshipledger.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Skin;
import javafx.scene.control.TableView;

/**
 * Works around a JavaFX 21 layout loss that left the 格次统计 screen's laggards table showing its empty-list text on
 * the first visit although it had rows.
 *
 * <p>When a table is first filled and its columns are wider than the table (a horizontal scroll bar), the
 * {@code VirtualFlow} that draws the rows resizes the new rows while it lays them out; a row that grows asks its
 * parents for another layout, and the request reaches the flow while the TableView is still in its own layout pass.
 * {@code Parent.requestParentLayout} drops a request to a parent that is performing layout, so the flow stays marked
 * "needs layout" under a table marked clean, and nothing lays it out until something else (a click, showing the screen
 * again) asks the table for a layout. This guard watches the flow: when it is left waiting under a clean table after
 * the pulse, it asks the table for the layout that was lost.
 */
public final class TableRelayout {

    private TableRelayout() {
    }

    public static void install(TableView<?> table) {
        if (table.getSkin() != null) {
            watch(table, table.getSkin());
        }
        table.skinProperty().addListener((obs, old, skin) -> watch(table, skin));
    }

    private static void watch(TableView<?> table, Skin<?> skin) {
        if (skin == null) {
            return;
        }
        Node node = table.lookup(".virtual-flow");
        if (!(node instanceof Parent flow) || flow.getProperties().containsKey(TableRelayout.class)) {
            return;
        }
        flow.getProperties().put(TableRelayout.class, Boolean.TRUE);
        flow.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (needs) {
                // After the pulse under way: a request that reached the table is done by then, a lost one is not.
                Platform.runLater(() -> {
                    if (flow.isNeedsLayout() && !table.isNeedsLayout()) {
                        table.requestLayout();
                    }
                });
            }
        });
    }
}
