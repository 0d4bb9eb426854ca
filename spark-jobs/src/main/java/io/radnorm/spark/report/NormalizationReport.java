package io.radnorm.spark.report;

import io.radnorm.algorithms.local.BlockMap;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.fs.AtomicOutput;
import io.radnorm.spark.CanvasCellPass;
import io.radnorm.spark.RasterCollection;
import io.radnorm.spark.VisitorAggregator;
import io.radnorm.spark.global.GlobalRegression;
import io.radnorm.spark.pipeline.BlockMapFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A picture report of a normalization: PNGs a person can take in at a glance and an
 * {@code index.html} that shows them together.
 *
 * <ul>
 *   <li>{@code spectral-profiles.png}: each image's mean per band, before and after, in two panels
 *       sharing the y axis;</li>
 *   <li>{@code seams.png}: the seam RMSE of every overlapping pair (all bands, pixel-weighted: the
 *       metric of {@code stats compare}) before and after;</li>
 *   <li>{@code quicklook-before.png}, {@code quicklook-after.png}: the mosaic of all images over
 *       their union, {@code quicklookSize} pixels on the long side, RGB from three bands (or grey
 *       from one), one 2–98 % stretch computed from both so they compare ({@link Quicklook},
 *       {@link QuicklookImage});</li>
 *   <li>{@code blocks-<map>-band<b>.png} for each block map given (as {@code pipeline
 *       --save-block-maps} writes them), one per band ({@link BlockMapImage}).</li>
 * </ul>
 *
 * <p>The after images are paired with the before images by name ({@link BeforeAfterPairing}). The
 * statistics come from one {@link CanvasCellPass} per side; the quick-looks from the images'
 * overviews, sampled on the executors. Only statistics and the small quick-look patches reach the
 * driver. Every input is checked (pairing, band counts, band choice, block maps) before the first
 * file is written. Charts are drawn with AWT in headless mode.
 */
public final class NormalizationReport {

    private static final Logger LOG = LoggerFactory.getLogger(NormalizationReport.class);

    public static final String PROFILES = "spectral-profiles.png";
    public static final String SEAMS = "seams.png";
    public static final String QUICKLOOK_BEFORE = "quicklook-before.png";
    public static final String QUICKLOOK_AFTER = "quicklook-after.png";
    public static final String INDEX = "index.html";
    public static final double STRETCH_LOW = 2, STRETCH_HIGH = 98;

    /** What the report measured and wrote. */
    public record Result(List<String> files, SpectralProfiles profiles, SeamChartData seams, QuicklookGrid quicklook,
                         QuicklookImage.Stretch stretch) {
    }

    private final String before;
    private final String after;
    private final String output;
    private final Double nodata;
    private final int cellPixels;
    private final int[] rgb;
    private final int quicklookSize;
    private final List<String> blockMaps;

