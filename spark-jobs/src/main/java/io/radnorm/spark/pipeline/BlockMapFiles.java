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
