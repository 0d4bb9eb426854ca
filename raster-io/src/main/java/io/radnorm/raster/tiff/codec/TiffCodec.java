package io.radnorm.raster.tiff.codec;

import java.io.IOException;

/**
 * Compresses and decompresses the bytes of one TIFF strip or tile.
 * <p>
 * A codec sees only bytes: predictors, byte order and sample layout are applied by the caller
 * (see {@link Predictors}). Codecs are obtained from {@link Compression#codec(int)}.
 *
 * <h2>Decoding contract</h2>
 * The reader knows the decoded size of every block from the image geometry, so it passes that
 * size as {@code dstLen}, and the codec treats it as a hard limit rather than as a promise:
 * <ul>
 * <li>A stream that decodes to more than {@code dstLen} bytes is truncated at {@code dstLen},
 * as libtiff does; nothing is ever written outside {@code [dstOff, dstOff + dstLen)}.</li>
 * <li>A well-formed stream that ends early (fewer bytes than {@code dstLen}) is not an error:
 * the codec returns how many bytes it produced and the caller decides whether a short block is
 * acceptable. libtiff tolerates such blocks and some writers produce them. The bytes between
 * the returned count and {@code dstLen} are then unspecified: the zstd and LZW decoders use
 * spare destination space for speed.</li>
 * <li>Data that is corrupt, or that stops before the format's own end marker (a truncated
 * file), raises an {@link IOException} with a short message saying what is wrong. Corrupt data
 * never escapes as an {@code ArrayIndexOutOfBoundsException} or another runtime exception,
 * because callers report damaged files to users and must be able to tell them from bugs.</li>
 * </ul>
 * Offsets and lengths that do not fit the given arrays are programming errors and raise
 * {@link IndexOutOfBoundsException}.
 *
 * <h2>Threading</h2>
 * Implementations are thread-safe and may be shared: the reader decodes the blocks of one image
 * in parallel through a single codec instance. They hold no mutable state in fields; the native
 * zlib streams they reuse live in thread-local storage.
 */
public interface TiffCodec {

    /**
     * Decodes one strip's or tile's compressed bytes.
     *
     * @param src    the compressed bytes
     * @param srcOff offset of the first compressed byte in {@code src}
     * @param srcLen number of compressed bytes
     * @param dst    receives the decoded bytes
     * @param dstOff offset in {@code dst} of the first decoded byte
     * @param dstLen expected decoded size; never more than this is written
     * @return the number of bytes decoded, at most {@code dstLen}; less when the stream ends early
     * @throws IOException if the data is corrupt or truncated
     */
    int decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws IOException;

    /**
     * Compresses one strip's or tile's bytes into a stream that libtiff and GDAL decode.
     *
     * @param src the bytes to compress
     * @param off offset of the first byte
     * @param len number of bytes
     * @return the compressed bytes, in an array of exactly their length
     */
    byte[] encode(byte[] src, int off, int len);
}
