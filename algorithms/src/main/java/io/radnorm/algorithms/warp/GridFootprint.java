package io.radnorm.algorithms.warp;

import io.radnorm.raster.GeoTransform;
import org.locationtech.jts.geom.Envelope;

/**
 * An image grid seen from another CRS: its extent and pixel size there, as gdalwarp estimates them
 * to suggest an output grid.
 */
public final class GridFootprint {

    /** Points per edge, as GDAL's suggested-output sampling (21). */
    static final int EDGE_POINTS = 21;

    private GridFootprint() {
    }

    /**
     * The bounding box, in the other CRS, of the image's outline sampled at 21 points per edge
     * (corners included). Between grids of one CRS this is the exact extent.
     *
     * @param toTarget image CRS → other CRS
     */
    public static Envelope extent(GeoTransform gt, int width, int height, PointTransform toTarget) {
        int n = 4 * (EDGE_POINTS - 1);
        double[] xy = new double[2 * n];
        int k = 0;
        for (int i = 0; i < EDGE_POINTS - 1; i++) {
            double t = (double) i / (EDGE_POINTS - 1);
            k = put(xy, k, gt, t * width, 0);
            k = put(xy, k, gt, width, t * height);
            k = put(xy, k, gt, width - t * width, height);
            k = put(xy, k, gt, 0, height - t * height);
        }
        toTarget.transform(xy, n);
        Envelope e = new Envelope();
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(xy[2 * i]) && Double.isFinite(xy[2 * i + 1])) {
                e.expandToInclude(xy[2 * i], xy[2 * i + 1]);
            }
        }
        if (e.isNull()) {
            throw new IllegalArgumentException("the image's outline has no image in the target CRS");
        }
        return e;
    }

    /**
     * The image's (x, y) pixel size in the other CRS. In one CRS: the geotransform's own pixel size.
     * Across CRSs: square pixels from the diagonal, as gdalwarp suggests them — the distance between
     * where the top-left and bottom-right corners land, over the diagonal's length in pixels.
     */
    public static double[] pixelSize(GeoTransform gt, int width, int height, PointTransform toTarget) {
        if (toTarget == PointTransform.IDENTITY) {
            return new double[] {Math.hypot(gt.pixelWidth(), gt.columnRotation()),
                Math.hypot(gt.rowRotation(), gt.pixelHeight())};
        }
        double[] xy = {gt.x(0, 0), gt.y(0, 0), gt.x(width, height), gt.y(width, height)};
        toTarget.transform(xy, 2);
        double d = Math.hypot(xy[2] - xy[0], xy[3] - xy[1]) / Math.hypot(width, height);
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("cannot estimate the pixel size in the target CRS");
        }
        return new double[] {d, d};
    }

    /**
     * The extent gdalwarp works from when it is given a resolution: the one of its suggested output
     * grid — the extent's top-left corner, and as many pixels of the image's own estimated size
     * ({@link #pixelSize}) as fit, rounded: {@code n = (int) (width / size + 0.5)}. gdalwarp's
     * {@code -tr} and {@code -tap} then apply to this extent, not to the raw outline.
     */
    public static Envelope suggestedExtent(Envelope extent, double[] pixelSize) {
        int w = (int) (extent.getWidth() / pixelSize[0] + 0.5), h = (int) (extent.getHeight() / pixelSize[1] + 0.5);
        return new Envelope(extent.getMinX(), extent.getMinX() + Math.max(1, w) * pixelSize[0],
                extent.getMaxY() - Math.max(1, h) * pixelSize[1], extent.getMaxY());
    }

    private static int put(double[] xy, int k, GeoTransform gt, double c, double r) {
        xy[2 * k] = gt.x(c, r);
        xy[2 * k + 1] = gt.y(c, r);
        return k + 1;
    }
}
