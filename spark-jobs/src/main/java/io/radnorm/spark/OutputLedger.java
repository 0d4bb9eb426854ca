package io.radnorm.spark;

import io.radnorm.raster.tiff.CogSummary;

/**
 * What a writing job consults and tells about its outputs: which are already finished (a resumed
 * run keeps them) and, on the driver, each one committed. {@link #NONE} writes everything and
 * records nothing; {@link io.radnorm.spark.manifest.RunRecorder} backs the run manifest.
 */
public interface OutputLedger {

    /** Writes every output, records nothing. */
    OutputLedger NONE = new OutputLedger() {
        @Override
        public boolean isFinished(int image, String uri) {
            return false;
        }

        @Override
        public void committed(CogSummary summary) {
        }
    };

    /** Whether image {@code image}'s output at {@code uri} is finished and up to date (it is then not written). */
    boolean isFinished(int image, String uri);

    /** Called on the driver's thread as each output is committed. */
    void committed(CogSummary summary);

    /** Whether writing needs the per-output callback (else the plain collect is used). */
    default boolean records() {
        return this != NONE;
    }
}
