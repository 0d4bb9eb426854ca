package io.radnorm.spark.global;

import io.radnorm.algorithms.global.GainOffset;
import io.radnorm.algorithms.global.GainOffsetCorrection;
import io.radnorm.algorithms.global.GainOffsetModel;
import io.radnorm.spark.RasterCollection;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The solved global regression: per image and band a gain and an offset, with the statistics it
 * was solved from. Small (a few numbers per image), so it lives on the driver, is broadcast to the
 * executors that apply it, and can be inspected in a notebook.
 *
 * @param bands one solved model per band, images in {@link #names()} order
 */
public record GlobalModel(RasterCollection images, StatisticsTable statistics, List<GainOffsetModel> bands)
        implements Serializable {

    public List<String> names() {
        return images.names();
    }

    public GainOffset gainOffset(String image, int band) {
        return bands.get(band).gainOffset(image);
    }

    /** The correction of image {@code i}, all bands. */
    public GainOffsetCorrection correction(int i) {
        List<GainOffset> perBand = new ArrayList<>();
        for (GainOffsetModel m : bands) {
            perBand.add(m.gainOffset(i));
        }
        return new GainOffsetCorrection(perBand);
    }

    /** Images that overlap no model image and were anchored to their own statistics, in any band. */
    public Set<String> unanchoredImages() {
        Set<String> out = new LinkedHashSet<>();
        bands.forEach(b -> out.addAll(b.unanchoredImages()));
        return out;
    }
}
