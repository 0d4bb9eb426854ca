package io.radnorm.raster.tiff.codec;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Compression 32773: Macintosh PackBits run-length encoding (TIFF 6.0, section 9).
 * <p>
 * The stream is a sequence of runs, each introduced by a signed header byte {@code n}:
 * <ul>
 * <li>0 to 127: the next {@code n + 1} bytes are copied literally;</li>
 * <li>-1 to -127: the next byte is repeated {@code 1 - n} times;</li>
 * <li>-128: no operation (some writers use it as padding).</li>
 * </ul>
 * PackBits has no end marker, so the stream simply ends with the input. A header whose run
 * needs more bytes than remain can only come from a truncated or corrupt block and is an error.
 * <p>
 * The encoder emits replicate runs for three or more equal bytes and keeps pairs inside literal
 * runs, which is never longer than splitting them out and is what the TIFF specification
 * recommends. TIFF 6.0 also asks writers to pack each row separately; {@link #encode} does not
 * know the row length, so a run may cross a row boundary. libtiff and GDAL decode such blocks
 * (they decode whole strips and tiles), only scanline-at-a-time readers could be confused.
 */
final class PackBitsCodec implements TiffCodec {

    static final PackBitsCodec INSTANCE = new PackBitsCodec();

    /** Longest run either kind of header can describe. */
    private static final int MAX_RUN = 128;

    private PackBitsCodec() {
    }

    @Override
    public int decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws IOException {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, dstLen, dst.length);
        int sp = srcOff;
        int srcEnd = srcOff + srcLen;
        int dp = dstOff;
        int dstEnd = dstOff + dstLen;
        while (sp < srcEnd && dp < dstEnd) {
            int n = src[sp++];
            if (n >= 0) {
                int count = n + 1;
                if (count > srcEnd - sp) {
                    throw new IOException("corrupt PackBits data: literal run of " + count + " bytes but only "
                            + (srcEnd - sp) + " left");
                }
                int k = Math.min(count, dstEnd - dp);
                System.arraycopy(src, sp, dst, dp, k);
                sp += count;
                dp += k;
            } else if (n != -128) {
                if (sp == srcEnd) {
                    throw new IOException("corrupt PackBits data: replicate run without its byte");
                }
                int k = Math.min(1 - n, dstEnd - dp);
                Arrays.fill(dst, dp, dp + k, src[sp++]);
                dp += k;
            }
        }
        return dp - dstOff;
    }

    @Override
    public byte[] encode(byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        // Worst case is all literals: one header per 128 bytes.
        byte[] out = new byte[len + (len + MAX_RUN - 1) / MAX_RUN];
        int op = 0;
        int i = off;
        int end = off + len;
        while (i < end) {
            int run = runLength(src, i, end);
            if (run >= 3) {
                out[op++] = (byte) (1 - run);
                out[op++] = src[i];
                i += run;
            } else {
                int start = i;
                // Extend the literal until a run worth replicating starts (3 equal bytes).
                while (i < end && i - start < MAX_RUN
                        && !(i + 2 < end && src[i] == src[i + 1] && src[i] == src[i + 2])) {
                    i++;
                }
                int count = i - start;
                out[op++] = (byte) (count - 1);
                System.arraycopy(src, start, out, op, count);
                op += count;
            }
        }
        return Arrays.copyOf(out, op);
    }

    /** Number of bytes equal to {@code src[i]} starting at {@code i}, at most {@link #MAX_RUN}. */
    private static int runLength(byte[] src, int i, int end) {
        int limit = Math.min(end, i + MAX_RUN);
        int j = i + 1;
        while (j < limit && src[j] == src[i]) {
            j++;
        }
        return j - i;
    }
}
