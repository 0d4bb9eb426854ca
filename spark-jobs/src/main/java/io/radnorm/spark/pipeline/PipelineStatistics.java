package io.radnorm.spark.pipeline;

import io.radnorm.algorithms.local.BlockSums;
import io.radnorm.algorithms.stats.CollectionStatistics;
import java.io.Serializable;

/**
 * Everything the pipeline's first read pass gathers, in one mergeable object: the global
 * regression's whole-image and overlap moments, and each image's <em>raw</em> block sums and counts
 * (from which post-global block means follow exactly: the mean of a·x + b is a·mean + b).
 */
public record PipelineStatistics(CollectionStatistics overlaps, BlockSums blocks) implements Serializable {

    public PipelineStatistics merge(PipelineStatistics other) {
        overlaps.merge(other.overlaps);
        blocks.merge(other.blocks);
        return this;
    }
}
