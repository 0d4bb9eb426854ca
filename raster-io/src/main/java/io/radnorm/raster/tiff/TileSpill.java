package io.radnorm.raster.tiff;

import io.radnorm.raster.fs.AtomicOutput;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The compressed tiles of one COG level, in a local file, exactly as they will appear in the COG:
 * each tile as {@code [4-byte size leader][tile bytes][copy of its last 4 bytes]} (GDAL's
 * {@code BLOCK_LEADER=SIZE_AS_UINT4} and {@code BLOCK_TRAILER=LAST_4_BYTES_REPEATED}), tiles in
 * row-major order.
 *
 * <p>A COG must start with every IFD, and the IFDs hold every tile's offset and size, which are
 * known only after compression. So the writer compresses each level into its spill file first and,
 * once all sizes are known, writes the header followed by a plain copy of each spill file. The
 * spill file never needs rewriting, and memory holds only the tile sizes.
 *
 * <p>Tiles shorter than 4 bytes get their bytes followed by zeros as the trailer, as GDAL writes them.
 */
final class TileSpill implements Closeable {

    static final int LEADER = 4, TRAILER = 4;

    private final Path file;
    private final int[] byteCounts;
    private OutputStream out;
    private int appended;
    private long length;

    TileSpill(Path file, int tileCount) throws IOException {
        this.file = file;
        this.byteCounts = new int[tileCount];
        this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 1 << 20);
    }

    /** Appends the next tile in row-major order. */
    void append(byte[] tile) throws IOException {
        if (appended == byteCounts.length) {
            throw new IllegalStateException(file + ": all " + byteCounts.length + " tiles were already written");
        }
        int n = tile.length;
        out.write(new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)}); // little-endian, as the file
        out.write(tile);
        byte[] trailer = new byte[TRAILER];
        int keep = Math.min(n, TRAILER);
        System.arraycopy(tile, n - keep, trailer, 0, keep);
        out.write(trailer);
        byteCounts[appended++] = n;
        length += LEADER + (long) n + TRAILER;
    }

    /** Closes the file for writing; every tile must have been appended. */
    void finish() throws IOException {
        if (appended != byteCounts.length) {
            throw new IllegalStateException(file + ": " + appended + " of " + byteCounts.length + " tiles written");
        }
        if (out != null) {
            out.close();
            out = null;
        }
    }

    /** The tiles' compressed sizes (without leader and trailer), row-major. */
    int[] byteCounts() {
        return byteCounts;
    }

    /** Bytes in the spill file: the tiles with their leaders and trailers. */
    long length() {
        return length;
    }

    /** Copies the spill file, after {@link #finish()}, to {@code target}. */
    void copyTo(AtomicOutput target) throws IOException {
        if (out != null) {
            throw new IllegalStateException(file + ": not finished");
        }
        target.append(file, length);
    }

    /** Closes and deletes the spill file. */
    @Override
    public void close() throws IOException {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
