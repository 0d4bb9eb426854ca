package io.radnorm.spark;

import io.radnorm.algorithms.correction.CorrectionApplier;
import io.radnorm.algorithms.correction.PixelCorrection;
import io.radnorm.raster.DataType;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.raster.tiff.CogWriter;
import io.radnorm.raster.tiff.GeoMetadata;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.raster.tiff.RasterSource;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * The "apply" pass shared by every correcting job: one task per image streams the input window by
 * window through its {@link PixelCorrection} into a Cloud-Optimized GeoTIFF. Corrections are
 * broadcast once per job (never captured per task); each output appears only when complete.
 */
public final class CorrectedImageWriter {

    /** What to write for image {@code index}: its correction and target URI. */
    public record Target(int index, String output, PixelCorrection correction) implements Serializable {
    }

    private CorrectedImageWriter() {
    }

    /**
     * @param outputType  output data type, or {@code null} for each input's own
     */
    public static List<CogSummary> write(SparkSession spark, RasterCollection images, List<Target> targets,
                                         DataType outputType, CogOptions options, String stageName) {
        return write(spark, images, targets, outputType, options, stageName, null);
    }

    /**
     * As {@link #write(SparkSession, RasterCollection, List, DataType, CogOptions, String)}, calling
     * {@code committed} on this (the driver's) thread as each output is committed ({@link TaskResults}).
     */
    public static List<CogSummary> write(SparkSession spark, RasterCollection images, List<Target> targets,
                                         DataType outputType, CogOptions options, String stageName,
                                         java.util.function.Consumer<CogSummary> committed) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        for (Target t : targets) { // fail before any task runs, naming the file
            OutputNodata.of(images.info(t.index()), images.nodataOf(t.index()), outputType);
        }
        Broadcast<RasterCollection> imgs = Broadcasts.broadcast(jsc, images,
                "headers of " + images.size() + " images (" + stageName + ")");
        org.apache.spark.util.LongAccumulator pixels = ProgressReporter.pixelCounter(jsc.sc());
        return PerImageJob.run(spark, targets, "corrections of " + targets.size() + " images (" + stageName + ")",
                stageName + " (" + targets.size() + " images)", (t, conf) -> {
                    RasterInfo info = imgs.value().info(t.index());
                    DataType type = outputType != null ? outputType : info.dataType();
                    Double outNodata = OutputNodata.of(info, imgs.value().nodataOf(t.index()), outputType);
                    pixels.add((long) info.width() * info.height()); // for the progress line
                    try (GeoTiffReader reader = GeoTiffReader.open(info.location(), conf)) {
                        double inNodata = imgs.value().nodata()[t.index()];
                        RasterSource source = FaultInjection.maybeFailing(RasterSource.of(info.width(), info.height(),
                                info.bandCount(), type, w -> CorrectionApplier.apply(reader.read(w), w, inNodata,
                                        t.correction(), type, outNodata)));
                        return CogWriter.write(source, GeoMetadata.of(info).withNodata(outNodata), t.output(), conf,
                                options);
                    }
                }, committed);
    }
}
