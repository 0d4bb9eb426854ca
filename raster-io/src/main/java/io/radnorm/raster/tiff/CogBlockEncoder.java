package io.radnorm.raster.tiff;

import io.radnorm.raster.GridSize;
import io.radnorm.raster.Raster;
import io.radnorm.raster.Window;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes one block of a {@link CogPlan}: pulls the block's pixels at the stage's base level one
 * tile row at a time, compresses the tiles of every level the stage produces (the base level too
 * in stage 0), reduces each level to the next with {@link OverviewReducer} exactly as
 * {@link CogWriter} does, and appends each tile row to the block's part file as soon as it is
 * compressed (the rows of different levels interleave; {@link CogBlock} records where each is). The pixels of the stage's top level (one tile at most) are appended raw when the
 * next stage needs them ({@link CogPlan#passesUp}).
 *
 * <p>Memory: one tile row of the block per level plus one strip of compressed tiles, whatever
 * the image size. Tiles are compressed on the calling thread: the parallelism is across blocks.
 */
public final class CogBlockEncoder {

    /** Tile framing, as in the COG: a 4-byte size leader and the last 4 bytes repeated. */
    static final int LEADER = 4, TRAILER = 4;

    private final CogPlan plan;
    private final TileEncoder encoder;

    public CogBlockEncoder(CogPlan plan) {
        this.plan = plan;
        CogOptions o = plan.options();
        this.encoder = new TileEncoder(plan.dataType(), plan.bandCount(), o.tileSize(), o.compression(),
                o.effectiveLevel(), plan.predictor());
    }

    /**
     * Encodes block (bx, by) of {@code stage}.
     *
     * @param source pixels of the stage's base level, asked for in tile rows of the block (windows
     *               in base-level pixel coordinates); for stage 0 the image itself, for later stages
     *               {@link #passUpSource} over the previous stage's blocks
     * @param part   the part file's stream (not closed here)
     * @param partUri recorded in the result
     */
    public CogBlock encode(int stage, int bx, int by, RasterSource source, OutputStream part, String partUri)
            throws IOException {
        Window block = plan.blockWindow(stage, bx, by);
        if (block.isEmpty()) {
            throw new IllegalArgumentException("block " + bx + "," + by + " of stage " + stage + " is outside the image");
        }
        Counting out = new Counting(part);
        int base = plan.baseLevel(stage), top = plan.topLevel(stage);
        List<GridSize> sizes = plan.levelSizes();
        BlockLevel[] levels = new BlockLevel[top - base + 1];
        for (int l = top; l >= base; l--) {
            int shift = l - base;
            int x0 = block.x() >> shift, y0 = block.y() >> shift;
            int w = Math.min(plan.blockPixels() >> shift, sizes.get(l).width() - x0);
            int h = Math.min(plan.blockPixels() >> shift, sizes.get(l).height() - y0);
            boolean encode = stage == 0 || l > base;
            boolean passUp = l == top && plan.passesUp(stage);
            levels[shift] = new BlockLevel(l, x0, y0, w, h, encode, passUp,
                    l < top ? levels[shift + 1] : null, out);
        }
        int ts = plan.tileSize();
        for (int y = 0; y < block.height(); y += ts) {
            Window w = new Window(block.x(), block.y() + y, block.width(), Math.min(ts, block.height() - y));
            Raster rows = source.read(w);
            if (rows == null || rows.width() != w.width() || rows.height() != w.height()
                    || rows.bandCount() != plan.bandCount() || rows.dataType() != plan.dataType()) {
                throw new IllegalStateException("the source returned " + rows + " for " + w + "; expected "
                        + w.width() + "x" + w.height() + "x" + plan.bandCount() + " " + plan.dataType().gdalName());
            }
            levels[0].accept(rows);
        }
        levels[0].finish();
        List<CogBlock.LevelTiles> tiles = new ArrayList<>();
        for (BlockLevel level : levels) {
            if (level.encode) {
                tiles.add(level.tiles());
            }
        }
        long passUpAt = -1;
        int[] passUpSize = null;
        BlockLevel last = levels[levels.length - 1];
        if (last.passUp) {
            passUpAt = out.count;
            Raster r = last.passUpPixels;
            byte[] raw = new byte[r.width() * r.height() * r.bandCount() * plan.dataType().bytesPerSample()];
            SampleBytes.write(r.data(), 0, r.width() * r.height() * r.bandCount(), plan.dataType(), raw, 0, 1,
                    ByteOrder.LITTLE_ENDIAN);
            out.write(raw);
            passUpSize = new int[] {r.width(), r.height()};
        }
        out.flush();
        return new CogBlock(stage, bx, by, partUri, tiles, passUpAt, passUpSize);
    }

    /** Decodes the pass-up pixels a block appended to its part file. */
    public static Raster readPassUp(CogPlan plan, CogBlock block, byte[] raw) {
        int w = block.passUpSize()[0], h = block.passUpSize()[1], n = w * h * plan.bandCount();
        Raster r = Raster.allocate(plan.dataType(), w, h, plan.bandCount());
        SampleBytes.read(raw, 0, 1, ByteOrder.LITTLE_ENDIAN, plan.dataType(), r.data(), 0, n);
        return r;
    }

    /** Size in bytes of a block's pass-up pixels. */
    public static int passUpBytes(CogPlan plan, CogBlock block) {
        return block.passUpSize()[0] * block.passUpSize()[1] * plan.bandCount() * plan.dataType().bytesPerSample();
    }

    /** Fetches the pass-up tile of the previous stage's block (tileX, tileY). */
    public interface PassUpTiles {
        Raster tile(int tileX, int tileY) throws IOException;
    }

    /**
     * The base level of {@code stage > 0} as a source over the previous stage's pass-up tiles: a
     * window of whole tile rows is pasted together from the tiles it covers.
     */
    public static RasterSource passUpSource(CogPlan plan, int stage, PassUpTiles tiles) {
        GridSize size = plan.levelSizes().get(plan.baseLevel(stage));
        int ts = plan.tileSize();
        return plan.source(size, w -> {
            if (w.x() % ts != 0 || w.y() % ts != 0) {
                throw new IllegalArgumentException(w + " is not tile-aligned");
            }
            Raster out = Raster.allocate(plan.dataType(), w.width(), w.height(), plan.bandCount());
            int ty = w.y() / ts;
            for (int x = 0; x < w.width(); x += ts) {
                Raster t = tiles.tile((w.x() + x) / ts, ty);
                if (t.height() != w.height() || t.width() != Math.min(ts, w.width() - x)) {
                    throw new IllegalStateException("pass-up tile " + (w.x() + x) / ts + "," + ty + " is "
                            + t + ", expected " + Math.min(ts, w.width() - x) + "x" + w.height());
                }
                out.paste(t, x, 0);
            }
            return out;
        });
    }

    /** One level of the block: buffers tile rows, encodes them, reduces them to the next level. */
    private final class BlockLevel {
        final int level, x0, y0, width, height;
        final boolean encode, passUp;
        final BlockLevel next;
        final OverviewReducer reducer;
        final Counting out;
        final int across, down;
        final int[] counts;
        final long[] rowOffsets, rowLengths;
        int tileRowsWritten;
        Raster buffer;
        int bufferedRows, rowsReceived;
        Raster passUpPixels;

        BlockLevel(int level, int x0, int y0, int width, int height, boolean encode, boolean passUp, BlockLevel next,
                   Counting out) {
            this.level = level;
            this.x0 = x0;
            this.y0 = y0;
            this.width = width;
            this.height = height;
            this.encode = encode;
            this.passUp = passUp;
            this.next = next;
            this.out = out;
            this.across = CogPlan.ceilDiv(width, plan.tileSize());
            this.down = CogPlan.ceilDiv(height, plan.tileSize());
            this.counts = new int[across * down];
            this.rowOffsets = new long[down];
            this.rowLengths = new long[down];
            this.reducer = next == null ? null : new OverviewReducer(plan.options().resampling(), plan.dataType(),
                    plan.bandCount(), width, plan.metadata().nodata(), next::accept);
        }

        void accept(Raster rows) throws IOException {
            int ts = plan.tileSize();
            int offset = 0;
            while (offset < rows.height()) {
                int stripRows = Math.min(ts, height - (rowsReceived - bufferedRows));
                if (bufferedRows == 0 && offset == 0 && rows.height() == stripRows) {
                    rowsReceived += stripRows;
                    emit(rows);
                    return;
                }
                if (buffer == null) {
                    buffer = Raster.allocate(plan.dataType(), width, stripRows, plan.bandCount());
                }
                int take = Math.min(stripRows - bufferedRows, rows.height() - offset);
                for (int b = 0; b < rows.bandCount(); b++) {
                    System.arraycopy(rows.data(), rows.index(b, 0, offset), buffer.data(),
                            buffer.index(b, 0, bufferedRows), take * width);
                }
                bufferedRows += take;
                rowsReceived += take;
                offset += take;
                if (bufferedRows == stripRows) {
                    Raster strip = buffer;
                    buffer = null;
                    bufferedRows = 0;
                    emit(strip);
                }
            }
        }

        private void emit(Raster strip) throws IOException {
            if (strip.width() != width || rowsReceived > height) {
                throw new IllegalStateException("level " + level + " block of " + width + "x" + height + " got "
                        + strip + " after " + rowsReceived + " rows");
            }
            if (encode) {
                writeTileRow(strip);
            }
            if (passUp) {
                passUpPixels = strip; // the top level of a passing stage is one tile: one strip
            }
            if (reducer != null) {
                reducer.accept(strip);
            }
        }

        void finish() throws IOException {
            if (rowsReceived != height || bufferedRows != 0) {
                throw new IllegalStateException("level " + level + " block received " + rowsReceived + " of "
                        + height + " rows");
            }
            if (reducer != null) {
                reducer.finish();
                next.finish();
            }
        }

        /**
         * Appends one strip's tiles to the part file at once (the levels' rows interleave in the
         * file; the assembler copies row by row), so only one strip of compressed tiles is held.
         */
        private void writeTileRow(Raster strip) throws IOException {
            int ty = tileRowsWritten++;
            rowOffsets[ty] = out.count;
            byte[] trailer = new byte[TRAILER];
            for (int tx = 0; tx < across; tx++) {
                byte[] tile = encoder.encode(strip, tx * plan.tileSize());
                int n = tile.length;
                out.write(new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
                out.write(tile);
                java.util.Arrays.fill(trailer, (byte) 0);
                int keep = Math.min(n, TRAILER);
                System.arraycopy(tile, n - keep, trailer, 0, keep);
                out.write(trailer);
                counts[ty * across + tx] = n;
            }
            rowLengths[ty] = out.count - rowOffsets[ty];
        }

        CogBlock.LevelTiles tiles() {
            int ts = plan.tileSize();
            return new CogBlock.LevelTiles(level, x0 / ts, y0 / ts, across, down, counts, rowOffsets, rowLengths);
        }
    }

    /** Counts what goes through, so tile rows know their offsets in the part file. */
    private static final class Counting extends OutputStream {
        final OutputStream out;
        long count;

        Counting(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
