package io.radnorm.raster.vector;

import io.radnorm.raster.fs.AtomicOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes a {@link VectorLayer} as a GeoPackage ({@code .gpkg}) or GeoJSON ({@code .geojson},
 * {@code .json}) file, on any Hadoop file system, dispatching on the extension: what
 * {@link VectorLayers#read} reads back.
 *
 * <p>Atomic: the file appears only when complete ({@link AtomicOutput}); on failure nothing is
 * left at the target. A GeoPackage is an SQLite database, which SQLite writes only to local disk:
 * it is built in a temporary file in {@code java.io.tmpdir} and then copied to the target. An
 * existing target is replaced.
 *
 * <ul>
 *   <li><b>GeoPackage</b> ({@link GeoPackageWriter}): one feature table (the layer name, default the
 *       file's base name) with the standard {@code gpkg_spatial_ref_sys}, {@code gpkg_contents} and
 *       {@code gpkg_geometry_columns} tables; geometries as GeoPackage binary (header with
 *       envelope, then little-endian WKB); the CRS as {@code EPSG} / code.</li>
 *   <li><b>GeoJSON</b> ({@link GeoJsonWriter}): a FeatureCollection, shells counter-clockwise
 *       (RFC 7946 §3.1.6); a CRS other than EPSG:4326 is named in the 2008 {@code "crs"} member
 *       ({@code urn:ogc:def:crs:EPSG::code}), as GDAL writes and reads it.</li>
 * </ul>
 * Attributes: {@code String}, {@code Long}/{@code Integer}, {@code Double}/{@code Float},
 * {@code Boolean} and null; a column's type is taken from its values (integers, reals, booleans,
 * else text).
 */
public final class VectorWriter {

    private VectorWriter() {
    }

    /**
     * @param layerName the GeoPackage table name, or null for the file's base name (ignored for GeoJSON)
     * @param conf      Hadoop configuration for remote URIs
     */
    public static void write(String uri, VectorLayer layer, String layerName, Configuration conf) throws IOException {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gpkg")) {
            writeGeoPackage(uri, layer, layerName != null ? layerName : baseName(uri), conf);
        } else if (lower.endsWith(".geojson") || lower.endsWith(".json")) {
            try (AtomicOutput out = AtomicOutput.create(uri, conf, true)) {
                GeoJsonWriter.write(layer, layerName != null ? layerName : baseName(uri), out.stream());
                out.commit();
            }
        } else {
            throw new IOException(uri + ": unsupported vector format (expected a .gpkg, .geojson or .json file)");
        }
    }

    /**
     * Checks up front that {@link #write} can write {@code uri}, so a job fails before reading pixels.
     *
     * @throws IllegalArgumentException naming {@code uri} if its extension is not a known format
     */
    public static void requireSupported(String uri) {
        if (!isSupported(uri)) {
            throw new IllegalArgumentException(uri + ": unsupported vector format (expected a .gpkg, .geojson or"
                    + " .json file)");
        }
    }

    /** Whether {@code uri} names a vector format this writer knows. */
    public static boolean isSupported(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        return lower.endsWith(".gpkg") || lower.endsWith(".geojson") || lower.endsWith(".json");
    }

    private static void writeGeoPackage(String uri, VectorLayer layer, String table, Configuration conf)
            throws IOException {
        Path tmp = Files.createTempFile("radnorm-vector-", ".gpkg");
        try {
            Files.delete(tmp); // SQLite creates it
            GeoPackageWriter.write(uri, tmp, layer, table);
            try (AtomicOutput out = AtomicOutput.create(uri, conf, true);
                 InputStream in = Files.newInputStream(tmp)) {
                OutputStream os = out.stream();
                in.transferTo(os);
                out.commit();
            }
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + "-journal"));
        }
    }

    private static String baseName(String uri) {
        String name = uri.substring(uri.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
