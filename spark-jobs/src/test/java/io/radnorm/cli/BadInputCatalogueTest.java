package io.radnorm.cli;

import io.radnorm.testing.OutputFolders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.GeoKeyDirectory;
import io.radnorm.raster.fs.TemporarySiblings;
import io.radnorm.raster.testing.TestData;
import io.radnorm.raster.tiff.BigTiffMode;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogWriter;
import io.radnorm.raster.tiff.GeoMetadata;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.tiff.RasterSource;
import io.radnorm.raster.tiff.TiffDirectory;
import io.radnorm.raster.tiff.TiffTag;
import io.radnorm.testing.SparkTest;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input catalogue, end to end through {@code radnorm pipeline}: each bad file is made in
 * the test from a small valid one (byte surgery, or a rewrite with one thing changed).
 *
 * <p>Every error case: exit code 1, exactly one line on stderr naming the file and the problem,
 * the inputs unchanged (checksums before and after), no output and no temporary file. The
 * warning cases (an image overlapping no other, an all-nodata image) and NaN nodata run to the
 * end. An unreadable S3 object (403) is in {@link S3FaultsPipelineTest}.
 */
class BadInputCatalogueTest {

    @TempDir
    Path dir;

    private Path in;
    private Path out;
    private final CliSession cli = new CliSession();

    @BeforeAll
    static void spark() {
        SparkTest.session();
    }

