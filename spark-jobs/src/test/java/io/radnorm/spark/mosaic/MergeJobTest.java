package io.radnorm.spark.mosaic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.testing.Gdal;
import io.radnorm.raster.testing.TestData;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.testing.SparkTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Merge} against GDAL: the mosaic of the sample images equals {@code gdal_merge.py -n} of the
 * same inputs in reverse order (gdal_merge paints later files over earlier ones, radnorm's default
 * lets earlier ones win) pixel for pixel, with the same grid; GDAL validates the COG, also when the
 * mosaic is cut into many blocks and stages; seamlines restrict each image to its polygon.
 */
class MergeJobTest {

    @TempDir
    Path dir;

    private final SparkSession spark = SparkTest.session();

    @Test
    void quadrantsEqualGdalMerge() throws Exception {
        assertEqualsGdalMerge("quadrants", CogOptions.defaults(), 0);
    }

    @Test
    void worldViewMosaicEqualsGdalMerge() throws Exception {
        assertEqualsGdalMerge("mosaic", CogOptions.defaults(), 0);
    }

    /** 64-pixel tiles, 2×2-tile blocks: 42 blocks in stage 0 and four stages for the overviews. */
    @Test
    void manySmallBlocksEqualGdalMerge() throws Exception {
        assertEqualsGdalMerge("quadrants", CogOptions.defaults().withTileSize(64), 2);
    }

