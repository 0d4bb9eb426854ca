package io.radnorm.cli;

import io.radnorm.algorithms.local.LocalAdjustmentSettings;
import io.radnorm.algorithms.local.LocalCorrectionMethod;
import io.radnorm.algorithms.local.ReferenceMode;
import io.radnorm.raster.RasterInfo;
import io.radnorm.spark.pipeline.BlockLayout;
import io.radnorm.spark.pipeline.Pipeline;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine.Option;

/** The local block adjustment's options, shared by {@code local} and {@code pipeline}. */
public final class LocalOptions {

    @Option(names = "--blocks", defaultValue = "100", paramLabel = "N|RxC|cv",
            description = "Block grid: N blocks per image (rows and columns from the canvas aspect ratio), "
                    + "RxC explicitly, or cv: rows = cols = max(1, round(10*CV/0.36)) with CV = std/mean of all "
                    + "valid band-1 pixels (one extra read).")
    String blocks;

    @Option(names = "--method", defaultValue = "gamma", paramLabel = "gamma|linear",
            description = "gamma: out = alpha * x^(ln Mref / ln Mloc); linear: out = x * Mref / Mloc.")
    String method;

    @Option(names = "--reference", defaultValue = "overlap", paramLabel = "overlap|mean",
            description = "overlap: each image's reference block means come from comparing it with the other images "
                    + "over the same pixels of each block (no seams from partly covered blocks); mean: one reference "
                    + "map, the mean of the images' block maps (Yu et al., spectralmatch).")
    String reference;

    @Option(names = "--alpha", defaultValue = "1", description = "Gain of the gamma correction.")
    double alpha;

    @Option(names = "--block-valid-threshold", defaultValue = "0.001", paramLabel = "FRACTION",
            description = "A block whose valid pixels cover less than this fraction of it is empty.")
    double blockValidThreshold;

    @Option(names = "--canvas", paramLabel = "MINX,MINY,MAXX,MAXY",
            description = "Extent of the block grid (default: the union of the inputs).")
    String canvas;

    @Option(names = "--save-block-maps", arity = "1..2", paramLabel = "REF [LOCAL_TEMPLATE]",
            description = "Write the reference block map (and each image's, e.g. 'maps/$_blocks.tif') as GeoTIFFs.")
    List<String> saveBlockMaps;

    @Option(names = "--load-block-maps", arity = "1..*", paramLabel = "REF [LOCAL...]",
            description = "Bring the images to a saved reference block map; saved local maps named "
                    + "<image>_blocks.tif are reused instead of measured.")
    List<String> loadBlockMaps;

    LocalAdjustmentSettings settings() {
        return LocalAdjustmentSettings.DEFAULT.withMethod(LocalCorrectionMethod.parse(method)).withAlpha(alpha)
                .withBlockValidThreshold(blockValidThreshold);
    }

    void configure(Pipeline.Builder b) {
        b.localSettings(settings()).blocks(BlockLayout.parse(blocks)).referenceMode(ReferenceMode.parse(reference));
        if (canvas != null) {
            String[] p = canvas.split(",");
            if (p.length != 4) {
                throw new IllegalArgumentException("--canvas takes minx,miny,maxx,maxy, not '" + canvas + "'");
            }
            b.canvas(new Envelope(Double.parseDouble(p[0].trim()), Double.parseDouble(p[2].trim()),
                    Double.parseDouble(p[1].trim()), Double.parseDouble(p[3].trim())));
        }
        if (loadBlockMaps != null) {
            b.loadReference(loadBlockMaps.get(0));
            for (String local : loadBlockMaps.subList(1, loadBlockMaps.size())) {
                String name = RasterInfo.baseName(local);
                b.loadLocal(name.endsWith("_blocks") ? name.substring(0, name.length() - "_blocks".length()) : name,
                        local);
            }
        }
    }
}