    /** Two good inputs (COG copies of two mosaic crops); each test adds its bad one. */
    @BeforeEach
    void goodInputs() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        out = dir.resolve("out");
        for (String name : List.of("wv_nw", "wv_ne")) {
            rewrite(name, in.resolve(name + ".tif"), CogOptions.defaults(), UnaryOperator.identity(), null);
        }
        GeoTiffReader.clearHeaderCache();
    }

    // ---- making bad files ----

    /** Rewrites sample {@code mosaic/<name>.tif} as a COG, with other metadata or pixels. */
    private static void rewrite(String name, Path target, CogOptions options, UnaryOperator<GeoMetadata> meta,
                                PixelRewrite pixels) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(TestData.sample("mosaic/" + name + ".tif").toString())) {
            RasterSource source = RasterSource.of(r);
            if (pixels != null) {
                source = pixels.over(source);
            }
            CogWriter.write(source, meta.apply(GeoMetadata.of(r.info())), target.toString(), null,
                    options.withTileSize(64));
        }
    }

    /** A source derived window by window from another. */
    interface PixelRewrite {
        Raster apply(Raster window);

        default DataType type(DataType original) {
            return original;
        }

        default int bands(int original) {
            return original;
        }

        default RasterSource over(RasterSource s) {
            PixelRewrite f = this;
            return new RasterSource() {
                public int width() {
                    return s.width();
                }

                public int height() {
                    return s.height();
                }

                public int bandCount() {
                    return f.bands(s.bandCount());
                }

                public DataType dataType() {
                    return f.type(s.dataType());
                }

                public Raster read(Window w) throws IOException {
                    return f.apply(s.read(w));
                }
            };
        }
    }

    private static TiffDirectory firstDirectory(Path f) throws IOException {
        GeoTiffReader.clearHeaderCache();
        try (GeoTiffReader r = GeoTiffReader.open(f.toString())) {
            return r.structure().directories().get(0);
        }
    }

    /** The byte position of IFD 0's entry for {@code tag} in a little-endian classic TIFF. */
    private static int classicEntry(byte[] b, int tag) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int ifd = bb.getInt(4);
        int n = bb.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < n; i++) {
            int e = ifd + 2 + 12 * i;
            if ((bb.getShort(e) & 0xFFFF) == tag) {
                return e;
            }
        }
        throw new AssertionError("no tag " + tag);
    }

    /** The byte position of IFD 0's entry for {@code tag} in a little-endian BigTIFF. */
    private static long bigEntry(byte[] b, int tag) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(43, bb.getShort(2), "BigTIFF");
        int ifd = (int) bb.getLong(8);
        long n = bb.getLong(ifd);
        for (int i = 0; i < n; i++) {
            int e = ifd + 8 + 20 * i;
            if ((bb.getShort(e) & 0xFFFF) == tag) {
                return e;
            }
        }
        throw new AssertionError("no tag " + tag);
    }

    // ---- running and checking ----

    private static Map<String, String> checksums(Path folder) throws Exception {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                sums.put(folder.relativize(p).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return sums;
    }

    private static List<Path> files(Path folder) throws IOException {
        return OutputFolders.files(folder);
    }

    private int pipeline(String input, String output, String... more) {
        String[] base = {"pipeline", "-i", input, "-o", output};
        String[] args = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return cli.run(args);
    }

    /** Runs the pipeline on {@code input}; asserts a clean failure and returns its one error line. */
    private String failsCleanly(String input, Path output, String... named) throws Exception {
        Map<String, String> before = checksums(in);
        assertEquals(RadnormCli.EXIT_FAILED, pipeline(input, output.toString()), cli.out() + cli.err());
        List<String> lines = cli.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one error line: " + cli.err());
        String line = lines.get(0);
        assertTrue(line.startsWith("radnorm: error: "), line);
        for (String n : named) {
            assertTrue(line.contains(n), "names " + n + ": " + line);
        }
        assertEquals(before, checksums(in), "inputs untouched");
        assertEquals(List.of(), files(out), "no output");
        try (Stream<Path> s = Files.walk(dir)) {
            assertFalse(s.anyMatch(p -> TemporarySiblings.isTemporary(p.getFileName().toString())), "no temp file");
        }
        return line;
    }

    private String failsCleanly(Path bad, String problem) throws Exception {
        String line = failsCleanly(in.toString(), out, bad.toString());
        assertTrue(line.contains(problem), "says '" + problem + "': " + line);
        return line;
    }

    private String log() {
        return logs.toString();
    }

    /** radnorm's log during the test (the CLI's --log-file appender is JVM-wide, so capture here). */
    private final StringWriter logs = new StringWriter();
    private WriterAppender appender;

    @BeforeEach
    void captureLog() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        appender = WriterAppender.newBuilder().setName("catalogue-" + System.nanoTime()).setTarget(logs)
                .setLayout(PatternLayout.newBuilder().withConfiguration(config).withPattern("%p %m%n").build()).build();
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, null, null);
        ctx.updateLoggers();
    }

    @AfterEach
    void releaseLog() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender(appender.getName());
        appender.stop();
        ctx.updateLoggers();
    }

    // ---- the catalogue ----

    @Test
    void corruptTiff() throws Exception {
        Path bad = in.resolve("wv_se.tif");
        rewrite("wv_se", bad, CogOptions.defaults(), UnaryOperator.identity(), null);
        long tile = firstDirectory(bad).longs(TiffTag.TILE_OFFSETS)[5];
        byte[] b = Files.readAllBytes(bad);
        Arrays.fill(b, (int) tile, (int) tile + 40, (byte) 0x5A); // garbage inside a DEFLATE stream
        Files.write(bad, b);
        failsCleanly(bad, "cannot decode tile 5");
    }

    @Test
    void truncatedTile() throws Exception {
        Path bad = in.resolve("wv_se.tif");
        rewrite("wv_se", bad, CogOptions.defaults(), UnaryOperator.identity(), null);
        TiffDirectory full = firstDirectory(bad);
        long[] offsets = full.longs(TiffTag.TILE_OFFSETS), counts = full.longs(TiffTag.TILE_BYTE_COUNTS);
        int last = 0;
        for (int t = 1; t < offsets.length; t++) {
            last = offsets[t] > offsets[last] ? t : last;
        }
        byte[] b = Files.readAllBytes(bad);
        Files.write(bad, Arrays.copyOf(b, (int) (offsets[last] + counts[last] / 2))); // cut mid-tile
        failsCleanly(bad, "truncated");
    }

    @Test
    void wrongMagic() throws Exception {
        Path bad = in.resolve("wv_se.tif");
        rewrite("wv_se", bad, CogOptions.defaults(), UnaryOperator.identity(), null);
        byte[] b = Files.readAllBytes(bad);
        b[2] = 0x2A + 7; // II, then 49 instead of 42
        Files.write(bad, b);
        failsCleanly(bad, "not a TIFF file");
    }

    @Test
    void bigTiffWithATileOffsetPastTheEnd() throws Exception {
        Path bad = in.resolve("wv_se.tif");
        rewrite("wv_se", bad, CogOptions.defaults().withBigTiff(BigTiffMode.YES), UnaryOperator.identity(), null);
        byte[] b = Files.readAllBytes(bad);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int e = (int) bigEntry(b, TiffTag.TILE_OFFSETS);
        long count = bb.getLong(e + 4);
        int array = count == 1 ? e + 12 : (int) bb.getLong(e + 12);
        bb.putLong(array + 8 * 3, 1L << 40); // tile 3 at 1 TiB
        Files.write(bad, b);
        failsCleanly(bad, "past the end");
    }

    @Test
    void zeroSizeImage() throws Exception {
        Path bad = in.resolve("wv_se.tif");
        rewrite("wv_se", bad, CogOptions.defaults(), UnaryOperator.identity(), null);
        byte[] b = Files.readAllBytes(bad);
        int e = classicEntry(b, TiffTag.IMAGE_WIDTH);
        Arrays.fill(b, e + 8, e + 12, (byte) 0); // width 0
        Files.write(bad, b);
        failsCleanly(bad, "invalid image size 0x200");
    }

    @Test
    void mismatchedCrs() throws Exception {
        Path bad = in.resolve("wv_se.tif");
        rewrite("wv_se", bad, CogOptions.defaults(),
                m -> new GeoMetadata(m.geoTransform(), new Crs(32611, GeoKeyDirectory.forEpsg(32611, true)), m.nodata()),
                null);
        failsCleanly(bad, "CRSs differ");
    }

    @Test
    void mismatchedBandCount() throws Exception {
        Path bad = in.resolve("wv_se.tif");
        rewrite("wv_se", bad, CogOptions.defaults(), UnaryOperator.identity(), new PixelRewrite() {
            public Raster apply(Raster w) {
                Raster r = Raster.allocate(w.dataType(), w.width(), w.height(), 3);
                for (int i = 0; i < r.pixelsPerBand() * 3; i++) {
                    r.setAt(i, w.getAt(i));
                }
                return r;
            }

            public int bands(int original) {
                return 3;
            }
        });
        failsCleanly(bad, "band counts differ");
    }

    @Test
    void outputPathNotWritable() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Path output = file.resolve("out");
        String line = failsCleanly(in.toString(), output, output.toString());
        assertEquals("not a folder", Files.readString(file));
        assertTrue(line.contains("not a directory") || line.contains("cannot create") || line.contains("exists"),
                line);
    }

    @Test
    void inputsCollidingOnOutputName() throws Exception {
        Path a = Files.createDirectories(in.resolve("a")), b = Files.createDirectories(in.resolve("b"));
        rewrite("wv_sw", a.resolve("scene.tif"), CogOptions.defaults(), UnaryOperator.identity(), null);
        rewrite("wv_se", b.resolve("scene.tif"), CogOptions.defaults(), UnaryOperator.identity(), null);
        String line = failsCleanly(a + "," + b, out, a.resolve("scene.tif").toString(), b.resolve("scene.tif").toString());
        assertTrue(line.contains("collide"), line);
    }

    @Test
    void imageOverlappingNoOtherIsAnchoredToItselfWithAWarning() throws Exception {
        Path lonely = in.resolve("wv_se.tif");
        rewrite("wv_se", lonely, CogOptions.defaults(), m -> new GeoMetadata(GeoTransform.northUp(
                m.geoTransform().originX() + 100_000, m.geoTransform().originY(), m.geoTransform().pixelWidth(),
                -m.geoTransform().pixelHeight()), m.crs(), m.nodata()), null);
        Map<String, String> before = checksums(in);
        assertEquals(0, pipeline(in.toString(), out.toString()), cli.err());
        assertEquals(before, checksums(in));
        assertTrue(log().contains("WARN " + lonely + ": overlaps no other image; it is anchored to its own statistics"),
                log());
        for (int band = 1; band <= 8; band++) {
            assertTrue(cli.out().contains(String.format(java.util.Locale.ROOT, "%-28s %5d %12.6f %12.4f%n", "wv_se", band,
                    1.0, 0.0)), "global gain 1, offset 0 for band " + band + ": " + cli.out());
        }
        // Anchored to itself, locally too: its own block map is its reference, so it comes out as it went in.
        try (GeoTiffReader a = GeoTiffReader.open(lonely.toString());
             GeoTiffReader b = GeoTiffReader.open(out.resolve("wv_se_Normalized.tif").toString())) {
            RasterInfo info = a.info();
            assertTrue(a.read(Window.of(info.width(), info.height())).contentEquals(
                    b.read(Window.of(info.width(), info.height()))), "the lonely image is unchanged");
        }
        assertEquals(3, files(out).size());
    }

    @Test
    void allNodataImageIsSkippedWithAWarningAndNamedInTheSummary() throws Exception {
        Path empty = in.resolve("wv_se.tif");
        rewrite("wv_se", empty, CogOptions.defaults(), UnaryOperator.identity(), w -> {
            Raster r = Raster.allocate(w.dataType(), w.width(), w.height(), w.bandCount());
            Arrays.fill((short[]) r.data(), (short) -9999);
            return r;
        });
        assertEquals(0, pipeline(in.toString(), out.toString()), cli.err());
        assertTrue(log().contains("WARN " + empty + ": has no valid pixel (all nodata)"), log());
        assertTrue(cli.out().contains("skipped " + empty + ": no valid pixel (all nodata)"), cli.out());
        assertEquals(List.of(out.resolve("wv_ne_Normalized.tif"), out.resolve("wv_nw_Normalized.tif")), files(out));
    }

    @Test
    void nanNodataOfFloatingInputIsHandledLikeAnyNodata() throws Exception {
        // The crops have no nodata: punch the same holes into an int16 copy (-9999) and a float32 copy (NaN).
        Path ints16 = Files.createDirectories(dir.resolve("ints")), floats = Files.createDirectories(dir.resolve("floats"));
        PixelRewrite withHoles = w -> {
            Raster r = Raster.allocate(w.dataType(), w.width(), w.height(), w.bandCount());
            for (int i = 0; i < r.pixelsPerBand() * r.bandCount(); i++) {
                r.setAt(i, w.getAt(i) % 13 == 0 ? -9999 : w.getAt(i));
            }
            return r;
        };
        PixelRewrite toFloat = new PixelRewrite() {
            public Raster apply(Raster w) {
                Raster r = Raster.allocate(DataType.FLOAT32, w.width(), w.height(), w.bandCount());
                for (int i = 0; i < r.pixelsPerBand() * r.bandCount(); i++) {
                    r.setAt(i, w.getAt(i) % 13 == 0 ? Double.NaN : w.getAt(i));
                }
                return r;
            }

            public DataType type(DataType original) {
                return DataType.FLOAT32;
            }
        };
        for (String name : List.of("wv_nw", "wv_ne")) {
            rewrite(name, ints16.resolve(name + ".tif"), CogOptions.defaults(), m -> m.withNodata(-9999.0), withHoles);
            rewrite(name, floats.resolve(name + ".tif"), CogOptions.defaults(), m -> m.withNodata(Double.NaN), toFloat);
        }
        assertEquals(0, pipeline(ints16.toString(), out.toString()), cli.err());
        String intModel = cli.out();
        Path floatOut = dir.resolve("float-out");
        CliSession floatCli = new CliSession();
        assertEquals(0, floatCli.run("pipeline", "-i", floats.toString(), "-o", floatOut.toString()), floatCli.err());
        // The same statistics, so the same global model (the printed gain/offset table) and block grid.
        assertEquals(intModel.lines().filter(l -> !l.startsWith("wrote")).toList(),
                floatCli.out().lines().filter(l -> !l.startsWith("wrote")).toList());
        for (String name : List.of("wv_nw", "wv_ne")) {
            try (GeoTiffReader a = GeoTiffReader.open(out.resolve(name + "_Normalized.tif").toString());
                 GeoTiffReader b = GeoTiffReader.open(floatOut.resolve(name + "_Normalized.tif").toString())) {
                assertEquals(DataType.FLOAT32, b.info().dataType());
                assertTrue(Double.isNaN(b.info().nodata()), "output nodata NaN");
                Raster ri = a.read(Window.of(a.info().width(), a.info().height()));
                Raster rf = b.read(Window.of(a.info().width(), a.info().height()));
                int holes = 0;
                for (int p = 0; p < ri.pixelsPerBand() * ri.bandCount(); p++) {
                    double vi = ri.getAt(p), vf = rf.getAt(p);
                    if (vi == -9999) {
                        assertTrue(Double.isNaN(vf), "nodata stays NaN at " + p);
                        holes++;
                    } else {
                        // int16 output is the float result rounded to nearest.
                        assertEquals(vi, vf, 0.5 + 1e-3, "pixel " + p);
                    }
                }
                assertTrue(holes > 0, "the crops have nodata to carry");
            }
        }
    }
}
