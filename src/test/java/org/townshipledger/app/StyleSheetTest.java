package org.townshipledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** The window's style sheet parses cleanly: JavaFX only warns about an error and skips every rule after it. */
class StyleSheetTest {

    @Test
    void appCssHasNoParseErrors() throws Exception {
        URL css = LedgerApp.class.getResource("app.css");
        assertThat(css).isNotNull();
        CssParser.errorsProperty().clear();
        Stylesheet sheet = new CssParser().parse(css);
        List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).toList();
        assertThat(errors).isEmpty();
        assertThat(sheet.getRules()).hasSizeGreaterThan(20);
    }
}
