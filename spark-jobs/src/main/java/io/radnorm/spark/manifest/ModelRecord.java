package io.radnorm.spark.manifest;

import io.radnorm.algorithms.local.BlockGrid;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * The saved model of a run, under {@code _radnorm/}: the global model in the adjustments JSON
 * layout ({@link io.radnorm.spark.global.AdjustmentsJson}) and, for {@code pipeline}/{@code local},
 * the block grid, the reference block map and, per image, the local block map, the block map it
 * is brought to and its per-band shifts — everything the apply pass needs, so that a resumed run
 * applies bit for bit the model the interrupted one applied without a statistics pass.
 *
 * @param grid {@code null} for {@code global}
 * @param reference {@code null} for {@code global}
 * @param images per image name; empty for {@code global}
 */
public record ModelRecord(SavedFile adjustments, Grid grid, SavedFile reference, Map<String, ImageBlocks> images) {

    /** The block grid, exactly (doubles survive JSON unchanged). */
    public record Grid(double minX, double minY, double maxX, double maxY, int rows, int cols) {
        static Grid of(BlockGrid g) {
            Envelope e = g.canvas();
            return new Grid(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), g.rows(), g.cols());
        }

        BlockGrid toBlockGrid() {
            return new BlockGrid(new Envelope(minX, maxX, minY, maxY), rows, cols);
        }
    }

    /**
     * @param target the map the image is brought to: the reference file itself, or its own overlap reference
     * @param shifts the local correction's shift per band ({@code null} entries are NaN)
     */
    public record ImageBlocks(SavedFile local, SavedFile target, Double[] shifts) {
    }
}
