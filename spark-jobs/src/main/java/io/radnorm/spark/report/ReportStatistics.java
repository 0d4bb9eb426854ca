package io.radnorm.spark.report;

import io.radnorm.algorithms.stats.CellVisitor;
import io.radnorm.algorithms.stats.CollectionStatistics;
import io.radnorm.algorithms.stats.SeamStatistics;
import java.io.Serializable;

/**
 * What a report measures of one collection in one read pass: each image's whole-image moments per
 * band (for the mean spectral profiles) and the seam metric of every overlapping pair.
 */
public record ReportStatistics(CollectionStatistics images, SeamStatistics seams)
        implements Serializable, CellVisitor {

    public ReportStatistics(int bandCount) {
        this(new CollectionStatistics(bandCount), new SeamStatistics(bandCount));
    }

    @Override
    public void pixel(int image, int band, double value) {
        images.pixel(image, band, value);
    }

    @Override
    public void pixels(int image, int band, double[] values, int count) {
        images.pixels(image, band, values, count);
    }

    @Override
    public void pair(int i, int j, int band, double x, double y, double valueI, double valueJ) {
        seams.pair(i, j, band, x, y, valueI, valueJ);
    }

    @Override
    public void pairs(int i, int j, int band, double y, double[] xs, double[] valuesI, double[] valuesJ, int count) {
        seams.pairs(i, j, band, y, xs, valuesI, valuesJ, count);
    }

    public ReportStatistics merge(ReportStatistics other) {
        images.merge(other.images);
        seams.merge(other.seams);
        return this;
    }
}
