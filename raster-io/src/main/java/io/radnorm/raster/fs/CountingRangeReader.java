package io.radnorm.raster.fs;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RangeReader} that counts the reads made through it, for tests and benchmarks: they
 * prove that a window read touches only a few ranges of a large file, which is the point of a
 * Cloud-Optimized GeoTIFF on an object store, where each range is one HTTP request.
 *
 * <p>{@link #requests()} counts every {@code readFully} call that reached the wrapped reader
 * (failed ones too), {@link #bytesRead()} the bytes of the successful ones. Counters are
 * thread-safe. Closing closes the wrapped reader.
 */
public final class CountingRangeReader implements RangeReader {

    private final RangeReader delegate;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    CountingRangeReader(RangeReader delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public String location() {
        return delegate.location();
    }

    @Override
    public long length() {
        return delegate.length();
    }

    @Override
    public void readFully(long position, byte[] buf, int off, int len) throws IOException {
        requests.incrementAndGet();
        delegate.readFully(position, buf, off, len);
        bytes.addAndGet(len);
    }

    /** Number of {@code readFully} calls so far. */
    public long requests() {
        return requests.get();
    }

    /** Bytes returned by successful reads so far. */
    public long bytesRead() {
        return bytes.get();
    }

    /** Sets both counters back to zero, e.g. after reading a header, to measure one window. */
    public void reset() {
        requests.set(0);
        bytes.set(0);
    }

    /** The reader being counted. */
    public RangeReader delegate() {
        return delegate;
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public String toString() {
        return "CountingRangeReader[" + location() + ": " + requests() + " requests, "
                + bytesRead() + " bytes]";
    }
}
