package io.radnorm.raster.fs;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A small pool of open streams on one file, opened lazily, at most {@code max} at once.
 *
 * <p>Hadoop's positioned reads are thread-safe but not necessarily parallel: S3A's input stream
 * synchronizes {@code readFully(position, ...)}, so threads sharing one stream take turns, each
 * waiting for the other's HTTP round trip. Giving each concurrent reader its own stream (up to a
 * small bound, since each may hold an HTTP connection) lets the reads overlap.
 *
 * <p>A stream whose read failed is {@link #discard discarded} rather than returned, so that a
 * retry starts on a fresh connection.
 */
final class StreamPool<S extends Closeable> implements Closeable {

    /** Opens one more stream. */
    @FunctionalInterface
    interface Opener<S> {
        S open() throws IOException;
    }

    /** Closes one stream (and may record its statistics first). */
    @FunctionalInterface
    interface Closer<S> {
        void close(S s) throws IOException;
    }

    private final String location;
    private final int max;
    private final Opener<S> opener;
    private final Closer<S> closer;
    private final Deque<S> idle = new ArrayDeque<>();
    private int open;
    private boolean closed;

    StreamPool(String location, int max, Opener<S> opener) {
        this(location, max, opener, Closeable::close);
    }

    StreamPool(String location, int max, Opener<S> opener, Closer<S> closer) {
        if (max < 1) {
            throw new IllegalArgumentException("pool size " + max);
        }
        this.location = location;
        this.max = max;
        this.opener = opener;
        this.closer = closer;
    }

    /** An idle stream, a newly opened one if fewer than {@code max} exist, or waits for one. */
    S acquire() throws IOException {
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new IOException(location + ": reader is closed");
                }
                S s = idle.pollFirst();
                if (s != null) {
                    return s;
                }
                if (open < max) {
                    open++;
                    break;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException(location + ": interrupted waiting for a stream");
                }
            }
        }
        // Opened outside the lock: opening may be a network round trip.
        try {
            return opener.open();
        } catch (IOException | RuntimeException | Error e) {
            freeSlot();
            throw e;
        }
    }

    /** Gives back a healthy stream for reuse. */
    void release(S s) {
        synchronized (this) {
            if (!closed) {
                idle.addFirst(s);
                notify();
                return;
            }
        }
        closeQuietly(s);
        freeSlot();
    }

    /** Closes a stream that failed, freeing its slot for a fresh one. */
    void discard(S s) {
        closeQuietly(s);
        freeSlot();
    }

    private synchronized void freeSlot() {
        open--;
        notify();
    }

    /** Number of streams open now (idle or in use). */
    synchronized int openCount() {
        return open;
    }

    /** Closes the idle streams now; streams in use are closed when they come back. */
    @Override
    public void close() throws IOException {
        List<S> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(idle);
            open -= idle.size();
            idle.clear();
            notifyAll();
        }
        IOException first = null;
        for (S s : toClose) {
            try {
                closer.close(s);
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void closeQuietly(S s) {
        try {
            closer.close(s);
        } catch (IOException | RuntimeException ignored) {
            // The stream is being thrown away after a failure; the failure that matters is thrown.
        }
    }
}
