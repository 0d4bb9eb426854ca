package io.radnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.testing.TestData;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.testing.SparkTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Job files ({@code --config job.yaml}): every example in conf/ parses; the sample mosaic job runs. */
class ConfigFileTest {

    @TempDir
    Path dir;

    private static Path conf(String name) {
        return TestData.repoRoot().resolve("conf").resolve(name);
    }

    private Path write(String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    private static String value(ParseResult r, String option) {
        return r.commandSpec().findOption(option).getValue();
    }

    @Test
    void everyExampleInConfParses() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(TestData.repoRoot().resolve("conf"))) {
            // *-workflow.yaml are workflow files (radnorm workflow FILE), not job files: WorkflowCommandTest
            files = s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith("-workflow.yaml"))
                    .sorted().toList();
        }
        assertTrue(files.size() >= 3, files.toString());
        for (Path f : files) {
            ParseResult r = RadnormCli.parse("--config", f.toString());
            assertTrue(r.commandSpec().parent() != null, f + " names no command");
            assertTrue(value(r, "--input") != null, f + " has no input");
        }
    }

    @Test
    void theExamplesSayWhatTheyMean() {
        ParseResult mosaic = RadnormCli.parse("--config", conf("mosaic.yaml").toString());
        assertEquals("pipeline", mosaic.commandSpec().name());
        assertEquals("data/sample/mosaic", value(mosaic, "--input"));
        assertTrue(Files.isDirectory(TestData.repoRoot().resolve(value(mosaic, "--input"))));
        assertEquals("100", value(mosaic, "--blocks"));

        ParseResult ts = RadnormCli.parse("--config", conf("timeseries.yaml").toString());
        assertEquals(List.of("include", "Landsat_20210326"), ts.commandSpec().findOption("--model-images").getValue());
        assertEquals("refuse", value(ts, "--unanchored"));
        assertEquals("6x9", value(ts, "--blocks"));
        assertEquals(2, ts.commandSpec().findOption("--save-block-maps").<List<String>>getValue().size());

        ParseResult s3 = RadnormCli.parse("--config", conf("s3.yaml").toString());
        assertTrue(value(s3, "--input").startsWith("s3a://"), value(s3, "--input"));
        assertTrue(value(s3, "--output").startsWith("s3a://"), value(s3, "--output"));
    }

    @Test
    void theCommandLineWinsOverTheFile() throws IOException {
        Path f = write("job.yaml", "command: local\ninput: a.tif\nblocks: 4x4\nmethod: linear\nverbose: true\n"
                + "save-block-maps: [ref.tif, 'maps/$_b.tif']\n");
        ParseResult r = RadnormCli.parse("local", "--config", f.toString(), "--blocks", "8x8",
                "--save-block-maps", "other.tif");
        assertEquals("8x8", value(r, "--blocks"));
        assertEquals("linear", value(r, "--method"));
        assertEquals(Boolean.TRUE, r.commandSpec().findOption("--verbose").getValue());
        assertEquals(List.of("other.tif"), r.commandSpec().findOption("--save-block-maps").getValue());
        // Without the flag the file's list is used, and the command may come from the file.
        ParseResult fromFile = RadnormCli.parse("--config", f.toString());
        assertEquals("local", fromFile.commandSpec().name());
        assertEquals(List.of("ref.tif", "maps/$_b.tif"), fromFile.commandSpec().findOption("--save-block-maps").getValue());
        // Scalars are the text as typed: no YAML 1.1 guessing (1e-3, 010 stay as written).
        Path g = write("g.yaml", "input: x.tif\nblock-valid-threshold: 1e-3\nmask: include zones.gpkg NAME\n");
        ParseResult p = RadnormCli.parse("pipeline", "--config", g.toString());
        assertEquals(0.001, (double) p.commandSpec().findOption("--block-valid-threshold").getValue(), 0);
        assertEquals(List.of("include", "zones.gpkg", "NAME"), p.commandSpec().findOption("--mask").getValue());
    }

    @Test
    void badFilesAreUsageErrorsNamingTheProblem() throws IOException {
        Path unknown = write("unknown.yaml", "command: pipeline\ninput: x.tif\nblok-size: 3\n");
        CliSession cli = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, cli.run("--config", unknown.toString()));
        assertTrue(cli.err().contains(unknown + ": unknown key 'blok-size' for 'radnorm pipeline'"), cli.err());

        // A key of another command is unknown here too.
        Path other = write("other.yaml", "input: x.tif\nsave-adjustments: a.json\n");
        CliSession c2 = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, c2.run("pipeline", "--config", other.toString()));
        assertTrue(c2.err().contains("unknown key 'save-adjustments'"), c2.err());

        Path wrongCommand = write("global.yaml", "command: global\ninput: x.tif\n");
        CliSession c3 = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, c3.run("local", "--config", wrongCommand.toString()));
        assertTrue(c3.err().contains("is a job file for 'radnorm global', not 'radnorm local'"), c3.err());

        Path notYaml = write("broken.yaml", "input: [x.tif\n");
        CliSession c4 = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, c4.run("global", "--config", notYaml.toString()));
        assertTrue(c4.err().contains(notYaml + ": not valid YAML"), c4.err());

        CliSession c5 = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, c5.run("global", "--config", dir.resolve("none.yaml").toString()));
        assertTrue(c5.err().contains("none.yaml: no such config file"), c5.err());

        Path arity = write("arity.yaml", "input: x.tif\nmodel-images: [include]\n");
        CliSession c6 = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, c6.run("global", "--config", arity.toString()));
        assertTrue(c6.err().contains("'model-images' takes 2 values"), c6.err());

        Path list = write("list.yaml", "input: [a.tif, b.tif]\n");
        assertThrows(CommandLine.ParameterException.class, () -> RadnormCli.parse("global", "--config", list.toString()));
    }

    @Test
    void theSampleMosaicJobRunsEndToEnd() throws Exception {
        SparkSession spark = SparkTest.session();
        Path out = dir.resolve("mosaic");
        // conf/mosaic.yaml's paths are relative to the repository root; the test runs elsewhere,
        // so it gives the input and output on the command line, which win over the file.
        CliSession cli = new CliSession();
        assertEquals(RadnormCli.EXIT_OK, cli.run("--config", conf("mosaic.yaml").toString(),
                "--input", TestData.sample("mosaic").toString(), "--output", out + "/"), cli.err());
        assertTrue(cli.out().contains("block grid: 20 rows x 20 columns"), cli.out()); // blocks: 100, 4 images
        for (String name : List.of("wv_ne", "wv_nw", "wv_se", "wv_sw")) {
            try (GeoTiffReader r = GeoTiffReader.open(out.resolve(name + "_Normalized.tif").toString())) {
                RasterInfo info = r.info();
                assertEquals(200, info.width());
                assertEquals(8, info.bandCount());
                assertTrue(info.layout().cog());
            }
        }

        // A spark: entry reaches the session (here a runtime SQL setting of the running one).
        Path withSpark = write("spark.yaml", "command: info\ninput: " + TestData.sample("quadrants")
                + "\nspark:\n  spark.sql.shuffle.partitions: 7\n");
        String before = spark.conf().get("spark.sql.shuffle.partitions");
        try {
            assertEquals(RadnormCli.EXIT_OK, new CliSession().run("--config", withSpark.toString(), "--quiet"));
            assertEquals("7", spark.conf().get("spark.sql.shuffle.partitions"));
        } finally {
            spark.conf().set("spark.sql.shuffle.partitions", before);
        }
        assertFalse(Files.exists(TestData.repoRoot().resolve("spark-jobs/out")));
    }
}
