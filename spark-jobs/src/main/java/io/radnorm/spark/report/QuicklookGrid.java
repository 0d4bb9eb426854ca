package io.radnorm.spark.report;

import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Window;
import java.io.Serializable;
import org.locationtech.jts.geom.Envelope;

/**
 * The small north-up grid a quick-look is drawn on: the extent's long side is {@code longSide}
 * square pixels, the short side as many as cover it (at least one).
 *
 * @param originX   map x of the left edge
 * @param originY   map y of the top edge
 * @param pixelSize side of a pixel in map units
 */
public record QuicklookGrid(double originX, double originY, double pixelSize, int width, int height)
        implements Serializable {

    public static QuicklookGrid of(Envelope extent, int longSide) {
        if (longSide < 1) {
            throw new IllegalArgumentException("quick-look size must be at least 1, got " + longSide);
        }
        double p = Math.max(extent.getWidth(), extent.getHeight()) / longSide;
        int w = extent.getWidth() >= extent.getHeight() ? longSide : Math.max(1, (int) Math.ceil(extent.getWidth() / p - 1e-9));
        int h = extent.getHeight() > extent.getWidth() ? longSide : Math.max(1, (int) Math.ceil(extent.getHeight() / p - 1e-9));
        return new QuicklookGrid(extent.getMinX(), extent.getMaxY(), p, w, h);
    }

    public GeoTransform transform() {
        return GeoTransform.northUp(originX, originY, pixelSize, pixelSize);
    }

    /** The pixels of this grid whose area meets {@code bounds} (possibly empty). */
    public Window covering(Envelope bounds) {
        int x0 = Math.max(0, (int) Math.floor((bounds.getMinX() - originX) / pixelSize));
        int x1 = Math.min(width, (int) Math.ceil((bounds.getMaxX() - originX) / pixelSize));
        int y0 = Math.max(0, (int) Math.floor((originY - bounds.getMaxY()) / pixelSize));
        int y1 = Math.min(height, (int) Math.ceil((originY - bounds.getMinY()) / pixelSize));
        return new Window(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }
}
