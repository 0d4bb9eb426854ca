package io.radnorm.raster.tiff;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.GridSize;
import io.radnorm.raster.crs.GeoKeyDirectory;
import io.radnorm.raster.tiff.codec.Compression;

/**
 * The tags of each COG level's IFD, as GDAL 3.6's COG driver writes them (checked with
 * {@code tiffdump} on {@code gdal_translate -of COG} output): every level carries the image
 * structure tags and {@code GDAL_NODATA}; overviews add {@code NewSubfileType = 1}; only the
 * full-resolution IFD carries georeferencing. Tile offsets and byte counts are added by
 * {@link CogHeader}, which knows where the tiles will be.
 */
final class CogTags {

    private CogTags() {
    }

    /**
     * @param level     0 for full resolution, 1.. for overviews
     * @param predictor the Predictor tag value, 1 (none), 2 or 3
     */
    static IfdEntries forLevel(int level, GridSize size, int tileSize, DataType type, int bands,
                               Compression compression, int predictor, GeoMetadata meta) {
        IfdEntries t = new IfdEntries();
        if (level > 0) {
            t.longs(TiffTag.NEW_SUBFILE_TYPE, TiffTag.SUBFILE_REDUCED_RESOLUTION);
        }
        t.shortOrLong(TiffTag.IMAGE_WIDTH, size.width());
        t.shortOrLong(TiffTag.IMAGE_LENGTH, size.height());
        t.shorts(TiffTag.BITS_PER_SAMPLE, repeat(type.bitsPerSample(), bands));
        t.shorts(TiffTag.COMPRESSION, compression.tagValue());
        // MinIsBlack whatever the band count: these are measurements, not colours (GDAL's default
        // unless PHOTOMETRIC=RGB is asked for); the extra bands are then "unspecified" samples.
        t.shorts(TiffTag.PHOTOMETRIC, 1);
        t.shorts(TiffTag.SAMPLES_PER_PIXEL, bands);
        t.shorts(TiffTag.PLANAR_CONFIGURATION, 1);
        if (predictor != 1) {
            t.shorts(TiffTag.PREDICTOR, predictor);
        }
        t.shortOrLong(TiffTag.TILE_WIDTH, tileSize);
        t.shortOrLong(TiffTag.TILE_LENGTH, tileSize);
        if (bands > 1) {
            t.shorts(TiffTag.EXTRA_SAMPLES, repeat(0, bands - 1));
        }
        t.shorts(TiffTag.SAMPLE_FORMAT, repeat(type.sampleFormat(), bands));
        if (level == 0) {
            georeferencing(t, meta);
        }
        if (meta.nodata() != null) {
            t.ascii(TiffTag.GDAL_NODATA, GeoTiffTags.formatNodata(meta.nodata()));
        }
        return t;
    }

    private static void georeferencing(IfdEntries t, GeoMetadata meta) {
        GeoKeyDirectory keys = meta.crs() == null ? null : meta.crs().geoKeys();
        GeoTransform gt = meta.geoTransform();
        if (gt != null) {
            if (keys != null && keys.isPixelIsPoint()) {
                // PixelIsPoint files tie pixel centres; the reader shifts back by half a pixel.
                gt = gt.window(0.5, 0.5);
            }
            if (gt.rowRotation() == 0 && gt.columnRotation() == 0 && gt.pixelHeight() < 0) {
                t.doubles(TiffTag.MODEL_PIXEL_SCALE, gt.pixelWidth(), -gt.pixelHeight(), 0);
                t.doubles(TiffTag.MODEL_TIEPOINT, 0, 0, 0, gt.originX(), gt.originY(), 0);
            } else {
                // Rotated, sheared or south-up grids need the full affine matrix (row-major 4×4).
                t.doubles(TiffTag.MODEL_TRANSFORMATION,
                        gt.pixelWidth(), gt.rowRotation(), 0, gt.originX(),
                        gt.columnRotation(), gt.pixelHeight(), 0, gt.originY(),
                        0, 0, 0, 0,
                        0, 0, 0, 1);
            }
        }
        if (keys != null) {
            // Verbatim, so that user-defined CRSs survive bit for bit.
            t.shorts(TiffTag.GEO_KEY_DIRECTORY, keys.directory());
            double[] doubles = keys.doubleParams();
            if (doubles.length > 0) {
                t.doubles(TiffTag.GEO_DOUBLE_PARAMS, doubles);
            }
            if (!keys.asciiParams().isEmpty()) {
                t.ascii(TiffTag.GEO_ASCII_PARAMS, keys.asciiParams());
            }
        }
    }

    private static int[] repeat(int v, int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
