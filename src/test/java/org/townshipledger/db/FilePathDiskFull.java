package org.townshipledger.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system with a switch: while {@link #full} is set, every write to a ledger file fails as it does on a full
 * disk (an IOException "No space left on device", what Linux says for ENOSPC). URLs name it {@code diskfull:}.
 */
public final class FilePathDiskFull extends FilePathWrapper {

    static volatile boolean full;

    static void register() {
        FilePath.register(new FilePathDiskFull());
    }

    @Override
    public String getScheme() {
        return "diskfull";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(super.open(mode));
    }

    private static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        private static void refuseWhenFull() throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            refuseWhenFull();
            return base.write(src, position);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            refuseWhenFull();
            return base.write(src);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            refuseWhenFull();
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
