package org.townshipledger.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** CSV files come from Excel, WPS and old systems: BOM → UTF-8, else strict UTF-8, else GB18030. */
public final class TextDecoding {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoding() {
    }

    public static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    /**
     * Opens a text file for reading by the same rules as {@link #decode}, without reading it into memory: one
     * pass checks whether it is strict UTF-8, the reader then decodes it (a BOM is skipped).
     */
    public static Reader open(Path file) throws IOException {
        boolean bom;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        }
        Charset charset = bom || isUtf8(file) ? StandardCharsets.UTF_8 : GB18030;
        InputStream in = Files.newInputStream(file);
        if (bom) {
            in.skipNBytes(3);
        }
        return new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }

    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                boolean end = n < 0;
                if (!end) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                CoderResult r = decoder.decode(bytes, chars, end);
                if (r.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
                if (end) {
                    return !decoder.flush(chars).isError() && bytes.position() == 0;
                }
            }
        }
    }
}
