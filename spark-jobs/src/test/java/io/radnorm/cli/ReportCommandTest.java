package io.radnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.testing.TestData;
import io.radnorm.spark.report.NormalizationReport;
import io.radnorm.spark.report.SeamChartData;
import io.radnorm.spark.report.SpectralProfiles;
import io.radnorm.testing.SparkTest;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code radnorm report} on the sample mosaic before and after {@code radnorm pipeline}: every
 * picture decodes, has its size and shows something; index.html shows every picture; the numbers
 * behind the charts are the project's own metrics.
 */
class ReportCommandTest {

    @TempDir
    static Path dir;

    private static final String MOSAIC = TestData.sample("mosaic").toString();
    private static Path normalized;

    private final CliSession cli = new CliSession();

    @BeforeAll
    static void normalizeTheSampleMosaic() {
        SparkTest.session();
        normalized = dir.resolve("normalized");
        CliSession pipeline = new CliSession();
        assertEquals(0, pipeline.run("pipeline", "-i", MOSAIC, "-o", normalized.toString(), "--save-block-maps",
                dir.resolve("ref.tif").toString(), dir + "/maps/$_blocks.tif"), pipeline.err());
    }

    @Test
    void picturesOfTheSampleMosaicBeforeAndAfterThePipeline() throws Exception {
        Path out = dir.resolve("report");
        NormalizationReport.Result r = NormalizationReport.builder().before(MOSAIC).after(normalized.toString())
                .output(out.toString()).quicklookSize(300)
                .blockMaps(List.of(dir.resolve("ref.tif").toString(), dir + "/maps/wv_ne_blocks.tif"))
                .build().run(SparkTest.session());

        // 4 quick-looks/charts + 2 maps x 8 bands + index.html
        assertEquals(4 + 16 + 1, r.files().size(), r.files().toString());
        Set<String> pngs = new HashSet<>();
        try (Stream<Path> files = Files.list(out)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).forEach(pngs::add);
        }
        assertEquals(20, pngs.size(), pngs.toString());

        // Quick-looks: 300 pixels on the long side of the union, the same grid before and after.
        BufferedImage before = png(out, "quicklook-before.png"), after = png(out, "quicklook-after.png");
        assertEquals(300, Math.max(before.getWidth(), before.getHeight()));
        assertEquals(r.quicklook().width(), before.getWidth());
        assertEquals(r.quicklook().height(), before.getHeight());
        assertEquals(before.getWidth(), after.getWidth());
        assertEquals(before.getHeight(), after.getHeight());
        assertShowsSomething(before, 200);
        assertShowsSomething(after, 200);
        assertTrue(meanAbsoluteRgbDifference(before, after) > 3, "the correction changes the picture");

        BufferedImage profiles = png(out, NormalizationReport.PROFILES);
        assertTrue(profiles.getWidth() > 1280, "two 640-pixel panels and a legend: " + profiles.getWidth());
        assertEquals(480, profiles.getHeight());
        assertShowsSomething(profiles, 5);
        BufferedImage seams = png(out, NormalizationReport.SEAMS);
        assertEquals(800, seams.getWidth()); // 4 pairs: the minimum width
        assertEquals(520, seams.getHeight());
        assertShowsSomething(seams, 5);
        for (String map : List.of("ref", "wv_ne_blocks")) {
            for (int b = 1; b <= 8; b++) {
                BufferedImage m = png(out, "blocks-" + map + "-band" + b + ".png");
                assertTrue(m.getWidth() >= 360 && m.getHeight() > 100, m.getWidth() + "x" + m.getHeight());
                assertShowsSomething(m, 10);
            }
        }

        // index.html shows every PNG and references nothing else.
        String html = Files.readString(out.resolve(NormalizationReport.INDEX));
        Set<String> referenced = new HashSet<>();
        Matcher src = Pattern.compile("src=\"([^\"]+)\"").matcher(html);
        while (src.find()) {
            referenced.add(src.group(1));
        }
        assertEquals(pngs, referenced);

        // The seam chart's numbers are stats compare's metric: the README's 309.69 -> 10.99 on this mosaic.
        SeamChartData s = r.seams();
        assertEquals(309.69, s.overallBefore().rmse(), 0.01);
        assertEquals(10.99, s.overallAfter().rmse(), 0.01);
        assertFalse(s.pairs().isEmpty());
        for (int k = 0; k < s.pairs().size(); k++) {
            assertTrue(s.rmseAfter().get(k) < s.rmseBefore().get(k), s.pairs().get(k) + ": " + s.rmseBefore().get(k)
                    + " -> " + s.rmseAfter().get(k));
        }
        assertTrue(s.pairs().contains("wv_ne ~ wv_nw"), s.pairs().toString());

        // Spectral profiles: the images' own means, and closer together after.
        SpectralProfiles p = r.profiles();
        assertEquals(List.of("wv_ne", "wv_nw", "wv_se", "wv_sw"), p.images());
        for (int i = 0; i < 4; i++) {
            double[] expected = means(MOSAIC + "/" + p.images().get(i) + ".tif");
            double[] expectedAfter = means(normalized + "/" + p.images().get(i) + "_Normalized.tif");
            for (int b = 0; b < 8; b++) {
                assertEquals(expected[b], p.before().get(i)[b], 1e-9 * Math.abs(expected[b]));
                assertEquals(expectedAfter[b], p.after().get(i)[b], 1e-9 * Math.abs(expectedAfter[b]));
            }
        }
        assertTrue(spread(p.after()) < 0.5 * spread(p.before()), spread(p.before()) + " -> " + spread(p.after()));

