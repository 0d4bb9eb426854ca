package io.radnorm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.algorithms.global.GainOffset;
import io.radnorm.algorithms.stats.Moments;
import io.radnorm.raster.testing.TestData;
import io.radnorm.spark.pipeline.BlockLayout;
import io.radnorm.spark.pipeline.Pipeline;
import io.radnorm.spark.pipeline.PipelineModel;
import io.radnorm.testing.SparkTest;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model tables of a small pipeline run on the mosaic sample, row for row against the model. */
class ModelTablesTest {

    static SparkSession spark;
    static PipelineModel model;

    @BeforeAll
    static void run() throws IOException {
        spark = SparkTest.session();
        model = Pipeline.builder().input(TestData.sample("mosaic").toString()).blocks(BlockLayout.fixed(3, 4))
                .build().run(spark);
    }

    @Test
    void gainsAndStatistics() {
        Dataset<Row> gains = ModelTables.gains(spark, model);
        assertEquals(4 * 8, gains.count());
        Row r = gains.where("image = 'wv_se' AND band = 3").first();
        GainOffset g = model.global().gainOffset("wv_se", 2);
        Moments m = model.global().statistics().whole().get("wv_se").get(2);
        assertEquals(g.gain(), r.getDouble(r.fieldIndex("gain")));
        assertEquals(g.offset(), r.getDouble(r.fieldIndex("offset")));
        assertEquals(m.count(), r.getLong(r.fieldIndex("count")));
        assertEquals(m.mean(), r.getDouble(r.fieldIndex("mean")));
        assertEquals(m.std(), r.getDouble(r.fieldIndex("std")));
        assertTrue(m.count() > 30000, "most of the 200 x 200 pixels are valid");
        // The point of the model: corrected means agree better than raw ones across images.
        Row spread = gains.where("band = 1").selectExpr("max(mean) - min(mean)",
                "max(gain * mean + offset) - min(gain * mean + offset)").first();
        assertTrue(spread.getDouble(1) < spread.getDouble(0), spread.toString());
    }

    @Test
    void overlaps() {
        Dataset<Row> o = ModelTables.overlaps(spark, model);
        assertEquals(o.collectAsList(), ModelTables.overlaps(spark, model.global()).collectAsList());
        // The four crops of the mosaic overlap pairwise: 6 pairs x 8 bands.
        assertEquals(6 * 8, o.count());
        var first = model.global().statistics().overlaps().get(0);
        Row r = o.where("image = '" + first.first() + "' AND other = '" + first.second() + "' AND band = 8").first();
        assertEquals(first.ofFirst().get(7).count(), r.getLong(r.fieldIndex("count")));
        assertEquals(first.ofSecond().get(7).mean(), r.getDouble(r.fieldIndex("otherMean")));
    }

    @Test
    void blockMaps() {
        Dataset<Row> maps = ModelTables.blockMaps(spark, model);
        assertEquals(4 * 8 * 12, maps.count());
        List<Row> rows = maps.where("image = 'wv_nw' AND band = 2").orderBy("row", "col").collectAsList();
        assertEquals(12, rows.size());
        int nw = model.images().names().indexOf("wv_nw");
        for (Row r : rows) {
            int row = r.getInt(r.fieldIndex("row")), col = r.getInt(r.fieldIndex("col"));
            assertEquals(model.locals().get(nw).mean(1, row, col), r.getDouble(r.fieldIndex("mean")), 0);
            assertEquals(model.reference().mean(1, row, col), r.getDouble(r.fieldIndex("reference")), 0);
            assertEquals(model.locals().get(nw).coverage(1, row, col), r.getDouble(r.fieldIndex("coverage")), 0);
        }
        // wv_nw covers the top-left of the canvas and not its bottom-right block.
        assertTrue(!Double.isNaN(rows.get(0).getDouble(rows.get(0).fieldIndex("mean"))));
        assertTrue(Double.isNaN(rows.get(11).getDouble(rows.get(11).fieldIndex("mean"))));
        // The reference is one map: the same for every image.
        assertEquals(3 * 4 * 8, maps.select("band", "row", "col", "reference").distinct().count());
    }
}
