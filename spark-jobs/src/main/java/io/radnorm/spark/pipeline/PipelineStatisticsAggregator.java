package io.radnorm.spark.pipeline;

import io.radnorm.algorithms.local.BlockGrid;
import io.radnorm.algorithms.local.BlockPairSums;
import io.radnorm.algorithms.local.BlockSums;
import io.radnorm.algorithms.stats.CellPixels;
import io.radnorm.algorithms.stats.CollectionStatistics;
import io.radnorm.algorithms.stats.ImageWindow;
import io.radnorm.spark.CellAggregator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** All statistics of the pipeline from one decode of each cell's windows. */
public final class PipelineStatisticsAggregator implements CellAggregator<PipelineStatistics> {

    private final int bandCount;
    private final BlockGrid grid;

    public PipelineStatisticsAggregator(int bandCount, BlockGrid grid) {
        this.bandCount = bandCount;
        this.grid = grid;
    }

    @Override
    public PipelineStatistics zero() {
        return new PipelineStatistics(new CollectionStatistics(bandCount), new BlockSums(grid, bandCount),
                new BlockPairSums(grid, bandCount));
    }

    @Override
    public void add(Envelope cell, List<ImageWindow> windows, PipelineStatistics into) {
        CellPixels.visit(cell, windows, bandCount, into);
        into.blocks().addCell(cell, windows);
    }

    @Override
    public PipelineStatistics merge(PipelineStatistics a, PipelineStatistics b) {
        return a.merge(b);
    }
}
