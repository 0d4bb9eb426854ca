package io.radnorm.raster.fs;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.statistics.IOStatistics;
import org.apache.hadoop.fs.statistics.IOStatisticsSnapshot;
import org.apache.hadoop.fs.statistics.IOStatisticsSource;
import org.apache.hadoop.fs.statistics.IOStatisticsSupport;
import org.apache.hadoop.util.functional.FutureIO;

/**
 * A {@link RangeReader} over any Hadoop {@link FileSystem} (HDFS, S3A, ABFS, GCS, ...).
 *
 * <p>Streams are opened with {@link FileSystem#openFile} and two <em>optional</em> hints, so file
 * systems that do not know a key simply ignore it:
 * <ul>
 *   <li>{@value #READ_POLICY} = random (Hadoop 3.3.5+ standard name), and</li>
 *   <li>{@value #S3A_FADVISE} = random (the S3A name, also understood by 3.3.4).</li>
 * </ul>
 * With the random policy S3A fetches each read as a bounded range GET
 * ({@code max(len, fs.s3a.readahead.range)} bytes) instead of a GET to the end of the object, which
 * it would then abort or drain on the next seek: a COG window read costs a few small requests, not
 * a download of the object. The {@link FileStatus} found when opening is passed along
 * ({@code withFileStatus}), so no stream open repeats the HEAD request.
 *
 * <p>Reads use {@link FSDataInputStream#readFully(long, byte[], int, int)} on a {@link StreamPool}
 * of up to {@value #MAX_STREAMS} streams, because S3A serializes positioned reads on one stream.
 * Transient failures are retried by {@link RetryPolicy#DEFAULT} on a reopened stream, above the
 * retries of the file system itself (S3A: {@code fs.s3a.attempts.maximum} in the AWS SDK, then
 * {@code fs.s3a.retry.limit}/{@code .interval} for connection failures and
 * {@code fs.s3a.retry.throttle.limit}/{@code .interval} for 503 SlowDown). Transient here includes a
 * <em>short read</em>: the stream ending before a range that lies inside the length seen at opening
 * (a response body cut off, or a well-formed but short one), which S3A reports as an
 * {@link EOFException} and does not retry. Permanent failures (403, 404) are not retried; every
 * failure that reaches the caller is one message naming the object.
 *
 * <p>{@link #getIOStatistics()} adds up the I/O statistics of the streams this reader has closed
 * (for S3A: {@code action_http_get_request}, {@code stream_read_bytes}, ...), so a benchmark or
 * test can see what one reader cost, which the file system's totals (shared by all its users)
 * cannot tell.
 *
 * <p>The file system is a shared cached instance and is not closed with the reader, unless its
 * cache is disabled (see {@link FileSystemLease}).
 */
public final class HadoopRangeReader implements RangeReader, IOStatisticsSource {

    /** Hadoop's standard open option for the read policy (3.3.5+). */
    static final String READ_POLICY = "fs.option.openfile.read.policy";
    /** S3A's own name for the read policy, the one Hadoop 3.3.4 understands. */
    static final String S3A_FADVISE = "fs.s3a.experimental.input.fadvise";
    /** Streams open at once per reader: each may hold one HTTP connection of the shared pool. */
    static final int MAX_STREAMS = 4;

    private final String location;
    private final FileSystemLease lease;
    private final FileStatus status;
    private final StreamPool<FSDataInputStream> pool;
    private final RetryPolicy retry;
    private final IOStatisticsSnapshot closedStreamStatistics = new IOStatisticsSnapshot();
    private volatile boolean closed;

    private HadoopRangeReader(String location, FileSystemLease lease, FileStatus status) {
        this.location = location;
        this.lease = lease;
        this.status = status;
        this.pool = new StreamPool<>(location, MAX_STREAMS, this::openStream, this::closeStream);
        this.retry = RetryPolicy.DEFAULT.onlyWhile(e -> !closed);
    }

