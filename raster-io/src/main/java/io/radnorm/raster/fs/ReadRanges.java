package io.radnorm.raster.fs;

import java.io.EOFException;
import java.util.Objects;

/**
 * Argument checks and error messages shared by every {@link RangeReader}, so that all of them
 * reject the same requests with the same wording.
 */
final class ReadRanges {

    private ReadRanges() {
    }

    /**
     * Checks a {@code readFully} request against the buffer and the file length.
     *
     * @throws EOFException if the range ends past {@code length}
     */
    static void check(String location, long length, long position, byte[] buf, int off, int len)
            throws EOFException {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (position < 0) {
            throw new IllegalArgumentException(location + ": negative read offset " + position);
        }
        if (position > length - len) {
            throw pastEnd(location, length, position, len);
        }
    }

    /** The exception for a range that does not lie inside the file. */
    static EOFException pastEnd(String location, long length, long position, int len) {
        return new EOFException(location + ": read of " + len + " bytes at offset " + position
                + " goes past the end of the file (length " + length + ")");
    }

    /** A short description of one request, for wrapping failures. */
    static String describe(String location, long position, int len) {
        return location + ": read of " + len + " bytes at offset " + position;
    }
}
