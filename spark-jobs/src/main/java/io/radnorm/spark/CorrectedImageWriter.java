package io.radnorm.spark;

import io.radnorm.algorithms.correction.PixelCorrection;
import io.radnorm.raster.DataType;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.raster.tiff.CogWriter;
import io.radnorm.raster.tiff.GeoMetadata;
import io.radnorm.raster.tiff.GeoTiffReader;
import java.io.Serializable;
import java.util.ArrayList;
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
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        for (Target t : targets) { // fail before any task runs, naming the file
            outputNodata(images.info(t.index()), images.nodataOf(t.index()), outputType);
        }
        Broadcast<RasterCollection> imgs = jsc.broadcast(images);
        Broadcast<List<Target>> work = jsc.broadcast(new ArrayList<>(targets));
        Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration()));
        List<Integer> slots = new ArrayList<>();
        for (int k = 0; k < targets.size(); k++) {
            slots.add(k);
        }
        jsc.setJobDescription("radnorm: " + stageName + " (" + targets.size() + " images)");
        org.apache.spark.util.LongAccumulator pixels = ProgressReporter.pixelCounter(jsc.sc());
        try {
            return jsc.parallelize(slots, Math.max(1, slots.size())).map(k -> {
                Target t = work.value().get(k);
                RasterInfo info = imgs.value().info(t.index());
                DataType type = outputType != null ? outputType : info.dataType();
                Double outNodata = outputNodata(info, imgs.value().nodataOf(t.index()), outputType);
                pixels.add((long) info.width() * info.height()); // for the progress line
                try (GeoTiffReader reader = GeoTiffReader.open(info.location(), conf.value().get())) {
                    CorrectedRasterSource source = new CorrectedRasterSource(reader, imgs.value().nodata()[t.index()],
                            t.correction(), type, outNodata);
                    return CogWriter.write(source, GeoMetadata.of(info).withNodata(outNodata), t.output(),
                            conf.value().get(), options);
                }
            }).collect();
        } finally {
            jsc.setJobDescription(null);
        }
    }

    /**
     * The output's nodata: the input's (or the --nodata override) when the output type can hold
     * it; none when the input has none. A nodata the output type cannot hold is an error: silently
     * dropping it would turn every hole into data.
     */
    static Double outputNodata(RasterInfo info, Double nodata, DataType outputType) {
        DataType type = outputType != null ? outputType : info.dataType();
        if (nodata == null) {
            return null;
        }
        if (!type.canRepresent(nodata)) {
            throw new IllegalArgumentException(info.location() + ": nodata " + nodata + " cannot be stored as "
                    + type.gdalName() + "; choose another --output-dtype or --nodata");
        }
        return nodata;
    }
}
