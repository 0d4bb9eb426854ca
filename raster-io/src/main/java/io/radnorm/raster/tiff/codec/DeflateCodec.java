package io.radnorm.raster.tiff.codec;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Compression 8 (and 32946 when reading): a zlib stream (RFC 1950), as libtiff's ZIP codec
 * writes it, including the two-byte header and the Adler-32 trailer.
 * <p>
 * The JDK's {@link Inflater} and {@link Deflater} wrap native zlib streams whose set-up costs
 * more than decoding a small tile, so each thread keeps one of each and {@code reset()}s it
 * between blocks. They live in static thread-locals rather than in the codec so that every
 * codec instance (one per level) shares them, and are reset after use so that they do not keep
 * the last block's input array reachable.
 * <p>
 * A stream that stops before its end-of-stream marker while the output still has room is a
 * truncated block and raises an {@link IOException}; libtiff reports the same case as
 * "Not enough data".
 * <p>
 * Where the native bridge is loaded ({@link LibDeflate#isAvailable()}) blocks go through
 * libdeflate instead, several times faster. Its compressed bytes differ from zlib's (both are
 * valid zlib streams that any reader decodes to the same samples), so a file's bytes depend on
 * which of the two wrote it. Decoding gives the same samples either way; a stream libdeflate
 * refuses (corrupt, truncated, or longer than the block) is decoded again by zlib, which keeps the
 * exact behaviour and error messages described above. Level 0 (stored) always uses zlib.
 */
final class DeflateCodec implements TiffCodec {

    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(Deflater::new);
    private static final ThreadScratch ENCODE_SCRATCH = new ThreadScratch();

    private final int level;

    /**
     * @param level zlib compression level, 0 (store) to 9 (smallest)
     */
    DeflateCodec(int level) {
        if (level < Deflater.NO_COMPRESSION || level > Deflater.BEST_COMPRESSION) {
            throw new IllegalArgumentException("deflate level must be 0..9 (or -1 for the default 6), not " + level);
        }
        this.level = level;
    }

    @Override
    public int decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws IOException {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, dstLen, dst.length);
        if (LibDeflate.isAvailable()) {
            int n = LibDeflate.zlibDecompress(LibDeflate.decompressor(), src, srcOff, srcLen, dst, dstOff, dstLen);
            if (n >= 0) {
                return n;
            }
        }
        return inflate(src, srcOff, srcLen, dst, dstOff, dstLen);
    }

    private static int inflate(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws IOException {
        Inflater inflater = INFLATER.get();
        try {
            inflater.setInput(src, srcOff, srcLen);
            int dp = dstOff;
            int dstEnd = dstOff + dstLen;
            while (dp < dstEnd && !inflater.finished()) {
                int n = inflater.inflate(dst, dp, dstEnd - dp);
                dp += n;
                if (n == 0 && !inflater.finished()) {
                    if (inflater.needsDictionary()) {
                        throw new IOException("corrupt deflate data: stream needs a preset dictionary");
                    }
                    // Out of input with room left and no end marker: the block was cut short.
                    throw new IOException("truncated deflate data: stream ends after " + (dp - dstOff) + " of "
                            + dstLen + " bytes");
                }
            }
            return dp - dstOff;
        } catch (DataFormatException e) {
            throw new IOException("corrupt deflate data: " + e.getMessage(), e);
        } finally {
            inflater.reset();
        }
    }

    @Override
    public byte[] encode(byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        if (level > 0 && LibDeflate.isAvailable()) {
            long compressor = LibDeflate.compressor(level);
            // Compressed into this thread's scratch, then copied to its exact length: one
            // allocation per block instead of two (blocks are MBs: humongous objects for G1).
            int bound = (int) Math.min(LibDeflate.zlibCompressBound(compressor, len), Integer.MAX_VALUE - 8);
            byte[] out = ENCODE_SCRATCH.atLeast(bound);
            int n = LibDeflate.zlibCompress(compressor, src, off, len, out, 0, bound);
            if (n > 0) {
                return Arrays.copyOf(out, n);
            }
        }
        Deflater deflater = DEFLATER.get();
        try {
            // The deflater is fresh (reset) here, so the level applies from the first byte.
            deflater.setLevel(level);
            deflater.setInput(src, off, len);
            deflater.finish();
            byte[] out = new byte[compressBound(len)];
            int op = 0;
            while (!deflater.finished()) {
                if (op == out.length) {
                    out = Arrays.copyOf(out, out.length + (out.length >> 1) + 64);
                }
                op += deflater.deflate(out, op, out.length - op);
            }
            return Arrays.copyOf(out, op);
        } finally {
            deflater.reset();
        }
    }

    /** zlib's compressBound(): the largest zlib stream {@code len} bytes can produce. */
    private static int compressBound(int len) {
        long bound = len + ((long) len >> 12) + (len >> 14) + (len >> 25) + 13;
        return (int) Math.min(bound, Integer.MAX_VALUE - 8);
    }
}
