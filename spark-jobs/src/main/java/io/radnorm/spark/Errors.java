package io.radnorm.spark;

import java.io.FileNotFoundException;

/**
 * Turns an exception into the one line a user reads: the innermost meaningful message, prefixed
 * with the file it concerns when the message does not already name it. Spark wraps task failures
 * in several layers ("Job aborted due to stage failure: ... Lost task ..."); the cause chain still
 * holds the original exception, which is what the user needs to see.
 */
public final class Errors {

    private Errors() {
    }

    public static String oneLine(Throwable t, String location) {
        String msg = innermostMessage(t);
        if (location != null && !msg.contains(location)) {
            msg = location + ": " + msg;
        }
        return msg.replace('\n', ' ').strip();
    }

    public static String innermostMessage(Throwable t) {
        Throwable best = outermostNamingAFile(t);
        for (Throwable c = best != null ? null : t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !isWrapper(c)) {
                best = c;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        if (best == null) {
            best = t;
        }
        String m = best.getMessage();
        if (m == null || m.isBlank()) {
            m = best.getClass().getSimpleName();
        }
        if (best instanceof FileNotFoundException && !m.contains("no such")) {
            m = m + ": no such file";
        }
        int nl = m.indexOf("\n\tat ");
        return nl > 0 ? m.substring(0, nl) : m;
    }

    /**
     * The outermost exception whose own message starts by naming a file ({@code s3a://b/k.tif: ...},
     * {@code /data/x.tif: ...}, {@code out/x.tif: ...}), or null. radnorm's I/O layer words its
     * failures that way, summing up what lies below (e.g. a read that failed after retries, above
     * the AWS SDK's "Please reduce your request rate (Service: Amazon S3; Status Code: 503 ...)",
     * which names no object); the deeper messages are detail for the debug log.
     */
    private static Throwable outermostNamingAFile(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !isWrapper(c) && NAMES_A_FILE.matcher(c.getMessage()).lookingAt()) {
                return c;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    /** A message's first token is a path or URI (it has a '/' or a file extension), then ": ". */
    private static final java.util.regex.Pattern NAMES_A_FILE = java.util.regex.Pattern.compile(
            "[^\\s]*(/|\\\\|\\.(?i:tiff?|json|gpkg|geojson|txt))[^\\s]*?: ");

    private static boolean isWrapper(Throwable c) {
        String n = c.getClass().getName();
        return n.equals("org.apache.spark.SparkException") || c instanceof java.util.concurrent.ExecutionException
                || c instanceof java.io.UncheckedIOException
                || (c.getCause() != null && c.getMessage() != null && c.getMessage().equals(c.getCause().toString()));
    }
}