        // One stretch for both quick-looks: low below high in each displayed band.
        assertEquals(3, r.stretch().low().length);
        for (int b = 0; b < 3; b++) {
            assertTrue(r.stretch().low()[b] < r.stretch().high()[b]);
        }
    }

    @Test
    void commandLineWritesTheReportAndPrintsTheMetric() throws Exception {
        Path out = dir.resolve("cli-report");
        assertEquals(0, cli.run("report", "--before", MOSAIC, "--after", normalized + "/*_Normalized.tif",
                "-o", out.toString(), "--rgb", "5", "--quicklook-size", "64"), cli.err());
        assertTrue(cli.out().contains("seam RMSE: 309.69"), cli.out());
        BufferedImage grey = png(out, "quicklook-after.png");
        assertEquals(64, Math.max(grey.getWidth(), grey.getHeight()));
        int rgb = grey.getRGB(grey.getWidth() / 2, grey.getHeight() / 2);
        assertEquals((rgb >> 16) & 0xFF, rgb & 0xFF, "one band: grey");
        assertTrue(Files.readString(out.resolve("index.html")).contains("Band 5 as grey"));
        assertFalse(Files.exists(out.resolve("blocks-ref-band1.png")), "no block maps given, none drawn");
    }

    @Test
    void anUnmatchedImageIsNamedAndNothingIsWritten() {
        Path out = dir.resolve("unmatched");
        String three = String.join(",", normalized + "/wv_ne_Normalized.tif", normalized + "/wv_nw_Normalized.tif",
                normalized + "/wv_se_Normalized.tif");
        assertEquals(1, cli.run("report", "--before", MOSAIC, "--after", three, "-o", out.toString()));
        assertTrue(cli.err().contains("wv_sw.tif has no --after file"), cli.err());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aBandThatDoesNotExistIsRefused() {
        Path out = dir.resolve("bad-rgb");
        assertEquals(1, cli.run("report", "--before", MOSAIC, "--after", normalized.toString(), "-o", out.toString(),
                "--rgb", "3,2,9"));
        assertTrue(cli.err().contains("--rgb band 9 does not exist: the images have 8 bands"), cli.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void helpListsTheCommand() {
        assertEquals(0, cli.run("--help"));
        assertTrue(cli.out().contains("report"), cli.out());
        assertEquals(0, cli.run("report", "--help"));
        assertTrue(cli.out().contains("--quicklook-size") && cli.out().contains("--block-maps"), cli.out());
    }

    private static BufferedImage png(Path folder, String name) throws Exception {
        File f = folder.resolve(name).toFile();
        assertTrue(f.isFile(), name + " exists");
        BufferedImage img = ImageIO.read(f);
        assertNotNull(img, name + " decodes as an image");
        return img;
    }

    /** At least {@code minColours} distinct colours among the opaque pixels, and non-zero variance. */
    private static void assertShowsSomething(BufferedImage img, int minColours) {
        Set<Integer> colours = new HashSet<>();
        double sum = 0, sq = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int argb = img.getRGB(x, y);
                if ((argb >>> 24) == 0) {
                    continue;
                }
                colours.add(argb);
                double v = ((argb >> 16) & 0xFF) + ((argb >> 8) & 0xFF) + (argb & 0xFF);
                sum += v;
                sq += v * v;
                n++;
            }
        }
        assertTrue(colours.size() >= minColours, colours.size() + " colours");
        assertTrue(sq / n - (sum / n) * (sum / n) > 1, "variance");
    }

    private static double meanAbsoluteRgbDifference(BufferedImage a, BufferedImage b) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                if ((p >>> 24) != 0 && (q >>> 24) != 0) {
                    for (int s = 0; s < 24; s += 8) {
                        sum += Math.abs(((p >> s) & 0xFF) - ((q >> s) & 0xFF));
                    }
                    n += 3;
                }
            }
        }
        return sum / n;
    }

    /** Each band's mean over the valid pixels, read whole (a 200 x 200 sample image). */
    private static double[] means(String file) throws Exception {
        try (GeoTiffReader r = GeoTiffReader.open(file)) {
            RasterInfo info = r.info();
            Raster px = r.read(Window.of(info.width(), info.height()));
            double nodata = info.nodata() == null ? Double.NaN : info.nodata();
            double[] out = new double[info.bandCount()];
            for (int b = 0; b < out.length; b++) {
                double sum = 0;
                long n = 0;
                for (double v : px.bandAsDoubles(b)) {
                    if (v == v && v != nodata) {
                        sum += v;
                        n++;
                    }
                }
                out[b] = sum / n;
            }
            return out;
        }
    }

    /** Sum over bands of the range of the images' means. */
    private static double spread(List<double[]> means) {
        double total = 0;
        for (int b = 0; b < means.get(0).length; b++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double[] m : means) {
                lo = Math.min(lo, m[b]);
                hi = Math.max(hi, m[b]);
            }
            total += hi - lo;
        }
        return total;
    }
}
