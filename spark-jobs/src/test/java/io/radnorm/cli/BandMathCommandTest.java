package io.radnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.algorithms.bandmath.PercentileTerm;
import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.testing.Gdal;
import io.radnorm.raster.testing.TestData;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogWriter;
import io.radnorm.raster.tiff.GeoMetadata;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.tiff.RasterSource;
import io.radnorm.spark.bandmath.BandMath;
import io.radnorm.testing.SparkTest;
import io.radnorm.testing.SyntheticScenes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code radnorm band-math}, {@code ndvi} and {@code threshold} end to end on real GeoTIFFs, Spark local[2]. */
class BandMathCommandTest {

    @TempDir
    Path dir;

    private final CliSession cli = new CliSession();

    @BeforeAll
    static void spark() {
        SparkTest.session();
    }

    private static Raster readAll(Path file) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(file.toString())) {
            return r.read(new Window(0, 0, r.info().width(), r.info().height()));
        }
    }

    private static RasterInfo info(Path file) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(file.toString())) {
            return r.info();
        }
    }

    /** Writes a small GeoTIFF (COG, 16-pixel tiles: several windows) of {@code r}. */
    private static Path write(Path file, Raster r, Double nodata) throws IOException {
        GeoTransform gt = GeoTransform.northUp(500_000, 4_000_000, 10, 10);
        CogWriter.write(RasterSource.of(r), new GeoMetadata(gt, SyntheticScenes.CRS, nodata), file.toString(), null,
                CogOptions.defaults().withTileSize(16));
        return file;
    }

    /** Asserts every pixel of {@code band} of {@code out} is {@code expected(pixel of in)}, bit for bit. */
    private static void assertPixels(Raster in, Raster out, int band, ToDoubleFunction<double[]> expected) {
        double[] px = new double[in.bandCount()];
        for (int y = 0; y < in.height(); y++) {
            for (int x = 0; x < in.width(); x++) {
                for (int b = 0; b < px.length; b++) {
                    px[b] = in.get(b, x, y);
                }
                double e = expected.applyAsDouble(px);
                double got = out.get(band, x, y);
                assertEquals(Double.doubleToLongBits(e), Double.doubleToLongBits(got),
                        "band " + (band + 1) + " at " + x + "," + y + ": " + e + " vs " + got);
            }
        }
    }

    @Test
    void bandMathOnTheMosaicEqualsTheSameFormulaOnGeoTiffReaderReads() throws Exception {
        Path mosaic = TestData.sample("mosaic");
        assertEquals(0, cli.run("band-math", "-i", mosaic.toString(), "-o", dir + "/$_bm.tif", "--output-dtype",
                "float64", "-e", "(b7 - b5) * 0.5 + b1", "-e", "max(b2, b3) / 3 - where(b8 > 1000, 1, 0)"), cli.err());
        for (String name : List.of("wv_ne", "wv_nw", "wv_se", "wv_sw")) {
            Path outFile = dir.resolve(name + "_bm.tif");
            assertTrue(cli.out().contains("wrote " + outFile), cli.out());
            RasterInfo oi = info(outFile);
            assertEquals(DataType.FLOAT64, oi.dataType());
            assertEquals(2, oi.bandCount());
            assertTrue(Double.isNaN(oi.nodata()));
            assertEquals(info(mosaic.resolve(name + ".tif")).geoTransform(), oi.geoTransform());
            Raster in = readAll(mosaic.resolve(name + ".tif"));
            Raster out = readAll(outFile);
            assertPixels(in, out, 0, p -> (p[6] - p[4]) * 0.5 + p[0]);
            assertPixels(in, out, 1, p -> Math.max(p[1], p[2]) / 3 - (p[7] > 1000 ? 1 : 0));
        }
    }

    @Test
    void ndviOfTheSampleEqualsTheHandComputedValueAndGdalCalc() throws Exception {
        Path ne = TestData.sample("mosaic/wv_ne.tif");
        assertEquals(0, cli.run("ndvi", "--nir", "7", "--red", "5", "-i", ne.toString(), "-o", dir.toString()),
                cli.err());
        Path ndvi = dir.resolve("wv_ne_NDVI.tif");
        Raster out = readAll(ndvi);
        assertEquals(DataType.FLOAT32, out.dataType());
        assertEquals(1, out.bandCount());
        // Top-left pixel: nir (band 7) = 710, red (band 5) = 667 (gdallocationinfo wv_ne.tif 0 0).
        assertEquals((float) (43.0 / 1377.0), (float) out.get(0, 0, 0));
        assertEquals(0.031227306f, (float) out.get(0, 0, 0));
        Raster in = readAll(ne);
        assertPixels(in, out, 0, p -> p[6] + p[4] == 0 ? Double.NaN : (float) ((p[6] - p[4]) / (p[6] + p[4])));

        Gdal.require();
        assertTrue(Gdal.validateCog(ndvi).contains("is a valid cloud optimized GeoTIFF"));
        Path calc = dir.resolve("gdal_calc.tif");
        Gdal.run("gdal_calc.py", "--quiet", "-A", ne.toString(), "--A_band=7", "-B", ne.toString(), "--B_band=5",
                "--calc=(A.astype(float) - B) / (A.astype(float) + B)", "--type=Float32", "--NoDataValue=-9999",
                "--outfile=" + calc); // gdal_calc 3.6 turns every pixel into nodata when it is nan (0 * nan)
        assertPixels(readAll(calc), out, 0, p -> p[0] == -9999 ? Double.NaN : p[0]);
    }

    @Test
    void nodataPropagatesFromTheBandsAnExpressionReads() throws Exception {
        Path rgb = TestData.sample("quadrants/rgb1.tif"); // Byte, nodata 0
        assertEquals(0, cli.run("band-math", "-i", rgb.toString(), "-o", dir + "/$.tif", "-e", "b1 + b2", "-e", "b3 * 2",
                "-e", "5"), cli.err());
        Raster in = readAll(rgb);
        Raster out = readAll(dir.resolve("rgb1.tif"));
        assertPixels(in, out, 0, p -> p[0] == 0 || p[1] == 0 ? Double.NaN : p[0] + p[1]);
        assertPixels(in, out, 1, p -> p[2] == 0 ? Double.NaN : p[2] * 2);
        assertPixels(in, out, 2, p -> 5);
        int holes = 0;
        for (double v : out.bandAsDoubles(0)) {
            holes += Double.isNaN(v) ? 1 : 0;
        }
        assertTrue(holes > 0 && holes < in.pixelsPerBand(), "the sample has both data and nodata: " + holes);

        // --input-nodata overrides the file's: 0 becomes data, 255 nodata
        assertEquals(0, cli.run("band-math", "-i", rgb.toString(), "-o", dir + "/$_own.tif", "-e", "b1",
                "--nodata", "255", "--output-dtype", "int16", "--output-nodata", "-1"), cli.err());
        assertPixels(in, readAll(dir.resolve("rgb1_own.tif")), 0, p -> p[0] == 255 ? -1 : p[0]);
        assertEquals(-1.0, info(dir.resolve("rgb1_own.tif")).nodata());
    }

    @Test
    void integerOutputsRoundHalfAwayFromZeroAndClipAndKeepNodataFree() throws Exception {
        double[] values = {-1.5, -0.5, 0.4, 0.5, 1.5, 2.5, 254.4, 254.5, 255, 300, Double.NaN, -7};
        Raster r = Raster.allocate(DataType.FLOAT32, values.length, 1, 1);
        for (int i = 0; i < values.length; i++) {
            r.setAt(i, values[i]);
        }
        Path in = write(dir.resolve("f.tif"), r, -7.0);
        assertEquals(0, cli.run("band-math", "-i", in.toString(), "-o", dir + "/$_u8.tif", "-e", "b1",
                "--output-dtype", "uint8"), cli.err());
        Raster u8 = readAll(dir.resolve("f_u8.tif"));
        assertEquals(DataType.UINT8, u8.dataType());
        assertEquals(255.0, info(dir.resolve("f_u8.tif")).nodata());
        // 255 is nodata, so valid results that would store as 255 saturate at 254; NaN and -7 are nodata
        double[] expected = {0, 0, 0, 1, 2, 3, 254, 254, 254, 254, 255, 255};
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected[i], u8.getAt(i), "value " + values[i]);
        }
        assertEquals(0, cli.run("band-math", "-i", in.toString(), "-o", dir + "/$_i16.tif", "-e", "b1 * 200",
                "--output-dtype", "int16", "--output-nodata", "0"), cli.err());
        Raster i16 = readAll(dir.resolve("f_i16.tif"));
        double[] expected16 = {-300, -100, 80, 100, 300, 500, 32767, 32767, 32767, 32767, 0, 0};
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected16[i], i16.getAt(i), "value " + values[i] + " * 200");
        }
    }

    /** 40 x 30 pixels: every 12th pixel nodata (100), the others 1..1100 in a shuffled order. */
    private static Raster shuffled(DataType type, double nodata, ToDoubleFunction<Integer> value) {
        List<Integer> v = new ArrayList<>();
        for (int k = 1; k <= 1100; k++) {
            v.add(k);
        }
        Collections.shuffle(v, new Random(7));
        Raster r = Raster.allocate(type, 40, 30, 1);
        for (int i = 0, k = 0; i < 1200; i++) {
            r.setAt(i, i % 12 == 5 ? nodata : value.applyAsDouble(v.get(k++)));
        }
        return r;
    }

    @Test
    void thresholdWithPercentilesOnHandMadeRastersOfKnownPercentiles() throws Exception {
        // Valid values 1..1100: numpy.percentile(arange(1, 1101), 5) = 55.95 (h = 1099 * 0.05 = 54.95, 55 + 0.95),
        // 95th = 1045.05. b1 > 95%b1 holds for 1046..1100 (55 pixels), b1 < 5%b1 for 1..55.
        write(dir.resolve("int.tif"), shuffled(DataType.UINT16, 0, k -> k), 0.0);
        // The same as float32 x / 4 - 100 (two histogram passes): 5th = -86.0125, 95th = 161.2625.
        write(dir.resolve("float.tif"), shuffled(DataType.FLOAT32, Double.NaN, k -> k / 4.0 - 100), Double.NaN);
        assertEquals(0, cli.run("threshold", "-i", dir + "/int.tif," + dir + "/float.tif", "-o", dir + "/masks/",
                "-e", "b1 > 95%b1", "-e", "b1 < 5%b1"), cli.err());
        assertTrue(cli.out().contains("int: 95%b1 = 1045.05, 5%b1 = 55.95"), cli.out());
        assertTrue(cli.out().contains("float: 95%b1 = 161.2625, 5%b1 = -86.0125"), cli.out());
        for (String name : List.of("int", "float")) {
            Path mask = dir.resolve("masks/" + name + "_Threshold.tif");
            assertEquals(255.0, info(mask).nodata());
            Raster in = readAll(dir.resolve(name + ".tif"));
            Raster out = readAll(mask);
            assertEquals(DataType.UINT8, out.dataType());
            double hi = name.equals("int") ? 1045.05 : 161.2625, lo = name.equals("int") ? 55.95 : -86.0125;
            int[] ones = new int[2];
            for (int i = 0; i < 1200; i++) {
                double v = in.getAt(i);
                boolean nodata = i % 12 == 5;
                assertEquals(nodata ? 255 : v > hi ? 1 : 0, out.getAt(i), name + " pixel " + i + " = " + v);
                assertEquals(nodata ? 255 : v < lo ? 1 : 0, out.getAt(1200 + i), name + " pixel " + i + " = " + v);
                ones[0] += out.getAt(i) == 1 ? 1 : 0;
                ones[1] += out.getAt(1200 + i) == 1 ? 1 : 0;
            }
            assertEquals(55, ones[0]);
            assertEquals(55, ones[1]);
        }
    }

    @Test
    void theJavaApiReturnsEachImagesPercentilesAndResolvedExpressions() throws Exception {
        write(dir.resolve("a.tif"), shuffled(DataType.INT32, -1, k -> k * 1000 - 500_000), -1.0);
        List<BandMath.Output> outs = BandMath.threshold().input(dir + "/a.tif").expression("b1 >= 50%b1")
                .expression("(b1 - 0%b1) / (100%b1 - 0%b1)").outputType(DataType.FLOAT64).output(dir + "/$_api.tif")
                .build().run(SparkTest.session());
        BandMath.Output o = outs.get(0);
        // median of 1..1100 is 550.5 -> 550.5 * 1000 - 500000
        assertEquals(Map.of(new PercentileTerm(50, 1), 50_500.0, new PercentileTerm(0, 1), -499_000.0,
                new PercentileTerm(100, 1), 600_000.0), o.percentiles());
        assertEquals(List.of("b1 >= 50500", "(b1 - (-499000)) / (600000 - (-499000))"), o.expressions());
        Raster out = readAll(dir.resolve("a_api.tif"));
        assertTrue(Double.isNaN(out.getAt(5)), "nodata of a float output is NaN");
        assertEquals(1.0, max(out.bandAsDoubles(1)));
    }

    @Test
    void percentilesOfTheMosaicMatchNumpy() throws Exception {
        Gdal.require();
        Path mosaic = TestData.sample("mosaic");
        List<BandMath.Output> outs = BandMath.threshold().input(mosaic.toString())
                .expression("b7 > 97.5%b7 | b5 < 2.5%b5 | b1 > 33.3%b2").output(dir + "/$_t.tif").build()
                .run(SparkTest.session());
        String numpy = Gdal.run("/usr/bin/python3", "-c", "import sys, numpy as np\n"
                + "from osgeo import gdal\n"
                + "for f in sys.argv[1:]:\n"
                + "    a = gdal.Open(f).ReadAsArray().astype(float)\n"
                + "    print(repr(float(np.percentile(a[6], 97.5))), repr(float(np.percentile(a[4], 2.5))),"
                + " repr(float(np.percentile(a[1], 33.3))))",
                outs.get(0).input(), outs.get(1).input(), outs.get(2).input(), outs.get(3).input());
        List<String> lines = numpy.strip().lines().toList();
        for (int i = 0; i < 4; i++) {
            Map<PercentileTerm, Double> p = outs.get(i).percentiles();
            String ours = p.get(new PercentileTerm(97.5, 7)) + " " + p.get(new PercentileTerm(2.5, 5)) + " "
                    + p.get(new PercentileTerm(33.3, 2));
            assertEquals(lines.get(i), ours, outs.get(i).input());
        }
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Double.isNaN(x) ? m : Math.max(m, x);
        }
        return m;
    }

    @Test
    void aBadExpressionIsOneLineAndExit2WithoutOutput() throws Exception {
        Path ne = TestData.sample("mosaic/wv_ne.tif");
        assertEquals(RadnormCli.EXIT_USAGE, cli.run("band-math", "-i", ne.toString(), "-o", dir.toString(),
                "-e", "b1 + * 2"));
        String e = cli.err().strip();
        assertEquals(1, e.lines().count(), e);
        assertEquals("radnorm band-math: error: expression \"b1 + * 2\": unexpected '*', expected a band, a number "
                + "or '(' at character 6", e);

        CliSession other = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, other.run("threshold", "-i", ne.toString(), "-o", dir.toString(),
                "-e", "b1 > 150%b1"));
        assertTrue(other.err().strip().lines().count() == 1 && other.err().contains("percentile 150.0 is outside 0..100"),
                other.err());

        CliSession dtype = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, dtype.run("band-math", "-i", ne.toString(), "-o", dir.toString(),
                "-e", "b1", "--output-dtype", "uint12"));
        assertTrue(dtype.err().contains("unknown data type 'uint12'"), dtype.err());

        CliSession band = new CliSession();
        assertEquals(RadnormCli.EXIT_FAILED, band.run("band-math", "-i", ne.toString(), "-o", dir.toString(),
                "-e", "b9 - b1"));
        String be = band.err().strip();
        assertEquals(1, be.lines().count(), be);
        assertTrue(be.contains(ne.toString()) && be.contains("has 8 bands, the expressions read band 9"), be);
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent(), "no output");
        }
    }
}
