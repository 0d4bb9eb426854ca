package io.radnorm.spark.pipeline;

import io.radnorm.algorithms.local.BlockGrid;
import io.radnorm.algorithms.local.BlockSums;
import io.radnorm.algorithms.stats.CellPixels;
import io.radnorm.algorithms.stats.CollectionStatistics;
import io.radnorm.algorithms.stats.ImageWindow;
import io.radnorm.spark.CellAggregator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Both statistics of the pipeline from one decode of each cell's windows. Without a global step
 * ({@code overlaps == false}) only whole-image moments are kept alongside the block sums.
 */
public final class PipelineStatisticsAggregator implements CellAggregator<PipelineStatistics> {

    private final int bandCount;
    private final BlockGrid grid;
    private final boolean overlaps;

    public PipelineStatisticsAggregator(int bandCount, BlockGrid grid, boolean overlaps) {
        this.bandCount = bandCount;
        this.grid = grid;
        this.overlaps = overlaps;
    }

    @Override
    public PipelineStatistics zero() {
        return new PipelineStatistics(new CollectionStatistics(bandCount), new BlockSums(grid, bandCount));
    }

    @Override
    public void add(Envelope cell, List<ImageWindow> windows, PipelineStatistics into) {
        if (overlaps) {
            CellPixels.visit(cell, windows, bandCount, into.overlaps());
        } else {
            CellPixels.visitOwnedPixels(cell, windows, bandCount, into.overlaps());
        }
        into.blocks().addCell(cell, windows);
    }

    @Override
    public PipelineStatistics merge(PipelineStatistics a, PipelineStatistics b) {
        return a.merge(b);
    }
}
