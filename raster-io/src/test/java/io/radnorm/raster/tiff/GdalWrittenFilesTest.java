package io.radnorm.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.testing.Gdal;
import io.radnorm.raster.testing.TestData;
import io.radnorm.raster.tiff.codec.Compression;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads GeoTIFFs that GDAL wrote, in every data type, compression, predictor and layout radnorm
 * supports, and checks every pixel against GDAL's own decoding of the same file (exported as raw
 * band-sequential ENVI, little-endian): an independent reference, not our writer.
 */
class GdalWrittenFilesTest {

    @TempDir
    static Path dir;

    private static Path source;

    @BeforeAll
    static void source() {
        source = TestData.sample("quadrants/rgb1.tif"); // 400x400, 3 bands, uint8, nodata 0
    }

    /** gdal_translate options giving each data type a spread of values, negatives included. */
    private static List<String> typeOptions(DataType t) {
        return switch (t) {
            case UINT8 -> List.of("-ot", "Byte");
            case INT8 -> List.of("-ot", "Byte", "-co", "PIXELTYPE=SIGNEDBYTE", "-scale", "0", "255", "-128", "127");
            case UINT16 -> List.of("-ot", "UInt16", "-scale", "0", "255", "0", "65535");
            case INT16 -> List.of("-ot", "Int16", "-scale", "0", "255", "-30000", "30000");
            case UINT32 -> List.of("-ot", "UInt32", "-scale", "0", "255", "0", "4000000000");
            case INT32 -> List.of("-ot", "Int32", "-scale", "0", "255", "-2000000000", "2000000000");
            case FLOAT32 -> List.of("-ot", "Float32", "-scale", "0", "255", "-1.5", "3.75e3");
            case FLOAT64 -> List.of("-ot", "Float64", "-scale", "0", "255", "-1.5e-3", "7.25e9");
        };
    }

