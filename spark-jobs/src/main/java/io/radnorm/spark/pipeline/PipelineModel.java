package io.radnorm.spark.pipeline;

import io.radnorm.algorithms.correction.PixelCorrection;
import io.radnorm.algorithms.global.GainOffsetCorrection;
import io.radnorm.algorithms.local.BlockGrid;
import io.radnorm.algorithms.local.BlockMap;
import io.radnorm.algorithms.local.LocalAdjustmentSettings;
import io.radnorm.algorithms.local.LocalBlockCorrection;
import io.radnorm.spark.RasterCollection;
import io.radnorm.spark.global.GlobalModel;
import java.io.Serializable;
import java.util.List;

/**
 * The solved global-to-local normalization: the global model (identity for a local-only run),
 * the block grid, the reference block map and each image's post-global local block map, and each
 * image's local correction (which carries its one shift per band). Small: statistics, never
 * pixels; broadcast once to the executors that apply it.
 */
public record PipelineModel(GlobalModel global, BlockGrid grid, BlockMap reference, List<BlockMap> locals,
                            List<LocalBlockCorrection> localCorrections, LocalAdjustmentSettings settings)
        implements Serializable {

    public RasterCollection images() {
        return global.images();
    }

    /** Global then local, in floating point, for image {@code i}. */
    public PixelCorrection correction(int i) {
        GainOffsetCorrection g = global.correction(i);
        return g.andThen(localCorrections.get(i));
    }
}
