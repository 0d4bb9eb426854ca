package io.radnorm.raster.vector;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The vector fixtures under {@code src/test/resources/vector/} (see its README). */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource("/vector/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test fixture vector/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String uri(String name) {
        return path(name).toString();
    }
}
