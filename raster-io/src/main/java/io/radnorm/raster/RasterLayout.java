package io.radnorm.raster;

import io.radnorm.raster.tiff.codec.Compression;
import java.io.Serializable;
import java.util.List;

/**
 * How a GeoTIFF stores its pixels: blocks (tiles, or strips of full width), compression,
 * predictor, interleave, overview levels, and whether the file is laid out as a Cloud-Optimized
 * GeoTIFF. Readers pick window sizes from {@link #blockWidth()}/{@link #blockHeight()} so that
 * one window decodes whole blocks.
 *
 * @param tiled             tiles ({@code true}) or strips
 * @param blockWidth        tile width, or the image width for strips
 * @param blockHeight       tile height, or RowsPerStrip
 * @param bandInterleaved   PlanarConfiguration 2 (one block per band) instead of pixel-interleaved
 * @param overviews         sizes of the internal overview levels, largest first
 * @param cog               GDAL's COG ghost header says LAYOUT=IFDS_BEFORE_DATA
 */
public record RasterLayout(boolean tiled, int blockWidth, int blockHeight, Compression compression,
                           int predictor, boolean bandInterleaved, boolean bigTiff,
                           List<GridSize> overviews, boolean cog) implements Serializable {

    public RasterLayout {
        overviews = List.copyOf(overviews);
    }

    /** "tiled 512x512" or "strips of 5 rows". */
    public String blockDescription() {
        return tiled ? "tiled " + blockWidth + "x" + blockHeight : "strips of " + blockHeight + " rows";
    }
}
