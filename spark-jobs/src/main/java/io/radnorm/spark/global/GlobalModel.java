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
        return new GainOffsetCorrection(gainOffsets(i));
    }

    /** The model that changes nothing: gain 1, offset 0 for every image and band (local-only runs). */
    public static GlobalModel identity(RasterCollection images, StatisticsTable statistics) {
        List<GainOffsetModel> bands = new ArrayList<>();
        List<GainOffset> ones = java.util.Collections.nCopies(images.size(), GainOffset.IDENTITY);
        for (int b = 0; b < images.bandCount(); b++) {
            bands.add(new GainOffsetModel(images.names(), ones, List.of(), 0, 0));
        }
        return new GlobalModel(images, statistics, bands);
    }

    /** Image {@code i}'s gain and offset per band. */
    public List<GainOffset> gainOffsets(int i) {
        List<GainOffset> perBand = new ArrayList<>();
        for (GainOffsetModel m : bands) {
            perBand.add(m.gainOffset(i));
        }
        return perBand;
    }

    /** Images that overlap no model image and were anchored to their own statistics, in any band. */
    public Set<String> unanchoredImages() {
        Set<String> out = new LinkedHashSet<>();
        bands.forEach(b -> out.addAll(b.unanchoredImages()));
        return out;
    }
}