    private void assertEqualsGdalMerge(String sample, CogOptions options, int blockTiles) throws Exception {
        Gdal.require();
        List<Path> inputs = inputs(sample);
        Path ours = dir.resolve(sample + "-mosaic.tif");
        CogSummary s = Merge.builder().input(TestData.sample(sample).toString()).output(ours.toString())
                .options(options).blockTiles(blockTiles).build().run(spark);
        assertEquals(Files.size(ours), s.length());

        Path gdal = dir.resolve(sample + "-gdal.tif");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "/usr/bin/gdal_merge.py", "-q", "-o",
                gdal.toString(), "-n", nodataText(inputs.get(0)), "-a_nodata", nodataText(inputs.get(0)),
                "-init", nodataText(inputs.get(0))));
        for (int i = inputs.size() - 1; i >= 0; i--) {
            cmd.add(inputs.get(i).toString()); // reversed: the first input is painted last and wins
        }
        Gdal.run(cmd.toArray(String[]::new));
        assertSameRaster(gdal, ours);
        String validation = Gdal.validateCog(ours);
        assertTrue(validation.contains("is a valid cloud optimized GeoTIFF"), validation);
        assertFalse(validation.contains("NOT"), validation);
    }

    @Test
    void lastWinsEqualsGdalMergeOrder() throws Exception {
        Gdal.require();
        List<Path> inputs = inputs("mosaic");
        Path ours = dir.resolve("last.tif");
        Merge.builder().input(TestData.sample("mosaic").toString()).output(ours.toString())
                .order(Merge.Order.LAST).build().run(spark);
        Path gdal = dir.resolve("last-gdal.tif");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "/usr/bin/gdal_merge.py", "-q", "-o",
                gdal.toString(), "-n", "-9999", "-a_nodata", "-9999", "-init", "-9999"));
        inputs.forEach(p -> cmd.add(p.toString()));
        Gdal.run(cmd.toArray(String[]::new));
        assertSameRaster(gdal, ours);
    }

    /**
     * Seamlines: each image may only fill pixels inside its own polygon. Two polygons split the
     * mosaic along a vertical line; left of it only wv_nw/wv_sw may contribute, right only
     * wv_ne/wv_se; so where the first image (wv_ne) lies left of the line, wv_nw shows through.
     */
    @Test
    void seamlinesRestrictEachImage() throws Exception {
        List<Path> inputs = inputs("mosaic");
        Path plain = dir.resolve("plain.tif");
        Merge.builder().input(TestData.sample("mosaic").toString()).output(plain.toString()).build().run(spark);
        RasterInfo mosaic = GeoTiffReader.info(plain.toString(), null);
        GeoTransform gt = mosaic.geoTransform();
        double cut = gt.x(mosaic.width() / 2.0, 0); // on a pixel edge
        double minX = gt.x(0, 0) - 10, maxX = gt.x(mosaic.width(), 0) + 10;
        double maxY = gt.y(0, 0) + 10, minY = gt.y(0, mosaic.height()) - 10;
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::32610\"}},\"features\":[");
        String[][] sides = {{"wv_nw", "wv_sw"}, {"wv_ne", "wv_se"}};
        for (int side = 0; side < 2; side++) {
            double x0 = side == 0 ? minX : cut, x1 = side == 0 ? cut : maxX;
            for (String name : sides[side]) {
                json.append(json.charAt(json.length() - 1) == '[' ? "" : ",");
                json.append("{\"type\":\"Feature\",\"properties\":{\"image\":\"").append(name).append(".tif\"},")
                        .append("\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[").append(x0).append(',').append(minY)
                        .append("],[").append(x1).append(',').append(minY).append("],[").append(x1).append(',').append(maxY)
                        .append("],[").append(x0).append(',').append(maxY).append("],[").append(x0).append(',').append(minY)
                        .append("]]]}}");
            }
        }
        json.append("]}");
        Path seams = dir.resolve("seams.geojson");
        Files.writeString(seams, json);
        Path cutOut = dir.resolve("cut.tif");
        Merge.builder().input(TestData.sample("mosaic").toString()).output(cutOut.toString())
                .seamlines(seams.toString()).build().run(spark);

        int half = mosaic.width() / 2;
        try (GeoTiffReader r = GeoTiffReader.open(cutOut.toString())) {
            Raster m = r.read(Window.of(mosaic.width(), mosaic.height()));
            for (Path in : inputs) {
                RasterInfo info = GeoTiffReader.info(in.toString(), null);
                boolean left = info.name().endsWith("w");
                int ox = (int) Math.round(gt.col(info.geoTransform().originX(), info.geoTransform().originY()));
                int oy = (int) Math.round(gt.row(info.geoTransform().originX(), info.geoTransform().originY()));
                try (GeoTiffReader ir = GeoTiffReader.open(in.toString())) {
                    Raster img = ir.read(Window.of(info.width(), info.height()));
                    // Pixels of this image on its own side of the cut, not covered by its side's earlier image:
                    // wv_ne (first) and wv_nw (first of the left side) must show unchanged on their sides.
                    if (info.name().equals("wv_ne") || info.name().equals("wv_nw")) {
                        for (int y = 0; y < info.height(); y++) {
                            for (int x = 0; x < info.width(); x++) {
                                int mx = ox + x;
                                if ((mx < half) == left) {
                                    assertEquals(img.get(0, x, y), m.get(0, mx, oy + y), info.name() + " at " + x + "," + y);
                                }
                            }
                        }
                    }
                }
            }
        }
        Path bad = dir.resolve("bad.geojson");
        Files.writeString(bad, json.toString().replace("wv_se.tif", "other.tif"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Merge.builder()
                .input(TestData.sample("mosaic").toString()).output(dir.resolve("x.tif").toString())
                .seamlines(bad.toString()).build().run(spark));
        assertTrue(e.getMessage().contains("no seamline polygon for image wv_se"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.tif")));
    }

    @Test
    void refusesAnotherResolutionNamingTheFile() throws Exception {
        Gdal.require();
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.copy(TestData.sample("mosaic/wv_ne.tif"), in.resolve("a.tif"));
        Gdal.run("gdal_translate", "-q", "-outsize", "50%", "50%", TestData.sample("mosaic/wv_nw.tif").toString(),
                in.resolve("b.tif").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Merge.builder()
                .input(in.toString()).output(dir.resolve("m.tif").toString()).build().run(spark));
        assertTrue(e.getMessage().contains("b.tif") && e.getMessage().contains("radnorm align"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("m.tif")));
    }

    static List<Path> inputs(String sample) throws IOException {
        try (Stream<Path> s = Files.list(TestData.sample(sample))) {
            return s.filter(p -> p.toString().endsWith(".tif")).sorted().toList();
        }
    }

    private static String nodataText(Path p) throws IOException {
        double v = GeoTiffReader.info(p.toString(), null).nodata();
        return Long.toString((long) v);
    }

    static void assertSameRaster(Path expected, Path actual) throws IOException {
        try (GeoTiffReader e = GeoTiffReader.open(expected.toString());
             GeoTiffReader a = GeoTiffReader.open(actual.toString())) {
            RasterInfo ei = e.info(), ai = a.info();
            assertEquals(ei.width(), ai.width(), "width");
            assertEquals(ei.height(), ai.height(), "height");
            double[] eg = ei.geoTransform().toGdal(), ag = ai.geoTransform().toGdal();
            for (int i = 0; i < 6; i++) {
                assertEquals(eg[i], ag[i], 1e-6 * Math.max(1, Math.abs(eg[i])), "geotransform[" + i + "]");
            }
            assertEquals(ei.nodata(), ai.nodata());
            Raster er = e.read(Window.of(ei.width(), ei.height())), ar = a.read(Window.of(ai.width(), ai.height()));
            for (int b = 0; b < er.bandCount(); b++) {
                for (int y = 0; y < er.height(); y++) {
                    for (int x = 0; x < er.width(); x++) {
                        if (er.get(b, x, y) != ar.get(b, x, y)) {
                            throw new AssertionError("band " + (b + 1) + " pixel " + x + "," + y + ": expected "
                                    + er.get(b, x, y) + ", got " + ar.get(b, x, y));
                        }
                    }
                }
            }
        }
    }
}
