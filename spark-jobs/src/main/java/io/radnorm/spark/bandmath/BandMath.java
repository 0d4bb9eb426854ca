package io.radnorm.spark.bandmath;

import io.radnorm.spark.PerImageJob;
import io.radnorm.algorithms.bandmath.DigitHistograms;
import io.radnorm.algorithms.bandmath.DigitPass;
import io.radnorm.algorithms.bandmath.PercentileExpression;
import io.radnorm.algorithms.bandmath.PercentileSearch;
import io.radnorm.algorithms.bandmath.PercentileTerm;
import io.radnorm.algorithms.expr.BandExpression;
import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.fs.OutputPaths;
import io.radnorm.raster.fs.RasterPaths;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.raster.tiff.CogWriter;
import io.radnorm.raster.tiff.GeoMetadata;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.tiff.RasterSource;
import io.radnorm.spark.RasterHeaders;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Band math on Spark: {@code radnorm band-math}, {@code ndvi} and {@code threshold}. Each input
 * image gives one output COG whose band k is expression k evaluated on the input's bands, pixel by
 * pixel ({@link io.radnorm.algorithms.bandmath.BandMath} has the semantics: nodata, rounding,
 * clipping, default nodata).
 *
 * <pre>{@code
 * BandMath.builder().input("s3a://bucket/scenes/").expression("(b4 - b3) / (b4 + b3)")
 *         .output("s3a://bucket/out/$_ratio.tif").build().run(spark);
 * BandMath.ndvi(7, 5).input("data/sample/mosaic").output("out/").build().run(spark);
 * BandMath.threshold().input("scenes/").expression("b1 > 95%b1").output("masks/").build().run(spark);
 * }</pre>
 *
 * <h2>Job</h2>
 * <ol>
 *   <li>The expressions are parsed on the driver before Spark does anything (a bad one fails at
 *       once, naming the problem); the inputs' headers are read in parallel and every input is
 *       checked to have the bands the expressions read.</li>
 *   <li>Only when an expression holds percentile terms ({@code 5%b1}, see
 *       {@link PercentileExpression}): histogram passes over every image's windows, the windows
 *       spread over Spark's partitions, counts merged with a tree reduce
 *       ({@link PercentileSearch}: exact percentiles; one pass for 8- and 16-bit images, two for
 *       32-bit, four for float64). Each image's terms are then replaced by its own values.</li>
 *   <li>One task per image streams the input window by window (the writer's strips, reading only
 *       the bands the expressions use) through the band math into a COG ({@link CogWriter}); the
 *       images are written in parallel, each appearing only when complete.</li>
 * </ol>
 * Outputs are named from {@code output} as every radnorm command names them
 * ({@link OutputPaths}: a {@code $} template, or a folder with the command's default template).
 */
public final class BandMath {

    private static final Logger LOG = LoggerFactory.getLogger(BandMath.class);

    public static final String DEFAULT_OUTPUT_TEMPLATE = "$_BandMath.tif";
    public static final String NDVI_OUTPUT_TEMPLATE = "$_NDVI.tif";
    public static final String THRESHOLD_OUTPUT_TEMPLATE = "$_Threshold.tif";

    /** What was written for one input: the resolved expressions, its percentiles (if any), the COG. */
    public record Output(String input, String output, List<String> expressions, Map<PercentileTerm, Double> percentiles,
                         CogSummary cog) implements Serializable {
    }

    private final List<String> inputs;
    private final List<PercentileExpression> expressions;
    private final DataType outputType;
    private final Double outputNodata;
    private final Double inputNodata;
    private final String output;
    private final String outputTemplate;
    private final CogOptions cogOptions;

    private BandMath(Builder b) {
        this.inputs = List.copyOf(b.inputs);
        this.expressions = b.expressions.stream().map(PercentileExpression::parse).toList();
        this.outputType = b.outputType;
        this.outputNodata = b.outputNodata;
        this.inputNodata = b.inputNodata;
        this.output = b.output;
        this.outputTemplate = b.outputTemplate;
        this.cogOptions = b.cogOptions;
    }

    /** Band math: float32 output by default, {@code $_BandMath.tif}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * NDVI as band math: {@code (nir − red) / (nir + red)} as float32, NaN (nodata) where nir + red
     * is 0 or either band is nodata; {@code $_NDVI.tif}.
     *
     * @param nir 1-based near-infrared band
     * @param red 1-based red band
     */
    public static Builder ndvi(int nir, int red) {
        if (nir < 1 || red < 1) {
            throw new IllegalArgumentException("bands are numbered from 1: --nir " + nir + " --red " + red);
        }
        return builder().expression(ndviExpression(nir, red)).outputType(DataType.FLOAT32).outputNodata(Double.NaN)
                .outputTemplate(NDVI_OUTPUT_TEMPLATE);
    }

    /** The band-math expression of {@link #ndvi}. */
    public static String ndviExpression(int nir, int red) {
        String n = "b" + nir, r = "b" + red;
        return "where(" + n + " + " + r + " == 0, nan, (" + n + " - " + r + ") / (" + n + " + " + r + "))";
    }

    /** Threshold masks: band math with a uint8 output (1/0 for conditions, nodata 255), {@code $_Threshold.tif}. */
    public static Builder threshold() {
        return builder().outputType(DataType.UINT8).outputTemplate(THRESHOLD_OUTPUT_TEMPLATE);
    }

    public static final class Builder {
        private final List<String> inputs = new ArrayList<>();
        private final List<String> expressions = new ArrayList<>();
        private DataType outputType = DataType.FLOAT32;
        private Double outputNodata;
        private Double inputNodata;
        private String output;
        private String outputTemplate = DEFAULT_OUTPUT_TEMPLATE;
        private CogOptions cogOptions = CogOptions.defaults();

        /** Folders, globs, comma lists or {@code @list.txt} files of GeoTIFFs, on any Hadoop file system. */
        public Builder input(String... specs) {
            inputs.addAll(Arrays.asList(specs));
            return this;
        }

        /** Adds one output band: its expression (bands b1, b2, ...; see {@link BandExpression}). */
        public Builder expression(String expression) {
            expressions.add(Objects.requireNonNull(expression, "expression"));
            return this;
        }

        public Builder expressions(List<String> list) {
            list.forEach(this::expression);
            return this;
        }

        public Builder outputType(DataType type) {
            this.outputType = Objects.requireNonNull(type, "type");
            return this;
        }

        /** The output nodata; {@code null} (default) for the type's default (NaN for floats). */
        public Builder outputNodata(Double nodata) {
            this.outputNodata = nodata;
            return this;
        }

        /** Nodata of every input, overriding the files' own {@code GDAL_NODATA}. */
        public Builder inputNodata(Double nodata) {
            this.inputNodata = nodata;
            return this;
        }

        /** Output folder, or template where {@code $} is the input's name. */
        public Builder output(String output) {
            this.output = output;
            return this;
        }

        /** File name the outputs get in an output folder, {@code $} standing for the input's name. */
        public Builder outputTemplate(String template) {
            this.outputTemplate = Objects.requireNonNull(template, "template");
            return this;
        }

        public Builder cogOptions(CogOptions options) {
            this.cogOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Parses the expressions and checks the settings, without touching any file.
         *
         * @throws IllegalArgumentException naming a bad expression and its problem, or a bad setting
         */
        public BandMath build() {
            if (expressions.isEmpty()) {
                throw new IllegalArgumentException("no expression: give at least one");
            }
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("no input");
            }
            if (output == null) {
                throw new IllegalArgumentException("no output");
            }
            io.radnorm.algorithms.bandmath.BandMath.outputNodata(outputType, outputNodata);
            return new BandMath(this);
        }
    }

    /** The highest band any expression reads, directly or by a percentile: each input needs that many. */
    public int maxBand() {
        return expressions.stream().mapToInt(PercentileExpression::maxBand).max().orElse(0);
    }

    /** Reads, computes and writes; returns one {@link Output} per input, in input order. */
    public List<Output> run(SparkSession spark) throws IOException {
        List<RasterInfo> infos = readHeaders(spark);
        int n = infos.size();
        double[] nodata = new double[n];
        List<String> targets = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            RasterInfo info = infos.get(i);
            if (info.bandCount() < maxBand()) {
                throw new IllegalArgumentException(info.location() + ": has " + info.bandCount()
                        + " bands, the expressions read band " + maxBand());
            }
            Double nd = inputNodata != null ? inputNodata : info.nodata();
            nodata[i] = nd == null ? Double.NaN : nd;
            String target = OutputPaths.resolve(output, info.name(), outputTemplate);
            String clash = seen.put(target, info.location());
            if (clash != null) {
                throw new IllegalArgumentException("inputs " + clash + " and " + info.location() + " would both be written to "
                        + target + "; use a $ template or rename one");
            }
            if (target.equals(info.location())) {
                throw new IllegalArgumentException(info.location() + ": the output would overwrite its input");
            }
            targets.add(target);
        }
        List<Map<PercentileTerm, Double>> percentiles = percentiles(spark, infos, nodata);
        List<Task> tasks = new ArrayList<>();
        List<List<String>> resolved = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> texts = new ArrayList<>();
            List<BandExpression> exprs = new ArrayList<>();
            for (PercentileExpression e : expressions) {
                String text = e.substitute(percentiles.get(i));
                texts.add(text);
                exprs.add(BandExpression.parse(text));
            }
            resolved.add(texts);
            tasks.add(new Task(infos.get(i), nodata[i], targets.get(i),
                    io.radnorm.algorithms.bandmath.BandMath.of(exprs, outputType, outputNodata)));
        }
        List<CogSummary> written = write(spark, tasks);
        List<Output> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Output(infos.get(i).location(), targets.get(i), resolved.get(i), percentiles.get(i),
                    written.get(i)));
        }
        return out;
    }

    private List<RasterInfo> readHeaders(SparkSession spark) throws IOException {
        List<String> paths = RasterPaths.resolve(String.join(",", inputs), spark.sparkContext().hadoopConfiguration());
        List<RasterHeaders.Header> headers = RasterHeaders.read(spark, paths);
        List<String> errors = headers.stream().filter(h -> !h.ok()).map(RasterHeaders.Header::error).toList();
        if (!errors.isEmpty()) {
            throw new IOException(String.join("; ", errors));
        }
        return headers.stream().map(RasterHeaders.Header::info).toList();
    }

    /** Every image's percentile terms, searched together pass by pass; empty maps when there are none. */
    private List<Map<PercentileTerm, Double>> percentiles(SparkSession spark, List<RasterInfo> infos, double[] nodata) {
        Set<PercentileTerm> terms = new LinkedHashSet<>();
        expressions.forEach(e -> terms.addAll(e.terms()));
        List<Map<PercentileTerm, Double>> out = new ArrayList<>();
        if (terms.isEmpty()) {
            infos.forEach(i -> out.add(Map.of()));
            return out;
        }
        PercentileSearch[] searches = new PercentileSearch[infos.size()];
        int passes = 0;
        for (int i = 0; i < searches.length; i++) {
            searches[i] = new PercentileSearch(infos.get(i).dataType(), terms);
            passes = Math.max(passes, searches[i].passCount());
        }
        for (int round = 1; Arrays.stream(searches).anyMatch(s -> !s.done()); round++) {
            DigitPass[] plan = new DigitPass[searches.length];
            for (int i = 0; i < searches.length; i++) {
                plan[i] = searches[i].done() ? null : searches[i].nextPass();
            }
            DigitHistograms[] counts = PercentilePass.run(spark, infos, nodata, plan,
                    "percentiles, histogram pass " + round + " of " + passes);
            for (int i = 0; i < searches.length; i++) {
                if (plan[i] != null) {
                    searches[i].accept(counts[i] != null ? counts[i] : plan[i].newHistograms());
                }
            }
        }
        for (int i = 0; i < searches.length; i++) {
            Map<PercentileTerm, Double> values = searches[i].percentiles();
            String name = infos.get(i).name();
            values.forEach((t, v) -> LOG.debug("{}: {} = {}", name, t, v));
            for (Map.Entry<PercentileTerm, Double> e : values.entrySet()) {
                if (Double.isNaN(e.getValue())) {
                    LOG.warn("{}: band {} has no valid pixel; {} is NaN", infos.get(i).location(), e.getKey().band(),
                            e.getKey());
                }
            }
            out.add(values);
        }
        return out;
    }

    /** What one write task needs. */
    private record Task(RasterInfo info, double nodata, String output, io.radnorm.algorithms.bandmath.BandMath math)
            implements Serializable {
    }

    private List<CogSummary> write(SparkSession spark, List<Task> tasks) {
        CogOptions options = cogOptions;
        return PerImageJob.run(spark, tasks, "band math of " + tasks.size() + " images",
                "band math (" + tasks.size() + " images)", (t, conf) -> {
                    try (GeoTiffReader reader = GeoTiffReader.open(t.info().location(), conf)) {
                        return CogWriter.write(source(reader, t.nodata(), t.math()),
                                GeoMetadata.of(t.info()).withNodata(t.math().outputNodata()), t.output(), conf, options);
                    }
                }, null);
    }

    /** An input image seen through band math: what the COG writer pulls, window by window. */
    private static RasterSource source(GeoTiffReader reader, double inNodata,
                                       io.radnorm.algorithms.bandmath.BandMath math) {
        int[] bands = math.inputBands();
        return RasterSource.of(reader.info().width(), reader.info().height(), math.bandCount(), math.outputType(),
                w -> math.apply(bands.length == 0 ? Raster.allocate(reader.info().dataType(), w.width(), w.height(), 0)
                        : reader.read(w, bands), inNodata));
    }
}
