package io.radnorm.raster.fs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The stream {@link AtomicOutput#stream()} hands out: buffered, and unable to publish anything.
 *
 * <p>Its {@link #close()} only flushes. On S3A the object appears when the underlying stream is
 * closed, so a caller's habitual try-with-resources on the stream would otherwise publish the
 * file before {@link AtomicOutput#commit()} and defeat the abort. It also remembers the first
 * write that failed, so that a commit after a failed write refuses instead of publishing a
 * truncated file.
 */
final class StagedStream extends OutputStream {

    static final int BUFFER_SIZE = 256 * 1024;

    private final String location;
    private final BufferedOutputStream out;
    private IOException failure;
    private boolean finished;

    StagedStream(String location, OutputStream raw) {
        this.location = location;
        this.out = new BufferedOutputStream(raw, BUFFER_SIZE);
    }

    @Override
    public void write(int b) throws IOException {
        ensureWritable();
        try {
            out.write(b);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureWritable();
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void flush() throws IOException {
        if (finished) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw remember(e);
        }
    }

    /** Flushes only: publishing is {@link AtomicOutput#commit()}'s job. */
    @Override
    public void close() throws IOException {
        flush();
    }

    /**
     * Appends {@code length} bytes of {@code file} through {@code channel}, the raw stream's own
     * file channel, after flushing what is buffered: an in-kernel copy (copy_file_range /
     * sendfile) instead of reading the file into the heap and writing it back out.
     */
    void transferFrom(Path file, long length, FileChannel channel) throws IOException {
        ensureWritable();
        try {
            out.flush();
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                long done = 0;
                while (done < length) {
                    long n = in.transferTo(done, length - done, channel);
                    if (n <= 0) {
                        throw new IOException(file + ": ends after " + done + " of " + length + " bytes");
                    }
                    done += n;
                }
            }
        } catch (IOException e) {
            throw remember(e);
        }
    }

    /** The first write or flush failure, or null. */
    IOException failure() {
        return failure;
    }

    /** Flushes the buffer and refuses further writes; the raw stream is left to its owner. */
    void finish() throws IOException {
        flush();
        finished = true;
    }

    /** Refuses further writes without flushing (the output is being thrown away). */
    void abandon() {
        finished = true;
    }

    private void ensureWritable() throws IOException {
        if (finished) {
            throw new IOException(location + ": output already committed or aborted");
        }
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
