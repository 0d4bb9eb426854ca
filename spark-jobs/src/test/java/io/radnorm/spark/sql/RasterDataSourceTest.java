package io.radnorm.spark.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.RasterLayout;
import io.radnorm.raster.Window;
import io.radnorm.raster.testing.TestData;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.tiff.codec.Compression;
import io.radnorm.spark.Errors;
import io.radnorm.testing.SparkTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code radnorm-raster} source in local[2] on the repository's sample rasters. */
class RasterDataSourceTest {

    static final String MOSAIC = TestData.sample("mosaic").toString();
    static final String NW = TestData.sample("mosaic/wv_nw.tif").toString();
    static final String RGB1 = TestData.sample("quadrants/rgb1.tif").toString();
    // gdalinfo data/sample/mosaic/wv_nw.tif
    static final double ORIGIN_X = 546517.398931713425554, ORIGIN_Y = 4183800.861436950042844;
    static final double PIXEL_W = 2.225596983661512, PIXEL_H = 2.225596983661562;

    static SparkSession spark;

    @BeforeAll
    static void session() {
        spark = SparkTest.session();
    }

    private static Dataset<Row> windows(String path, String... options) {
        var reader = spark.read().format("radnorm-raster");
        for (int i = 0; i < options.length; i += 2) {
            reader = reader.option(options[i], options[i + 1]);
        }
        return reader.load(path);
    }

    private static Row window(Dataset<Row> rows, int x, int y) {
        List<Row> hit = rows.where("x = " + x + " and y = " + y).collectAsList();
        assertEquals(1, hit.size(), "one window at " + x + "," + y);
        return hit.get(0);
    }

