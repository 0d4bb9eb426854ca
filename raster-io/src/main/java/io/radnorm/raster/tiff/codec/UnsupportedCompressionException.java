package io.radnorm.raster.tiff.codec;

import java.io.IOException;

/**
 * A TIFF uses a compression scheme radnorm cannot decode.
 * <p>
 * The message names the scheme when it is a known one (for example
 * {@code "unsupported TIFF compression 7 (JPEG)"}), because the tag number alone rarely tells a
 * user what to do, while "JPEG" tells them to re-encode the file with
 * {@code gdal_translate -co COMPRESS=DEFLATE}. It is an {@link IOException} because it describes
 * an input file, not a bug, and readers already report IOExceptions per file.
 */
public class UnsupportedCompressionException extends IOException {

    /** The Compression tag value that was rejected. */
    private final int tag;

    /**
     * Creates the exception for a Compression tag value.
     *
     * @param tag the value of the TIFF Compression tag (259)
     */
    public UnsupportedCompressionException(int tag) {
        super("unsupported TIFF compression " + tag + " (" + schemeName(tag) + ")");
        this.tag = tag;
    }

    /**
     * @return the Compression tag value that is not supported
     */
    public int tag() {
        return tag;
    }

    /** Names the schemes seen in practice; others are simply "unknown". */
    static String schemeName(int tag) {
        return switch (tag) {
            case 2 -> "CCITT RLE";
            case 3 -> "CCITT Group 3 fax";
            case 4 -> "CCITT Group 4 fax";
            case 6 -> "old-style JPEG";
            case 7 -> "JPEG";
            case 32771 -> "CCITT RLEW";
            case 32809 -> "ThunderScan";
            case 34676, 34677 -> "SGI LogLuv";
            case 34712 -> "JPEG 2000";
            case 34887 -> "LERC";
            case 34925 -> "LZMA";
            case 50001 -> "WebP";
            case 50002, 52546 -> "JPEG XL";
            default -> "unknown";
        };
    }
}
