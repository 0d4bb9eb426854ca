package io.radnorm.algorithms.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Window;
import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.vector.VectorLayer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class VectorMaskTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final Crs UTM33N = Crs.fromEpsg(32633);
    private static final Crs WGS84 = Crs.fromEpsg(4326);
    /** 10 m pixels, pixel (col, row) -> (500000 + 10 col, 1000 - 10 row). */
    private static final GeoTransform GRID = GeoTransform.northUp(500000, 1000, 10, 10);

    private static Polygon square(double x0, double y0, double x1, double y1) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
                new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    private static VectorLayer.Feature feature(Polygon p, String key, Object value) {
        Map<String, Object> props = new HashMap<>();
        props.put("other", 1L);
        if (key != null) {
            props.put(key, value);
        }
        return new VectorLayer.Feature(p, props);
    }

    // Pixel squares of GRID: A = cols 0..1, B = cols 2..3, C = cols 4..5, D = cols 6..7, E = cols 8..9, rows 0..1.
    private static final Polygon A = square(500000, 980, 500020, 1000);
    private static final Polygon B = square(500020, 980, 500040, 1000);
    private static final Polygon C = square(500040, 980, 500060, 1000);
    private static final Polygon D = square(500060, 980, 500080, 1000);
    private static final Polygon E = square(500080, 980, 500100, 1000);

    private static final VectorLayer LAYER = new VectorLayer(List.of(
            feature(A, "images", "rgb1;rgb2"),
            feature(B, "images", "RGB3-left"),
            feature(C, "images", null),
            feature(D, null, null),
            feature(E, "images", 12L)), UTM33N);

    @Test
    void withoutFieldEveryPolygonAppliesToEveryImage() {
        VectorMask mask = VectorMask.of(MaskMode.INCLUDE, LAYER);
        assertTrue(mask.fieldFilter().isEmpty());
        assertEquals(List.of(A, B, C, D, E), mask.geometriesFor("anything"));
        assertEquals(mask.geometries(), mask.geometriesFor("rgb1"));
    }

    @Test
    void fieldValueMustContainTheImageName() {
        VectorMask mask = VectorMask.of(MaskMode.INCLUDE, LAYER, "images");
        assertEquals(List.of(A), mask.geometriesFor("rgb1"));
        assertEquals(List.of(A), mask.geometriesFor("rgb2"));
        assertEquals(List.of(A), mask.geometriesFor("rgb"), "a substring of the value, not a token of it");
        assertEquals(List.of(B), mask.geometriesFor("RGB3"));
        assertEquals(List.of(), mask.geometriesFor("rgb3"), "case-sensitive");
        assertEquals(List.of(), mask.geometriesFor("rgb1;rgb2;rgb3"), "the name must be inside the value, not around it");
        assertEquals(List.of(A, E), mask.geometriesFor("1"), "numbers compare by their text: \"12\" contains \"1\"");
        assertEquals(List.of(E), mask.geometriesFor("12"));
        assertTrue(mask.appliesTo("rgb2"));
        assertFalse(mask.appliesTo("rgb4"));
        // null and missing values apply to no image
        assertFalse(VectorMask.fieldValueMatches(null, ""));
        assertTrue(VectorMask.fieldValueMatches("x", ""));
        assertTrue(VectorMask.fieldValueMatches(2.5, "2.5"));
    }

    @Test
    void unknownFieldIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VectorMask.of(MaskMode.EXCLUDE, LAYER, "image"));
        assertEquals("mask field \"image\" is not an attribute of the mask's features (attributes: other, images)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VectorMask.of(MaskMode.EXCLUDE, LAYER, " "));
    }

    @Test
    void includeKeepsInsideExcludeKeepsOutside() {
        Window w = new Window(0, 0, 12, 3);
        VectorMask.ImageMask in = VectorMask.of(MaskMode.INCLUDE, LAYER, "images").forImage("rgb2", UTM33N, GRID, false);
        VectorMask.ImageMask out = VectorMask.of(MaskMode.EXCLUDE, LAYER, "images").forImage("rgb2", UTM33N, GRID, false);
        boolean[] keepIn = in.keep(w);
        boolean[] keepOut = out.keep(w);
        int kept = 0;
        for (int i = 0; i < keepIn.length; i++) {
            assertEquals(!keepIn[i], keepOut[i], "pixel " + i);
            kept += keepIn[i] ? 1 : 0;
            int col = i % 12;
            int row = i / 12;
            assertEquals(col < 2 && row < 2, keepIn[i], "only polygon A applies to rgb2");
        }
        assertEquals(4, kept);

        // An image no feature names: INCLUDE keeps nothing, EXCLUDE everything.
        VectorMask.ImageMask none = VectorMask.of(MaskMode.INCLUDE, LAYER, "images").forImage("rgb9", UTM33N, GRID, true);
        assertTrue(none.keepsNothing());
        assertArrayEquals(new boolean[36], none.keep(w));
        VectorMask.ImageMask all = VectorMask.of(MaskMode.EXCLUDE, LAYER, "images").forImage("rgb9", UTM33N, GRID, true);
        assertTrue(all.keepsEverything());
        for (boolean b : all.keep(w)) {
            assertTrue(b);
        }
    }

    @Test
    void modeParsing() {
        assertEquals(MaskMode.INCLUDE, MaskMode.parse("include"));
        assertEquals(MaskMode.EXCLUDE, MaskMode.parse(" EXCLUDE "));
        assertEquals("include", MaskMode.INCLUDE.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MaskMode.parse("inside"));
        assertEquals("mask mode must be include or exclude, not \"inside\"", e.getMessage());
    }

    @Test
    void polygonsInAnotherCrsAreReprojectedForTheImage() {
        // ~ +-0.001 deg around (lon 15, lat 0): about +-111.3 m east-west and +-110.6 m north-south
        // around (500000, 0) in UTM 33N.
        VectorLayer wgs = new VectorLayer(List.of(new VectorLayer.Feature(square(14.999, -0.001, 15.001, 0.001),
                Map.of("images", "scene"))), WGS84);
        GeoTransform grid = GeoTransform.northUp(499800, 200, 10, 10); // 40 x 40 pixels around it
        Window w = Window.of(40, 40);
        VectorMask mask = VectorMask.of(MaskMode.INCLUDE, wgs, "images");
        boolean[] keep = mask.forImage("scene", UTM33N, grid, false).keep(w);
        boolean[] expected = PolygonMask.rasterize(wgs.reprojectedTo(UTM33N).geometries(), grid, w, false);
        assertArrayEquals(expected, keep);
        int n = 0;
        for (boolean b : keep) {
            n += b ? 1 : 0;
        }
        // centres at 499805 + 10 k: x in [499888.7, 500111.3) -> 22 columns; y likewise 22 rows
        assertEquals(22 * 22, n);
        VectorMask utm = mask.reprojectedTo(UTM33N);
        assertEquals(UTM33N, utm.layer().crs());
        assertSame(utm, utm.reprojectedTo(UTM33N));
    }

    @Test
    void serializable() throws Exception {
        VectorMask mask = VectorMask.of(MaskMode.EXCLUDE, LAYER, "images");
        VectorMask.ImageMask image = mask.forImage("rgb1", UTM33N, GRID, true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(mask);
            out.writeObject(image);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            VectorMask m = (VectorMask) in.readObject();
            VectorMask.ImageMask i = (VectorMask.ImageMask) in.readObject();
            assertEquals(mask.mode(), m.mode());
            assertEquals("images", m.field());
            List<Geometry> g = m.geometriesFor("rgb1");
            assertEquals(1, g.size());
            assertTrue(A.equalsExact(g.get(0)));
            assertArrayEquals(image.keep(Window.of(12, 3)), i.keep(Window.of(12, 3)));
        }
    }
}
