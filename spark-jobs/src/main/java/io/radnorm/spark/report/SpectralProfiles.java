package io.radnorm.spark.report;

import io.radnorm.algorithms.stats.CollectionStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * Each image's mean per band, before and after: what the spectral-profile chart draws.
 *
 * @param images names of the before images; element i of {@code before}/{@code after} belongs to image i
 * @param before per image, the mean of each band (NaN where the image has no valid pixel)
 */
public record SpectralProfiles(List<String> images, List<double[]> before, List<double[]> after) {

    public static SpectralProfiles of(List<String> images, CollectionStatistics before, CollectionStatistics after) {
        return new SpectralProfiles(List.copyOf(images), means(before, images.size()), means(after, images.size()));
    }

    private static List<double[]> means(CollectionStatistics s, int images) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            double[] m = new double[s.bandCount()];
            for (int b = 0; b < m.length; b++) {
                m[b] = s.wholeMoments(i, b).mean();
            }
            out.add(m);
        }
        return out;
    }
}
