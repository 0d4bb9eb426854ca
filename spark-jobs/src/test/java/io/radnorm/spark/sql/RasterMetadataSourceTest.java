package io.radnorm.spark.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radnorm.raster.testing.Gdal;
import io.radnorm.raster.testing.TestData;
import io.radnorm.testing.SparkTest;
import java.nio.file.Files;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code radnorm-raster.metadata} source against what gdalinfo says about the samples. */
class RasterMetadataSourceTest {

    static SparkSession spark;

    @BeforeAll
    static void session() {
        spark = SparkTest.session();
    }

    private static Dataset<Row> metadata(String path) {
        return spark.read().format("radnorm-raster.metadata").load(path);
    }

    private static Row only(String path) {
        List<Row> rows = metadata(path).collectAsList();
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    @Test
    void schema() {
        assertArrayEquals(new String[] {"path", "name", "width", "height", "bands", "dataType", "crs", "bounds",
                "pixelWidth", "pixelHeight", "nodata", "tileWidth", "tileHeight", "compression", "overviews",
                "sizeBytes"}, metadata(TestData.sample("mosaic").toString()).schema().fieldNames());
    }

    @Test
    void tiledDeflateSample() {
        // gdalinfo data/sample/mosaic/wv_nw.tif
        Row r = only(TestData.sample("mosaic/wv_nw.tif").toString());
        assertEquals("wv_nw", r.getAs("name"));
        assertEquals(List.of(200, 200, 8), List.of(r.getAs("width"), r.getAs("height"), r.getAs("bands")));
        assertEquals("Int16", r.getAs("dataType"));
        assertEquals("EPSG:32610", r.getAs("crs"));
        assertEquals(2.225596983661512, (Double) r.getAs("pixelWidth"), 1e-12);
        assertEquals(-2.225596983661562, (Double) r.getAs("pixelHeight"), 1e-12);
        assertEquals(-9999.0, (Double) r.getAs("nodata"));
        assertEquals(List.of(256, 256), List.of(r.getAs("tileWidth"), r.getAs("tileHeight")));
        assertEquals("DEFLATE", r.getAs("compression"));
        assertEquals(0, (Integer) r.getAs("overviews"));
        assertEquals(486863L, (Long) r.getAs("sizeBytes"));
        Row b = r.getAs("bounds"); // gdalinfo's corner coordinates
        assertEquals(546517.399, b.getDouble(0), 5e-4);
        assertEquals(4183355.742, b.getDouble(1), 5e-4);
        assertEquals(546962.518, b.getDouble(2), 5e-4);
        assertEquals(4183800.861, b.getDouble(3), 5e-4);
    }

    @Test
    void strippedSampleWithAUserDefinedCrs() {
        // gdalinfo data/sample/quadrants/rgb1.tif: no EPSG code, "UTM Zone 18, Northern Hemisphere"
        Row r = only(TestData.sample("quadrants/rgb1.tif").toString());
        assertEquals(List.of(400, 400, 3), List.of(r.getAs("width"), r.getAs("height"), r.getAs("bands")));
        assertEquals("Byte", r.getAs("dataType"));
        assertEquals("UTM Zone 18, Northern Hemisphere", r.getAs("crs"));
        assertEquals(List.of(400, 6), List.of(r.getAs("tileWidth"), r.getAs("tileHeight")));
        assertEquals("NONE", r.getAs("compression"));
        assertEquals(0.0, (Double) r.getAs("nodata"));
        assertEquals(481148L, (Long) r.getAs("sizeBytes"));
        Row noGeo = only(TestData.sample("bad/float_nan.tif").toString());
        assertNull(noGeo.getAs("crs"));
        assertTrue(Double.isNaN((Double) noGeo.getAs("nodata")));
    }

    @Test
    void everySampleAgreesWithGdalinfo() throws Exception {
        Gdal.require();
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = metadata(TestData.sample("mosaic") + "," + TestData.sample("quadrants") + ","
                + TestData.sample("bad")).collectAsList();
        assertEquals(10, rows.size());
        for (Row r : rows) {
            String path = r.getAs("path");
            JsonNode g = json.readTree(Gdal.run("gdalinfo", "-json", path));
            JsonNode band = g.get("bands").get(0);
            assertEquals(g.get("size").get(0).asInt(), (Integer) r.getAs("width"), path);
            assertEquals(g.get("size").get(1).asInt(), (Integer) r.getAs("height"), path);
            assertEquals(g.get("bands").size(), (Integer) r.getAs("bands"), path);
            assertEquals(band.get("type").asText(), r.getAs("dataType"), path);
            assertEquals(band.get("block").get(0).asInt(), (Integer) r.getAs("tileWidth"), path);
            assertEquals(band.get("block").get(1).asInt(), (Integer) r.getAs("tileHeight"), path);
            assertEquals(band.has("overviews") ? band.get("overviews").size() : 0, (Integer) r.getAs("overviews"));
            JsonNode structure = g.path("metadata").path("IMAGE_STRUCTURE");
            assertEquals(structure.has("COMPRESSION") ? structure.get("COMPRESSION").asText() : "NONE",
                    r.getAs("compression"), path);
            assertEquals(Files.size(java.nio.file.Path.of(path)), (Long) r.getAs("sizeBytes"), path);
            if (band.has("noDataValue")) {
                assertEquals(band.get("noDataValue").asDouble(), (Double) r.getAs("nodata"), 0, path);
            } else {
                assertNull(r.getAs("nodata"), path);
            }
            JsonNode epsg = g.path("stac").path("proj:epsg");
            if (epsg.isInt()) {
                assertEquals("EPSG:" + epsg.asInt(), r.getAs("crs"), path);
            }
            if (g.has("coordinateSystem")) {
                JsonNode gt = g.get("geoTransform");
                assertEquals(gt.get(1).asDouble(), (Double) r.getAs("pixelWidth"), 1e-12, path);
                assertEquals(gt.get(5).asDouble(), (Double) r.getAs("pixelHeight"), 1e-12, path);
                Row b = r.getAs("bounds");
                assertEquals(gt.get(0).asDouble(), b.getDouble(0), 1e-6, path);
                assertEquals(gt.get(3).asDouble(), b.getDouble(3), 1e-6, path);
            }
        }
    }
}
