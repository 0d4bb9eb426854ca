package io.radnorm.raster.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy quick = new RetryPolicy(3, 1, RetryPolicy::isTransient);

    @Test
    void transientFailuresAreRetriedUntilSuccess() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        String result = quick.call("x: read", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new SocketTimeoutException("slow");
            }
            return "ok";
        });
        assertEquals("ok", result);
        assertEquals(3, calls.get());
    }

    @Test
    void givingUpNamesTheOperationAndKeepsTheCause() {
        AtomicInteger calls = new AtomicInteger();
        IOException last = new IOException("connection reset");
        IOException e = assertThrows(IOException.class, () -> quick.call("s3a://b/k: read of 5 bytes at offset 7", () -> {
            calls.incrementAndGet();
            throw last;
        }));
        assertEquals(4, calls.get(), "one try and three retries");
        assertTrue(e.getMessage().startsWith("s3a://b/k: read of 5 bytes at offset 7 failed after 4 attempts"), e.getMessage());
        assertSame(last, e.getCause());
    }

    @Test
    void permanentFailuresAreNotRetried() {
        for (IOException permanent : new IOException[] {
                new EOFException("end"), new FileNotFoundException("gone"), new AccessDeniedException("no"),
                new InterruptedIOException("cancelled")}) {
            AtomicInteger calls = new AtomicInteger();
            IOException e = assertThrows(IOException.class, () -> quick.call("op", () -> {
                calls.incrementAndGet();
                throw permanent;
            }));
            assertSame(permanent, e);
            assertEquals(1, calls.get(), permanent.toString());
        }
    }

    @Test
    void backoffDoublesWithAtMostHalfAgainOfJitter() {
        RetryPolicy policy = new RetryPolicy(3, 200, RetryPolicy::isTransient);
        for (int i = 0; i < 100; i++) {
            long d0 = policy.delayMillis(0), d2 = policy.delayMillis(2);
            assertTrue(d0 >= 200 && d0 <= 300, "first delay " + d0);
            assertTrue(d2 >= 800 && d2 <= 1200, "third delay " + d2);
        }
    }
}
