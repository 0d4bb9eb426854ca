package io.radnorm.raster.tiff;

import java.io.IOException;

/**
 * A file that is not a TIFF, or a TIFF that is damaged or uses something radnorm does not read.
 * The message always starts with the file's location so that one line tells the user which input
 * is bad and why.
 */
public class TiffFormatException extends IOException {
    public TiffFormatException(String location, String problem) {
        super(location + ": " + problem);
    }

    public TiffFormatException(String location, String problem, Throwable cause) {
        super(location + ": " + problem, cause);
    }
}
