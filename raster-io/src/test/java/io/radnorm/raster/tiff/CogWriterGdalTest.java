package io.radnorm.raster.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.GeoKeyDirectory;
import io.radnorm.raster.testing.Gdal;
import io.radnorm.raster.tiff.codec.Compression;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GDAL 3.6 as the independent judge of what {@link CogWriter} writes: {@code gdalinfo -json}
 * must see the size, bands, type, georeferencing, EPSG code, nodata, overviews and
 * {@code LAYOUT=COG}; GDAL's {@code validate_cloud_optimized_geotiff.py --full-check=yes} must
 * call the file valid; and GDAL's decoding of the pixels ({@code gdallocationinfo} at a few
 * pixels, {@code gdal_translate -of ENVI} for all of them) must give our values.
 * Skipped without GDAL (failed under CI, see {@link Gdal#require()}).
 */
class CogWriterGdalTest {

    private static final int EPSG = 32605;
    private static final GeoTransform GT = GeoTransform.northUp(500000, 4100000, 10, 10);

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (DataType t : DataType.values()) {
            out.add(Arguments.of(t, Compression.DEFLATE, Predictor.AUTO, 3));
            out.add(Arguments.of(t, Compression.ZSTD, t.ordinal() % 2 == 0 ? Predictor.AUTO : Predictor.NONE, 1));
        }
        out.add(Arguments.of(DataType.UINT16, Compression.LZW, Predictor.HORIZONTAL, 4));
        out.add(Arguments.of(DataType.INT16, Compression.PACKBITS, Predictor.AUTO, 2));
        out.add(Arguments.of(DataType.FLOAT32, Compression.NONE, Predictor.AUTO, 1));
        return out.stream();
    }

    /** A nodata value of each type, negative where the type allows, NaN for floats. */
    static double nodata(DataType t) {
        return switch (t) {
            case UINT8 -> 0;
            case INT8 -> -128;
            case UINT16 -> 65535;
            case INT16 -> -9999;
            case UINT32 -> 4000000000.0;
            case INT32 -> -2147483648.0;
            case FLOAT32 -> Double.NaN;
            case FLOAT64 -> -1e30;
        };
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} bands")
    @MethodSource("cases")
    void gdalReadsWhatWeWrite(DataType type, Compression compression, Predictor predictor, int bands) throws Exception {
        Gdal.require();
        Raster src = CogTestData.random(type, 300, 200, bands, 42 + type.ordinal());
        double nodata = nodata(type);
        Crs crs = new Crs(EPSG, GeoKeyDirectory.forEpsg(EPSG, true));
        Path file = dir.resolve(type + "-" + compression + ".tif");
        CogOptions opts = CogOptions.defaults().withTileSize(128).withCompression(compression).withPredictor(predictor)
                .withThreads(2);
        CogWriter.write(RasterSource.of(src), new GeoMetadata(GT, crs, nodata), file.toString(), null, opts);

        Map<String, String> info = gdalinfo(file);
        assertEquals("300,200", info.get("size"));
        assertEquals(String.valueOf(bands), info.get("bands"));
        if (type == DataType.INT8) {
            // GDAL 3.6 has no Int8: it reads 8-bit signed samples as Byte flagged SIGNEDBYTE.
            assertEquals("Byte", info.get("type"));
            assertEquals("SIGNEDBYTE", info.get("pixeltype"));
        } else {
            assertEquals(type.gdalName(), info.get("type"));
        }
        assertArrayEquals(GT.toGdal(), parseDoubles(info.get("geoTransform")), 0);
        assertTrue(info.get("wkt").contains("ID[\"EPSG\"," + EPSG + "]"), info.get("wkt"));
        assertEquals(nodata, parseGdalNumber(info.get("nodata")), 0, "nodata");
        assertEquals("COG", info.get("layout"));
        assertEquals(compression == Compression.NONE ? null : compression.name(), info.get("compression"));
        assertEquals("150,100;75,50", info.get("overviews"));

        String validation = Gdal.validateCog(file);
        assertTrue(validation.contains("is a valid cloud optimized GeoTIFF"), validation);
        assertFalse(validation.contains("NOT"), validation);

        // A few pixels through gdallocationinfo, in every band.
        int[][] points = {{0, 0}, {299, 199}, {150, 77}, {128, 128}, {127, 1}};
        List<String> values = locationValues(file, points);
        int k = 0;
        for (int[] p : points) {
            for (int b = 0; b < bands; b++) {
                double ours = src.get(b, p[0], p[1]);
                if (type == DataType.INT8) {
                    ours = ((int) ours) & 0xFF; // GDAL 3.6 reports the raw byte
                }
                double theirs = parseGdalNumber(values.get(k++));
                String where = "band " + b + " at " + p[0] + "," + p[1];
                if (type == DataType.FLOAT64 && Double.isFinite(ours)) {
                    assertEquals(ours, theirs, Math.abs(ours) * 1e-14, where); // printed with 15 digits
                } else if (type == DataType.FLOAT32 && Double.isFinite(ours)) {
                    assertEquals((float) ours, (float) theirs, where);
                } else {
                    assertEquals(ours, theirs, 0, where);
                }
            }
        }

        // Every pixel: GDAL's decoding exported as raw band-sequential samples.
        Path raw = dir.resolve(type + "-" + compression + ".raw");
        Gdal.translate(file, raw, "-of", "ENVI", "-co", "INTERLEAVE=BSQ");
        assertArrayEquals(bandSequentialBytes(src), Files.readAllBytes(raw), "GDAL decodes other pixels");
    }

    @Test
    void rotatedBigTiffWithUserDefinedKeys() throws Exception {
        Gdal.require();
        Raster src = CogTestData.random(DataType.FLOAT32, 700, 530, 2, 7);
        GeoTransform rotated = new GeoTransform(1000, 1.6, 1.2, 5000, 1.2, -1.6); // 2 m pixels turned by asin(0.6)
        // UTM zone 5N keyed as EPSG (projected), plus a citation: GDAL must honour the keys as written.
        GeoKeyDirectory keys = new GeoKeyDirectory(new int[] {
            1, 1, 0, 4,
            GeoKeyDirectory.GT_MODEL_TYPE, 0, 1, 1,
            GeoKeyDirectory.GT_RASTER_TYPE, 0, 1, 1,
            GeoKeyDirectory.GT_CITATION, 34737, 18, 0,
            GeoKeyDirectory.PROJECTED_CS_TYPE, 0, 1, EPSG}, new double[0], "radnorm test grid|");
        Path file = dir.resolve("rotated.tif");
        CogSummary s = CogWriter.write(RasterSource.of(src), new GeoMetadata(rotated, Crs.fromGeoKeys(keys), -5.0),
                file.toString(), null, CogOptions.defaults().withTileSize(256).withBigTiff(BigTiffMode.YES).withThreads(2));
        assertTrue(s.bigTiff());

        Map<String, String> info = gdalinfo(file);
        assertEquals("700,530", info.get("size"));
        assertArrayEquals(rotated.toGdal(), parseDoubles(info.get("geoTransform")), 1e-9);
        assertTrue(info.get("wkt").contains("ID[\"EPSG\"," + EPSG + "]"), info.get("wkt"));
        assertEquals(-5.0, parseGdalNumber(info.get("nodata")), 0);
        assertEquals("COG", info.get("layout"));
        assertEquals("350,265;175,133", info.get("overviews"));
        String validation = Gdal.validateCog(file);
        assertTrue(validation.contains("is a valid cloud optimized GeoTIFF"), validation);
        assertTrue(Gdal.run("tiffdump", file.toString()).contains("BigTIFF") || !isTiffdumpInstalled());
        Path raw = dir.resolve("rotated.raw");
        Gdal.translate(file, raw, "-of", "ENVI", "-co", "INTERLEAVE=BSQ");
        assertArrayEquals(bandSequentialBytes(src), Files.readAllBytes(raw));
    }

    private static boolean isTiffdumpInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/tiffdump"));
    }

    /** The samples as GDAL's ENVI driver writes them: band-sequential, little-endian (x86). */
    private static byte[] bandSequentialBytes(Raster r) {
        int n = r.pixelsPerBand() * r.bandCount();
        byte[] out = new byte[n * r.dataType().bytesPerSample()];
        SampleBytes.write(r.data(), 0, n, r.dataType(), out, 0, 1, ByteOrder.LITTLE_ENDIAN);
        return out;
    }

    /**
     * {@code gdalinfo -json}, parsed by Python's json module (the JDK has no JSON parser) into
     * the few fields checked here, one {@code key=value} per line.
     */
    private static Map<String, String> gdalinfo(Path file) throws Exception {
        String script = String.join("\n",
                "import json, subprocess, sys",
                "d = json.loads(subprocess.run(['gdalinfo', '-json', sys.argv[1]], check=True,",
                "               stdout=subprocess.PIPE).stdout)",
                "b = d['bands'][0]",
                "st = d.get('metadata', {}).get('IMAGE_STRUCTURE', {})",
                "bst = b.get('metadata', {}).get('IMAGE_STRUCTURE', {})",
                "print('size=%d,%d' % tuple(d['size']))",
                "print('bands=%d' % len(d['bands']))",
                "print('type=' + b['type'])",
                "print('pixeltype=' + bst.get('PIXELTYPE', ''))",
                "print('geoTransform=' + ','.join(repr(float(v)) for v in d['geoTransform']))",
                "print('wkt=' + d['coordinateSystem']['wkt'].replace('\\n', ' '))",
                "print('nodata=' + repr(float(b['noDataValue'])))",
                "print('layout=' + st.get('LAYOUT', ''))",
                "print('compression=' + st.get('COMPRESSION', ''))",
                "print('overviews=' + ';'.join('%d,%d' % tuple(o['size']) for o in b.get('overviews', [])))");
        String out = Gdal.run("/usr/bin/python3", "-c", script, file.toString());
        Map<String, String> m = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String v = line.substring(eq + 1).trim();
                m.put(line.substring(0, eq), v.isEmpty() ? null : v);
            }
        }
        return m;
    }

    /** {@code gdallocationinfo -valonly} for each (x, y), coordinates fed on standard input. */
    private static List<String> locationValues(Path file, int[][] points) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("gdallocationinfo", "-valonly", file.toString()).start();
        StringBuilder in = new StringBuilder();
        for (int[] pt : points) {
            in.append(pt[0]).append(' ').append(pt[1]).append('\n');
        }
        p.getOutputStream().write(in.toString().getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "gdallocationinfo failed: " + out);
        return out.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static double[] parseDoubles(String csv) {
        String[] parts = csv.split(",");
        double[] d = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            d[i] = parseGdalNumber(parts[i]);
        }
        return d;
    }

    /** A number as GDAL or Python prints it: "nan", "inf", "-inf" or decimal. */
    private static double parseGdalNumber(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "nan", "-nan" -> Double.NaN;
            case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(t);
        };
    }
}
