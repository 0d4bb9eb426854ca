package io.radnorm.spark.global;

import io.radnorm.algorithms.stats.CellPixels;
import io.radnorm.algorithms.stats.CollectionStatistics;
import io.radnorm.algorithms.stats.ImageWindow;
import io.radnorm.spark.CellAggregator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** Whole-image and pairwise-overlap moments, per band: the statistics of the global regression. */
public final class OverlapStatisticsAggregator implements CellAggregator<CollectionStatistics> {

    private final int bandCount;

    public OverlapStatisticsAggregator(int bandCount) {
        this.bandCount = bandCount;
    }

    @Override
    public CollectionStatistics zero() {
        return new CollectionStatistics(bandCount);
    }

    @Override
    public void add(Envelope cell, List<ImageWindow> windows, CollectionStatistics into) {
        CellPixels.visit(cell, windows, bandCount, into);
    }

    @Override
    public CollectionStatistics merge(CollectionStatistics a, CollectionStatistics b) {
        return a.merge(b);
    }
}
