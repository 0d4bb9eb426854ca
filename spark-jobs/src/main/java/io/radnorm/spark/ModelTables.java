package io.radnorm.spark;

import io.radnorm.algorithms.global.GainOffset;
import io.radnorm.algorithms.local.BlockGrid;
import io.radnorm.algorithms.local.BlockMap;
import io.radnorm.algorithms.stats.Moments;
import io.radnorm.spark.global.GlobalModel;
import io.radnorm.spark.global.StatisticsTable;
import io.radnorm.spark.pipeline.PipelineModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Solved models and their statistics as Spark {@link Dataset}s, to query, join and plot in a
 * notebook (from Python: {@code spark._jvm.io.radnorm.spark.ModelTables}). Bands are numbered from 1,
 * as GDAL and the {@code radnorm-raster} source's {@code bands} option number them; images by name.
 *
 * <ul>
 *   <li>{@link #gains}: per image and band the solved gain and offset, and the image's whole-image
 *       statistics they were solved from (count, mean, population std of the valid pixels, before
 *       correction).</li>
 *   <li>{@link #overlaps}: per overlapping pair and band, both images' statistics over the pixels
 *       valid in both.</li>
 *   <li>{@link #blockMaps}: per image, band and block (row, col from the canvas's top-left) the
 *       image's post-global block mean ({@code mean}), the reference block mean ({@code reference})
 *       and the coverage of the image's mean; NaN (not null) marks an empty block, as in saved
 *       block maps.</li>
 * </ul>
 * The first two are a few rows per image and are built on the driver; block maps can be large
 * (images × bands × blocks rows) and are generated on the executors from the broadcast model.
 */
public final class ModelTables {

    public static final StructType GAINS = new StructType()
            .add("image", DataTypes.StringType, false)
            .add("band", DataTypes.IntegerType, false)
            .add("gain", DataTypes.DoubleType, false)
            .add("offset", DataTypes.DoubleType, false)
            .add("count", DataTypes.LongType, false)
            .add("mean", DataTypes.DoubleType, false)
            .add("std", DataTypes.DoubleType, false);

    public static final StructType OVERLAPS = new StructType()
            .add("image", DataTypes.StringType, false)
            .add("other", DataTypes.StringType, false)
            .add("band", DataTypes.IntegerType, false)
            .add("count", DataTypes.LongType, false)
            .add("mean", DataTypes.DoubleType, false)
            .add("std", DataTypes.DoubleType, false)
            .add("otherMean", DataTypes.DoubleType, false)
            .add("otherStd", DataTypes.DoubleType, false);

    public static final StructType BLOCK_MAPS = new StructType()
            .add("image", DataTypes.StringType, false)
            .add("band", DataTypes.IntegerType, false)
            .add("row", DataTypes.IntegerType, false)
            .add("col", DataTypes.IntegerType, false)
            .add("mean", DataTypes.DoubleType, false)
            .add("reference", DataTypes.DoubleType, false)
            .add("coverage", DataTypes.DoubleType, false);

    private ModelTables() {
    }

    /** Gain, offset and whole-image statistics per image and band. */
    public static Dataset<Row> gains(SparkSession spark, GlobalModel model) {
        List<Row> rows = new ArrayList<>();
        List<String> names = model.names();
        for (int i = 0; i < names.size(); i++) {
            List<Moments> whole = model.statistics().whole().get(names.get(i));
            List<GainOffset> g = model.gainOffsets(i);
            for (int b = 0; b < g.size(); b++) {
                Moments m = whole == null ? Moments.EMPTY : whole.get(b);
                rows.add(RowFactory.create(names.get(i), b + 1, g.get(b).gain(), g.get(b).offset(), m.count(),
                        m.mean(), m.std()));
            }
        }
        return spark.createDataFrame(rows, GAINS);
    }

    /** The gains of a pipeline's global step (gain 1, offset 0 everywhere for a local-only run). */
    public static Dataset<Row> gains(SparkSession spark, PipelineModel model) {
        return gains(spark, model.global());
    }

    /** Each overlapping pair's statistics per band, once per pair. */
    public static Dataset<Row> overlaps(SparkSession spark, StatisticsTable statistics) {
        List<Row> rows = new ArrayList<>();
        for (StatisticsTable.Overlap o : statistics.overlaps()) {
            for (int b = 0; b < o.ofFirst().size(); b++) {
                Moments a = o.ofFirst().get(b), c = o.ofSecond().get(b);
                rows.add(RowFactory.create(o.first(), o.second(), b + 1, a.count(), a.mean(), a.std(), c.mean(),
                        c.std()));
            }
        }
        return spark.createDataFrame(rows, OVERLAPS);
    }

    public static Dataset<Row> overlaps(SparkSession spark, GlobalModel model) {
        return overlaps(spark, model.statistics());
    }

    /** The overlaps a pipeline measured (Python cannot call {@code model.global()}: a keyword there). */
    public static Dataset<Row> overlaps(SparkSession spark, PipelineModel model) {
        return overlaps(spark, model.global().statistics());
    }

    /** Every image's block map beside the reference map, one row per image, band and block. */
    public static Dataset<Row> blockMaps(SparkSession spark, PipelineModel model) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<PipelineModel> shared = jsc.broadcast(model);
        List<Integer> images = IntStream.range(0, model.locals().size()).boxed().toList();
        var rows = jsc.parallelize(new ArrayList<>(images), Math.max(1, images.size())).flatMap(i -> {
            PipelineModel m = shared.value();
            String name = m.images().info(i).name();
            BlockMap local = m.locals().get(i), reference = m.reference();
            BlockGrid grid = local.grid();
            List<Row> out = new ArrayList<>(grid.blockCount() * local.bandCount());
            for (int b = 0; b < local.bandCount(); b++) {
                for (int k = 0; k < grid.blockCount(); k++) {
                    out.add(RowFactory.create(name, b + 1, grid.rowOf(k), grid.colOf(k), local.mean(b, k),
                            reference.mean(b, k), local.coverage(b, k)));
                }
            }
            return out.iterator();
        });
        return spark.createDataFrame(rows, BLOCK_MAPS);
    }
}
