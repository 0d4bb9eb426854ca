package io.radnorm.spark.pipeline;

import io.radnorm.algorithms.stats.CellPixels;
import io.radnorm.algorithms.stats.CollectionStatistics;
import io.radnorm.algorithms.stats.ImageWindow;
import io.radnorm.spark.CellAggregator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** Whole-image moments only: what {@code --blocks cv} needs before the block grid exists. */
final class WholeStatisticsAggregator implements CellAggregator<CollectionStatistics> {

    private final int bandCount;

    WholeStatisticsAggregator(int bandCount) {
        this.bandCount = bandCount;
    }

    @Override
    public CollectionStatistics zero() {
        return new CollectionStatistics(bandCount);
    }

    @Override
    public void add(Envelope cell, List<ImageWindow> windows, CollectionStatistics into) {
        CellPixels.visitOwnedPixels(cell, windows, bandCount, into);
    }

    @Override
    public CollectionStatistics merge(CollectionStatistics a, CollectionStatistics b) {
        return a.merge(b);
    }
}
