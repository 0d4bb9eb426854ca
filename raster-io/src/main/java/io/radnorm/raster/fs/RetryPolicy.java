package io.radnorm.raster.fs;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries an I/O action on transient failures, with exponential backoff and jitter.
 *
 * <p>Remote stores fail now and then for reasons that a second try fixes: a reset connection, a
 * 503 "slow down", a socket timeout. Hadoop's clients retry some of these themselves; this policy
 * sits above them so that a read which still fails is tried again on a freshly opened stream,
 * instead of failing a whole Spark task. Failures that a retry cannot fix are rethrown at once:
 * {@link EOFException} (the range is outside the file), {@link FileNotFoundException} (the file
 * is gone), {@link AccessDeniedException} (no permission) and {@link InterruptedIOException}
 * (the thread is being cancelled).
 *
 * <p>The delay before retry {@code n} (0-based) is {@code initialDelay * 2^n}, plus up to half
 * of that again at random, so that many tasks hit by one outage do not retry in lockstep.
 */
final class RetryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    /** Three retries after 200, 400 and 800 ms (plus jitter): about 2 s before giving up. */
    static final RetryPolicy DEFAULT = new RetryPolicy(3, 200, RetryPolicy::isTransient);

    /** An I/O action to be retried. */
    @FunctionalInterface
    interface IOAction<T> {
        T run() throws IOException;
    }

    private final int maxRetries;
    private final long initialDelayMillis;
    private final Predicate<IOException> transientFailure;

    RetryPolicy(int maxRetries, long initialDelayMillis, Predicate<IOException> transientFailure) {
        if (maxRetries < 0 || initialDelayMillis < 0) {
            throw new IllegalArgumentException("negative retry count or delay");
        }
        this.maxRetries = maxRetries;
        this.initialDelayMillis = initialDelayMillis;
        this.transientFailure = transientFailure;
    }

    /** The same policy, retrying only failures that both it and {@code stillWorthIt} accept. */
    RetryPolicy onlyWhile(Predicate<IOException> stillWorthIt) {
        return new RetryPolicy(maxRetries, initialDelayMillis, transientFailure.and(stillWorthIt));
    }

    /**
     * Whether a retry could fix {@code e}: everything but the failures listed in the class doc.
     * A {@link SocketTimeoutException} is an {@link InterruptedIOException} by inheritance only: it
     * is a slow server, not a cancelled thread, and is retried.
     */
    static boolean isTransient(IOException e) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        boolean cancelled = e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException);
        return !(cancelled
                || e instanceof EOFException
                || e instanceof FileNotFoundException
                || e instanceof AccessDeniedException);
    }

    /**
     * Runs {@code action}, retrying transient failures.
     *
     * @param what names the operation and its location, e.g. "s3a://b/k: read of 10 bytes at
     *     offset 5"; it prefixes the message of the exception thrown when retries run out
     * @throws IOException a non-transient failure as it was thrown, or, once retries are used up,
     *     an IOException whose message starts with {@code what} and whose cause is the last failure
     */
    <T> T call(String what, IOAction<T> action) throws IOException {
        for (int retry = 0; ; retry++) {
            try {
                return action.run();
            } catch (IOException e) {
                if (!transientFailure.test(e)) {
                    throw e;
                }
                if (retry >= maxRetries) {
                    throw new IOException(what + " failed after " + (retry + 1) + " attempts: " + e, e);
                }
                long delay = delayMillis(retry);
                LOG.warn("{} failed (attempt {} of {}), retrying in {} ms: {}",
                        what, retry + 1, maxRetries + 1, delay, e.toString());
                sleep(delay, what);
            }
        }
    }

    long delayMillis(int retry) {
        long base = initialDelayMillis << Math.min(retry, 20);
        return base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    private static void sleep(long millis, String what) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException(what + ": interrupted while waiting to retry");
            io.initCause(e);
            throw io;
        }
    }
}
