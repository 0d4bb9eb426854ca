package io.radnorm.raster.vector;

import io.radnorm.raster.crs.Crs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.validate.GeoPackageValidate;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one feature table of a local GeoPackage file with NGA's GeoPackage library (on the
 * sqlite-jdbc driver, whose native SQLite library it unpacks to {@code java.io.tmpdir} on first
 * use). Geometries are decoded from their WKB by JTS.
 *
 * <p>The CRS is the table's {@code gpkg_spatial_ref_sys} entry: its {@code organization} /
 * {@code organization_coordsys_id} when the organization is EPSG, else the EPSG code Apache SIS
 * identifies for its WKT definition; the "undefined geographic" SRS (srs_id 0) is taken as
 * EPSG:4326 with a warning, and any other CRS without an EPSG code is refused.
 */
final class GeoPackageFormat {

    private static final Logger LOG = LoggerFactory.getLogger(GeoPackageFormat.class);
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private GeoPackageFormat() {
    }

    /**
     * Reads feature table {@code layer} (the first one listed in {@code gpkg_contents} if null).
     *
     * @param location the URI the caller gave, named in messages
     * @param file     the local file (the URI itself, or a local copy of a remote one)
     */
    static VectorLayer read(String location, Path file, String layer) throws IOException {
        requireSqlite(location, file);
        GeoPackage gpkg;
        try {
            gpkg = GeoPackageManager.open(file.getFileName().toString(), false, file.toFile(), false);
        } catch (RuntimeException e) {
            throw new IOException(location + ": not a GeoPackage: " + e.getMessage(), e);
        }
        try {
            if (!GeoPackageValidate.hasMinimumTables(gpkg)) {
                throw new IOException(location + ": not a GeoPackage (an SQLite database without the"
                        + " gpkg_contents and gpkg_spatial_ref_sys tables)");
            }
            List<String> tables = gpkg.getFeatureTables();
            String table = pickTable(location, tables, layer);
            String where = location + (layer == null ? " (layer " + table + ")" : "");
            FeatureDao dao = gpkg.getFeatureDao(table);
            Crs crs = crs(where, dao.getSrs());
            return readFeatures(where, dao, crs);
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException(location + ": cannot read the GeoPackage: " + e.getMessage(), e);
        } finally {
            gpkg.close();
        }
    }

    private static void requireSqlite(String location, Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SQLITE_MAGIC.length);
        }
        if (!Arrays.equals(head, SQLITE_MAGIC)) {
            throw new IOException(location + ": not a GeoPackage (not an SQLite database)");
        }
    }

    private static String pickTable(String location, List<String> tables, String layer) throws IOException {
        if (layer == null) {
            if (tables.isEmpty()) {
                throw new IOException(location + ": no polygon features (the GeoPackage has no feature table)");
            }
            return tables.get(0);
        }
        for (String t : tables) {
            if (t.equals(layer)) {
                return t;
            }
        }
        for (String t : tables) { // SQLite table names are case-insensitive
            if (t.equalsIgnoreCase(layer)) {
                return t;
            }
        }
        throw new IOException(location + ": no feature table \"" + layer + "\" (feature tables: "
                + (tables.isEmpty() ? "none" : String.join(", ", tables)) + ")");
    }

    private static Crs crs(String where, SpatialReferenceSystem srs) throws IOException {
        if (srs == null) {
            throw new IOException(where + ": the feature table has no spatial reference system");
        }
        String org = srs.getOrganization();
        long code = srs.getOrganizationCoordsysId();
        if ("EPSG".equalsIgnoreCase(org) && code > 0 && code <= Integer.MAX_VALUE) {
            return epsg(where, (int) code);
        }
        if (srs.getSrsId() == 0) {
            LOG.warn("{}: CRS is the GeoPackage's \"undefined geographic\" SRS; taking it as EPSG:4326", where);
            return epsg(where, 4326);
        }
        String definition = srs.getDefinition();
        if (definition != null && !definition.isBlank() && !definition.trim().equalsIgnoreCase("undefined")) {
            try {
                Integer found = IdentifiedObjects.lookupEPSG(CRS.fromWKT(definition));
                if (found != null) {
                    return epsg(where, found);
                }
            } catch (Exception e) { // FactoryException, or a WKT SIS cannot parse
                LOG.debug("{}: SIS could not identify the CRS definition", where, e);
            }
        }
        throw new IOException(where + ": CRS srs_id " + srs.getSrsId() + " (" + org + ":" + code + ", \""
                + srs.getSrsName() + "\") has no EPSG code; radnorm needs one to reproject the mask");
    }

    private static Crs epsg(String where, int code) throws IOException {
        try {
            return Crs.fromEpsg(code);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": unknown CRS EPSG:" + code, e);
        }
    }

    private static VectorLayer readFeatures(String where, FeatureDao dao, Crs crs) throws IOException {
        FeatureCollector collector = new FeatureCollector(where);
        WKBReader wkb = new WKBReader(new GeometryFactory());
        FeatureResultSet rows = dao.queryForAll();
        try {
            while (rows.moveToNext()) {
                FeatureRow row = rows.getRow();
                int geometryColumn = row.getGeometryColumnIndex();
                int pkColumn = row.hasIdColumn() ? row.getPkColumnIndex() : -1;
                Map<String, Object> properties = new LinkedHashMap<>();
                String[] names = row.getColumnNames();
                for (int i = 0; i < names.length; i++) {
                    if (i != geometryColumn && i != pkColumn) {
                        properties.put(names[i], plain(row.getValue(i)));
                    }
                }
                GeoPackageGeometryData data = row.getGeometry();
                Geometry geometry = null;
                if (data != null) {
                    try {
                        geometry = data.isEmpty() ? new GeometryFactory().createPolygon() : wkb.read(data.getWkb());
                    } catch (ParseException e) {
                        throw new IOException(where + ": feature " + row.getId() + ": unreadable geometry: "
                                + e.getMessage(), e);
                    }
                }
                collector.add(geometry, properties);
            }
        } finally {
            rows.close();
        }
        return collector.finish(crs);
    }

    /** Attribute values as the plain types {@link VectorLayer.Feature} documents. */
    private static Object plain(Object v) {
        if (v instanceof Byte || v instanceof Short || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Date d) {
            return d.toInstant().toString();
        }
        return v;
    }
}
