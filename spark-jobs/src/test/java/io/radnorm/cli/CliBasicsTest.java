package io.radnorm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.testing.TestData;
import io.radnorm.testing.SparkTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What every command shares: --help with defaults, --version, exit codes 0/1/2, --log-file, --quiet. */
class CliBasicsTest {

    @TempDir
    Path dir;

    /** Every command, as the words typed after {@code radnorm}. */
    private static List<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        collect(RadnormCli.commandLine(), new ArrayList<>(), out);
        return out;
    }

    private static void collect(CommandLine cl, List<String> words, List<List<String>> out) {
        out.add(words);
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals("help")) {
                List<String> w = new ArrayList<>(words);
                w.add(e.getKey());
                collect(e.getValue(), w, out);
            }
        }
    }

    @Test
    void everyCommandHasHelpWithDefaultsAndVersion() {
        List<List<String>> commands = commands();
        assertTrue(commands.size() >= 7, commands.toString()); // radnorm, info, pipeline, global, local, stats, stats compare
        for (List<String> words : commands) {
            CliSession help = new CliSession();
            List<String> args = new ArrayList<>(words);
            args.add("--help");
            assertEquals(RadnormCli.EXIT_OK, help.run(args.toArray(String[]::new)), words + ": " + help.err());
            assertTrue(help.out().contains("-h, --help") && help.out().contains("-V, --version"), help.out());
            assertTrue(help.out().contains("--config=FILE"), words + " lacks --config:\n" + help.out());
            CommandLine.Model.CommandSpec spec = specOf(words);
            if (spec.options().stream().anyMatch(o -> o.defaultValue() != null)) {
                assertTrue(help.out().contains("Default:"), words + " shows no defaults:\n" + help.out());
            }
            if (spec.findOption("--window") != null) {
                assertTrue(help.out().contains("Default: 2048"), help.out());
            }
            if (spec.subcommands().isEmpty()) { // commands that run: logging options
                assertTrue(help.out().contains("--verbose") && help.out().contains("--quiet")
                        && help.out().contains("--log-file=FILE"), words + ":\n" + help.out());
            }

            CliSession version = new CliSession();
            args.set(args.size() - 1, "--version");
            assertEquals(RadnormCli.EXIT_OK, version.run(args.toArray(String[]::new)));
            assertTrue(version.out().startsWith("radnorm ") && version.out().contains("running on Spark"),
                    words + ": " + version.out());
        }
    }

    private static CommandLine.Model.CommandSpec specOf(List<String> words) {
        CommandLine cl = RadnormCli.commandLine();
        for (String w : words) {
            cl = cl.getSubcommands().get(w);
        }
        return cl.getCommandSpec();
    }

    @Test
    void badUsageExitsWithTwo() {
        CliSession cli = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, cli.run("pipeline", "--input", "x.tif", "--no-such-option"));
        assertTrue(cli.err().contains("Unknown option: '--no-such-option'"), cli.err());

        CliSession missing = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, missing.run("global")); // --input is required
        assertTrue(missing.err().contains("Missing required option: '--input=INPUTS'"), missing.err());

        CliSession noCommand = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, noCommand.run());
        assertTrue(noCommand.err().contains("missing command"), noCommand.err());

        CliSession badNumber = new CliSession();
        assertEquals(RadnormCli.EXIT_USAGE, badNumber.run("global", "-i", "x.tif", "--window", "big"));
        assertTrue(badNumber.err().contains("--window"), badNumber.err());
    }

    @Test
    void aFailedJobExitsWithOneAndOneLineNamingTheFile() {
        SparkTest.session();
        CliSession cli = new CliSession();
        String missing = dir.resolve("nothing-here.tif").toString();
        assertEquals(RadnormCli.EXIT_FAILED, cli.run("global", "--input", missing, "--quiet"));
        String[] lines = cli.err().strip().split("\n");
        assertEquals(1, lines.length, cli.err());
        assertTrue(lines[0].startsWith("radnorm: error: ") && lines[0].contains(missing), cli.err());
    }

    @Test
    void logFileHoldsTheLogAndVerboseAddsSparkInfo() throws Exception {
        SparkTest.session();
        String quadrants = TestData.sample("quadrants").toString();
        Path log = dir.resolve("logs/radnorm.log");
        Files.createDirectories(log.getParent());
        Level before = LogManager.getLogger("org.apache.spark").getLevel();

        CliSession cli = new CliSession();
        assertEquals(RadnormCli.EXIT_OK, cli.run("info", "--input", quadrants, "--verbose", "--log-file", log.toString()),
                cli.err());
        String text = Files.readString(log);
        // Spark's scheduler at INFO (WARN without --verbose), running radnorm's job.
        assertTrue(text.contains("INFO") && text.contains("DAGScheduler: Job") && text.contains("RasterHeaders"), text);
        // The run's levels and file are undone afterwards: the next command logs nothing there.
        assertEquals(before, LogManager.getLogger("org.apache.spark").getLevel());
        long size = Files.size(log);
        assertEquals(RadnormCli.EXIT_OK, new CliSession().run("info", "--input", quadrants, "--quiet"));
        assertEquals(size, Files.size(log));
    }

    @Test
    void inputsMayBeAFolderAGlobACommaListOrAListFile() throws Exception {
        SparkTest.session();
        Path q = TestData.sample("quadrants");
        Path list = dir.resolve("scenes.txt");
        Files.writeString(list, "# two of the four\n" + q.resolve("rgb2.tif") + "\n\n" + q.resolve("rgb4.tif") + "\n");
        Path lst = dir.resolve("scenes.lst");
        Files.copy(list, lst);
        Map<String, List<String>> expected = Map.of(
                q.toString(), List.of("rgb1", "rgb2", "rgb3", "rgb4"),
                q + "/rgb[12].tif", List.of("rgb1", "rgb2"),
                q.resolve("rgb3.tif") + "," + q.resolve("rgb1.tif"), List.of("rgb3", "rgb1"),
                "@" + list, List.of("rgb2", "rgb4"),
                list.toString(), List.of("rgb2", "rgb4"),
                "file://" + lst, List.of("rgb2", "rgb4"));
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            CliSession cli = new CliSession();
            assertEquals(RadnormCli.EXIT_OK, cli.run("info", "--input", e.getKey(), "--quiet"), cli.err());
            List<String> names = cli.out().lines().skip(1).takeWhile(l -> !l.isBlank())
                    .map(l -> l.split("\\s+")[0]).toList();
            assertEquals(e.getValue(), names, e.getKey());
        }
        CliSession none = new CliSession();
        assertEquals(RadnormCli.EXIT_FAILED, none.run("info", "--input", q + "/nothing*.tif", "--quiet"));
        assertTrue(none.err().contains("nothing*.tif: the pattern matches no file"), none.err());
    }

    @Test
    void quietPrintsNoProgressAndNoInfo() {
        SparkTest.session();
        String quadrants = TestData.sample("quadrants").toString();
        CliSession loud = new CliSession();
        assertEquals(RadnormCli.EXIT_OK, loud.run("info", quadrants));
        assertTrue(loud.err().contains("radnorm info: read headers of 4 rasters: 100% 4 tasks"), loud.err());
        CliSession quiet = new CliSession();
        assertEquals(RadnormCli.EXIT_OK, quiet.run("info", quadrants, "--quiet"));
        assertFalse(quiet.err().contains("100%"), quiet.err());
        assertTrue(quiet.out().contains("rgb1"), quiet.out());
    }
}
