package io.radnorm.raster.fs;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;

/**
 * Random-access reads of one file or object, addressed by byte offset.
 *
 * <p>A Cloud-Optimized GeoTIFF is read as a few small ranges (header, IFDs, the tiles of one
 * window), never as a stream: on object stores a stream would fetch the whole object to use a
 * fraction of it. This interface is the one read path of raster-io, so a codec works the same on
 * local disk, HDFS and S3 and tests can count exactly which ranges a window read touches (see
 * {@link CountingRangeReader}).
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #length()} is fixed when the reader is opened; a file rewritten afterwards is not
 *       noticed (use {@link FileIdentity} as a cache key to notice it).</li>
 *   <li>{@link #readFully} is <em>positioned</em> and <em>thread-safe</em>: several threads may read
 *       one reader concurrently, each at its own offset, with no shared file pointer.</li>
 *   <li>A read that would go past the end throws {@link EOFException} whose message names the
 *       location, the offset and the length, so a corrupt offset in a TIFF is diagnosable.</li>
 * </ul>
 *
 * <p>Open readers with {@link RangeReaders#open}.
 */
public interface RangeReader extends Closeable {

    /** The URI or path as the caller gave it; used in error messages. */
    String location();

    /** Size in bytes, as known when the reader was opened. */
    long length();

    /**
     * Reads exactly {@code len} bytes starting at {@code position} into {@code buf[off..off+len)}.
     *
     * @throws EOFException if {@code position + len > length()} (or a local file shrank since
     *     opening; a remote read that ends early is retried as transient, then fails as an
     *     IOException naming the read)
     * @throws IllegalArgumentException if {@code position} or {@code len} is negative
     * @throws IndexOutOfBoundsException if {@code off}/{@code len} do not fit in {@code buf}
     */
    void readFully(long position, byte[] buf, int off, int len) throws IOException;

    /** Reads {@code len} bytes at {@code position} into a new array. */
    default byte[] read(long position, int len) throws IOException {
        if (len < 0) {
            throw new IllegalArgumentException(location() + ": negative read length " + len);
        }
        byte[] buf = new byte[len];
        readFully(position, buf, 0, len);
        return buf;
    }
}
