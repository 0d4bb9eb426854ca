package io.radnorm.raster.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the sample rasters are: the repository's own {@code data/sample} (always present) and the
 * larger shared set in {@code ../shared/data} (present in CI and on developer machines; tests that
 * use it skip when it is absent).
 */
public final class TestData {

    private TestData() {
    }

    public static Path repoRoot() {
        String p = System.getProperty("radnorm.repoRoot");
        if (p != null) {
            return Path.of(p);
        }
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("data/sample"))) {
            here = here.getParent();
        }
        return here == null ? Path.of("..") : here;
    }

    /** A file under the repository's {@code data/sample}. */
    public static Path sample(String relative) {
        return repoRoot().resolve("data/sample").resolve(relative);
    }

    /** A file under {@code ../shared/data}; skips the test if the shared folder is absent. */
    public static Path shared(String relative) {
        String p = System.getProperty("radnorm.sharedData");
        Path base = p != null ? Path.of(p) : repoRoot().resolve("../shared/data");
        Path f = base.resolve(relative).normalize();
        Assumptions.assumeTrue(Files.exists(f), "shared sample data not present: " + f);
        return f;
    }
}
