package io.radnorm.raster.fs;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Tells local paths from remote URIs, the way Hadoop parses them.
 *
 * <p>A path without a scheme ({@code /data/a.tif}, {@code data/a.tif}) or with {@code file:}
 * ({@code file:/data/a.tif}, {@code file:///data/a.tif}) is local and is served by java.nio
 * directly, bypassing Hadoop's checksummed LocalFileSystem. Note that a scheme-less path is local
 * here even if {@code fs.defaultFS} names HDFS: radnorm's inputs are always written with a scheme
 * when they are remote.
 *
 * <p>Parsing goes through {@link org.apache.hadoop.fs.Path} so that a string means the same file
 * here as when it is handed to Hadoop: characters are taken literally ({@code %20} is not
 * decoded, a space needs no escaping).
 */
final class LocalPaths {

    private LocalPaths() {
    }

    /** The local file {@code uri} names, or null if it names a remote one. */
    static Path toLocalPath(String uri) {
        URI parsed = new org.apache.hadoop.fs.Path(uri).toUri();
        String scheme = parsed.getScheme();
        if (scheme != null && !scheme.equalsIgnoreCase("file")) {
            return null;
        }
        return Paths.get(parsed.getPath());
    }

    /** The qualified URI string of a local file, in Hadoop's form ({@code file:/abs/path}). */
    static String qualified(Path local) {
        return new org.apache.hadoop.fs.Path("file", null, local.toAbsolutePath().normalize().toString())
                .toString();
    }
}