    static Stream<Arguments> typesAndCompressions() {
        List<Arguments> out = new ArrayList<>();
        for (DataType t : DataType.values()) {
            for (Compression c : Compression.values()) {
                out.add(Arguments.of(t, c, 1));
                if (c != Compression.NONE && c != Compression.PACKBITS) {
                    out.add(Arguments.of(t, c, 2));
                    if (t.isFloatingPoint()) {
                        out.add(Arguments.of(t, c, 3));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} predictor {2}")
    @MethodSource("typesAndCompressions")
    void everyTypeCompressionAndPredictor(DataType type, Compression compression, int predictor) throws Exception {
        Gdal.require();
        List<String> opts = new ArrayList<>(typeOptions(type));
        opts.addAll(List.of("-co", "COMPRESS=" + compression.name(), "-co", "TILED=YES",
                "-co", "BLOCKXSIZE=128", "-co", "BLOCKYSIZE=64"));
        if (predictor > 1) {
            opts.addAll(List.of("-co", "PREDICTOR=" + predictor));
        }
        checkAgainstGdal(type + "_" + compression + "_" + predictor, type, opts);
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("strips", List.of("-co", "TILED=NO", "-co", "BLOCKYSIZE=7", "-co", "COMPRESS=DEFLATE")),
                Arguments.of("one-strip", List.of("-co", "TILED=NO", "-co", "BLOCKYSIZE=400")),
                Arguments.of("band-interleaved-tiles", List.of("-co", "TILED=YES", "-co", "INTERLEAVE=BAND",
                        "-co", "COMPRESS=LZW", "-co", "PREDICTOR=2")),
                Arguments.of("band-interleaved-strips", List.of("-co", "INTERLEAVE=BAND", "-co", "BLOCKYSIZE=3",
                        "-co", "COMPRESS=ZSTD")),
                Arguments.of("bigtiff", List.of("-co", "BIGTIFF=YES", "-co", "TILED=YES", "-co", "COMPRESS=DEFLATE")),
                Arguments.of("big-endian", List.of("-co", "ENDIANNESS=BIG", "-co", "TILED=YES", "-co", "COMPRESS=LZW",
                        "-co", "PREDICTOR=2")),
                Arguments.of("big-endian-float-predictor", List.of("-co", "ENDIANNESS=BIG", "-co", "COMPRESS=DEFLATE",
                        "-co", "PREDICTOR=3")),
                Arguments.of("sparse", List.of("-co", "TILED=YES", "-co", "SPARSE_OK=TRUE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void everyLayout(String name, List<String> layout) throws Exception {
        Gdal.require();
        DataType type = name.contains("float") ? DataType.FLOAT32 : DataType.UINT16;
        List<String> opts = new ArrayList<>(typeOptions(type));
        opts.addAll(layout);
        checkAgainstGdal(name, type, opts);
    }

    @Test
    void georeferencingAndNodataMatchGdalinfo() throws Exception {
        Gdal.require();
        Path landsat = TestData.shared("landsat/Landsat_20210326.tif");
        try (GeoTiffReader r = GeoTiffReader.open(landsat.toString())) {
            RasterInfo info = r.info();
            String gdal = Gdal.run("gdalinfo", landsat.toString());
            assertTrue(gdal.contains("Size is " + info.width() + ", " + info.height()), gdal);
            assertEquals(32605, info.crs().epsg());
            assertTrue(gdal.contains("ID[\"EPSG\",32605]"), "gdalinfo names EPSG:32605");
            assertTrue(gdal.contains("NoData Value=0"));
            assertEquals(0.0, info.nodata());
            double[] gt = info.geoTransform().toGdal();
            String origin = String.format("Origin = (%.15f,%.15f)", gt[0], gt[3]);
            String pixel = String.format("Pixel Size = (%.15f,%.15f)", gt[1], gt[5]);
            assertTrue(gdal.contains(origin), origin + " in\n" + gdal);
            assertTrue(gdal.contains(pixel), pixel + " in\n" + gdal);
            assertEquals(11, info.bandCount());
            assertEquals(DataType.UINT16, info.dataType());
        }
    }

    @Test
    void internalOverviewsAreReadAsLevels() throws Exception {
        Gdal.require();
        Path cog = dir.resolve("cog.tif");
        Gdal.translate(source, cog, "-of", "COG", "-co", "BLOCKSIZE=128", "-co", "COMPRESS=DEFLATE",
                "-co", "OVERVIEW_RESAMPLING=NEAREST");
        try (GeoTiffReader r = GeoTiffReader.open(cog.toString())) {
            assertTrue(r.info().layout().cog(), "GDAL's ghost header marks the file as a COG");
            assertEquals(2, r.overviewCount());
            assertEquals(200, r.levelSize(1).width());
            assertEquals(100, r.levelSize(2).width());
            // GDAL's level-1 overview, exported by GDAL itself, is the reference.
            Path ovr = dir.resolve("ovr1.bin");
            Gdal.translate(cog, ovr, "-of", "ENVI", "-co", "INTERLEAVE=BSQ", "-oo", "OVERVIEW_LEVEL=0");
            Raster expected = readEnvi(ovr, DataType.UINT8, 200, 200, 3);
            Raster actual = r.readLevel(1, Window.of(200, 200), 0, 1, 2);
            assertTrue(expected.contentEquals(actual), "overview level 1 equals GDAL's");
        }
    }

    private void checkAgainstGdal(String name, DataType type, List<String> options) throws Exception {
        Path tif = dir.resolve(name + ".tif");
        List<String> opts = new ArrayList<>(options);
        Gdal.translate(source, tif, opts.toArray(String[]::new));
        Path raw = dir.resolve(name + ".bin");
        Gdal.translate(tif, raw, "-of", "ENVI", "-co", "INTERLEAVE=BSQ");
        GeoTiffReader.clearHeaderCache();
        try (GeoTiffReader r = GeoTiffReader.open(tif.toString())) {
            RasterInfo info = r.info();
            assertEquals(type, info.dataType());
            Raster expected = readEnvi(raw, type, info.width(), info.height(), info.bandCount());
            Raster whole = r.read(Window.of(info.width(), info.height()));
            assertTrue(expected.contentEquals(whole), name + ": whole image differs from GDAL's decoding");
            // Windows that start and end inside blocks, and a band subset in reverse order.
            for (Window w : List.of(new Window(0, 0, 1, 1), new Window(37, 61, 150, 97), new Window(399, 399, 1, 1),
                    new Window(129, 3, 271, 200))) {
                Raster part = r.read(w, 2, 0);
                for (int y = 0; y < w.height(); y += 7) {
                    for (int x = 0; x < w.width(); x += 5) {
                        assertEquals(expected.get(2, w.x() + x, w.y() + y), part.get(0, x, y), name + " " + w);
                        assertEquals(expected.get(0, w.x() + x, w.y() + y), part.get(1, x, y), name + " " + w);
                    }
                }
            }
        }
    }

    /** Reads GDAL's ENVI export: raw band-sequential little-endian samples. */
    static Raster readEnvi(Path raw, DataType type, int width, int height, int bands) throws Exception {
        byte[] bytes = Files.readAllBytes(raw);
        int n = width * height * bands;
        assertEquals((long) n * type.bytesPerSample(), bytes.length, "ENVI file size");
        Raster r = Raster.allocate(type, width, height, bands);
        SampleBytes.read(bytes, 0, 1, ByteOrder.LITTLE_ENDIAN, type, r.data(), 0, n);
        return r;
    }

    @Test
    void readEnviHelperDecodesLittleEndian() throws Exception {
        Path f = dir.resolve("tiny.bin");
        Files.write(f, new byte[] {1, 0, 0, 1});
        Raster r = readEnvi(f, DataType.UINT16, 2, 1, 1);
        assertArrayEquals(new double[] {1, 256}, r.bandAsDoubles(0));
    }
}
