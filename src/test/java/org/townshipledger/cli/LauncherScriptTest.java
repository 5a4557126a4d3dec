package org.townshipledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/township-ledger}: the first start makes the class-data archive beside the jar (from {@code warm-up},
 * which leaves the user's ledger alone), later starts map it, and a newer jar gets a new one. The jar is built here
 * from the compiled classes (the test phase runs before {@code package}), with the test class path as its
 * Class-Path, as the packaged jar has target/lib.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherScriptTest {

    @TempDir
    Path dir;

    @Test
    void firstStartMakesTheArchiveLaterStartsMapItAndANewJarRemakesIt() throws Exception {
        Path jar = buildJar(dir.resolve("app/township-ledger.jar"));
        Path archive = dir.resolve("app/township-ledger.jsa");
        Path home = dir.resolve("home");

        Result first = launch(jar, home, Map.of(), "--version");
        assertThat(first.code).isZero();
        assertThat(first.out).contains("乡镇帮扶台账");
        assertThat(first.err).contains("正在为这台电脑准备快速启动").doesNotContain("未完成");
        assertThat(archive).isRegularFile();
        // warm-up ran in a temp folder of its own: no ledger where the user's would be.
        assertThat(home).doesNotExist();
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);

        Path ledger = dir.resolve("ledger");
        Result init = launch(jar, home, Map.of(), "init", "--township", "青石镇", "--county", "示范县", "--year", "2025",
                "--data-dir", ledger.toString());
        assertThat(init.code).as(init.err).isZero();
        // -Xshare:on makes the JVM refuse to start unless it maps the archive.
        Result stats = launch(jar, home, Map.of("TOWNSHIP_LEDGER_JAVA_OPTS", "-Xshare:on"), "stats",
                "--data-dir", ledger.toString());
        assertThat(stats.code).as(stats.err).isZero();
        assertThat(stats.out).contains("villages\t0").contains("households\t0");
        assertThat(stats.err).doesNotContain("准备快速启动");

        FileTime made = Files.getLastModifiedTime(archive);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(made.toMillis() + 60_000));
        Result again = launch(jar, home, Map.of("TOWNSHIP_LEDGER_JAVA_OPTS", "-Xshare:on"), "--version");
        assertThat(again.code).as(again.err).isZero();
        assertThat(again.err).contains("准备快速启动");
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(made);
    }

    @Test
    void aMissingJarIsSaidInChinese() throws Exception {
        Result r = launch(dir.resolve("nowhere/township-ledger.jar"), dir.resolve("home"), Map.of(), "--version");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("找不到 township-ledger.jar");
    }

    private record Result(int code, String out, String err) {
    }

    private Result launch(Path jar, Path home, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", Path.of("bin/township-ledger").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("TOWNSHIP_LEDGER_JAR", jar.toString());
        pb.environment().put("TOWNSHIP_LEDGER_HOME", home.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                new File("/dev/null")));
        Process p = pb.start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** target/classes as a jar whose Class-Path names every other entry of the test class path. */
    private static Path buildJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Path classes = null;
        List<String> libs = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (p.endsWith(Path.of("target", "classes"))) {
                classes = p;
            } else if (Files.isRegularFile(p)) {
                libs.add(p.toUri().toString());
            }
        }
        assertThat(classes).as("target/classes on the class path").isNotNull();
        Path root = classes;
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.townshipledger.app.Launcher");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", libs));
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, manifest);
             Stream<Path> files = Files.walk(root)) {
            // Folders too: Flyway finds db/migration through the class loader, which needs the folder's entry.
            for (Path f : files.filter(f -> !f.equals(root)).sorted().toList()) {
                String name = root.relativize(f).toString().replace(File.separatorChar, '/');
                boolean folder = Files.isDirectory(f);
                out.putNextEntry(new JarEntry(folder ? name + "/" : name));
                if (!folder) {
                    Files.copy(f, out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