    /**
     * Opens {@code uri} on the file system its scheme names under {@code conf}.
     *
     * @throws FileNotFoundException "&lt;uri&gt;: no such file" if there is no such file
     */
    public static HadoopRangeReader open(String uri, Configuration conf) throws IOException {
        Path path = new Path(uri);
        FileSystemLease lease = FileSystemLease.of(path, conf);
        try {
            return new HadoopRangeReader(uri, lease, HadoopFiles.fileStatus(lease.fs(), path, uri));
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /**
     * Opens {@code uri} on a file system the caller already holds (and keeps ownership of).
     *
     * @throws FileNotFoundException "&lt;uri&gt;: no such file" if there is no such file
     */
    public static HadoopRangeReader open(FileSystem fs, String uri) throws IOException {
        Objects.requireNonNull(fs, "fs");
        Path path = fs.makeQualified(new Path(uri));
        return new HadoopRangeReader(uri, new FileSystemLease(fs, false),
                HadoopFiles.fileStatus(fs, path, uri));
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public long length() {
        return status.getLen();
    }

    /** The file's identity as of opening, e.g. as a cache key. */
    public FileIdentity identity() {
        return FileIdentity.of(status);
    }

    @Override
    public void readFully(long position, byte[] buf, int off, int len) throws IOException {
        ReadRanges.check(location, length(), position, buf, off, len);
        if (len == 0) {
            return;
        }
        String what = ReadRanges.describe(location, position, len);
        try {
            retry.call(what, () -> {
                readOnce(position, buf, off, len);
                return null;
            });
        } catch (FileNotFoundException e) {
            FileNotFoundException fnf = new FileNotFoundException(location + ": no such file (deleted after it was opened?)");
            fnf.initCause(e);
            throw fnf;
        } catch (java.nio.file.AccessDeniedException e) {
            throw HadoopFiles.accessDenied(location, e);
        }
    }

    private void readOnce(long position, byte[] buf, int off, int len) throws IOException {
        FSDataInputStream in = pool.acquire();
        boolean healthy = false;
        try {
            in.readFully(position, buf, off, len);
            healthy = true;
        } catch (EOFException e) {
            // The range lies inside the length seen at opening (checked above), so the response
            // ended early: a body cut short by the server or a proxy. Retried on a fresh stream;
            // an object that really shrank fails the same way every time and gives up.
            throw new ShortRead(ReadRanges.describe(location, position, len)
                    + ": the response ended early (fewer bytes than asked; object shorter than "
                    + length() + " bytes now?)", e);
        } finally {
            if (healthy) {
                pool.release(in);
            } else {
                pool.discard(in);
            }
        }
    }

    /** A read that ended before its range did, inside the object's known length: transient. */
    static final class ShortRead extends IOException {
        private static final long serialVersionUID = 1L;

        ShortRead(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private FSDataInputStream openStream() throws IOException {
        return FutureIO.awaitFuture(lease.fs().openFile(status.getPath())
                .withFileStatus(status)
                .opt(READ_POLICY, "random")
                .opt(S3A_FADVISE, "random")
                .build());
    }

    private void closeStream(FSDataInputStream in) throws IOException {
        try {
            in.close();
        } finally {
            IOStatistics stats = IOStatisticsSupport.retrieveIOStatistics(in);
            if (stats != null) {
                closedStreamStatistics.aggregate(stats);
            }
        }
    }

    /**
     * The summed I/O statistics of the streams closed so far: after {@link #close()}, of every
     * stream this reader used. A snapshot; later reads do not change it.
     */
    @Override
    public IOStatistics getIOStatistics() {
        return new IOStatisticsSnapshot(closedStreamStatistics);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            pool.close();
        } finally {
            lease.close();
        }
    }

    @Override
    public String toString() {
        return "HadoopRangeReader[" + location + ", " + length() + " bytes]";
    }
}
