package io.radnorm.spark.geometry;

import io.radnorm.spark.Broadcasts;
import io.radnorm.algorithms.Validity;
import io.radnorm.algorithms.polygonize.PixelGeometries;
import io.radnorm.algorithms.polygonize.RasterPolygonizer;
import io.radnorm.algorithms.seamline.SeamlineBuilder;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.GridSize;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.spark.RasterCollection;
import io.radnorm.spark.SerializableConfiguration;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Each image's valid-data footprint, computed on the executors at a reduced resolution: one task
 * per image, only the polygon travels to the driver.
 *
 * <h2>Resolution</h2>
 * The footprint grid has at most {@code maxSize} pixels on its longer side: step
 * {@code s = ceil(max(width, height) / maxSize)} full-resolution pixels per footprint pixel. If the
 * file has internal overviews, the coarsest level whose decimation d does not exceed s is read
 * (an overview pixel is nodata only where its whole source block was, as GDAL and radnorm build
 * them, so the footprint there is "any pixel valid"); the remaining factor {@code k = round(s / d)}
 * (1 when an overview matches) is taken by <b>decimated reads</b>: footprint pixel (i, j) is the
 * level pixel at the centre of its k × k block. Level pixels are read in blocks of about 1024²,
 * never the whole level.
 *
 * <h2>Validity and polygon</h2>
 * A footprint pixel is valid when any band is valid there (not nodata, not NaN; nodata = the
 * override or the file's). The valid pixels are polygonized ({@link RasterPolygonizer}), mapped to
 * the image's CRS, clipped to the image's bounds (the last block may overhang), and the
 * <b>largest part</b> is kept (islands of data and holes inside stay as polygonized). So edges
 * are accurate to one footprint pixel ({@code s} full-resolution pixels).
 */
public final class Footprints {

    /** Default longest side of the footprint grid. */
    public static final int DEFAULT_MAX_SIZE = 1024;

    private Footprints() {
    }

    /** One image's footprint as computed: WKB of the polygon (null if no valid pixel), its grid step. */
    record Result(String name, byte[] wkb, int level, int step, double pixelSize) implements Serializable {
    }

    /** The footprint of every image that has valid pixels, by name, in input order. */
    static Map<String, Polygon> compute(SparkSession spark, List<RasterInfo> infos, Double nodata, int maxSize,
                                        double[] footprintPixelSize) throws IOException {
        if (maxSize < 2) {
            throw new IllegalArgumentException("footprint size must be at least 2 pixels, not " + maxSize);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf = Broadcasts.hadoopConfiguration(jsc);
        List<RasterInfo> work = new ArrayList<>(infos);
        jsc.setJobDescription("radnorm: footprints of " + work.size() + " images");
        List<Result> results;
        try {
            results = jsc.parallelize(work, Math.max(1, work.size())).map(info -> {
                try (GeoTiffReader reader = GeoTiffReader.open(info.location(), conf.value().get())) {
                    return footprint(reader, info, RasterCollection.nodata(info, nodata), maxSize);
                }
            }).collect();
        } finally {
            jsc.setJobDescription(null);
        }
        Map<String, Polygon> out = new LinkedHashMap<>();
        WKBReader wkb = new WKBReader();
        double coarsest = 0;
        for (Result r : results) {
            coarsest = Math.max(coarsest, r.pixelSize());
            if (r.wkb() != null) {
                try {
                    out.put(r.name(), (Polygon) wkb.read(r.wkb()));
                } catch (ParseException e) {
                    throw new IOException(r.name() + ": footprint WKB: " + e.getMessage(), e);
                }
            }
        }
        if (footprintPixelSize != null) {
            footprintPixelSize[0] = coarsest;
        }
        return out;
    }

    /** The footprint of one image (runs on an executor). */
    static Result footprint(GeoTiffReader reader, RasterInfo info, double nodata, int maxSize) throws IOException {
        int step = (int) Math.max(1, Math.ceil(Math.max(info.width(), info.height()) / (double) maxSize));
        int level = 0;
        int decimation = 1;
        for (int l = 1; l <= reader.overviewCount(); l++) {
            GridSize s = reader.levelSize(l);
            int d = (int) Math.round(Math.max(info.width() / (double) s.width(), info.height() / (double) s.height()));
            if (d <= step) {
                level = l;
                decimation = d;
            }
        }
        GridSize ls = reader.levelSize(level);
        int k = Math.max(1, (int) Math.round(step / (double) decimation));
        int gw = (ls.width() + k - 1) / k;
        int gh = (ls.height() + k - 1) / k;
        boolean[] valid = new boolean[gw * gh];
        int block = k * Math.max(1, 1024 / k);
        int[] bands = new int[info.bandCount()];
        for (int b = 0; b < bands.length; b++) {
            bands[b] = b;
        }
        for (int by = 0; by < ls.height(); by += block) {
            for (int bx = 0; bx < ls.width(); bx += block) {
                Window w = new Window(bx, by, Math.min(block, ls.width() - bx), Math.min(block, ls.height() - by));
                Raster r = reader.readLevel(level, w, bands);
                int n = r.pixelsPerBand();
                for (int y = by; y < w.maxY(); y += k) {
                    int sy = Math.min(y + k / 2, w.maxY() - 1) - by;
                    for (int x = bx; x < w.maxX(); x += k) {
                        int sx = Math.min(x + k / 2, w.maxX() - 1) - bx;
                        boolean any = false;
                        for (int b = 0; b < bands.length && !any; b++) {
                            any = Validity.isValid(r.getAt(b * n + sy * w.width() + sx), nodata);
                        }
                        valid[(y / k) * gw + x / k] = any;
                    }
                }
            }
        }
        GeoTransform levelTransform = info.geoTransform().scaled(info.width() / (double) ls.width(),
                info.height() / (double) ls.height());
        GeoTransform grid = levelTransform.scaled(k, k);
        double pixelSize = Math.max(Math.abs(grid.pixelWidth()), Math.abs(grid.pixelHeight()));
        List<Polygon> parts = RasterPolygonizer.polygonize(valid, gw, gh, 0, 0);
        if (parts.isEmpty()) {
            return new Result(info.name(), null, level, step, pixelSize);
        }
        GeometryFactory gf = new GeometryFactory();
        Geometry mapped = PixelGeometries.toMap(gf.buildGeometry(new ArrayList<Geometry>(parts)), grid);
        Geometry clipped = mapped.intersection(gf.toGeometry(info.bounds()));
        Polygon largest = SeamlineBuilder.largestPart(clipped);
        byte[] bytes = largest == null ? null : new WKBWriter().write(PixelGeometries.orientCounterClockwise(largest));
        return new Result(info.name(), bytes, level, step, pixelSize);
    }
}
