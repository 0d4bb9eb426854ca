package io.radnorm.raster.fs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;

/**
 * One way of making a written file appear only when it is complete; {@link AtomicOutput} picks
 * one per target: {@link LocalPendingOutput}, {@link RenamingPendingOutput} or
 * {@link DirectPendingOutput}.
 */
sealed interface PendingOutput permits LocalPendingOutput, RenamingPendingOutput, DirectPendingOutput {

    /** Where the bytes go until {@link #publish()} (unbuffered; the caller buffers). */
    OutputStream stream();

    /**
     * The file channel under {@link #stream()} when the bytes go to a local file (for in-kernel
     * copies), else null. Writes through it land after what the stream has written (flush first).
     */
    default FileChannel fileChannel() {
        return null;
    }

    /** Closes the stream and makes the file visible under its final name. */
    void publish() throws IOException;

    /** Closes the stream and removes every trace of the output; the target is left as it was. */
    void discard() throws IOException;
}
