package io.radnorm.raster.fs;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes one file so that it appears under its name only when complete: readers (and a job that
 * checks for existing outputs to resume) never see a partial file, even if the writer dies.
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.create(uri, conf, true)) {
 *     writeTiff(out.stream());
 *     out.commit();          // the file appears now
 * }                          // without commit (exception): aborted, nothing appears
 * }</pre>
 *
 * <p>How, per target:
 * <ul>
 *   <li>Local paths: a hidden temporary sibling {@code .<name>.radnorm-tmp-<random>}, fsync'ed and
 *       renamed over the target with an atomic move ({@link LocalPendingOutput}).</li>
 *   <li>HDFS and other file systems with a real rename: the same temporary sibling, renamed
 *       (deleting the old target first if {@code overwrite}) ({@link RenamingPendingOutput}).</li>
 *   <li>{@code s3a://}: written directly to the final key. An S3A object becomes visible only when
 *       its stream is closed successfully, and a rename on S3 is a slow, non-atomic copy, so a
 *       temporary object would only cost a copy. Abort uses {@code Abortable.abort()}, which
 *       cancels the upload without publishing ({@link DirectPendingOutput}).</li>
 * </ul>
 *
 * <p>{@link #stream()} is buffered, and closing it only flushes: only {@link #commit()} publishes.
 * A commit after a failed write refuses (and aborts) rather than publish a truncated file.
 * {@link #close()} without a commit aborts: the temporary file is deleted, the S3 upload
 * cancelled, an existing target left untouched. An error creating the output (directory not
 * writable, target exists and {@code overwrite} is false, target is a directory) is an
 * IOException naming the target and the problem, and leaves nothing behind.
 *
 * <p>Not thread-safe: one writer per output.
 */
public final class AtomicOutput implements Closeable {

    private enum State { OPEN, COMMITTED, ABORTED }

    private final String location;
    private final PendingOutput pending;
    private final StagedStream stream;
    private State state = State.OPEN;

    private AtomicOutput(String location, PendingOutput pending) {
        this.location = location;
        this.pending = pending;
        this.stream = new StagedStream(location, pending.stream());
    }

    /**
     * Starts writing {@code uri}.
     *
     * @param conf Hadoop configuration for remote URIs; unused for local paths
     * @param overwrite whether an existing file at {@code uri} may be replaced
     * @throws java.nio.file.FileAlreadyExistsException if it exists and {@code overwrite} is false
     * @throws IOException if the output cannot be created there; the message names {@code uri}
     */
    public static AtomicOutput create(String uri, Configuration conf, boolean overwrite)
            throws IOException {
        Path local = LocalPaths.toLocalPath(uri);
        PendingOutput pending = local != null
                ? LocalPendingOutput.create(uri, local, overwrite)
                : HadoopOutputs.create(uri, conf, overwrite);
        return new AtomicOutput(uri, pending);
    }

    /** The target as the caller named it. */
    public String location() {
        return location;
    }

    /** Where to write the content: buffered; {@code close()} on it only flushes. */
    public OutputStream stream() {
        if (state != State.OPEN) {
            throw new IllegalStateException(location + ": output already " + state.name().toLowerCase());
        }
        return stream;
    }

    /**
     * Appends the whole of a local file, as if written to {@link #stream()}: to a local target by
     * an in-kernel copy, elsewhere through the stream.
     *
     * @param length the file's expected length
     * @throws IOException naming {@code file} if its length is not {@code length}
     */
    public void append(Path file, long length) throws IOException {
        stream(); // the state check
        long size = Files.size(file);
        if (size != length) {
            throw new IOException(file + ": has " + size + " bytes, expected " + length);
        }
        FileChannel channel = pending.fileChannel();
        if (channel != null) {
            stream.transferFrom(file, length, channel);
        } else {
            Files.copy(file, stream);
        }
    }

    /**
     * Makes the written file appear under its final name. On failure the output is aborted and
     * the exception rethrown.
     *
     * @throws IllegalStateException if already committed or aborted
     */
    public void commit() throws IOException {
        if (state != State.OPEN) {
            throw new IllegalStateException(location + ": output already " + state.name().toLowerCase());
        }
        try {
            IOException failed = stream.failure();
            if (failed != null) {
                throw new IOException(location + ": not committed, an earlier write failed: " + failed, failed);
            }
            stream.finish();
            pending.publish();
            state = State.COMMITTED;
        } catch (IOException | RuntimeException | Error e) {
            state = State.ABORTED;
            stream.abandon();
            try {
                pending.discard();
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Whether {@link #commit()} succeeded. */
    public boolean isCommitted() {
        return state == State.COMMITTED;
    }

    /** Aborts unless committed: nothing is published and temporary data is removed. */
    @Override
    public void close() throws IOException {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABORTED;
        stream.abandon();
        pending.discard();
    }

    @Override
    public String toString() {
        return "AtomicOutput[" + pending + ", " + state + "]";
    }
}
