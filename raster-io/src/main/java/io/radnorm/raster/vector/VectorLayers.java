package io.radnorm.raster.vector;

import io.radnorm.raster.fs.RangeReader;
import io.radnorm.raster.fs.RangeReaders;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads vector masks: {@code .gpkg} (GeoPackage) and {@code .geojson} / {@code .json} (GeoJSON),
 * on any Hadoop file system, dispatching on the extension.
 *
 * <ul>
 *   <li><b>GeoJSON</b> is read whole through {@link RangeReaders} (local disk directly, else the
 *       URI's Hadoop {@code FileSystem}) and parsed in memory; see {@link GeoJsonFormat} for the
 *       CRS rules (no {@code "crs"} member: EPSG:4326, longitude/latitude, per RFC 7946).</li>
 *   <li><b>GeoPackage</b> is an SQLite database, which SQLite can only open as a local file: a
 *       local URI is opened in place, a remote one ({@code s3a://}, {@code hdfs://}, ...) is first
 *       copied to a temporary file in {@code java.io.tmpdir}, which is deleted once read. The layer
 *       is the first feature table in {@code gpkg_contents}, or the one named after {@code #}:
 *       {@code s3a://bucket/masks.gpkg#clouds}.</li>
 * </ul>
 *
 * <p>Only Polygon and MultiPolygon features are kept (and the polygons of a GeometryCollection);
 * others are dropped with one warning per file. Every failure is an {@link IOException} with a
 * one-line message that starts with the URI: no such file, not a GeoPackage / GeoJSON file, no
 * polygon features, no such layer, a CRS without an EPSG code, an unsupported extension.
 *
 * <p>Meant to run once, on the Spark driver: the layer is then broadcast (it is serializable).
 */
public final class VectorLayers {

    /** Size of the range reads that copy a remote GeoPackage to local disk. */
    private static final int COPY_CHUNK = 8 * 1024 * 1024;

    private VectorLayers() {
    }

    /**
     * Reads the polygons of a vector file.
     *
     * @param uri  a path or URI ending in {@code .gpkg} (optionally {@code #layer}), {@code .geojson}
     *             or {@code .json}
     * @param conf Hadoop configuration for remote URIs; unused for local ones
     */
    public static VectorLayer read(String uri, Configuration conf) throws IOException {
        String file = uri;
        String layer = null;
        int hash = uri.lastIndexOf('#');
        if (hash > 0 && lower(uri.substring(0, hash)).endsWith(".gpkg")) {
            file = uri.substring(0, hash);
            layer = uri.substring(hash + 1);
            if (layer.isEmpty()) {
                throw new IOException(uri + ": empty layer name after '#'");
            }
        }
        String name = lower(file);
        if (name.endsWith(".gpkg")) {
            return readGeoPackage(uri, file, layer, conf);
        }
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return GeoJsonFormat.read(uri, readAll(uri, conf));
        }
        throw new IOException(uri + ": unsupported vector format (expected a .gpkg, .geojson or .json file)");
    }

    private static VectorLayer readGeoPackage(String uri, String file, String layer, Configuration conf)
            throws IOException {
        RangeReaders.identify(file, conf); // "<uri>: no such file", "...: is a directory, not a file"
        if (RangeReaders.isLocal(file)) {
            return GeoPackageFormat.read(uri, localPath(file), layer);
        }
        Path copy = Files.createTempFile("radnorm-mask-", ".gpkg");
        try {
            copyToLocal(file, conf, copy);
            return GeoPackageFormat.read(uri, copy, layer);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static byte[] readAll(String uri, Configuration conf) throws IOException {
        try (RangeReader reader = RangeReaders.open(uri, conf)) {
            long length = reader.length();
            if (length > Integer.MAX_VALUE - 16) {
                throw new IOException(uri + ": GeoJSON file too large to read (" + length + " bytes)");
            }
            return reader.read(0, (int) length);
        }
    }

    private static void copyToLocal(String uri, Configuration conf, Path target) throws IOException {
        try (RangeReader reader = RangeReaders.open(uri, conf);
             OutputStream out = Files.newOutputStream(target)) {
            long length = reader.length();
            byte[] buf = new byte[(int) Math.min(COPY_CHUNK, Math.max(length, 1))];
            for (long pos = 0; pos < length; ) {
                int n = (int) Math.min(buf.length, length - pos);
                reader.readFully(pos, buf, 0, n);
                out.write(buf, 0, n);
                pos += n;
            }
        }
    }

    /** The local file of a scheme-less or {@code file:} URI, parsed as Hadoop parses it. */
    private static Path localPath(String uri) {
        return Paths.get(new org.apache.hadoop.fs.Path(uri).toUri().getPath());
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
