package org.townshipledger.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.townshipledger.common.Messages;
import org.townshipledger.common.Progress;

/**
 * The portable, password-protected backup: the backup zip encrypted with AES-256-GCM, in chunks of 1 MiB so that
 * neither side holds the whole file in memory. Only the JDK's javax.crypto.
 *
 * <pre>
 * header:  "TLBKENC1" | iterations (int) | salt (16) | nonce prefix (8) | password check (32)
 * chunks:  last? (1 byte) | length (int) | AES-GCM(chunk) with IV = prefix | index, AAD = header | index | last?
 * </pre>
 *
 * The key comes from PBKDF2WithHmacSHA256 (salt and iterations in the header): a master secret from which
 * HMAC-SHA256 derives the AES key and a check value, so a wrong password is told apart from a damaged file
 * before anything is decrypted. A chunk moved, dropped, or cut off fails its tag or the last-chunk mark.
 */
final class BackupCrypto {

    static final byte[] MAGIC = "TLBKENC1".getBytes(StandardCharsets.US_ASCII);
    /** Above OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about a second on an office PC (see the report). */
    static final int ITERATIONS = 600_000;
    private static final int MIN_ITERATIONS = 200_000;
    private static final int MAX_ITERATIONS = 50_000_000;
    private static final int CHUNK = 1 << 20;
    private static final int TAG_BITS = 128;
    private static final int HEADER = MAGIC.length + 4 + 16 + 8 + 32;

    private BackupCrypto() {
    }

    /** True when {@code file} starts like an encrypted backup. */
    static boolean isEncrypted(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC.length);
            return Arrays.equals(head, MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /** Encrypts {@code in} (read to its end) into {@code out}. */
    static void encrypt(InputStream in, OutputStream out, char[] password, long total, Progress progress)
            throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] prefix = new byte[8];
        random.nextBytes(salt);
        random.nextBytes(prefix);
        Keys keys = Keys.derive(password, salt, ITERATIONS);
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        header.put(MAGIC).putInt(ITERATIONS).put(salt).put(prefix).put(keys.check);
        byte[] headerBytes = header.array();
        DataOutputStream data = new DataOutputStream(out);
        data.write(headerBytes);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] buffer = new byte[CHUNK];
            int n = in.readNBytes(buffer, 0, CHUNK);
            long done = 0;
            for (int index = 0; ; index++) {
                if (progress.cancelled()) {
                    throw new org.townshipledger.common.CancelledException();
                }
                byte[] next = new byte[CHUNK];
                int m = n == CHUNK ? in.readNBytes(next, 0, CHUNK) : 0;
                boolean last = m == 0;
                cipher.init(Cipher.ENCRYPT_MODE, keys.aes, new GCMParameterSpec(TAG_BITS, iv(prefix, index)));
                cipher.updateAAD(aad(headerBytes, index, last));
                byte[] sealed = cipher.doFinal(buffer, 0, n);
                data.writeByte(last ? 1 : 0);
                data.writeInt(sealed.length);
                data.write(sealed);
                done += n;
                progress.worked(done, total);
                if (last) {
                    break;
                }
                buffer = next;
                n = m;
            }
            data.flush();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Decrypts {@code in} into {@code out}. A wrong password is a {@link WrongPasswordException} before anything is
     * written; a damaged or cut-off file is an {@link IOException}.
     */
    static void decrypt(InputStream in, OutputStream out, char[] password, long total, Progress progress)
            throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] headerBytes = new byte[HEADER];
        try {
            data.readFully(headerBytes);
        } catch (EOFException e) {
            throw new IOException("header cut off", e);
        }
        ByteBuffer header = ByteBuffer.wrap(headerBytes);
        byte[] magic = new byte[MAGIC.length];
        header.get(magic);
        int iterations = header.getInt();
        byte[] salt = new byte[16];
        byte[] prefix = new byte[8];
        byte[] check = new byte[32];
        header.get(salt).get(prefix).get(check);
        if (!Arrays.equals(magic, MAGIC) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IOException("not an encrypted backup");
        }
        Keys keys = Keys.derive(password, salt, iterations);
        if (!MessageDigest.isEqual(check, keys.check)) {
            throw new WrongPasswordException(Messages.get("backup.wrongPassword"));
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            long done = 0;
            for (int index = 0; ; index++) {
                if (progress.cancelled()) {
                    throw new org.townshipledger.common.CancelledException();
                }
                int flag = data.read();
                if (flag < 0) {
                    throw new IOException("cut off before the last chunk");
                }
                int length = data.readInt();
                if ((flag != 0 && flag != 1) || length < TAG_BITS / 8 || length > CHUNK + TAG_BITS / 8) {
                    throw new IOException("bad chunk " + index);
                }
                byte[] sealed = new byte[length];
                data.readFully(sealed);
                boolean last = flag == 1;
                cipher.init(Cipher.DECRYPT_MODE, keys.aes, new GCMParameterSpec(TAG_BITS, iv(prefix, index)));
                cipher.updateAAD(aad(headerBytes, index, last));
                byte[] plain;
                try {
                    plain = cipher.doFinal(sealed);
                } catch (AEADBadTagException e) {
                    throw new IOException("chunk " + index + " damaged", e);
                }
                out.write(plain);
                done += sealed.length;
                progress.worked(done, total);
                if (last) {
                    if (data.read() >= 0) {
                        throw new IOException("data after the last chunk");
                    }
                    break;
                }
            }
            out.flush();
        } catch (EOFException e) {
            throw new IOException("cut off", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] iv(byte[] prefix, int index) {
        return ByteBuffer.allocate(12).put(prefix).putInt(index).array();
    }

    private static byte[] aad(byte[] header, int index, boolean last) {
        return ByteBuffer.allocate(header.length + 5).put(header).putInt(index).put((byte) (last ? 1 : 0)).array();
    }

    /** The AES key and the password check, both from one PBKDF2 run. */
    private record Keys(SecretKeySpec aes, byte[] check) {
        static Keys derive(char[] password, byte[] salt, int iterations) {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            try {
                byte[] master = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(master, "HmacSHA256"));
                byte[] aes = mac.doFinal("township-ledger backup key".getBytes(StandardCharsets.US_ASCII));
                byte[] check = mac.doFinal("township-ledger password check".getBytes(StandardCharsets.US_ASCII));
                Arrays.fill(master, (byte) 0);
                return new Keys(new SecretKeySpec(aes, "AES"), check);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } finally {
                spec.clearPassword();
            }
        }
    }
}
