package io.radnorm.raster.fs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * A {@link RangeReader} over a local file, using {@link FileChannel#read(ByteBuffer, long)}.
 *
 * <p>Positioned channel reads ({@code pread}) do not move a shared file pointer, so any number of
 * threads read one channel concurrently without locking, and there is no Hadoop layer
 * (checksums, buffers) between the codec and the page cache.
 *
 * <p>One hazard of NIO channels: a thread that is interrupted while in a channel read closes the
 * channel <em>for every thread</em> ({@link ClosedByInterruptException}). Spark interrupts task
 * threads on cancellation, so one cancelled task must not break reads of the other tasks sharing
 * this reader: the interrupted thread gets an {@link InterruptedIOException}, and the other
 * threads reopen the channel and go on. A reopen checks that the path still names the same file
 * (same file key and size); a file replaced in the meantime fails the read instead of silently
 * mixing bytes of two files.
 */
public final class LocalRangeReader implements RangeReader {

    /** Reopens after an interrupt-close by another thread; more in a row means something else. */
    private static final int MAX_REOPENS = 3;

    private final String location;
    private final Path path;
    private final long length;
    private final Object fileKey;
    private volatile FileChannel channel;
    private volatile boolean closed;

    private LocalRangeReader(String location, Path path, FileChannel channel, long length,
            Object fileKey) {
        this.location = location;
        this.path = path;
        this.channel = channel;
        this.length = length;
        this.fileKey = fileKey;
    }

    /**
     * Opens {@code path}; {@code location} is how the caller named it (kept for messages).
     *
     * @throws FileNotFoundException "&lt;location&gt;: no such file" if it does not exist
     */
    public static LocalRangeReader open(Path path, String location) throws IOException {
        Objects.requireNonNull(location, "location");
        if (Files.isDirectory(path)) {
            throw new FileNotFoundException(location + ": is a directory, not a file");
        }
        FileChannel ch = openChannel(path, location);
        try {
            return new LocalRangeReader(location, path, ch, ch.size(), fileKey(path));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Opens a plain local path, naming it by itself in messages. */
    public static LocalRangeReader open(Path path) throws IOException {
        return open(path, path.toString());
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void readFully(long position, byte[] buf, int off, int len) throws IOException {
        ReadRanges.check(location, length, position, buf, off, len);
        ByteBuffer target = ByteBuffer.wrap(buf, off, len);
        long pos = position;
        while (target.hasRemaining()) {
            int n = readOnce(target, pos);
            if (n < 0) {
                // The file shrank after it was opened.
                throw ReadRanges.pastEnd(location, length, position, len);
            }
            pos += n;
        }
    }

    private int readOnce(ByteBuffer target, long pos) throws IOException {
        for (int reopens = 0; ; reopens++) {
            FileChannel ch = channel;
            try {
                return ch.read(target, pos);
            } catch (ClosedByInterruptException e) {
                throw interrupted(e);
            } catch (ClosedChannelException e) {
                if (closed) {
                    throw new IOException(location + ": reader is closed", e);
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw interrupted(e);
                }
                if (reopens >= MAX_REOPENS) {
                    throw new IOException(location + ": channel keeps being closed", e);
                }
                reopen(ch);
            }
        }
    }

    /** Replaces {@code stale} (closed by another thread's interrupt) unless someone already did. */
    private synchronized void reopen(FileChannel stale) throws IOException {
        if (closed) {
            throw new IOException(location + ": reader is closed");
        }
        if (channel != stale) {
            return;
        }
        FileChannel fresh = openChannel(path, location);
        try {
            Object key = fileKey(path);
            if (!Objects.equals(key, fileKey) || fresh.size() != length) {
                throw new IOException(location + ": file was replaced while it was being read");
            }
        } catch (IOException | RuntimeException e) {
            fresh.close();
            throw e;
        }
        channel = fresh;
    }

    private InterruptedIOException interrupted(IOException cause) {
        InterruptedIOException e = new InterruptedIOException(location + ": read interrupted");
        e.initCause(cause);
        return e;
    }

    private static FileChannel openChannel(Path path, String location) throws IOException {
        try {
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            FileNotFoundException fnf = new FileNotFoundException(location + ": no such file");
            fnf.initCause(e);
            throw fnf;
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(location, null, "permission denied");
        }
    }

    private static Object fileKey(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        channel.close();
    }

    @Override
    public String toString() {
        return "LocalRangeReader[" + location + ", " + length + " bytes]";
    }
}
