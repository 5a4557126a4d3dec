package org.townshipledger.cli;

/** Opens the window; the CLI calls it when no command is given. Keeps JavaFX out of the CLI's class graph. */
@FunctionalInterface
public interface GuiStarter {
    void start(String dataDirOption, String lang);
}
