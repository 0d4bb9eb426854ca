package io.radnorm.raster.tiff.codec;

import static io.radnorm.raster.tiff.codec.LzwCodec.CLEAR;
import static io.radnorm.raster.tiff.codec.LzwCodec.EOI;
import static io.radnorm.raster.tiff.codec.LzwCodec.FIRST_CODE;
import static io.radnorm.raster.tiff.codec.LzwCodec.MAX_BITS;
import static io.radnorm.raster.tiff.codec.LzwCodec.MIN_BITS;

import java.util.Arrays;
import java.util.Objects;

/**
 * Encodes one TIFF LZW block (see {@link LzwCodec} for the format).
 * <p>
 * The output is byte-for-byte what libtiff's LZWEncode writes, so radnorm's files are as
 * readable as GDAL's and the encoder can be tested against GDAL output. That means following
 * libtiff's choices, not only the format's rules:
 * <ul>
 * <li>the block starts with Clear (an empty block is just EOI);</li>
 * <li>the table is cleared when it reaches 4094 entries, one short of what 12 bits allow, so a
 * decoder's early width change never needs 13 bits;</li>
 * <li>every 10000 input bytes while the table is filling, the compression ratio is checked and
 * the table is cleared if the ratio stopped improving, which lets the table adapt when the data
 * changes character (compress(1)'s "block compression");</li>
 * <li>the final code and EOI are written with the width the decoder will expect, which may be
 * one more than the encoder's, since the decoder adds an entry for the last code.</li>
 * </ul>
 * The table lookup (previous code, next byte) → code uses open addressing over 8192 slots, at
 * most half full. Instead of clearing the slots at every table reset, each slot is tagged with
 * a generation number and slots from older generations count as empty.
 */
final class LzwEncoder {

    /** Table size at which libtiff clears the table: CODE_MAX - 1. */
    private static final int TABLE_LIMIT = (1 << MAX_BITS) - 2;
    /** Input bytes between two checks of the compression ratio (libtiff's CHECK_GAP). */
    private static final int CHECK_GAP = 10000;

    private static final int HASH_BITS = 13;
    private static final int HASH_MASK = (1 << HASH_BITS) - 1;
    /** A slot holds (generation << KEY_BITS) | (byte << 12 | prefix code). */
    private static final int KEY_BITS = 20;
    private static final int MAX_GENERATION = (1 << (31 - KEY_BITS)) - 1;

    private LzwEncoder() {
    }

    static byte[] encode(byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        BitWriter out = new BitWriter(maxOutputBytes(len));
        if (len == 0) {
            out.write(EOI, MIN_BITS);
            return out.toByteArray();
        }
        int[] slots = new int[1 << HASH_BITS];
        int[] codes = new int[1 << HASH_BITS];
        int generation = 1;

        int codeBits = MIN_BITS;
        int maxCode = (1 << codeBits) - 1;
        int nextCode = FIRST_CODE;
        // libtiff's ratio bookkeeping: bytes consumed and bits written since the last Clear.
        long inCount = 1;
        long outCount = 0;
        long checkpoint = CHECK_GAP;
        long ratio = 0;

        out.write(CLEAR, codeBits);
        outCount += codeBits;
        int prefix = src[off] & 0xFF;
        for (int i = off + 1, end = off + len; i < end; i++) {
            int c = src[i] & 0xFF;
            inCount++;
            int key = (c << MAX_BITS) | prefix;
            int tagged = (generation << KEY_BITS) | key;
            int h = (key * 0x9E3779B1) >>> (32 - HASH_BITS);
            int slot;
            while ((slot = slots[h]) >>> KEY_BITS == generation) {
                if (slot == tagged) {
                    break;
                }
                h = (h + 1) & HASH_MASK;
            }
            if (slot == tagged) {
                prefix = codes[h];
                continue;
            }
            out.write(prefix, codeBits);
            outCount += codeBits;
            prefix = c;
            slots[h] = tagged;
            codes[h] = nextCode++;

            boolean clear = false;
            if (nextCode == TABLE_LIMIT) {
                clear = true;
            } else if (nextCode > maxCode) {
                codeBits++;
                maxCode = (1 << codeBits) - 1;
            } else if (inCount >= checkpoint) {
                checkpoint = inCount + CHECK_GAP;
                long r = compressionRatio(inCount, outCount);
                if (r <= ratio) {
                    clear = true;
                } else {
                    ratio = r;
                }
            }
            if (clear) {
                ratio = 0;
                inCount = 0;
                outCount = 0;
                nextCode = FIRST_CODE;
                out.write(CLEAR, codeBits);
                outCount += codeBits;
                codeBits = MIN_BITS;
                maxCode = (1 << codeBits) - 1;
                if (++generation > MAX_GENERATION) {
                    Arrays.fill(slots, 0);
                    generation = 1;
                }
            }
        }
        out.write(prefix, codeBits);
        // The decoder adds an entry for this last code, which can widen or clear its table.
        nextCode++;
        if (nextCode == TABLE_LIMIT) {
            out.write(CLEAR, codeBits);
            codeBits = MIN_BITS;
        } else if (nextCode > maxCode) {
            codeBits++;
        }
        out.write(EOI, codeBits);
        return out.toByteArray();
    }

    /** libtiff's CALCRATIO: input bytes per output bit, as a 24.8 fixed-point number. */
    private static long compressionRatio(long inCount, long outCount) {
        if (inCount > 0x007fffff) {
            long r = outCount >> 8;
            return r == 0 ? 0x7fffffff : inCount / r;
        }
        return (inCount << 8) / outCount;
    }

    /**
     * Bound on the output: at most one code per input byte, plus the Clear codes (at least 3836
     * codes apart) and the leading Clear, final code, extra Clear and EOI, all at most 12 bits.
     */
    private static int maxOutputBytes(int len) {
        long codes = len + len / 1024L + 4;
        long bytes = (codes * MAX_BITS + 7) / 8;
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("block too large for LZW: " + len + " bytes");
        }
        return (int) bytes;
    }

    /** Packs codes most-significant bit first. */
    private static final class BitWriter {
        private final byte[] buf;
        private int pos;
        private long pending;
        private int pendingBits;

        BitWriter(int capacity) {
            buf = new byte[capacity];
        }

        void write(int code, int width) {
            pending = (pending << width) | code;
            pendingBits += width;
            while (pendingBits >= 8) {
                pendingBits -= 8;
                buf[pos++] = (byte) (pending >>> pendingBits);
            }
        }

        /** Pads the last byte with zero bits and returns the bytes written. */
        byte[] toByteArray() {
            if (pendingBits > 0) {
                buf[pos++] = (byte) (pending << (8 - pendingBits));
                pendingBits = 0;
            }
            return Arrays.copyOf(buf, pos);
        }
    }
}
