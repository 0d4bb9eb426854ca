package io.radnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.testing.Gdal;
import io.radnorm.raster.testing.TestData;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.testing.SparkTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code radnorm workflow}: conf/mosaic-workflow.yaml end to end on the sample mosaic (global,
 * local, align, seamlines, mask, merge, report), and the checks a workflow file gets before
 * anything runs.
 */
class WorkflowCommandTest {

    private static final List<String> STEPS = List.of("global", "local", "align", "seamlines", "mask", "merge", "report");
    private static final List<String> IMAGES = List.of("wv_ne", "wv_nw", "wv_se", "wv_sw");

    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        SparkTest.session();
    }

    private static String workflow() {
        return TestData.repoRoot().resolve("conf/mosaic-workflow.yaml").toString();
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void theMosaicWorkflowRunsEndToEnd() throws Exception {
        Path out = dir.resolve("mosaic");
        CliSession cli = new CliSession();
        // The file's paths are relative to the repository root; the test runs elsewhere, so it sets both.
        int code = cli.run("workflow", workflow(), "--set", "out=" + out, "--set", "in=" + TestData.sample("mosaic"),
                "--quiet");
        assertEquals(RadnormCli.EXIT_OK, code, cli.err() + cli.out());
        for (int k = 0; k < STEPS.size(); k++) {
            assertTrue(cli.out().contains("step " + (k + 1) + "/" + STEPS.size() + ": " + STEPS.get(k) + "\n"), cli.out());
        }
        assertTrue(cli.out().contains("workflow: 7 steps done"), cli.out());
        for (String name : IMAGES) {
            assertTrue(Files.exists(out.resolve("global/" + name + "_Global.tif")), name);
            assertTrue(Files.exists(out.resolve("local/" + name + "_Global_Local.tif")), name);
        }
        assertTrue(Files.exists(out.resolve("seamlines.gpkg")));

        // The mosaic: one COG on the aligned grid over the union of the inputs.
        Path mosaic = out.resolve("mosaic.tif");
        RasterInfo m = GeoTiffReader.info(mosaic.toString(), null);
        assertTrue(m.layout().cog(), "COG layout");
        assertEquals(8, m.bandCount());
        assertEquals(2.0, m.geoTransform().pixelWidth());
        assertEquals(0.0, m.geoTransform().originX() % 2.0); // target-aligned
        Envelope union = new Envelope();
        for (String name : IMAGES) {
            union.expandToInclude(GeoTiffReader.info(TestData.sample("mosaic/" + name + ".tif").toString(), null).bounds());
        }
        Envelope covered = m.bounds();
        assertTrue(covered.contains(union), covered + " does not cover " + union);
        assertTrue(covered.getWidth() - union.getWidth() <= 2 * 2.0 && covered.getHeight() - union.getHeight() <= 2 * 2.0,
                covered + " is larger than " + union + " by more than a pixel per side");
        Gdal.require();
        String validation = Gdal.validateCog(mosaic);
        assertTrue(validation.contains("is a valid cloud optimized GeoTIFF"), validation);

        assertMosaicIsTheUnionOfTheMaskedImages(m, out.resolve("masked"));

        // The quick-look of the mosaic decodes and shows something: many pixels, many colours.
        BufferedImage png = ImageIO.read(out.resolve("mosaic.png").toFile());
        assertEquals(512, Math.max(png.getWidth(), png.getHeight()));
        long opaque = 0;
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int argb = png.getRGB(x, y);
                if (argb >>> 24 != 0) {
                    opaque++;
                    colours.add(argb);
                }
            }
        }
        assertTrue(opaque > 0.9 * png.getWidth() * png.getHeight(), "opaque pixels: " + opaque);
        assertTrue(colours.size() > 1000, "colours: " + colours.size());

        // The report's seam RMSE: normalization brought the images together at their seams.
        Matcher rmse = Pattern.compile("seam RMSE: ([0-9.]+) before, ([0-9.]+) after").matcher(cli.out());
        assertTrue(rmse.find(), cli.out());
        double before = Double.parseDouble(rmse.group(1)), after = Double.parseDouble(rmse.group(2));
        assertTrue(after < 0.5 * before, "seam RMSE " + before + " before, " + after + " after");
        assertTrue(Files.exists(out.resolve("report/index.html")));
    }

    /** Every valid pixel of a masked image is in the mosaic unchanged, and every valid mosaic pixel comes from one. */
    private static void assertMosaicIsTheUnionOfTheMaskedImages(RasterInfo m, Path masked) throws IOException {
        Raster mosaic;
        try (GeoTiffReader r = GeoTiffReader.open(m.location())) {
            mosaic = r.read(new Window(0, 0, m.width(), m.height()));
        }
        double nodata = m.nodata();
        long fromImages = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(masked)) {
            files = s.filter(p -> p.toString().endsWith(".tif")).sorted().toList();
        }
        assertEquals(4, files.size(), files.toString());
        for (Path f : files) {
            try (GeoTiffReader r = GeoTiffReader.open(f.toString())) {
                RasterInfo info = r.info();
                Raster img = r.read(new Window(0, 0, info.width(), info.height()));
                int dx = (int) Math.round((info.geoTransform().originX() - m.geoTransform().originX()) / 2.0);
                int dy = (int) Math.round((m.geoTransform().originY() - info.geoTransform().originY()) / 2.0);
                for (int y = 0; y < info.height(); y++) {
                    for (int x = 0; x < info.width(); x++) {
                        if (img.get(0, x, y) == info.nodata()) {
                            continue;
                        }
                        fromImages++;
                        for (int b = 0; b < m.bandCount(); b++) {
                            assertEquals(img.get(b, x, y), mosaic.get(b, x + dx, y + dy),
                                    f.getFileName() + " band " + (b + 1) + " pixel " + x + "," + y);
                        }
                    }
                }
            }
        }
        long valid = 0;
        for (int y = 0; y < m.height(); y++) {
            for (int x = 0; x < m.width(); x++) {
                if (mosaic.get(0, x, y) != nodata) {
                    valid++;
                }
            }
        }
        assertEquals(fromImages, valid, "valid mosaic pixels vs valid masked pixels (the masks do not overlap)");
        assertTrue(valid > 0.9 * m.width() * m.height(), "valid: " + valid);
    }

    @Test
    void dryRunPrintsTheCommandLinesWithTheVarsSubstituted() {
        CliSession cli = new CliSession();
        assertEquals(RadnormCli.EXIT_OK, cli.run("workflow", workflow(), "--set", "out=/data/2024-06-01", "--dry-run",
                "--resume"), cli.err());
        List<String> lines = cli.out().lines().toList();
        assertEquals(2 * STEPS.size(), lines.size(), cli.out());
        assertEquals("# step 1/7: global", lines.get(0));
        assertEquals("radnorm global --input=data/sample/mosaic --output=/data/2024-06-01/global/ --mean-factor=1 "
                + "--std-factor=1 --unanchored=anchor --resume", lines.get(1));
        assertEquals("radnorm local --input=/data/2024-06-01/global --output=/data/2024-06-01/local/ --blocks=20 "
                + "--reference=overlap --method=gamma --resume", lines.get(3));
        assertEquals("radnorm align --input=/data/2024-06-01/local '--output=/data/2024-06-01/aligned/$.tif' "
                + "--crs=EPSG:32610 --resolution=2 --tap --resampling=bilinear", lines.get(5)); // no --resume: align has none
        assertTrue(lines.get(11).contains("--rgb 5,3,2"), lines.get(11));
        assertFalse(Files.exists(Path.of("/data/2024-06-01")));
    }

    @Test
    void varsSubstituteEverywhereAndMayUseEarlierVars() throws IOException {
        Path f = write("w.yaml", """
                vars:
                  root: /r
                  out: ${root}/out
                  date: 2024-01-01
                spark:
                  spark.app.tag: x${date}
                steps:
                  - name: info ${date}
                    command: info
                    options:
                      verbose: "true"
                      quiet: false
                  - command: stats compare
                    options:
                      before: ${out}/${date}/*.tif
                      after: ${out}/b
                """);
        WorkflowFile wf = WorkflowFile.read(f.toString(), Map.of("date", "2024-06-01"));
        assertEquals("/r/out", wf.vars().get("out"));
        assertEquals("x2024-06-01", wf.spark().get("spark.app.tag"));
        assertEquals("info 2024-06-01", wf.steps().get(0).name());
        assertEquals("stats compare", wf.steps().get(1).name()); // the command names an unnamed step
        assertEquals(List.of("stats", "compare"), wf.steps().get(1).command());
        assertEquals("/r/out/2024-06-01/*.tif", wf.steps().get(1).options().get("before"));

        CliSession cli = new CliSession();
        assertEquals(RadnormCli.EXIT_OK, cli.run("workflow", f.toString(), "--dry-run"), cli.err());
        assertTrue(cli.out().contains("radnorm info --verbose\n"), cli.out()); // a false flag is left out
        assertTrue(cli.out().contains("radnorm stats compare '--before=/r/out/2024-01-01/*.tif' --after=/r/out/b\n"), cli.out());
    }

    @Test
    void anUnknownCommandIsAUsageErrorNamingTheStep() throws IOException {
        Path f = write("w.yaml", "steps:\n  - {name: first, command: info}\n  - {name: fuse, command: fusion}\n");
        CliSession cli = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, cli.run("workflow", f.toString()));
        String first = cli.err().lines().findFirst().orElse("");
        assertTrue(first.contains("step 'fuse'") && first.contains("unknown command 'fusion'"), cli.err());
        assertFalse(cli.out().contains("step 1/2"), "nothing runs: " + cli.out());
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingTheStepAndTheOption() throws IOException {
        Path f = write("w.yaml", """
                steps:
                  - name: put on grid
                    command: align
                    options: {input: a, output: b/, resolutoin: 2}
                """);
        CliSession cli = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, cli.run("workflow", f.toString()));
        String first = cli.err().lines().findFirst().orElse("");
        assertTrue(first.contains("step 'put on grid'") && first.contains("unknown option 'resolutoin'")
                && first.contains("radnorm align"), cli.err());
    }

    @Test
    void aValueTheCommandRefusesAndUnknownVarsAreUsageErrors() throws IOException {
        Path bad = write("bad.yaml", "steps:\n  - {name: m, command: merge, options: {input: a, output: b.tif, block-tiles: many}}\n");
        CliSession cli = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, cli.run("workflow", bad.toString(), "--dry-run"));
        assertTrue(cli.err().lines().findFirst().orElse("").contains("step 'm' (radnorm merge)"), cli.err());
        assertTrue(cli.err().contains("many"), cli.err());

        Path vars = write("vars.yaml", "vars: {out: o}\nsteps:\n  - {command: info, options: {input: '${oot}/x.tif'}}\n");
        cli = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, cli.run("workflow", vars.toString(), "--dry-run"));
        assertTrue(cli.err().contains("${oot}") && cli.err().contains("step 'info'"), cli.err());

        cli = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, cli.run("workflow", vars.toString(), "--set", "date=1", "--dry-run"));
        assertTrue(cli.err().contains("--set date: no such var (its vars: out)"), cli.err());
    }

    @Test
    void aFailingStepStopsTheWorkflowWithOneLineNamingIt() throws IOException {
        Path f = write("w.yaml", "vars: {out: " + dir + "}\nsteps:\n"
                + "  - {name: look, command: info, options: {input: " + TestData.sample("mosaic/wv_ne.tif") + "}}\n"
                + "  - {name: grid, command: align, options: {input: '${out}/missing/*.tif', output: '${out}/a/'}}\n"
                + "  - {name: never, command: info, options: {input: " + TestData.sample("mosaic/wv_ne.tif") + "}}\n");
        CliSession cli = new CliSession();
        assertEquals(RadnormCli.EXIT_FAILED, cli.run("workflow", f.toString(), "--quiet"));
        assertTrue(cli.out().contains("step 1/3: look") && cli.out().contains("step 2/3: grid"), cli.out());
        assertFalse(cli.out().contains("step 3/3"), cli.out());
        List<String> errors = cli.err().strip().lines().toList();
        assertEquals(1, errors.size(), cli.err());
        assertTrue(errors.get(0).startsWith("radnorm: error: step 2/3 'grid' (radnorm align) failed: "), errors.get(0));
        assertTrue(errors.get(0).contains("missing"), errors.get(0));
    }
}