    private static Raster read(String path, Window w, int... bands) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(path)) {
            return bands.length == 0 ? r.read(w) : r.read(w, bands);
        }
    }

    /** Band {@code b} of a row's {@code bands} column (Spark hands nested arrays over as Scala sequences). */
    @SuppressWarnings("unchecked")
    static double[] band(Row row, int b) {
        Object inner = row.getList(row.fieldIndex("bands")).get(b);
        List<Object> values = inner instanceof List<?> l ? (List<Object>) l
                : scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<Object>) inner);
        return values.stream().mapToDouble(v -> (Double) v).toArray();
    }

    @Test
    void schema() {
        StructType s = windows(MOSAIC).schema();
        assertArrayEquals(new String[] {"path", "name", "x", "y", "bounds", "crs", "width", "height", "bands",
                "nodata"}, s.fieldNames());
        assertEquals(DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType, false), false),
                s.apply("bands").dataType());
        assertEquals(RasterColumns.BOUNDS, s.apply("bounds").dataType());
        assertTrue(s.apply("nodata").nullable());
        StructType b = windows(MOSAIC, "bandsAs", "binary").schema();
        assertEquals(DataTypes.createArrayType(DataTypes.BinaryType, false), b.apply("bands").dataType());
        assertEquals(DataTypes.StringType, b.apply("dataType").dataType());
    }

    @Test
    void oneRowPerWindow() {
        // The mosaic's 200 x 200 files are tiled 256 x 256: one window each by default.
        assertEquals(4, windows(MOSAIC).count());
        // 64 x 48 windows: 4 columns x 5 rows per file (the last column 8 px wide, the last row 8 px high).
        Dataset<Row> small = windows(MOSAIC, "tileWidth", "64", "tileHeight", "48");
        assertEquals(4 * 4 * 5, small.count());
        Row corner = window(small.where("name = 'wv_se'").select("x", "y", "width", "height"), 3, 4);
        assertEquals(List.of(3, 4, 8, 8), List.of(corner.getInt(0), corner.getInt(1), corner.getInt(2), corner.getInt(3)));
        // rgb1 is in strips of 6 rows, 400 wide: full-width windows of 109 strips, cut at 400 rows.
        assertEquals(1, windows(RGB1).count());
        assertEquals(4, windows(RGB1, "tileWidth", "200").count(), "one side given sets both");
    }

    @Test
    void stripWindowsSpanTheWidthInWholeStrips() {
        RasterLayout strips = new RasterLayout(false, 10000, 8, Compression.NONE, 1, false, false, List.of(), false);
        RasterInfo wide = new RasterInfo("wide.tif", 10000, 5000, 1, io.radnorm.raster.DataType.UINT8, null, null,
                null, strips);
        // 512² = 262144 px; 10000 x 8 px per strip: 3 strips = 24 rows per window.
        assertEquals(new WindowGrid(10000, 5000, 10000, 24), WindowGrid.defaultFor(wide));
        assertEquals(209, WindowGrid.defaultFor(wide).windowCount());
        assertEquals(new Window(0, 4992, 10000, 8), WindowGrid.defaultFor(wide).window(208));
    }

    @Test
    void pixelsAndBoundsOfAWindowAreThoseOfTheFile() throws IOException {
        Dataset<Row> rows = windows(NW, "tileWidth", "64", "tileHeight", "48");
        Row r = window(rows, 1, 2);
        Window w = new Window(64, 96, 64, 48);
        Raster expected = read(NW, w);
        assertEquals(8, r.getList(r.fieldIndex("bands")).size());
        for (int b = 0; b < 8; b++) {
            assertArrayEquals(expected.bandAsDoubles(b), band(r, b), "band " + (b + 1));
        }
        assertEquals("wv_nw", r.getAs("name"));
        assertEquals(NW, r.getAs("path"));
        assertEquals("EPSG:32610", r.getAs("crs"));
        assertEquals(-9999.0, (Double) r.getAs("nodata"));
        Row bounds = r.getAs("bounds");
        double minx = ORIGIN_X + 64 * PIXEL_W, maxy = ORIGIN_Y - 96 * PIXEL_H;
        assertEquals(minx, bounds.getDouble(0), 1e-6);
        assertEquals(maxy - 48 * PIXEL_H, bounds.getDouble(1), 1e-6);
        assertEquals(minx + 64 * PIXEL_W, bounds.getDouble(2), 1e-6);
        assertEquals(maxy, bounds.getDouble(3), 1e-6);

        Row edge = window(rows, 3, 4);
        assertArrayEquals(read(NW, new Window(192, 192, 8, 8)).bandAsDoubles(7), band(edge, 7));
    }

    @Test
    void bandSelectionIsOneBasedAndOrdered() throws IOException {
        Row r = window(windows(NW, "bands", "3, 1", "tileWidth", "100"), 1, 1);
        Raster expected = read(NW, new Window(100, 100, 100, 100), 2, 0);
        assertEquals(2, r.getList(r.fieldIndex("bands")).size());
        assertArrayEquals(expected.bandAsDoubles(0), band(r, 0));
        assertArrayEquals(expected.bandAsDoubles(1), band(r, 1));

        Exception e = assertThrows(Exception.class, () -> windows(MOSAIC, "bands", "2,9").count());
        String msg = Errors.innermostMessage(e);
        assertTrue(msg.contains("wv_ne.tif") && msg.contains("has 8 bands") && msg.contains("band 9"), msg);
        e = assertThrows(Exception.class, () -> windows(MOSAIC, "bands", "0").count());
        assertTrue(Errors.innermostMessage(e).contains("1-based"), Errors.innermostMessage(e));
    }

    @Test
    void binaryBandsAreTheFilesLittleEndianSamples() throws IOException {
        Row r = window(windows(NW, "bandsAs", "binary", "bands", "2", "tileWidth", "64"), 2, 1);
        assertEquals("Int16", r.getAs("dataType"));
        byte[] bytes = (byte[]) r.getList(r.fieldIndex("bands")).get(0);
        assertEquals(64 * 64 * 2, bytes.length);
        short[] samples = new short[64 * 64];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        assertArrayEquals((short[]) read(NW, new Window(128, 64, 64, 64), 1).data(), samples);

        Row f = windows(TestData.sample("bad/float_nan.tif").toString(), "bandsAs", "binary").first();
        assertEquals("Float32", f.getAs("dataType"));
        assertEquals(3 * 2 * 4, ((byte[]) f.getList(f.fieldIndex("bands")).get(0)).length);
        assertTrue(Double.isNaN((Double) f.getAs("nodata")));
    }

    @Test
    void sqlOverTheSource() {
        windows(MOSAIC + "/wv_n*.tif," + TestData.sample("quadrants/rgb2.tif"), "tileWidth", "100")
                .createOrReplaceTempView("tiles");
        List<Row> rows = spark.sql("SELECT name, count(*) AS windows, max(width) AS w FROM tiles "
                + "GROUP BY name ORDER BY name").collectAsList();
        assertEquals(List.of("[rgb2,16,100]", "[wv_ne,4,100]", "[wv_nw,4,100]"),
                rows.stream().map(Row::toString).toList());
        // Pixels in SQL: the mean of band 1 of one window, against the reader.
        double mean = spark.sql("SELECT aggregate(bands[0], 0D, (a, v) -> a + v) / size(bands[0]) FROM tiles "
                + "WHERE name = 'rgb2' AND x = 1 AND y = 2").first().getDouble(0);
        double[] expected;
        try {
            expected = read(TestData.sample("quadrants/rgb2.tif").toString(), new Window(100, 200, 100, 100), 0)
                    .bandAsDoubles(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(java.util.Arrays.stream(expected).average().orElseThrow(), mean, 1e-9);

        // Pure SQL: Spark runs direct queries on files (FROM format.`path`) for file formats only,
        // so a view is declared with USING instead.
        spark.sql("CREATE OR REPLACE TEMPORARY VIEW sw USING `radnorm-raster` OPTIONS (path '" + MOSAIC
                + "/wv_sw.tif', tileWidth '100', bands '4')");
        assertEquals("[wv_sw,4,1]", spark.sql("SELECT name, count(*), max(size(bands)) FROM sw GROUP BY name")
                .first().toString());
    }

    @Test
    void meansOfTheValidPixelsInSql() throws IOException {
        // The notebook's query: nodata (0 here, the black border of the Landsat quadrant) left out.
        String path = TestData.sample("quadrants/rgb1.tif").toString();
        Row r = windows(path, "tileWidth", "100", "bands", "2").where("x = 0 AND y = 3").selectExpr(
                "filter(bands[0], v -> (nodata IS NULL OR v != nodata) AND NOT isnan(v)) AS valid")
                .selectExpr("aggregate(valid, 0D, (a, v) -> a + v) / size(valid)", "size(valid)").first();
        double[] all = read(path, new Window(0, 300, 100, 100), 1).bandAsDoubles(0);
        double[] valid = java.util.Arrays.stream(all).filter(v -> v != 0).toArray();
        assertTrue(valid.length > 0 && valid.length < all.length, "the window has nodata and valid pixels");
        assertEquals(valid.length, r.getInt(1));
        assertEquals(java.util.Arrays.stream(valid).average().orElseThrow(), r.getDouble(0), 1e-9);
    }

    @Test
    void severalLoadPathsAndCountWithoutPixels() {
        Dataset<Row> two = spark.read().format("radnorm-raster").option("tileWidth", "50")
                .load(NW, RGB1);
        assertEquals(16 + 64, two.count());
        assertEquals(List.of("rgb1", "wv_nw"), two.select("name").distinct().orderBy("name").collectAsList()
                .stream().map(r -> r.getString(0)).toList());
        assertNull(windows(TestData.sample("bad/float_nan.tif").toString()).first().getAs("crs"));
    }

    @Test
    void partitionsGroupWindowsOfOneFile() {
        // 16 windows of 50 x 50 x 8 Int16 = 40,000 bytes each.
        assertEquals(16, windows(NW, "tileWidth", "50", "partitionBytes", "40000").rdd().getNumPartitions());
        assertEquals(8, windows(NW, "tileWidth", "50", "partitionBytes", "80000").rdd().getNumPartitions());
        assertEquals(2, windows(MOSAIC + "/wv_n*.tif", "tileWidth", "50", "partitionBytes", "1g")
                .rdd().getNumPartitions(), "never across files");
    }

    @Test
    void badInputNamesTheFile() {
        Exception e = assertThrows(Exception.class, () -> windows(MOSAIC + "/nothing.tif").count());
        assertTrue(Errors.innermostMessage(e).contains("nothing.tif"), Errors.innermostMessage(e));
        e = assertThrows(Exception.class, () -> windows(MOSAIC, "bandsAs", "float").count());
        assertTrue(Errors.innermostMessage(e).contains("bandsAs"), Errors.innermostMessage(e));
    }
}
