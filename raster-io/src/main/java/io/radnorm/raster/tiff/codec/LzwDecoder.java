package io.radnorm.raster.tiff.codec;

import static io.radnorm.raster.tiff.codec.LzwCodec.CLEAR;
import static io.radnorm.raster.tiff.codec.LzwCodec.EOI;
import static io.radnorm.raster.tiff.codec.LzwCodec.FIRST_CODE;
import static io.radnorm.raster.tiff.codec.LzwCodec.MAX_BITS;
import static io.radnorm.raster.tiff.codec.LzwCodec.MIN_BITS;

import java.io.IOException;
import java.util.Objects;

/**
 * Decodes one TIFF LZW block (see {@link LzwCodec} for the format).
 * <p>
 * The string table stores no bytes. Every string a code stands for has already been written to
 * the output once, when the code was created: a new entry is "the previous code's string plus
 * the first byte of the current one", and those bytes sit next to each other in the output. So
 * an entry is just the output position and length of that earlier copy, and decoding a code is
 * a forward copy within the output array. This avoids both building a {@code byte[]} per entry
 * and walking prefix chains backwards byte by byte, and makes truncation at {@code dstLen}
 * trivial: copy the part of the string that fits.
 * <p>
 * The one string not yet complete in the output is the "KwKwK" case, where the code read is
 * the entry being created; its last byte is its own first byte and is written separately.
 * <p>
 * Like libtiff 4.x: a block that runs out of codes before EOI while the output still has room
 * is truncated and raises an {@link IOException}; a block that reaches EOI early returns its
 * short length; a code not yet in the table is corrupt data. A block that does not start with
 * Clear is decoded as if it did, since the table's starting state is the cleared one.
 */
final class LzwDecoder {

    private static final int TABLE_SIZE = 1 << MAX_BITS;
    /** Strings this short are copied by a loop; System.arraycopy's set-up costs more. */
    private static final int SHORT_COPY = 16;

    private LzwDecoder() {
    }

    static int decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws IOException {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, dstLen, dst.length);
        if (dstLen == 0) {
            return 0;
        }
        if (srcLen >= 2 && src[srcOff] == 0 && (src[srcOff + 1] & 1) != 0) {
            // libtiff's test for a Clear code written LSB-first by its pre-TIFF-5.0 encoder.
            throw new IOException("unsupported old-style (LSB-first) LZW data");
        }
        // Entry c (c >= 258) is the string dst[offsets[c] .. offsets[c] + lengths[c]).
        int[] offsets = new int[TABLE_SIZE];
        int[] lengths = new int[TABLE_SIZE];

        int sp = srcOff;
        int srcEnd = srcOff + srcLen;
        long bits = 0;
        int bitCount = 0;
        int codeBits = MIN_BITS;
        int nextCode = FIRST_CODE;
        int dp = dstOff;
        int dstEnd = dstOff + dstLen;
        // Output position and length of the previous code's string; -1 right after a Clear.
        int prevPos = -1;
        int prevLen = 0;

        while (dp < dstEnd) {
            if (bitCount < codeBits) {
                while (bitCount <= 56 && sp < srcEnd) {
                    bits = (bits << 8) | (src[sp++] & 0xFF);
                    bitCount += 8;
                }
                if (bitCount < codeBits) {
                    throw new IOException("truncated LZW data: no EOI code after " + (dp - dstOff) + " of "
                            + dstLen + " bytes");
                }
            }
            bitCount -= codeBits;
            int code = (int) (bits >>> bitCount) & ((1 << codeBits) - 1);

            if (code == CLEAR) {
                nextCode = FIRST_CODE;
                codeBits = MIN_BITS;
                prevPos = -1;
                continue;
            }
            if (code == EOI) {
                break;
            }
            int from;
            int len;
            if (code < CLEAR) {
                from = -1;
                len = 1;
            } else if (code < nextCode) {
                from = offsets[code];
                len = lengths[code];
            } else if (code == nextCode && prevPos >= 0) {
                from = prevPos;
                len = prevLen + 1;
            } else {
                throw new IOException("corrupt LZW data: code " + code + " out of range (next free code is "
                        + nextCode + ")");
            }
            if (prevPos >= 0 && nextCode < TABLE_SIZE) {
                // The previous string plus this string's first byte, which is about to follow it at dp.
                offsets[nextCode] = prevPos;
                lengths[nextCode] = prevLen + 1;
                nextCode++;
                // Early change: widen one code before the width is exhausted, as libtiff does.
                if (nextCode >= (1 << codeBits) - 1 && codeBits < MAX_BITS) {
                    codeBits++;
                }
            }
            prevPos = dp;
            prevLen = len;
            if (from < 0) {
                dst[dp++] = (byte) code;
                continue;
            }
            int n = Math.min(len, dstEnd - dp);
            if (from + len > dp) {
                // KwKwK: the last byte is the string's own first byte, not yet in the output.
                copy(dst, from, dp, n == len ? len - 1 : n);
                if (n == len) {
                    dst[dp + len - 1] = dst[from];
                }
            } else {
                copy(dst, from, dp, n);
            }
            dp += n;
        }
        return dp - dstOff;
    }

    private static void copy(byte[] b, int from, int to, int n) {
        if (n <= SHORT_COPY) {
            for (int i = 0; i < n; i++) {
                b[to + i] = b[from + i];
            }
        } else {
            System.arraycopy(b, from, b, to, n);
        }
    }
}
