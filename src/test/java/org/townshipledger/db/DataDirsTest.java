package org.townshipledger.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirsTest {

    private static final String HOME = Path.of("/home/li").toAbsolutePath().toString();

    @Test
    void optionWinsOverEnvironmentAndPlatform() {
        Path option = Path.of("ledgers", "..", "my-ledger");
        Path resolved = DataDirs.resolve(option.toString(), Map.of(DataDirs.ENV_HOME, "/srv/ledger"), "Linux", HOME);

        assertThat(resolved).isEqualTo(Path.of("my-ledger").toAbsolutePath().normalize());
        assertThat(resolved).isAbsolute();
    }

    @Test
    void environmentWinsOverPlatformDefault() {
        Path env = Path.of("/srv/township/../ledger").toAbsolutePath();

        assertThat(DataDirs.resolve(null, Map.of(DataDirs.ENV_HOME, env.toString()), "Windows 10", HOME))
                .isEqualTo(env.normalize());
        assertThat(DataDirs.resolve("  ", Map.of(DataDirs.ENV_HOME, env.toString()), "Linux", HOME))
                .isEqualTo(env.normalize());
    }

    @Test
    void blankEnvironmentFallsBackToPlatformDefault() {
        assertThat(DataDirs.resolve(null, Map.of(DataDirs.ENV_HOME, " "), "Linux", HOME))
                .isEqualTo(Path.of(HOME, ".local", "share", "township-ledger"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(DataDirs.resolve(null, Map.of("APPDATA", "C:\\Users\\li\\AppData\\Roaming"), "Windows 11", HOME))
                .isEqualTo(Path.of("C:\\Users\\li\\AppData\\Roaming").resolve("TownshipLedger"));
        assertThat(DataDirs.resolve(null, Map.of(), "Windows 10", HOME))
                .isEqualTo(Path.of(HOME, "AppData", "Roaming", "TownshipLedger"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(DataDirs.resolve(null, Map.of(), "Mac OS X", HOME))
                .isEqualTo(Path.of(HOME, "Library", "Application Support", "TownshipLedger"));
    }

    @Test
    void linuxAndKylinUseXdgDataHome() {
        assertThat(DataDirs.resolve(null, Map.of("XDG_DATA_HOME", "/data/li"), "Linux", HOME))
                .isEqualTo(Path.of("/data/li", "township-ledger"));
        assertThat(DataDirs.resolve(null, Map.of(), "Linux", HOME))
                .isEqualTo(Path.of(HOME, ".local", "share", "township-ledger"));
    }
}
