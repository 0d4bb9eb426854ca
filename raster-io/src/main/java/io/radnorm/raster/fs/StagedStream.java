package io.radnorm.raster.fs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

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
