package io.radnorm.spark;

import io.radnorm.algorithms.stats.CellPixels;
import io.radnorm.algorithms.stats.ImageWindow;
import io.radnorm.algorithms.stats.SeamStatistics;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** The seam metric (per pair and band: mean absolute difference and RMSE over the overlap). */
public final class SeamAggregator implements CellAggregator<SeamStatistics> {

    private final int bandCount;

    public SeamAggregator(int bandCount) {
        this.bandCount = bandCount;
    }

    @Override
    public SeamStatistics zero() {
        return new SeamStatistics(bandCount);
    }

    @Override
    public void add(Envelope cell, List<ImageWindow> windows, SeamStatistics into) {
        CellPixels.visit(cell, windows, bandCount, into);
    }

    @Override
    public SeamStatistics merge(SeamStatistics a, SeamStatistics b) {
        return a.merge(b);
    }
}
