package io.radnorm.spark.global;

import io.radnorm.algorithms.OverlapFinder;
import io.radnorm.algorithms.global.GainOffsetModel;
import io.radnorm.algorithms.global.GlobalRegressionSettings;
import io.radnorm.algorithms.global.OverlapStats;
import io.radnorm.algorithms.global.ModelImageSelection;
import io.radnorm.algorithms.global.UnanchoredPolicy;
import io.radnorm.algorithms.stats.CollectionStatistics;
import io.radnorm.algorithms.stats.Moments;
import io.radnorm.algorithms.mask.VectorMask;
import io.radnorm.raster.DataType;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.fs.OutputPaths;
import io.radnorm.raster.fs.RasterPaths;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.spark.CanvasCellPass;
import io.radnorm.spark.CorrectedImageWriter;
import io.radnorm.spark.OutputLedger;
import io.radnorm.spark.RasterCollection;
import io.radnorm.spark.RasterHeaders;
import io.radnorm.spark.VisitorAggregator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Global regression on Spark (Yu et al. 2017, the first half of global-to-local normalization):
 * the Spark wrapper of {@link io.radnorm.algorithms.global.GlobalRegression}.
 *
 * <ol>
 *   <li>headers are read on the executors and checked ({@link RasterCollection});</li>
 *   <li>one read pass over the canvas, cell by cell, aggregates each image's whole-image moments
 *       and every overlapping pair's moments ({@link CollectionStatistics}); only these
 *       statistics reach the driver;</li>
 *   <li>the driver solves one least-squares model of a gain and offset per image and band;</li>
 *   <li>{@link #apply} broadcasts the gains and offsets and writes one COG per input.</li>
 * </ol>
 *
 * From a notebook: {@code GlobalModel m = GlobalRegression.builder().input("s3a://b/scenes/").build().run(spark);}
 * inspects the model without writing; {@code apply(spark, m, "out/")} writes.
 *
 * <p>With {@link Builder#loadStatistics}, images already measured in a saved file are not read
 * again (except in cells they share with new images); the model is re-solved over all of them.
 */
public final class GlobalRegression {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalRegression.class);
    public static final String DEFAULT_OUTPUT_TEMPLATE = "$_Global.tif";

    private final List<String> inputs;
    private final Double nodata;
    private final GlobalRegressionSettings settings;
    private final int cellPixels;
    private final String loadStatistics;
    private final VectorMask mask;

    private GlobalRegression(Builder b) {
        this.inputs = List.copyOf(b.inputs);
        this.nodata = b.nodata;
        this.settings = b.settings;
        this.cellPixels = b.cellPixels;
        this.loadStatistics = b.loadStatistics;
        this.mask = b.mask;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Measures and solves; writes nothing. */
    public GlobalModel run(SparkSession spark) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        RasterCollection images = readCollection(spark, inputs, nodata).withMask(mask);
        StatisticsTable stats = measure(spark, images, conf);
        return solve(images, stats, settings);
    }

    /** The driver step: solves the model of {@code images} from measured statistics. */
    public static GlobalModel solve(RasterCollection images, StatisticsTable stats, GlobalRegressionSettings settings) {
        List<String> names = images.names();
        warnAboutEmptyImages(stats, images);
        warnAboutIsolatedImages(stats, images);
        List<GainOffsetModel> bands = io.radnorm.algorithms.global.GlobalRegression.solveBands(names,
                byBand(stats, names, images.bandCount()), byBandOverlaps(stats, names, images.bandCount()),
                settings);
        GlobalModel model = new GlobalModel(images, stats, bands);
        if (!model.unanchoredImages().isEmpty()) {
            LOG.warn("images overlapping no model image, anchored to their own statistics: {}",
                    model.unanchoredImages());
        }
        return model;
    }

    /** Writes every input corrected by {@code model} as a COG named from {@code output}. */
    public static List<CogSummary> apply(SparkSession spark, GlobalModel model, String output, DataType outputType,
                                         CogOptions options) {
        return apply(spark, model, output, outputType, options, OutputLedger.NONE);
    }

    /** As {@link #apply(SparkSession, GlobalModel, String, DataType, CogOptions)}; {@code ledger} may keep finished outputs. */
    public static List<CogSummary> apply(SparkSession spark, GlobalModel model, String output, DataType outputType,
                                         CogOptions options, OutputLedger ledger) {
        List<CorrectedImageWriter.Target> targets = new ArrayList<>();
        RasterCollection images = model.images();
        for (int i = 0; i < images.size(); i++) {
            String uri = OutputPaths.resolve(output, images.info(i).name(), DEFAULT_OUTPUT_TEMPLATE);
            if (!ledger.isFinished(i, uri)) {
                targets.add(new CorrectedImageWriter.Target(i, uri, model.correction(i)));
            }
        }
        return CorrectedImageWriter.write(spark, images, targets, outputType, options, "apply global regression",
                ledger.records() ? ledger::committed : null);
    }

    /** Resolves, reads and checks the inputs; every unreadable file is named in one error. */
    public static RasterCollection readCollection(SparkSession spark, List<String> inputs, Double nodata)
            throws IOException {
        return RasterCollection.of(RasterHeaders.readAll(spark, String.join(",", inputs)), nodata);
    }

    private StatisticsTable measure(SparkSession spark, RasterCollection images, Configuration conf) throws IOException {
        List<String> names = images.names();
        StatisticsTable loaded = null;
        Set<Integer> required = null;
        if (loadStatistics != null) {
            loaded = AdjustmentsJson.read(loadStatistics, conf, images.bandCount());
            required = new HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                if (!loaded.whole().containsKey(names.get(i))) {
                    required.add(i);
                }
            }
            // Two known images that overlap but whose pair the file lacks must be measured again.
            for (OverlapFinder.Overlap o : OverlapFinder.find(images.footprints())) {
                if (!required.contains(o.i()) && !required.contains(o.j())
                        && !loaded.hasPair(names.get(o.i()), names.get(o.j()))) {
                    required.add(o.i());
                    required.add(o.j());
                }
            }
            LOG.info("loaded statistics of {} images from {}; measuring {}", names.size() - required.size(),
                    loadStatistics, required.size());
        }
        CollectionStatistics measured = CanvasCellPass.aggregate(spark, images, cellPixels, required,
                "overlap statistics", new VisitorAggregator<>(images.bandCount(), true,
                        () -> new CollectionStatistics(images.bandCount()), CollectionStatistics::merge));
        StatisticsTable table = StatisticsTable.of(measured, names);
        if (loaded == null) {
            return table;
        }
        // Known images were read only where they meet new ones: their loaded statistics are the whole truth.
        StatisticsTable known = restrictTo(loaded, names, required);
        return table.overriddenBy(known);
    }

    private static StatisticsTable restrictTo(StatisticsTable loaded, List<String> names, Set<Integer> remeasured) {
        Set<String> keep = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!remeasured.contains(i)) {
                keep.add(names.get(i));
            }
        }
        Map<String, List<Moments>> whole = new HashMap<>();
        loaded.whole().forEach((k, v) -> {
            if (keep.contains(k)) {
                whole.put(k, v);
            }
        });
        List<StatisticsTable.Overlap> overlaps = loaded.overlaps().stream()
                .filter(o -> keep.contains(o.first()) && keep.contains(o.second())).toList();
        return new StatisticsTable(loaded.bandCount(), whole, overlaps);
    }

    private static void warnAboutEmptyImages(StatisticsTable stats, RasterCollection images) {
        for (int i = 0; i < images.size(); i++) {
            if (stats.hasNoValidPixel(images.info(i).name())) {
                LOG.warn("{}: has no valid pixel (all nodata); it is left unchanged", images.info(i).location());
            }
        }
    }

    private static void warnAboutIsolatedImages(StatisticsTable stats, RasterCollection images) {
        if (images.size() < 2) {
            return;
        }
        Set<String> paired = new HashSet<>();
        for (StatisticsTable.Overlap o : stats.overlaps()) {
            if (o.ofFirst().stream().anyMatch(m -> m.count() > 0)) {
                paired.add(o.first());
                paired.add(o.second());
            }
        }
        for (int i = 0; i < images.size(); i++) {
            if (!paired.contains(images.info(i).name()) && !stats.hasNoValidPixel(images.info(i).name())) {
                LOG.warn("{}: overlaps no other image; it is anchored to its own statistics",
                        images.info(i).location());
            }
        }
    }

    static List<List<Moments>> byBand(StatisticsTable s, List<String> names, int bands) {
        List<List<Moments>> out = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            out.add(s.wholeOfBand(names, b));
        }
        return out;
    }

    static List<List<OverlapStats>> byBandOverlaps(StatisticsTable s, List<String> names,
                                                                                int bands) {
        List<List<OverlapStats>> out = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            out.add(s.overlapsOfBand(names, b));
        }
        return out;
    }

    /** Builder of a global regression run; every setting has the CLI's default. */
    public static final class Builder {
        private final List<String> inputs = new ArrayList<>();
        private Double nodata;
        private GlobalRegressionSettings settings = GlobalRegressionSettings.DEFAULT;
        private int cellPixels = CanvasCellPass.DEFAULT_CELL_PIXELS;
        private String loadStatistics;
        private VectorMask mask;

        /** Statistics only inside (include) or outside (exclude) the mask's polygons; {@code null}: none. */
        public Builder mask(VectorMask m) {
            mask = m;
            return this;
        }

        /** A folder, glob, comma list, {@code @list.txt} or single file; may be called repeatedly. */
        public Builder input(String spec) {
            inputs.add(spec);
            return this;
        }

        public Builder inputs(List<String> specs) {
            inputs.addAll(specs);
            return this;
        }

        /** Overrides every input's nodata value ({@code null}: use each file's). */
        public Builder nodata(Double value) {
            this.nodata = value;
            return this;
        }

        /** All regression settings at once (weights, model images, unanchored policy). */
        public Builder settings(GlobalRegressionSettings s) {
            settings = s;
            return this;
        }

        public Builder meanFactor(double f) {
            settings = settings.withMeanFactor(f);
            return this;
        }

        public Builder stdFactor(double f) {
            settings = settings.withStdFactor(f);
            return this;
        }

        public Builder modelImages(ModelImageSelection selection) {
            settings = settings.withModelImages(selection);
            return this;
        }

        public Builder unanchored(UnanchoredPolicy policy) {
            settings = settings.withUnanchoredPolicy(policy);
            return this;
        }

        /** Side of the canvas cells (the unit of work) in pixels of the finest image. */
        public Builder cellPixels(int pixels) {
            if (pixels < 16) {
                throw new IllegalArgumentException("--window must be at least 16 pixels: " + pixels);
            }
            this.cellPixels = pixels;
            return this;
        }

        /** Reuses the statistics saved by an earlier run for the images it measured. */
        public Builder loadStatistics(String uri) {
            this.loadStatistics = uri;
            return this;
        }

        public GlobalRegression build() {
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("no input given");
            }
            return new GlobalRegression(this);
        }
    }
}
