package io.radnorm.spark.report;

import io.radnorm.raster.RasterInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches corrected images to the images they were made from, by file name: an "after" file
 * belongs to the "before" file whose name (without folder and extension) is the longest prefix of
 * its own. radnorm's output templates put the input's name first ({@code $_Normalized.tif},
 * {@code $_Global.tif}, {@code $_Local.tif}), so {@code a.tif} ↔ {@code a_Normalized.tif}; the
 * longest prefix wins so that {@code a_1_Normalized} goes to {@code a_1}, not {@code a}.
 *
 * <p>Every before file must get exactly one after file and vice versa; otherwise the error names
 * every file left unmatched (or matched twice).
 */
public final class BeforeAfterPairing {

    private BeforeAfterPairing() {
    }

    /**
     * The after files reordered to the order of {@code before}: element i is the correction of
     * {@code before.get(i)}.
     */
    public static List<RasterInfo> pair(List<RasterInfo> before, List<RasterInfo> after) {
        RasterInfo[] matched = new RasterInfo[before.size()];
        List<String> problems = new ArrayList<>();
        for (RasterInfo a : after) {
            int best = -1;
            for (int i = 0; i < before.size(); i++) {
                String name = before.get(i).name();
                if (a.name().startsWith(name) && (best < 0 || name.length() > before.get(best).name().length())) {
                    best = i;
                }
            }
            if (best < 0) {
                problems.add(a.location() + " matches no --before file (its name must start with one's name)");
            } else if (matched[best] != null) {
                problems.add(a.location() + " and " + matched[best].location() + " both match "
                        + before.get(best).location());
            } else {
                matched[best] = a;
            }
        }
        for (int i = 0; i < before.size(); i++) {
            if (matched[i] == null) {
                problems.add(before.get(i).location() + " has no --after file (none is named " + before.get(i).name()
                        + "*)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot pair before and after images: " + String.join("; ", problems));
        }
        return List.of(matched);
    }
}
