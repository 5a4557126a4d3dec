package org.townshipledger.report;

import com.lowagie.text.pdf.BaseFont;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.townshipledger.common.InvalidInputException;
import org.townshipledger.common.Messages;

/**
 * Finds a TrueType font with Chinese glyphs for PDFs (the CFF Noto fonts make broken subsets in OpenPDF):
 * the setting, then Windows' SimSun / Microsoft YaHei / SimHei, then what fontconfig lists, then known Linux
 * paths. A font must really draw the characters we print.
 */
public final class CjkFont {

    private static final Logger LOG = LoggerFactory.getLogger(CjkFont.class);
    private static final String PROBE = "乡镇帮扶台账第页共√×";
    private static final List<String> LINUX_PATHS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
            "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc,0",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
            "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc,0",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    private static volatile BaseFont found;
    private static volatile String foundAt;

    private CjkFont() {
    }

    /**
     * The font to print with. {@code configured} (a path, with ",0" for the first face of a .ttc) is tried first.
     *
     * @throws InvalidInputException naming what to install, when no usable font is on this computer
     */
    public static synchronized BaseFont get(String configured) {
        if (found != null && (configured == null || configured.isBlank() || configured.equals(foundAt))) {
            return found;
        }
        for (String candidate : candidates(configured)) {
            BaseFont font = tryLoad(candidate);
            if (font != null) {
                found = font;
                foundAt = candidate;
                LOG.info("Printing with the font {}", candidate);
                return font;
            }
        }
        throw new InvalidInputException(Messages.get("report.error.noFont"));
    }

    /**
     * Starts finding the default font on a background thread, for a command that will print: reading a CJK font
     * takes a few tenths of a second, which can pass while the ledger opens. A later {@link #get} waits for it (or
     * finds another when the ledger names one); a failure here is left for that call to report.
     */
    public static void preload() {
        Thread t = new Thread(() -> {
            try {
                get(null);
            } catch (RuntimeException e) {
                LOG.debug("Preloading the font failed: {}", e.getMessage());
            }
        }, "font-preload");
        t.setDaemon(true);
        t.start();
    }

    /** Where the font in use was found, for the About box and the log. */
    public static String location() {
        return foundAt;
    }

    static List<String> candidates(String configured) {
        List<String> list = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            list.add(configured.strip());
        }
        String windir = System.getenv("WINDIR");
        if (windir != null) {
            Path fonts = Path.of(windir, "Fonts");
            list.add(fonts.resolve("simsun.ttc") + ",0");
            list.add(fonts.resolve("msyh.ttc") + ",0");
            list.add(fonts.resolve("simhei.ttf").toString());
        }
        list.addAll(fontconfig());
        list.addAll(LINUX_PATHS);
        return list;
    }

    /** TrueType fonts fontconfig says cover Simplified Chinese (Linux, Kylin, UOS). */
    private static List<String> fontconfig() {
        List<String> paths = new ArrayList<>();
        try {
            Process p = new ProcessBuilder("fc-list", ":lang=zh-cn:fontformat=TrueType", "file")
                    .redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String path = line.strip();
                    if (path.endsWith(":")) {
                        path = path.substring(0, path.length() - 1);
                    }
                    String lower = path.toLowerCase(java.util.Locale.ROOT);
                    if (lower.endsWith(".ttc")) {
                        paths.add(path + ",0");
                    } else if (lower.endsWith(".ttf")) {
                        paths.add(path);
                    }
                }
            }
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (java.io.IOException e) {
            LOG.debug("fc-list not available: {}", e.getMessage());
        } catch (InterruptedException e) {
            LOG.debug("Interrupted while asking fc-list");
        }
        return paths;
    }

    private static BaseFont tryLoad(String candidate) {
        String file = candidate.contains(",") ? candidate.substring(0, candidate.lastIndexOf(',')) : candidate;
        if (!Files.isRegularFile(Path.of(file))) {
            return null;
        }
        try {
            // Read into memory (forceRead): OpenPDF otherwise reads the file a few bytes per system call, which
            // made cutting the subset of used glyphs out of it a tenth of a 10,000-row register's time. Not in
            // OpenPDF's own cache (cached false), so a candidate that lacks our characters does not keep its
            // megabytes: the font chosen is kept here.
            BaseFont font = BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, null, null,
                    false, true);
            for (char c : PROBE.toCharArray()) {
                if (!font.charExists(c)) {
                    return null;
                }
            }
            return font;
        } catch (Exception e) {
            LOG.debug("Font {} cannot be used: {}", candidate, e.getMessage());
            return null;
        }
    }
}
