package io.radnorm.raster.vector;

import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.CrsCatalog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.sis.io.wkt.Convention;
import org.apache.sis.io.wkt.FormattableObject;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes one feature table into a new local GeoPackage 1.2 file through the sqlite-jdbc driver
 * (the one NGA's reader runs on): {@code application_id 'GPKG'}, {@code user_version 10200}, the
 * three required metadata tables, and the features with GeoPackage binary geometries (header
 * {@code GP}, version 0, little-endian, XY envelope, the srs_id, then WKB). No spatial index
 * (the R-tree extension is optional; GDAL and QGIS read the file without it).
 */
final class GeoPackageWriter {

    private static final int GPKG_APPLICATION_ID = 0x47504B47; // "GPKG"
    private static final int GPKG_1_2 = 10200;

    private GeoPackageWriter() {
    }

    /** @param location the target named in messages */
    static void write(String location, Path file, VectorLayer layer, String table) throws IOException {
        if (table.isBlank()) {
            throw new IOException(location + ": empty layer name");
        }
        Crs crs = layer.crs();
        int srsId = crs.hasEpsg() ? crs.epsg() : -1;
        boolean allPolygons = layer.features().stream().allMatch(f -> f.geometry() instanceof Polygon);
        String geometryType = allPolygons ? "POLYGON" : "MULTIPOLYGON";
        Map<String, String> columns = columnTypes(layer);
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file.toAbsolutePath(), new Properties())) {
            if (c == null) {
                throw new IOException(location + ": the SQLite driver refused " + file);
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA application_id = " + GPKG_APPLICATION_ID);
                s.execute("PRAGMA user_version = " + GPKG_1_2);
                s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
                        + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
                        + " definition TEXT NOT NULL, description TEXT)");
                s.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,"
                        + " identifier TEXT UNIQUE, description TEXT DEFAULT '',"
                        + " last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
                        + " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
                        + " CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
                s.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                        + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,"
                        + " m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
                        + " CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
                        + " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
                        + " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
                StringBuilder ddl = new StringBuilder("CREATE TABLE " + quote(table)
                        + " (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom " + geometryType);
                for (Map.Entry<String, String> col : columns.entrySet()) {
                    ddl.append(", ").append(quote(col.getKey())).append(' ').append(col.getValue());
                }
                s.execute(ddl.append(')').toString());
            }
            insertSrs(c, "Undefined cartesian SRS", -1, "NONE", -1, "undefined");
            insertSrs(c, "Undefined geographic SRS", 0, "NONE", 0, "undefined");
            insertSrs(c, "WGS 84 geodetic", 4326, "EPSG", 4326, wkt1(4326));
            if (srsId > 0 && srsId != 4326) {
                insertSrs(c, crs.name(), srsId, "EPSG", srsId, wkt1(srsId));
            }
            Envelope extent = new Envelope();
            layer.features().forEach(f -> extent.expandToInclude(f.geometry().getEnvelopeInternal()));
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier,"
                    + " min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, table);
                p.setString(2, table);
                p.setDouble(3, extent.getMinX());
                p.setDouble(4, extent.getMinY());
                p.setDouble(5, extent.getMaxX());
                p.setDouble(6, extent.getMaxY());
                p.setInt(7, srsId);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)")) {
                p.setString(1, table);
                p.setString(2, geometryType);
                p.setInt(3, srsId);
                p.executeUpdate();
            }
            insertFeatures(c, layer, table, columns, srsId, allPolygons);
            c.commit();
        } catch (SQLException e) {
            throw new IOException(location + ": cannot write the GeoPackage: " + e.getMessage(), e);
        }
    }

    private static void insertFeatures(Connection c, VectorLayer layer, String table, Map<String, String> columns,
                                       int srsId, boolean allPolygons) throws SQLException {
        List<String> names = new ArrayList<>(columns.keySet());
        StringBuilder sql = new StringBuilder("INSERT INTO " + quote(table) + " (geom");
        for (String n : names) {
            sql.append(", ").append(quote(n));
        }
        sql.append(") VALUES (?").append(", ?".repeat(names.size())).append(')');
        WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
        try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            for (VectorLayer.Feature f : layer.features()) {
                Geometry g = f.geometry();
                if (!allPolygons && g instanceof Polygon poly) {
                    g = g.getFactory().createMultiPolygon(new Polygon[] {poly});
                }
                p.setBytes(1, geometryBlob(g, srsId, wkb));
                for (int i = 0; i < names.size(); i++) {
                    Object v = f.properties().get(names.get(i));
                    if (v instanceof Boolean b) {
                        v = b ? 1 : 0;
                    }
                    p.setObject(i + 2, v);
                }
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** GeoPackage binary: "GP", version 0, flags (little-endian, XY envelope), srs_id, envelope, WKB. */
    static byte[] geometryBlob(Geometry g, int srsId, WKBWriter wkb) {
        byte[] body = wkb.write(g);
        boolean empty = g.isEmpty();
        int envelopeBytes = empty ? 0 : 32;
        ByteBuffer b = ByteBuffer.allocate(8 + envelopeBytes + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0);
        int flags = 1; // little-endian header
        flags |= empty ? 0x10 : (1 << 1); // empty flag, or envelope [minx, maxx, miny, maxy]
        b.put((byte) flags);
        b.putInt(srsId);
        if (!empty) {
            Envelope e = g.getEnvelopeInternal();
            b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        b.put(body);
        return b.array();
    }

    private static void insertSrs(Connection c, String name, int id, String org, int code, String definition)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, NULL)")) {
            p.setString(1, name);
            p.setInt(2, id);
            p.setString(3, org);
            p.setInt(4, code);
            p.setString(5, definition);
            p.executeUpdate();
        }
    }

    /** WKT 1 (what the core GeoPackage spec asks for) of an EPSG CRS, or "undefined" if SIS cannot give it. */
    private static String wkt1(int epsg) {
        try {
            Object crs = CrsCatalog.forEpsg(epsg);
            if (crs instanceof FormattableObject fo) {
                return fo.toString(Convention.WKT1).replaceAll("\\s*\\n\\s*", "");
            }
        } catch (Exception e) { // no WKT: readers use organization / organization_coordsys_id
        }
        return "undefined";
    }

    /** Column name → SQLite type, in first-seen order, from the values. */
    private static Map<String, String> columnTypes(VectorLayer layer) {
        Map<String, String> types = new LinkedHashMap<>();
        for (VectorLayer.Feature f : layer.features()) {
            for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                if (e.getKey().equalsIgnoreCase("fid") || e.getKey().equalsIgnoreCase("geom")) {
                    throw new IllegalArgumentException("attribute name \"" + e.getKey() + "\" is reserved");
                }
                String t = typeOf(e.getValue());
                types.merge(e.getKey(), t, GeoPackageWriter::widen);
            }
        }
        types.replaceAll((k, v) -> v.equals("NULL") ? "TEXT" : v);
        return types;
    }

    private static String typeOf(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Boolean) {
            return "BOOLEAN";
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return "INTEGER";
        }
        if (v instanceof Number) {
            return "REAL";
        }
        return "TEXT";
    }

    private static String widen(String a, String b) {
        if (a.equals(b) || b.equals("NULL")) {
            return a;
        }
        if (a.equals("NULL")) {
            return b;
        }
        if ((a.equals("INTEGER") && b.equals("REAL")) || (a.equals("REAL") && b.equals("INTEGER"))) {
            return "REAL";
        }
        return "TEXT";
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
