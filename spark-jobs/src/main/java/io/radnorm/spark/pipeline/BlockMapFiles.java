package io.radnorm.spark.pipeline;

import io.radnorm.algorithms.local.BlockGrid;
import io.radnorm.algorithms.local.BlockMap;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogWriter;
import io.radnorm.raster.tiff.GeoMetadata;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.tiff.RasterSource;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;

/**
 * Block maps as GeoTIFFs, the layout spectralmatch writes: {@code cols × rows} pixels of float32,
 * one band per image band, NaN for empty blocks, origin at the canvas's top-left corner with
 * block-sized pixels, in the inputs' CRS. A saved reference map can be loaded to bring new images
 * to an existing radiometry.
 */
public final class BlockMapFiles {

    private BlockMapFiles() {
    }

    public static void write(BlockMap map, Crs crs, String uri, Configuration conf) throws IOException {
        Raster r = map.toRaster();
        CogWriter.write(RasterSource.of(r), new GeoMetadata(map.grid().geoTransform(), crs, Double.NaN), uri, conf,
                CogOptions.defaults().withTileSize(256));
    }

    /**
     * Writes a block map without loss, for a resumed run to apply exactly the map this run applies:
     * {@code cols × rows} float64 pixels, bands {@code 0..n-1} the means (NaN for empty blocks),
     * bands {@code n..2n-1} the coverage, under the grid's geotransform. GDAL reads it as any
     * GeoTIFF; {@link #readExact} reads it back bit for bit.
     */
    public static void writeExact(BlockMap map, Crs crs, String uri, Configuration conf) throws IOException {
        int n = map.grid().blockCount(), bands = map.bandCount();
        double[] data = new double[2 * bands * n];
        for (int b = 0; b < bands; b++) {
            for (int k = 0; k < n; k++) {
                data[b * n + k] = map.mean(b, k);
                data[(bands + b) * n + k] = map.coverage(b, k);
            }
        }
        Raster r = Raster.wrap(io.radnorm.raster.DataType.FLOAT64, map.grid().cols(), map.grid().rows(), 2 * bands,
                data);
        CogWriter.write(RasterSource.of(r), new GeoMetadata(map.grid().geoTransform(), crs, Double.NaN), uri, conf,
                CogOptions.defaults().withTileSize(256));
    }

    /** Reads a map {@link #writeExact} wrote, on {@code grid} (the exact grid it was written from). */
    public static BlockMap readExact(String uri, Configuration conf, BlockGrid grid, int bandCount)
            throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(uri, conf)) {
            RasterInfo info = r.info();
            if (info.bandCount() != 2 * bandCount || info.width() != grid.cols() || info.height() != grid.rows()) {
                throw new IOException(uri + ": not a saved " + grid.cols() + "x" + grid.rows() + " block map of "
                        + bandCount + " bands (means and coverage)");
            }
            Raster pixels = r.read(Window.of(info.width(), info.height()));
            double[][] means = new double[bandCount][], coverage = new double[bandCount][];
            for (int b = 0; b < bandCount; b++) {
                means[b] = pixels.bandAsDoubles(b);
                coverage[b] = pixels.bandAsDoubles(bandCount + b);
            }
            return new BlockMap(grid, means, coverage);
        }
    }

    /** Reads a block map; its grid comes from the file's geotransform and size. */
    public static BlockMap read(String uri, Configuration conf, int bandCount) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(uri, conf)) {
            RasterInfo info = r.info();
            if (info.bandCount() != bandCount) {
                throw new IOException(uri + ": block map has " + info.bandCount() + " bands, the images have "
                        + bandCount);
            }
            if (!info.isGeoreferenced()) {
                throw new IOException(uri + ": block map has no georeferencing");
            }
            BlockGrid grid = BlockGrid.fromGeoTransform(info.geoTransform(), info.width(), info.height());
            Raster pixels = r.read(Window.of(info.width(), info.height()));
            return info.hasNodata() && !Double.isNaN(info.nodata())
                    ? BlockMap.fromRaster(grid, pixels, info.nodata()) : BlockMap.fromRaster(grid, pixels);
        }
    }
}
