package io.radnorm.raster.tiff;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GridSize;
import io.radnorm.raster.Raster;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One level of a COG being written (full resolution or an overview): collects the level's rows
 * into strips of one tile row, compresses each strip's tiles in parallel, appends them to the
 * level's {@link TileSpill}, and passes each strip down to the {@link OverviewReducer} that feeds
 * the next (half-size) level.
 *
 * <p>Compression overlaps with producing the next strip: a strip's tiles are submitted to the
 * pool and collected (in row-major order, into the spill file) only when the next strip is
 * complete or the level finishes. So a level holds at most two strips (the one being compressed
 * and the one being filled) plus one strip's compressed tiles, whatever the image height; each
 * level's strips are half as wide as the previous level's, so all levels together hold about
 * twice what the full resolution holds.
 */
final class PyramidLevel {

    private final int index;
    private final GridSize size;
    private final int tileSize;
    private final RasterFormat format;
    private final TileEncoder encoder;
    private final TileSpill spill;
    private final ExecutorService pool;
    private final OverviewReducer reducer;
    private final PyramidLevel next;

    private Raster buffer;
    private int bufferedRows;
    private int rowsReceived;
    private List<Future<byte[]>> inFlight = List.of();

    /** Format of the pixels every level carries. */
    record RasterFormat(DataType type, int bands, Double nodata, OverviewResampling resampling) {
    }

    /**
     * @param next the next smaller level, or {@code null} for the smallest
     */
    PyramidLevel(int index, GridSize size, int tileSize, RasterFormat format, TileEncoder encoder, TileSpill spill,
                 ExecutorService pool, PyramidLevel next) {
        this.index = index;
        this.size = size;
        this.tileSize = tileSize;
        this.format = format;
        this.encoder = encoder;
        this.spill = spill;
        this.pool = pool;
        this.next = next;
        this.reducer = next == null ? null
                : new OverviewReducer(format.resampling(), format.type(), format.bands(), size.width(), format.nodata(),
                        next::accept);
    }

    int index() {
        return index;
    }

    GridSize size() {
        return size;
    }

    TileSpill spill() {
        return spill;
    }

    int tilesAcross() {
        return (size.width() + tileSize - 1) / tileSize;
    }

    int tilesDown() {
        return (size.height() + tileSize - 1) / tileSize;
    }

    /** Consumes the next rows of this level, full width, top to bottom. */
    void accept(Raster rows) throws IOException {
        if (rows.width() != size.width() || rowsReceived + rows.height() > size.height()) {
            throw new IllegalArgumentException("level " + index + " (" + size + ") got " + rows + " after "
                    + rowsReceived + " rows");
        }
        int offset = 0;
        while (offset < rows.height()) {
            int stripRows = Math.min(tileSize, size.height() - (rowsReceived - bufferedRows));
            if (bufferedRows == 0 && offset == 0 && rows.height() == stripRows) {
                // The common case at full resolution: the source gave exactly one strip; no copy.
                rowsReceived += stripRows;
                emit(rows);
                return;
            }
            if (buffer == null) {
                buffer = Raster.allocate(format.type(), size.width(), stripRows, format.bands());
            }
            int take = Math.min(stripRows - bufferedRows, rows.height() - offset);
            copyRows(rows, offset, buffer, bufferedRows, take);
            bufferedRows += take;
            rowsReceived += take;
            offset += take;
            if (bufferedRows == stripRows) {
                Raster strip = buffer;
                buffer = null; // a fresh buffer next time: the pool may still be reading this one
                bufferedRows = 0;
                emit(strip);
            }
        }
    }

    private static void copyRows(Raster src, int srcRow, Raster dst, int dstRow, int rows) {
        for (int b = 0; b < src.bandCount(); b++) {
            System.arraycopy(src.data(), src.index(b, 0, srcRow), dst.data(), dst.index(b, 0, dstRow),
                    rows * src.width());
        }
    }

    /**
     * Collects the previous strip's tiles, submits this strip's, and feeds the next level. The
     * previous strip was compressed while this one was being produced, so collecting it first
     * rarely waits, and only one strip's compressed tiles are ever held per level.
     */
    private void emit(Raster strip) throws IOException {
        drain();
        List<Future<byte[]>> tiles = new ArrayList<>(tilesAcross());
        for (int x0 = 0; x0 < size.width(); x0 += tileSize) {
            int x = x0;
            tiles.add(pool.submit(() -> encoder.encode(strip, x)));
        }
        inFlight = tiles;
        if (reducer != null) {
            reducer.accept(strip);
        }
    }

    /** Appends the in-flight strip's tiles to the spill file, in order. */
    private void drain() throws IOException {
        List<Future<byte[]>> tiles = inFlight;
        inFlight = List.of();
        for (Future<byte[]> f : tiles) {
            spill.append(await(f));
        }
    }

    /** After the last row: writes what is in flight and finishes this and every smaller level. */
    void finish() throws IOException {
        if (rowsReceived != size.height() || bufferedRows != 0) {
            throw new IllegalStateException("level " + index + " (" + size + ") received " + rowsReceived + " rows");
        }
        drain();
        spill.finish();
        if (reducer != null) {
            reducer.finish();
            next.finish();
        }
    }

    /** Cancels tiles still being compressed (after a failure). */
    void cancel() {
        for (Future<byte[]> f : inFlight) {
            f.cancel(true);
        }
        inFlight = List.of();
        if (next != null) {
            next.cancel();
        }
    }

    private static byte[] await(Future<byte[]> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing tiles");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException("tile compression failed: " + c, c);
        }
    }
}
