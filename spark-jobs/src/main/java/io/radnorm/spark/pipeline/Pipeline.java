package io.radnorm.spark.pipeline;

import io.radnorm.algorithms.global.GainOffset;
import io.radnorm.algorithms.global.GlobalRegressionSettings;
import io.radnorm.algorithms.local.BlockGrid;
import io.radnorm.algorithms.local.BlockMap;
import io.radnorm.algorithms.local.GammaKernel;
import io.radnorm.algorithms.local.LocalAdjustmentSettings;
import io.radnorm.algorithms.local.LocalBlockAdjustment;
import io.radnorm.algorithms.local.LocalBlockCorrection;
import io.radnorm.algorithms.local.LocalCorrectionMethod;
import io.radnorm.algorithms.local.OverlapReferenceMaps;
import io.radnorm.algorithms.local.ReferenceMode;
import io.radnorm.algorithms.stats.CollectionStatistics;
import io.radnorm.algorithms.stats.Moments;
import io.radnorm.algorithms.mask.VectorMask;
import io.radnorm.raster.DataType;
import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.fs.OutputPaths;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.spark.CanvasCellPass;
import io.radnorm.spark.CorrectedImageWriter;
import io.radnorm.spark.OutputLedger;
import io.radnorm.spark.RasterCollection;
import io.radnorm.spark.VisitorAggregator;
import io.radnorm.spark.global.GlobalModel;
import io.radnorm.spark.global.GlobalRegression;
import io.radnorm.spark.global.StatisticsTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Global-to-local normalization (Yu et al. 2017) as one Spark job with two passes over the pixels:
 *
 * <ol>
 *   <li><b>measure</b>: one read pass over the canvas aggregates each image's whole-image moments,
 *       every pair's overlap moments and each image's <em>raw</em> block sums and counts
 *       ({@link PipelineStatisticsAggregator});</li>
 *   <li><b>solve</b> (driver): the global model; every image's post-global local block map derived
 *       exactly from the raw sums (the mean of a·x + b is a·mean + b); the reference block map
 *       (mean of the local maps); each image's local correction with its one shift per band;</li>
 *   <li><b>apply</b>: one read pass applies global then local correction in floating point and
 *       writes each output COG once ({@link #apply}).</li>
 * </ol>
 *
 * spectralmatch reads the pixels four times and writes them twice for the same result; this is
 * the floor. With {@link Builder#global(boolean) global(false)} it is the local block adjustment
 * alone ({@code radnorm local}).
 */
public final class Pipeline {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    public static final String DEFAULT_OUTPUT_TEMPLATE = "$_Normalized.tif";
    public static final String LOCAL_OUTPUT_TEMPLATE = "$_Local.tif";

    private final Builder b;

    private Pipeline(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Measures and solves; writes nothing. */
    public PipelineModel run(SparkSession spark) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        RasterCollection images = GlobalRegression.readCollection(spark, b.inputs, b.nodata).withMask(b.mask);
        List<String> names = images.names();
        BlockMap loadedReference = b.loadReference == null ? null
                : BlockMapFiles.read(b.loadReference, conf, images.bandCount());
        BlockGrid grid = loadedReference != null ? loadedReference.grid() : blockGrid(spark, images);
        LOG.info("block grid: {} rows x {} columns over {}", grid.rows(), grid.cols(), grid.canvas());

        PipelineStatistics stats = CanvasCellPass.aggregate(spark, images, b.cellPixels,
                b.global ? "global and block statistics" : "block statistics",
                new PipelineStatisticsAggregator(images.bandCount(), grid));

        StatisticsTable table = StatisticsTable.of(stats.overlaps(), names);
        GlobalModel global = b.global ? GlobalRegression.solve(images, table, b.globalSettings)
                : GlobalModel.identity(images, table);

        List<BlockMap> locals = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            String loaded = b.loadLocals.get(names.get(i));
            locals.add(loaded != null ? BlockMapFiles.read(loaded, conf, images.bandCount())
                    : LocalBlockAdjustment.localMap(stats.blocks(), i, global.gainOffsets(i),
                            images.info(i).geoTransform(), b.localSettings));
        }
        BlockMap reference = loadedReference != null ? loadedReference : LocalBlockAdjustment.referenceMap(locals);
        List<List<GainOffset>> gains = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            gains.add(global.gainOffsets(i));
        }
        List<LocalBlockCorrection> corrections = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            // A loaded reference is the target as it stands; otherwise compare like with like (or the plain mean).
            BlockMap target = loadedReference == null && b.referenceMode == ReferenceMode.OVERLAP
                    ? OverlapReferenceMaps.forImage(i, locals.get(i), stats.blockPairs(), gains) : reference;
            GeoTransform gt = images.info(i).geoTransform();
            corrections.add(LocalBlockAdjustment.correction(stats.blocks(), i, gains.get(i), gt, target,
                    locals.get(i), b.localSettings));
        }
        return new PipelineModel(global, grid, reference, locals, corrections, b.localSettings);
    }

    private BlockGrid blockGrid(SparkSession spark, RasterCollection images) {
        Envelope canvas = b.canvas != null ? b.canvas : io.radnorm.algorithms.stats.CanvasCells.canvas(images.footprints());
        if (b.blocks.isFixed()) {
            return new BlockGrid(canvas, b.blocks.rows(), b.blocks.cols());
        }
        if (b.blocks.fromCv()) {
            CollectionStatistics whole = CanvasCellPass.aggregate(spark, images, b.cellPixels,
                    "coefficient of variation", new VisitorAggregator<>(images.bandCount(), false,
                            () -> new CollectionStatistics(images.bandCount()), CollectionStatistics::merge));
            List<Moments> band1 = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                band1.add(whole.wholeMoments(i, 0));
            }
            double cv = BlockGrid.coefficientOfVariation(band1);
            LOG.info("coefficient of variation of band 1: {}", cv);
            return BlockGrid.forCoefficientOfVariation(canvas, cv);
        }
        return BlockGrid.forBlocksPerImage(canvas, b.blocks.blocksPerImage(), images.size());
    }

    /** Writes every input with data, normalized by {@code model}, as a COG named from {@code output}. */
    public static List<CogSummary> apply(SparkSession spark, PipelineModel model, String output, String template,
                                         DataType outputType, CogOptions options) {
        return apply(spark, model, output, template, outputType, options, OutputLedger.NONE);
    }

    /** As {@link #apply(SparkSession, PipelineModel, String, String, DataType, CogOptions)}; {@code ledger} may keep finished outputs. */
    public static List<CogSummary> apply(SparkSession spark, PipelineModel model, String output, String template,
                                         DataType outputType, CogOptions options, OutputLedger ledger) {
        RasterCollection images = model.images();
        if (model.settings().method() == LocalCorrectionMethod.GAMMA) {
            // This JVM's choice; executors choose theirs the same way, with the same result bits.
            LOG.info("local gamma correction: {} kernel", GammaKernel.active().description());
        }
        List<CorrectedImageWriter.Target> targets = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            String name = images.info(i).name();
            String uri = OutputPaths.resolve(output, name, template);
            if (model.global().statistics().hasNoValidPixel(name)) {
                LOG.warn("{}: has no valid pixel (all nodata); it is skipped", images.info(i).location());
            } else if (!ledger.isFinished(i, uri)) {
                targets.add(new CorrectedImageWriter.Target(i, uri, model.correction(i)));
            }
        }
        return CorrectedImageWriter.write(spark, images, targets, outputType, options, "apply normalization",
                ledger.records() ? ledger::committed : null);
    }

    /** Writes the reference map to {@code referenceUri} and, if {@code localTemplate} is given, each local map. */
    public static void saveBlockMaps(PipelineModel model, String referenceUri, String localTemplate, Configuration conf)
            throws IOException {
        var crs = model.images().info(0).crs();
        BlockMapFiles.write(model.reference(), crs, referenceUri, conf);
        if (localTemplate != null) {
            for (int i = 0; i < model.images().size(); i++) {
                String uri = OutputPaths.resolve(localTemplate, model.images().info(i).name(), "$_blocks.tif");
                BlockMapFiles.write(model.locals().get(i), crs, uri, conf);
            }
        }
    }

    /** Builder of a normalization run; every setting has the CLI's default. */
    public static final class Builder {
        private final List<String> inputs = new ArrayList<>();
        private Double nodata;
        private boolean global = true;
        private GlobalRegressionSettings globalSettings = GlobalRegressionSettings.DEFAULT;
        private LocalAdjustmentSettings localSettings = LocalAdjustmentSettings.DEFAULT;
        private ReferenceMode referenceMode = ReferenceMode.OVERLAP;
        private BlockLayout blocks = BlockLayout.DEFAULT;
        private Envelope canvas;
        private int cellPixels = CanvasCellPass.DEFAULT_CELL_PIXELS;
        private String loadReference;
        private final Map<String, String> loadLocals = new HashMap<>();
        private VectorMask mask;

        /** Statistics only inside (include) or outside (exclude) the mask's polygons; {@code null}: none. */
        public Builder mask(VectorMask m) {
            mask = m;
            return this;
        }

        public Builder input(String spec) {
            inputs.add(spec);
            return this;
        }

        public Builder nodata(Double value) {
            nodata = value;
            return this;
        }

        /** Whether to run the global regression first (default true; false = local block adjustment only). */
        public Builder global(boolean enabled) {
            global = enabled;
            return this;
        }

        public Builder globalSettings(GlobalRegressionSettings s) {
            globalSettings = s;
            return this;
        }

        public Builder localSettings(LocalAdjustmentSettings s) {
            localSettings = s;
            return this;
        }

        /** OVERLAP (default): each image compared with the others over the same pixels; MEAN: the classic map. */
        public Builder referenceMode(ReferenceMode mode) {
            referenceMode = mode;
            return this;
        }

        public Builder blocks(BlockLayout layout) {
            blocks = layout;
            return this;
        }

        /** The canvas the block grid covers (default: the union of the inputs). */
        public Builder canvas(Envelope e) {
            canvas = e;
            return this;
        }

        public Builder cellPixels(int pixels) {
            if (pixels < 16) {
                throw new IllegalArgumentException("--window must be at least 16 pixels: " + pixels);
            }
            cellPixels = pixels;
            return this;
        }

        /** Brings the images to a saved reference block map (its grid is used). */
        public Builder loadReference(String uri) {
            loadReference = uri;
            return this;
        }

        /** Uses a saved local block map for the image of this name instead of measuring it. */
        public Builder loadLocal(String imageName, String uri) {
            loadLocals.put(imageName, uri);
            return this;
        }

        public Pipeline build() {
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("no input given");
            }
            return new Pipeline(this);
        }
    }
}
