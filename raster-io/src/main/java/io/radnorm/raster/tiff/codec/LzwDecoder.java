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
 * Most strings are a few bytes long, and copying them byte by byte or through
 * {@code System.arraycopy} costs more than the rest of the decoding. Strings of up to 8 bytes
 * are therefore copied as one 8-byte word when the output has room; the bytes written past the
 * string are overwritten by the strings that follow (or, if the block ends early, lie in the
 * unspecified part of the output).
 * <p>
 * Like current libtiff: a block that runs out of codes before EOI while the output still has room
 * is truncated and raises an {@link IOException}; a block that reaches EOI early returns its
 * short length; a code not yet in the table is corrupt data. A block that does not start with
 * Clear is decoded as if it did, since the table's starting state is the cleared one.
 */
final class LzwDecoder {

    private static final int TABLE_SIZE = 1 << MAX_BITS;

    private LzwDecoder() {
    }

    static int decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws IOException {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, dstLen, dst.length);
        if (dstLen == 0) {
            return 0;
        }
        if (srcLen >= 2 && src[srcOff] == 0 && (src[srcOff + 1] & 1) != 0) {
            // libtiff's test for a Clear code written LSB-first, as early libtiff versions did.
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
                if (sp + 4 <= srcEnd) {
                    // Fewer than 12 bits are left, so 32 more always fit in the 64-bit buffer.
                    bits = (bits << 32) | (ByteViews.get32BigEndian(src, sp) & 0xFFFFFFFFL);
                    sp += 4;
                    bitCount += 32;
                } else {
                    while (bitCount <= 56 && sp < srcEnd) {
                        bits = (bits << 8) | (src[sp++] & 0xFF);
                        bitCount += 8;
                    }
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
            if (len <= 8 && dp + 8 <= dstEnd) {
                copyWord(dst, from, dp);
            } else {
                int n = Math.min(len, dstEnd - dp);
                // What fits, less a KwKwK string's last byte (dp - from is then len - 1).
                System.arraycopy(dst, from, dst, dp, Math.min(n, dp - from));
                if (n < len) {
                    return dstLen; // output full: the rest of the stream is ignored, as by libtiff
                }
            }
            if (from + len > dp) {
                // KwKwK: the string's last byte is its own first byte, which was not yet output.
                dst[dp + len - 1] = dst[from];
            }
            dp += len;
        }
        return dp - dstOff;
    }

    /**
     * Copies a string of at most 8 bytes as one 8-byte word. Its bytes all lie before {@code to}
     * (but for a KwKwK string's last byte, which the caller sets), so the word read holds them
     * all; what it writes past the string is overwritten later.
     */
    private static void copyWord(byte[] b, int from, int to) {
        ByteViews.set64(b, to, ByteViews.get64(b, from));
    }
}
