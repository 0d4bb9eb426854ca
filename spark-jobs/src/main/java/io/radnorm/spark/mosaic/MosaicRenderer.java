package io.radnorm.spark.mosaic;

import io.radnorm.algorithms.Validity;
import io.radnorm.algorithms.mask.PolygonMask;
import io.radnorm.raster.DataType;
import io.radnorm.raster.Raster;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.Window;
import io.radnorm.raster.tiff.GeoTiffReader;
import io.radnorm.spark.cog.WindowRenderer;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Renders any window of a mosaic from the images on its grid: the pixel side of {@link Merge}.
 *
 * <p>Images are visited in precedence order; each band of each pixel takes the value of the first
 * image that has a valid sample there (not nodata, not NaN) and, with seamlines, whose polygon
 * contains the pixel centre. Only the images whose placement meets the window are read, each only
 * over the part it covers, and the visit stops once every sample is filled.
 *
 * @param images    headers in precedence order
 * @param placement each image's window in mosaic pixels
 * @param nodata    each image's nodata (NaN: only NaN is invalid)
 * @param seamlines each image's polygon in mosaic pixels, or {@code null} entries / list for none
 */
record MosaicRenderer(List<RasterInfo> images, List<Window> placement, double[] nodata,
                      List<PolygonMask> seamlines, int bands, DataType type, Double outNodata)
        implements WindowRenderer {

    @Override
    public Raster render(Window w, Configuration conf) throws IOException {
        Raster out = Raster.allocate(type, w.width(), w.height(), bands);
        double fill = type.fillValue(outNodata);
        boolean[] filled = new boolean[w.width() * w.height() * bands];
        if (fill != 0) {
            for (int i = 0; i < filled.length; i++) {
                out.setAt(i, fill);
            }
        }
        int remaining = filled.length;
        double[] row = new double[w.width()];
        for (int k = 0; k < images.size() && remaining > 0; k++) {
            Window part = placement.get(k).intersection(w);
            if (part.isEmpty()) {
                continue;
            }
            boolean[] inside = seamlines == null || seamlines.get(k) == null ? null
                    : seamlines.get(k).rasterize(part, false);
            if (inside != null && !anyTrue(inside)) {
                continue;
            }
            Window local = new Window(part.x() - placement.get(k).x(), part.y() - placement.get(k).y(),
                    part.width(), part.height());
            Raster src;
            try (GeoTiffReader r = GeoTiffReader.open(images.get(k).location(), conf)) {
                src = r.read(local);
            }
            double nd = nodata[k];
            boolean sameType = src.dataType() == type;
            for (int b = 0; b < bands; b++) {
                for (int y = 0; y < part.height(); y++) {
                    src.readRow(b, 0, y, part.width(), row);
                    int o = out.index(b, part.x() - w.x(), part.y() - w.y() + y);
                    for (int x = 0; x < part.width(); x++) {
                        if (filled[o + x] || !Validity.isValid(row[x], nd)
                                || (inside != null && !inside[y * part.width() + x])) {
                            continue;
                        }
                        out.setAt(o + x, sameType ? row[x] : type.toStorableAvoiding(row[x], outNodata));
                        filled[o + x] = true;
                        remaining--;
                    }
                }
            }
        }
        return out;
    }

    private static boolean anyTrue(boolean[] a) {
        for (boolean v : a) {
            if (v) {
                return true;
            }
        }
        return false;
    }
}
