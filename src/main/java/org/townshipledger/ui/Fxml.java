package org.townshipledger.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import org.townshipledger.common.Messages;

/**
 * Loads a view's FXML with the message bundle and a controller built by the caller (with its view model
 * passed to the constructor), so dependencies stay explicit and Scene Builder keeps working.
 */
public final class Fxml {

    private Fxml() {
    }

    public static Parent load(Class<?> owner, String fxmlName, Object controller) {
        URL url = owner.getResource(fxmlName);
        if (url == null) {
            throw new IllegalStateException("FXML not found: " + fxmlName + " next to " + owner.getName());
        }
        FXMLLoader loader = new FXMLLoader(url, Messages.bundle());
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(fxmlName + " wants " + type + ", got " + controller.getClass());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
