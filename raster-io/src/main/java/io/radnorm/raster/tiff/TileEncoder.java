package io.radnorm.raster.tiff;

import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.tiff.codec.Compression;
import io.radnorm.raster.tiff.codec.Predictors;
import io.radnorm.raster.tiff.codec.ThreadScratch;
import io.radnorm.raster.tiff.codec.TiffCodec;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Turns one tile of a strip into the compressed bytes a TIFF stores: samples pixel-interleaved
 * (PlanarConfiguration 1) in little-endian order, padded with zeros to a full
 * {@code tileSize × tileSize} tile (TIFF tiles are always whole, edge tiles included), the
 * predictor applied over the whole padded tile as libtiff does, then compressed.
 *
 * <p>Thread-safe: {@link #encode} is called concurrently for the tiles of a strip. Each thread
 * reuses one scratch tile buffer, so encoding does not allocate a tile-sized array per tile.
 */
final class TileEncoder {

    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    /** The tile being interleaved and predicted, one per thread (shared by every encoder). */
    private static final ThreadScratch SCRATCH = new ThreadScratch();

    private final DataType type;
    private final int bands;
    private final int tileSize;
    private final int predictor;
    private final TiffCodec codec;
    private final int tileBytes;

    /**
     * @param predictor the Predictor tag value, 1, 2 or 3
     */
    TileEncoder(DataType type, int bands, int tileSize, Compression compression, int level, int predictor) {
        this.type = type;
        this.bands = bands;
        this.tileSize = tileSize;
        this.predictor = predictor;
        this.codec = compression.codec(level);
        long bytes = (long) tileSize * tileSize * bands * type.bytesPerSample();
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(tileSize + "x" + tileSize + " tiles of " + bands + " "
                    + type.gdalName() + " bands are too large (" + bytes + " bytes); use smaller tiles");
        }
        this.tileBytes = (int) bytes;
    }

    /** Size of one uncompressed tile. */
    int tileBytes() {
        return tileBytes;
    }

    /**
     * The compressed tile whose left edge is column {@code x0} of {@code strip}: the strip's rows
     * from its top (at most {@code tileSize}), columns {@code x0 .. min(x0 + tileSize, width)}.
     */
    byte[] encode(Raster strip, int x0) {
        int w = Math.min(tileSize, strip.width() - x0);
        int rows = Math.min(tileSize, strip.height());
        byte[] buf = SCRATCH.atLeast(tileBytes);
        if (w < tileSize || rows < tileSize) {
            Arrays.fill(buf, 0, tileBytes, (byte) 0); // edge tile: the padding must not carry the previous tile's pixels
        }
        for (int y = 0; y < rows; y++) {
            int rowStart = y * tileSize * bands;
            for (int b = 0; b < bands; b++) {
                SampleBytes.write(strip.data(), strip.index(b, x0, y), w, type, buf, rowStart + b, bands, ORDER);
            }
        }
        int bps = type.bytesPerSample();
        if (predictor == 2) {
            Predictors.encodeHorizontal(buf, 0, tileSize, tileSize, bands, bps, ORDER);
        } else if (predictor == 3) {
            Predictors.encodeFloatingPoint(buf, 0, tileSize, tileSize, bands, bps, ORDER);
        }
        return codec.encode(buf, 0, tileBytes);
    }
}