    private NormalizationReport(Builder b) {
        this.before = b.before;
        this.after = b.after;
        this.output = b.output;
        this.nodata = b.nodata;
        this.cellPixels = b.cellPixels;
        this.rgb = b.rgb;
        this.quicklookSize = b.quicklookSize;
        this.blockMaps = List.copyOf(b.blockMaps);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Result run(SparkSession spark) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // before AWT loads: no display is needed or used
        }
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        RasterCollection b = GlobalRegression.readCollection(spark, List.of(before), nodata);
        RasterCollection a = RasterCollection.of(
                BeforeAfterPairing.pair(b.infos(), GlobalRegression.readCollection(spark, List.of(after), nodata).infos()),
                nodata);
        if (a.bandCount() != b.bandCount()) {
            throw new IllegalArgumentException("band counts differ: " + b.info(0).location() + " has " + b.bandCount()
                    + " bands, " + a.info(0).location() + " has " + a.bandCount());
        }
        RasterInfo b0 = b.info(0), a0 = a.info(0);
        if (b0.crs() == null ? a0.crs() != null : !b0.crs().sameAs(a0.crs())) {
            throw new IllegalArgumentException("CRSs differ: " + b0.location() + " is in " + b0.crs() + ", "
                    + a0.location() + " is in " + a0.crs() + " (the quick-looks draw both on one grid)");
        }
        int[] display = displayBands(b.bandCount());
        List<BlockMap> maps = new ArrayList<>();
        List<String> mapNames = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String uri : blockMaps) {
            maps.add(BlockMapFiles.read(uri, conf, b.bandCount()));
            String name = fileSafe(RasterInfo.baseName(uri));
            if (!seen.add(name)) {
                throw new IllegalArgumentException(uri + ": another block map is also named '" + name
                        + "' (pictures are named after the maps)");
            }
            mapNames.add(name);
        }

        ReportStatistics sb = measure(spark, b, "report statistics (before)");
        ReportStatistics sa = measure(spark, a, "report statistics (after)");
        SpectralProfiles profiles = SpectralProfiles.of(b.names(), sb.images(), sa.images());
        SeamChartData seams = SeamChartData.of(b.names(), sb.seams(), sa.seams());

        Envelope extent = new Envelope();
        b.footprints().forEach(extent::expandToInclude);
        a.footprints().forEach(extent::expandToInclude);
        QuicklookGrid grid = QuicklookGrid.of(extent, quicklookSize);
        LOG.info("quick-looks: {} x {} pixels of {} map units", grid.width(), grid.height(), grid.pixelSize());
        List<Quicklook.Canvas> canvases = Quicklook.sample(spark, List.of(b, a), grid, display);
        QuicklookImage.Stretch stretch = QuicklookImage.percentileStretch(canvases, STRETCH_LOW, STRETCH_HIGH);
        LOG.info("quick-looks sampled; drawing");

        List<String> written = new ArrayList<>();
        ReportIndexPage page = new ReportIndexPage("radnorm report: " + b.size() + " images, before and after");
        page.summary(seams);
        write(QUICKLOOK_BEFORE, QuicklookImage.render(canvases.get(0), stretch), conf, written);
        write(QUICKLOOK_AFTER, QuicklookImage.render(canvases.get(1), stretch), conf, written);
        page.quicklooks(QUICKLOOK_BEFORE, QUICKLOOK_AFTER, bandsLabel(display));
        write(SEAMS, ReportCharts.seams(seams), conf, written);
        page.seams(SEAMS, seams);
        write(PROFILES, ReportCharts.spectralProfiles(profiles), conf, written);
        page.profiles(PROFILES);
        List<ReportIndexPage.BlockMapSection> sections = new ArrayList<>();
        List<String[]> files = new ArrayList<>();
        for (int m = 0; m < maps.size(); m++) {
            files.add(new String[b.bandCount()]);
        }
        for (int band = 0; band < b.bandCount(); band++) {
            double[] range = BlockMapImage.range(maps, band);
            for (int m = 0; m < maps.size(); m++) {
                String file = "blocks-" + mapNames.get(m) + "-band" + (band + 1) + ".png";
                write(file, BlockMapImage.render(maps.get(m), band, mapNames.get(m) + ", band " + (band + 1),
                        range[0], range[1]), conf, written);
                files.get(m)[band] = file;
            }
        }
        for (int m = 0; m < maps.size(); m++) {
            sections.add(new ReportIndexPage.BlockMapSection(mapNames.get(m), blockMaps.get(m),
                    Arrays.asList(files.get(m))));
        }
        page.blockMaps(sections);
        page.pairing(b.infos().stream().map(RasterInfo::location).toList(),
                a.infos().stream().map(RasterInfo::location).toList());
        String index = resolve(INDEX);
        try (AtomicOutput out = AtomicOutput.create(index, conf, true)) {
            Writer w = new OutputStreamWriter(out.stream(), StandardCharsets.UTF_8);
            w.write(page.finish());
            w.flush();
            out.commit();
        }
        written.add(index);
        LOG.info("report: wrote {} files to {}", written.size(), output);
        return new Result(List.copyOf(written), profiles, seams, grid, stretch);
    }

    private ReportStatistics measure(SparkSession spark, RasterCollection images, String stage) {
        int bands = images.bandCount();
        return CanvasCellPass.aggregate(spark, images, cellPixels, stage,
                new VisitorAggregator<>(bands, true, () -> new ReportStatistics(bands), ReportStatistics::merge));
    }

    /** The 0-based bands to display: the --rgb choice, else the first three, else band 1 as grey. */
    private int[] displayBands(int bandCount) {
        return displayBands(rgb, bandCount);
    }

    /** The 0-based bands to display from a 1-based choice ({@code null}: the first three, else band 1 as grey). */
    static int[] displayBands(int[] rgb, int bandCount) {
        int[] chosen = rgb != null ? rgb : bandCount >= 3 ? new int[] {1, 2, 3} : new int[] {1};
        if (chosen.length != 1 && chosen.length != 3) {
            throw new IllegalArgumentException("--rgb takes three bands (red,green,blue) or one (grey), got "
                    + chosen.length);
        }
        int[] out = new int[chosen.length];
        for (int k = 0; k < chosen.length; k++) {
            if (chosen[k] < 1 || chosen[k] > bandCount) {
                throw new IllegalArgumentException("--rgb band " + chosen[k] + " does not exist: the images have "
                        + bandCount + " bands (numbered from 1)");
            }
            out[k] = chosen[k] - 1;
        }
        return out;
    }

    private static String bandsLabel(int[] display) {
        return display.length == 1 ? "Band " + (display[0] + 1) + " as grey"
                : "Bands " + (display[0] + 1) + ", " + (display[1] + 1) + ", " + (display[2] + 1) + " as red, green, blue";
    }

    private void write(String file, BufferedImage img, Configuration conf, List<String> written) throws IOException {
        String uri = resolve(file);
        writePng(img, uri, conf);
        written.add(uri);
    }

    /** Writes {@code img} as a PNG to {@code uri} (any Hadoop file system), all or nothing. */
    static void writePng(BufferedImage img, String uri, Configuration conf) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(uri, conf, true)) {
            if (!ImageIO.write(img, "png", out.stream())) {
                throw new IOException(uri + ": no PNG writer in this Java runtime");
            }
            out.commit();
        }
    }

    private String resolve(String file) {
        return output.endsWith("/") ? output + file : output + "/" + file;
    }

    /** A name that is safe in a file name and a URL: letters, digits, '.', '_' and '-' kept, anything else '_'. */
    static String fileSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Settings of a report; {@link #before}, {@link #after} and {@link #output} are required. */
    public static final class Builder {
        private String before;
        private String after;
        private String output;
        private Double nodata;
        private int cellPixels = CanvasCellPass.DEFAULT_CELL_PIXELS;
        private int[] rgb;
        private int quicklookSize = 1024;
        private List<String> blockMaps = List.of();

        /** The images before correction: folder, glob, comma list or @list.txt. */
        public Builder before(String inputs) {
            this.before = inputs;
            return this;
        }

        /** The corrected images, paired with the before images by name ({@link BeforeAfterPairing}). */
        public Builder after(String inputs) {
            this.after = inputs;
            return this;
        }

        /** The folder (any Hadoop file system) the PNGs and index.html are written to. */
        public Builder output(String folder) {
            this.output = folder;
            return this;
        }

        public Builder nodata(Double nodata) {
            this.nodata = nodata;
            return this;
        }

        public Builder cellPixels(int pixels) {
            this.cellPixels = pixels;
            return this;
        }

        /** 1-based bands shown as red, green, blue (three) or grey (one); default the first three, or band 1. */
        public Builder rgb(int... bands) {
            this.rgb = bands == null ? null : bands.clone();
            return this;
        }

        /** Long side of the quick-looks, in pixels. */
        public Builder quicklookSize(int pixels) {
            this.quicklookSize = pixels;
            return this;
        }

        /** Block maps to draw: the reference map first, then any images' maps. */
        public Builder blockMaps(List<String> uris) {
            this.blockMaps = uris == null ? List.of() : List.copyOf(uris);
            return this;
        }

        public NormalizationReport build() {
            if (before == null || after == null || output == null) {
                throw new IllegalArgumentException("a report needs before and after images and an output folder");
            }
            if (quicklookSize < 16 || quicklookSize > 2048) {
                throw new IllegalArgumentException("--quicklook-size must be between 16 and 2048 pixels, got "
                        + quicklookSize);
            }
            return new NormalizationReport(this);
        }
    }
}
