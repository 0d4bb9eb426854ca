package io.radnorm.raster.tiff.codec;

/**
 * The TIFF compression schemes radnorm reads and writes, with their Compression tag (259) values.
 * <p>
 * These are the lossless schemes GDAL offers for GeoTIFF and COG output: what radiometric work
 * needs, since a lossy codec would change the very values being normalized. Reading also accepts
 * tag 32946, the value Adobe used for Deflate before 8 was registered and which old files still
 * carry; both name the same zlib stream, so both map to {@link #DEFLATE} and writing always uses 8.
 * Any other scheme is rejected with an {@link UnsupportedCompressionException} that names it.
 */
public enum Compression {
    /** No compression (tag 1). */
    NONE(1),
    /** TIFF LZW, MSB-first codes with early change (tag 5). */
    LZW(5),
    /** zlib-wrapped Deflate (tag 8; 32946 is read as this too). */
    DEFLATE(8),
    /** Macintosh PackBits run-length encoding (tag 32773). */
    PACKBITS(32773),
    /** Zstandard (tag 50000, registered by GDAL). */
    ZSTD(50000);

    /** The pre-registration Deflate value, accepted when reading. */
    private static final int ADOBE_DEFLATE = 32946;
    /** GDAL's default ZLEVEL. */
    private static final int DEFAULT_DEFLATE_LEVEL = 6;
    /** GDAL's default ZSTD_LEVEL. */
    private static final int DEFAULT_ZSTD_LEVEL = 9;

    private final int tagValue;

    Compression(int tagValue) {
        this.tagValue = tagValue;
    }

    /**
     * @return the value written to the Compression tag
     */
    public int tagValue() {
        return tagValue;
    }

    /**
     * Maps a Compression tag value read from a file to a scheme.
     *
     * @param tag the tag value
     * @return the scheme
     * @throws UnsupportedCompressionException if radnorm cannot decode the scheme
     */
    public static Compression fromTag(int tag) throws UnsupportedCompressionException {
        return switch (tag) {
            case 1 -> NONE;
            case 5 -> LZW;
            case 8, ADOBE_DEFLATE -> DEFLATE;
            case 32773 -> PACKBITS;
            case 50000 -> ZSTD;
            default -> throw new UnsupportedCompressionException(tag);
        };
    }

    /**
     * Parses a user-facing name: {@code none}, {@code lzw}, {@code deflate}, {@code packbits} or
     * {@code zstd}, in any case (as GDAL's {@code COMPRESS=} option).
     *
     * @param name the name
     * @return the scheme
     * @throws IllegalArgumentException if the name is not one of those
     */
    public static Compression parse(String name) {
        if (name != null) {
            for (Compression c : values()) {
                if (c.name().equalsIgnoreCase(name.trim())) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("unknown compression '" + name
                + "'; expected one of none, lzw, deflate, packbits, zstd");
    }

    /**
     * Returns a codec for this scheme.
     * <p>
     * {@code level} is the compression level used when encoding; -1 selects GDAL's defaults
     * (Deflate 6, ZSTD 9) so that files written by radnorm and by GDAL are comparable. Deflate
     * accepts 0 to 9 and ZSTD 1 to 22. Schemes without levels ignore it, so that a configured
     * level can be passed whatever the scheme.
     *
     * @param level compression level, or -1 for the default
     * @return a thread-safe codec
     * @throws IllegalArgumentException if the level is out of range for the scheme
     */
    public TiffCodec codec(int level) {
        return switch (this) {
            case NONE -> NoCompressionCodec.INSTANCE;
            case LZW -> LzwCodec.INSTANCE;
            case PACKBITS -> PackBitsCodec.INSTANCE;
            case DEFLATE -> new DeflateCodec(level == -1 ? DEFAULT_DEFLATE_LEVEL : level);
            case ZSTD -> new ZstdCodec(level == -1 ? DEFAULT_ZSTD_LEVEL : level);
        };
    }
}
