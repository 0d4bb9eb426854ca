package io.radnorm.raster.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs GDAL's command-line tools (Debian {@code gdal-bin}, {@code python3-gdal}) as the independent
 * reference our codec is checked against. On a developer machine without GDAL the tests that need
 * it are skipped; under CI ({@code CI} set) a missing GDAL fails them, so they can never silently
 * stop running.
 */
public final class Gdal {

    private static final boolean AVAILABLE = Files.isExecutable(Path.of("/usr/bin/gdalinfo"));

    private Gdal() {
    }

    /** Skips the calling test when GDAL is absent outside CI; fails it under CI. */
    public static void require() {
        if (!AVAILABLE && System.getenv("CI") != null) {
            fail("GDAL is required under CI: apt-get install gdal-bin python3-gdal");
        }
        Assumptions.assumeTrue(AVAILABLE, "GDAL (gdal-bin) is not installed");
    }

    /** Runs a command, returns its stdout; a non-zero exit fails the test with its output. */
    public static String run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + String.join(" ", cmd));
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> String.join(" ", cmd) + " failed:\n" + text);
        return text;
    }

    /** {@code gdal_translate} with the given options from {@code src} to {@code dst}. */
    public static void translate(Path src, Path dst, String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("gdal_translate");
        cmd.add("-q");
        cmd.addAll(List.of(options));
        cmd.add(src.toString());
        cmd.add(dst.toString());
        run(cmd.toArray(String[]::new));
    }

    /** Output of GDAL's COG validator script for {@code file}. */
    public static String validateCog(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", "-m", "osgeo_utils.samples.validate_cloud_optimized_geotiff",
                "--full-check=yes", file.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return text;
    }
}
