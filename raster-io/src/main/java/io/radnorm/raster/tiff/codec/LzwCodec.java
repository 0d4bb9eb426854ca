package io.radnorm.raster.tiff.codec;

import java.io.IOException;

/**
 * Compression 5: TIFF LZW (TIFF 6.0, section 13), as libtiff reads and writes it.
 * <p>
 * Codes are 9 to 12 bits wide, packed most-significant bit first. Codes 0-255 stand for single
 * bytes, 256 (Clear) empties the string table and 257 (EOI) ends the block; new strings get
 * codes from 258 up. The code width grows one code <em>earlier</em> than textbook LZW: the
 * decoder switches to 10 bits once the table's next free code is 511 (then 1023 and 2047),
 * the "early change" that Aldus shipped and TIFF 6.0 made the rule. Encoders keep the table
 * below 4094 entries by emitting Clear and starting over.
 * <p>
 * Early libtiff versions wrote a variant with the bits of each code reversed; like libtiff, the
 * decoder recognises such blocks by their first two bytes, and rejects them with a clear message
 * since no current writer produces them.
 *
 * @see LzwDecoder
 * @see LzwEncoder
 */
final class LzwCodec implements TiffCodec {

    static final LzwCodec INSTANCE = new LzwCodec();

    /** Empties the string table and resets the code width to 9. */
    static final int CLEAR = 256;
    /** Ends the block. */
    static final int EOI = 257;
    /** The first code assigned to a multi-byte string. */
    static final int FIRST_CODE = 258;
    /** Narrowest code width. */
    static final int MIN_BITS = 9;
    /** Widest code width, so codes are below 4096. */
    static final int MAX_BITS = 12;

    private LzwCodec() {
    }

    @Override
    public int decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws IOException {
        return LzwDecoder.decode(src, srcOff, srcLen, dst, dstOff, dstLen);
    }

    @Override
    public byte[] encode(byte[] src, int off, int len) {
        return LzwEncoder.encode(src, off, len);
    }
}
