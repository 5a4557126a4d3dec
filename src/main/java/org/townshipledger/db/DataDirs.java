package org.townshipledger.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where a ledger lives when the user does not say: the platform's per-user data folder. */
public final class DataDirs {

    public static final String ENV_HOME = "TOWNSHIP_LEDGER_HOME";

    private DataDirs() {
    }

    /** {@code --data-dir} first, then {@code TOWNSHIP_LEDGER_HOME}, then the platform default. */
    public static Path resolve(String dataDirOption) {
        return resolve(dataDirOption, System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
    }

    static Path resolve(String option, Map<String, String> env, String osName, String userHome) {
        if (option != null && !option.isBlank()) {
            return Path.of(option).toAbsolutePath().normalize();
        }
        String home = env.get(ENV_HOME);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        return platformDefault(env, osName, userHome);
    }

    static Path platformDefault(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData)
                    : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("TownshipLedger");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "TownshipLedger");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("township-ledger");
    }
}
