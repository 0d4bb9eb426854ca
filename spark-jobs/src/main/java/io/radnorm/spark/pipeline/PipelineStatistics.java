package io.radnorm.spark.pipeline;

import io.radnorm.algorithms.local.BlockPairSums;
import io.radnorm.algorithms.local.BlockSums;
import io.radnorm.algorithms.stats.CellVisitor;
import io.radnorm.algorithms.stats.CollectionStatistics;
import java.io.Serializable;

/**
 * Everything the pipeline's first read pass gathers, in one mergeable object: the global
 * regression's whole-image and overlap moments, each image's <em>raw</em> block sums and counts
 * (from which post-global block means follow exactly: the mean of a·x + b is a·mean + b), and the
 * per-block sums of every overlapping pair (for the overlap-consistent reference maps).
 */
public record PipelineStatistics(CollectionStatistics overlaps, BlockSums blocks, BlockPairSums blockPairs)
        implements Serializable, CellVisitor {

    @Override
    public void pixel(int image, int band, double value) {
        overlaps.pixel(image, band, value);
    }

    @Override
    public void pair(int i, int j, int band, double x, double y, double valueI, double valueJ) {
        overlaps.pair(i, j, band, x, y, valueI, valueJ);
        blockPairs.pair(i, j, band, x, y, valueI, valueJ);
    }

    @Override
    public void pixels(int image, int band, double[] values, int count) {
        overlaps.pixels(image, band, values, count);
    }

    @Override
    public void pairs(int i, int j, int band, double y, double[] xs, double[] valuesI, double[] valuesJ, int count) {
        overlaps.pairs(i, j, band, y, xs, valuesI, valuesJ, count);
        blockPairs.pairs(i, j, band, y, xs, valuesI, valuesJ, count);
    }

    public PipelineStatistics merge(PipelineStatistics other) {
        overlaps.merge(other.overlaps);
        blocks.merge(other.blocks);
        blockPairs.merge(other.blockPairs);
        return this;
    }
}
