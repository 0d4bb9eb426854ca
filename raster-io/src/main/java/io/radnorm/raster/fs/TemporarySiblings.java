package io.radnorm.raster.fs;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names of the temporary files that {@link AtomicOutput} writes next to their targets:
 * {@code .<name>.radnorm-tmp-<16 hex digits>}.
 *
 * <p>A sibling (same directory) so that the final rename stays within one directory and one
 * file system, where it is atomic. Hidden (leading dot) so that Hadoop input formats and
 * {@code ls} skip it, and marked so that a clean-up can find leftovers of a crashed writer
 * ({@link #isTemporary}). Random so that two writers of one target never share a temporary file.
 */
public final class TemporarySiblings {

    static final String MARKER = ".radnorm-tmp-";

    private TemporarySiblings() {
    }

    /** A fresh temporary name for a target file named {@code targetName}. */
    static String nameFor(String targetName) {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return "." + targetName + MARKER + HexFormat.of().formatHex(random);
    }

    /** Whether a file name is one of these temporary files (e.g. left by a killed writer). */
    public static boolean isTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.contains(MARKER);
    }
}
