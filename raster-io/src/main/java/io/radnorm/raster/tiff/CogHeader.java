package io.radnorm.raster.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out and serializes everything of a COG that precedes the tile data, byte for byte as GDAL
 * 3.6's COG driver (libtiff underneath) does:
 *
 * <ol>
 *   <li>the TIFF header, little-endian, classic ({@code II*\0}) or BigTIFF ({@code II+\0});</li>
 *   <li>GDAL's "ghost" header, {@code GDAL_STRUCTURAL_METADATA_SIZE=000140 bytes\n} followed by the
 *       140 bytes of {@link #GHOST_BODY}, padded to an even offset: it tells readers that the IFDs come
 *       first, tiles are in row-major order and each tile is wrapped in a size leader and a trailer;</li>
 *   <li>each IFD, full resolution first, then overviews from largest to smallest, each followed by
 *       its out-of-line tag values (word-aligned) except the tile arrays;</li>
 *   <li>the TileOffsets and TileByteCounts arrays of every IFD that does not hold them inline;</li>
 * </ol>
 * after which the tile data starts with the smallest overview's first tile leader and ends with
 * the full resolution's last tile. All sizes are known before any offset, so one pass computes
 * the layout and a second writes it.
 */
final class CogHeader {

    /** The structural metadata GDAL's COG driver writes; the trailing space is GDAL's. */
    static final String GHOST_BODY = "LAYOUT=IFDS_BEFORE_DATA\n"
            + "BLOCK_ORDER=ROW_MAJOR\n"
            + "BLOCK_LEADER=SIZE_AS_UINT4\n"
            + "BLOCK_TRAILER=LAST_4_BYTES_REPEATED\n"
            + "KNOWN_INCOMPATIBLE_EDITION=NO\n ";

    static final byte[] GHOST = String.format("GDAL_STRUCTURAL_METADATA_SIZE=%06d bytes\n%s",
            GHOST_BODY.length(), GHOST_BODY).getBytes(StandardCharsets.US_ASCII);

    /**
     * One level as laid out in the file.
     *
     * @param tags       its IFD's tags without TileOffsets / TileByteCounts
     * @param byteCounts compressed size of each tile, row-major
     * @param dataLength bytes of its tile data including leaders and trailers
     */
    record Level(IfdEntries tags, int[] byteCounts, long dataLength) {
    }

    /**
     * The serialized header.
     *
     * @param bytes      header, ghost, IFDs and tag values: everything before the tile data
     * @param fileLength the length of the complete file
     * @param ifdOffsets where each level's IFD is, full resolution first
     */
    record Result(byte[] bytes, long fileLength, boolean bigTiff, long[] ifdOffsets) {
    }

    private static final long CLASSIC_LIMIT = 0xFFFFFFFFL;

    private CogHeader() {
    }

    /**
     * Lays out {@code levels} (full resolution first) as {@code mode} asks: {@code AUTO} is classic
     * TIFF when the file fits its 32-bit offsets, else BigTIFF.
     *
     * @throws IOException naming {@code uri} if {@code mode} is {@code NO} and the file would not fit
     */
    static Result build(List<Level> levels, BigTiffMode mode, String uri) throws IOException {
        switch (mode) {
            case YES:
                return build(levels, true);
            case NO: {
                Result r = build(levels, false);
                if (r == null) {
                    throw new IOException(uri + ": the COG would exceed the 4 GiB of a classic TIFF; "
                            + "write it with BigTiffMode.AUTO or YES");
                }
                return r;
            }
            default: {
                Result r = build(levels, false);
                return r != null ? r : build(levels, true);
            }
        }
    }

    /**
     * Lays out {@code levels} (full resolution first).
     *
     * @return the header, or {@code null} if {@code bigTiff} is false and the file would not fit
     *         classic TIFF's 32-bit offsets
     */
    static Result build(List<Level> levels, boolean bigTiff) {
        int inline = bigTiff ? 8 : 4;
        int countSize = bigTiff ? 8 : 2, entrySize = bigTiff ? 20 : 12, nextSize = bigTiff ? 8 : 4;
        int n = levels.size();

        // Each level's complete tag list, offsets still zero (their size is all the layout needs).
        List<List<IfdEntries.Entry>> ifds = new ArrayList<>(n);
        for (Level level : levels) {
            IfdEntries t = level.tags().copy();
            int tiles = level.byteCounts().length;
            long[] counts = new long[tiles];
            for (int i = 0; i < tiles; i++) {
                counts[i] = level.byteCounts()[i];
            }
            if (bigTiff) {
                t.long8s(TiffTag.TILE_OFFSETS, new long[tiles]);
                t.long8s(TiffTag.TILE_BYTE_COUNTS, counts);
            } else {
                t.longs(TiffTag.TILE_OFFSETS, new long[tiles]);
                t.longs(TiffTag.TILE_BYTE_COUNTS, counts);
            }
            ifds.add(t.entries());
        }

        // Pass 1: positions. valueAt[i][e] is where entry e of IFD i keeps its values (-1 inline).
        long pos = align(header(bigTiff) + GHOST.length);
        long[] ifdAt = new long[n];
        long[][] valueAt = new long[n][];
        for (int i = 0; i < n; i++) {
            List<IfdEntries.Entry> entries = ifds.get(i);
            pos = align(pos); // IFDs start on a word boundary too (TIFF 6.0)
            ifdAt[i] = pos;
            pos += countSize + (long) entries.size() * entrySize + nextSize;
            valueAt[i] = new long[entries.size()];
            for (int e = 0; e < entries.size(); e++) {
                IfdEntries.Entry entry = entries.get(e);
                valueAt[i][e] = -1;
                if (entry.value().length > inline && !isTileArray(entry.tag())) {
                    pos = align(pos);
                    valueAt[i][e] = pos;
                    pos += entry.value().length;
                }
            }
        }
        // libtiff writes the tile arrays after all IFDs (GDAL fills them in once tiles are written).
        for (int i = 0; i < n; i++) {
            List<IfdEntries.Entry> entries = ifds.get(i);
            for (int e = 0; e < entries.size(); e++) {
                IfdEntries.Entry entry = entries.get(e);
                if (entry.value().length > inline && isTileArray(entry.tag())) {
                    pos = align(pos);
                    valueAt[i][e] = pos;
                    pos += entry.value().length;
                }
            }
        }
        long dataStart = pos;

        // Tile offsets: data runs from the smallest level to full resolution.
        long[][] offsets = new long[n][];
        long cursor = dataStart;
        for (int i = n - 1; i >= 0; i--) {
            int[] counts = levels.get(i).byteCounts();
            offsets[i] = new long[counts.length];
            long at = cursor;
            for (int t = 0; t < counts.length; t++) {
                offsets[i][t] = at + TileSpill.LEADER;
                at += TileSpill.LEADER + (long) counts[t] + TileSpill.TRAILER;
            }
            if (at - cursor != levels.get(i).dataLength()) {
                throw new IllegalStateException("level " + i + ": tile sizes add up to " + (at - cursor)
                        + " bytes but its data holds " + levels.get(i).dataLength());
            }
            cursor = at;
        }
        long fileLength = cursor;
        if (!bigTiff && fileLength > CLASSIC_LIMIT) {
            return null;
        }
        if (dataStart > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("COG header of " + dataStart + " bytes; use larger tiles");
        }

        // Pass 2: bytes.
        ByteBuffer b = ByteBuffer.allocate((int) dataStart).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I');
        if (bigTiff) {
            b.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(ifdAt[0]);
        } else {
            b.putShort((short) 42).putInt((int) ifdAt[0]);
        }
        b.put(GHOST);
        for (int i = 0; i < n; i++) {
            List<IfdEntries.Entry> entries = ifds.get(i);
            b.position((int) ifdAt[i]);
            putOffset(b, entries.size(), bigTiff ? 8 : 2);
            for (int e = 0; e < entries.size(); e++) {
                IfdEntries.Entry entry = entries.get(e);
                byte[] value = entry.tag() == TiffTag.TILE_OFFSETS ? encode(offsets[i], bigTiff) : entry.value();
                b.putShort((short) entry.tag()).putShort((short) entry.type());
                putOffset(b, entry.count(), bigTiff ? 8 : 4);
                if (valueAt[i][e] < 0) {
                    b.put(value).put(new byte[inline - value.length]); // left-justified, zero-padded
                } else {
                    putOffset(b, valueAt[i][e], inline);
                    b.put((int) valueAt[i][e], value);
                }
            }
            putOffset(b, i + 1 < n ? ifdAt[i + 1] : 0, nextSize);
        }
        return new Result(b.array(), fileLength, bigTiff, ifdAt);
    }

    private static boolean isTileArray(int tag) {
        return tag == TiffTag.TILE_OFFSETS || tag == TiffTag.TILE_BYTE_COUNTS;
    }

    private static int header(boolean bigTiff) {
        return bigTiff ? 16 : 8;
    }

    /** TIFF values start on word (2-byte) boundaries. */
    private static long align(long pos) {
        return (pos + 1) & ~1L;
    }

    private static void putOffset(ByteBuffer b, long v, int size) {
        switch (size) {
            case 2 -> b.putShort((short) v);
            case 4 -> b.putInt((int) v);
            default -> b.putLong(v);
        }
    }

    private static byte[] encode(long[] offsets, boolean bigTiff) {
        ByteBuffer b = ByteBuffer.allocate(offsets.length * (bigTiff ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (long o : offsets) {
            if (bigTiff) {
                b.putLong(o);
            } else {
                b.putInt((int) o);
            }
        }
        return b.array();
    }
}
