package io.radnorm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import org.junit.jupiter.api.Test;

class ErrorsTest {

    /** How Spark hands a task failure to the driver: wrappers around what the task threw. */
    private static Exception sparkWrapped(Throwable task) {
        return new RuntimeException(new org.apache.spark.SparkException("Job aborted due to stage failure: Task 0 "
                + "in stage 3.0 failed 1 times, most recent failure: " + task, new UncheckedIOException(
                        new IOException(task.toString(), task))));
    }

    @Test
    void theOutermostMessageNamingAFileSumsUpTheVendorDetailBelowIt() {
        Exception aws = new IOException("Please reduce your request rate. (Service: Amazon S3; Status Code: 503)");
        IOException s3a = new IOException("read on s3a://b/k.tif: " + aws, aws);
        IOException gaveUp = new IOException("s3a://b/k.tif: read of 10 bytes at offset 5 failed after 4 attempts: "
                + s3a, s3a);
        assertEquals(gaveUp.getMessage(), Errors.oneLine(sparkWrapped(gaveUp), null));
    }

    @Test
    void accessDeniedNamesTheObjectNotTheSdk() {
        AccessDeniedException inner = new AccessDeniedException("s3a://b/k.tif: getFileStatus on s3a://b/k.tif: "
                + "Forbidden (Service: Amazon S3; Status Code: 403)");
        AccessDeniedException ours = new AccessDeniedException("s3a://b/k.tif", null, "access denied (HTTP 403)");
        ours.initCause(inner);
        assertEquals("s3a://b/k.tif: access denied (HTTP 403)", Errors.oneLine(sparkWrapped(ours), null));
    }

    @Test
    void withoutAFileNamedTheInnermostMessageIsUsed() {
        Exception e = new IllegalStateException("outer context", new IllegalArgumentException("band counts differ: a has 3"));
        assertEquals("band counts differ: a has 3", Errors.oneLine(e, null));
        assertEquals("x.tif: band counts differ: a has 3", Errors.oneLine(e, "x.tif"));
        assertEquals("data/x.tif: no such file", Errors.oneLine(sparkWrapped(new FileNotFoundException("data/x.tif")), null));
    }
}
