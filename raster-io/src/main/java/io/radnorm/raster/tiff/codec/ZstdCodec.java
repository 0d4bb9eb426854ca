package io.radnorm.raster.tiff.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Compression 50000: one or more Zstandard frames, as GDAL's ZSTD codec writes them.
 * <p>
 * Blocks are decoded in one native call ({@code ZSTD_decompress}) straight into the caller's
 * array. That call refuses a frame larger than the destination, whereas the codec contract
 * truncates at {@code dstLen} as libtiff's streaming decoder does; only that rare case is
 * retried through a stream that stops once {@code dstLen} bytes are out.
 * <p>
 * zstd-jni reports errors either as return codes or as unchecked {@link ZstdException}s,
 * depending on its version; both become {@link IOException}s here. Empty input is reported as
 * truncated, because a ZSTD block always holds at least one frame.
 */
final class ZstdCodec implements TiffCodec {

    private static final int MIN_LEVEL = 1;
    private static final int MAX_LEVEL = 22;

    private final int level;

    /**
     * @param level ZSTD compression level, 1 to 22 (GDAL's ZSTD_LEVEL range)
     */
    ZstdCodec(int level) {
        if (level < MIN_LEVEL || level > MAX_LEVEL) {
            throw new IllegalArgumentException("zstd level must be 1..22 (or -1 for the default 9), not " + level);
        }
        this.level = level;
    }

    @Override
    public int decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws IOException {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, dstLen, dst.length);
        if (srcLen == 0) {
            if (dstLen == 0) {
                return 0;
            }
            throw new IOException("truncated ZSTD data: empty block");
        }
        long result;
        try {
            result = Zstd.decompressByteArray(dst, dstOff, dstLen, src, srcOff, srcLen);
        } catch (ZstdException e) {
            return onError(e.getErrorCode(), e.getMessage(), src, srcOff, srcLen, dst, dstOff, dstLen);
        }
        if (Zstd.isError(result)) {
            return onError(Zstd.getErrorCode(result), Zstd.getErrorName(result), src, srcOff, srcLen, dst, dstOff,
                    dstLen);
        }
        return (int) result;
    }

    /** Retries a frame that is larger than the destination; any other error means corrupt data. */
    private static int onError(long code, String message, byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff,
            int dstLen) throws IOException {
        if (code == Zstd.errDstSizeTooSmall()) {
            return decodeTruncated(src, srcOff, srcLen, dst, dstOff, dstLen);
        }
        throw new IOException("corrupt ZSTD data: " + message);
    }

    /** Decodes the first {@code dstLen} bytes of a block that decodes to more. */
    private static int decodeTruncated(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen)
            throws IOException {
        try (ZstdInputStreamNoFinalizer in =
                     new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(src, srcOff, srcLen))) {
            return in.readNBytes(dst, dstOff, dstLen);
        } catch (ZstdException e) {
            throw new IOException("corrupt ZSTD data: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] encode(byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        byte[] out = new byte[Math.toIntExact(Zstd.compressBound(len))];
        long n;
        try {
            n = Zstd.compressByteArray(out, 0, out.length, src, off, len, level);
        } catch (ZstdException e) {
            throw new IllegalStateException("ZSTD compression failed: " + e.getMessage(), e);
        }
        if (Zstd.isError(n)) {
            // Cannot happen with a compressBound()-sized output unless native memory runs out.
            throw new IllegalStateException("ZSTD compression failed: " + Zstd.getErrorName(n));
        }
        return Arrays.copyOf(out, (int) n);
    }
}
