package io.radnorm.raster.tiff.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * Compression 1: the block is stored as is.
 * <p>
 * Decoding copies {@code min(srcLen, dstLen)} bytes, so an oversized block is truncated and a
 * short one is reported through the return value, as for every other codec.
 */
final class NoCompressionCodec implements TiffCodec {

    static final NoCompressionCodec INSTANCE = new NoCompressionCodec();

    private NoCompressionCodec() {
    }

    @Override
    public int decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, dstLen, dst.length);
        int n = Math.min(srcLen, dstLen);
        System.arraycopy(src, srcOff, dst, dstOff, n);
        return n;
    }

    @Override
    public byte[] encode(byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        return Arrays.copyOfRange(src, off, off + len);
    }
}
