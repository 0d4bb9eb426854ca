package io.radnorm.raster.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.GeoKeyDirectory;
import io.radnorm.raster.testing.Gdal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class ReprojectionTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final Crs WGS84 = Crs.fromEpsg(4326);
    private static final Crs UTM33N = Crs.fromEpsg(32633);

    @TempDir
    Path tmp;

    private static Polygon square(double x0, double y0, double x1, double y1) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
                new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    @Test
    void lonLatToUtm33North() {
        // (lon 15, lat 0) is UTM 33N's central meridian on the equator: false easting, zero northing.
        VectorLayer wgs = new VectorLayer(List.of(new VectorLayer.Feature(square(15, 0, 15.1, 0.1),
                Map.of("name", "a"))), WGS84);
        VectorLayer utm = wgs.reprojectedTo(UTM33N);
        assertEquals(UTM33N, utm.crs());
        assertEquals(Map.of("name", "a"), utm.features().get(0).properties());
        Polygon p = assertInstanceOf(Polygon.class, utm.features().get(0).geometry());
        Coordinate[] c = p.getExteriorRing().getCoordinates();
        assertEquals(500000, c[0].x, 1e-6);
        assertEquals(0, c[0].y, 1e-6);
        // (lon 15.1, lat 0.1), from GDAL 3.6 / PROJ: gdaltransform -s_srs EPSG:4326 -t_srs EPSG:32633
        assertEquals(511127.48515243, c[2].x, 1e-6);
        assertEquals(11053.0216719579, c[2].y, 1e-6);
        // (lon 15.1, lat 0): east of the meridian, on the equator
        assertEquals(0, c[1].y, 1e-6);
        assertTrue(c[1].x > 511000);
    }

    @Test
    void roundTripAndIdentity() {
        VectorLayer wgs = new VectorLayer(List.of(VectorLayer.Feature.of(square(14.5, -1, 15.5, 1))), WGS84);
        assertSame(wgs, wgs.reprojectedTo(Crs.fromEpsg(4326)));
        VectorLayer back = wgs.reprojectedTo(UTM33N).reprojectedTo(WGS84);
        assertTrue(wgs.features().get(0).geometry().equalsExact(back.features().get(0).geometry(), 1e-9));
    }

    @Test
    void matchesOgr2ogr() throws IOException, InterruptedException {
        Gdal.require();
        Path out = tmp.resolve("zones-utm.geojson");
        Gdal.run("ogr2ogr", "-f", "GeoJSON", "-lco", "COORDINATE_PRECISION=9", "-t_srs", "EPSG:32633",
                out.toString(), Fixtures.uri("zones.geojson"));
        Configuration conf = new Configuration(false);
        VectorLayer ours = VectorLayers.read(Fixtures.uri("zones.geojson"), conf).reprojectedTo(UTM33N);
        VectorLayer gdal = VectorLayers.read(out.toString(), conf);
        assertEquals(UTM33N, gdal.crs());
        assertTrue(gdal.features().get(0).geometry().equalsExact(ours.features().get(0).geometry(), 1e-6),
                () -> gdal.features().get(0).geometry() + " vs " + ours.features().get(0).geometry());
    }

    @Test
    void userDefinedCrsCannotBeReprojected() {
        Crs userDefined = Crs.fromGeoKeys(new GeoKeyDirectory(new int[] {1, 1, 0, 1,
                GeoKeyDirectory.GT_MODEL_TYPE, 0, 1, GeoKeyDirectory.MODEL_TYPE_PROJECTED}, new double[0], ""));
        VectorLayer wgs = new VectorLayer(List.of(VectorLayer.Feature.of(square(0, 0, 1, 1))), WGS84);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> wgs.reprojectedTo(userDefined));
        assertTrue(e.getMessage().startsWith("cannot reproject from EPSG:4326 to "), e.getMessage());
    }
}
