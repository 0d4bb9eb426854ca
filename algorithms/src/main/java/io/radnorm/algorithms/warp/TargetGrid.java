package io.radnorm.algorithms.warp;

import io.radnorm.raster.GeoTransform;
import io.radnorm.raster.Window;
import java.io.Serializable;
import org.locationtech.jts.geom.Envelope;

/**
 * A north-up pixel grid to resample onto: its geotransform and size, and the rules that derive it
 * from an extent and a resolution, as gdalwarp derives its output grid from {@code -tr} and
 * {@code -tap}.
 *
 * <ul>
 *   <li>{@link #covering(Envelope, double, double, boolean) covering} without tap: origin at the
 *       extent's top-left corner, {@code width = (int) ((maxX − minX) / resX + 0.5)} (gdalwarp's
 *       rounding), likewise the height.</li>
 *   <li>With tap (target-aligned pixels): the extent is first snapped outward to multiples of the
 *       resolution — {@code minX = floor(minX / resX) · resX}, {@code maxX = ceil(maxX / resX) · resX},
 *       likewise y — exactly as gdalwarp's {@code -tap}.</li>
 *   <li>{@link #onLattice onLattice}: the left and top edges snapped outward to a lattice anchored at
 *       a given origin, the size then rounded as without tap: how several images are put on one
 *       shared grid without tap (the lattice anchored at the top-left of their union).</li>
 * </ul>
 */
public record TargetGrid(GeoTransform transform, int width, int height) implements Serializable {

    /** Shifts below this fraction of a pixel are rounding noise, not a different lattice. */
    private static final double SNAP = 1e-6;

    public TargetGrid {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("empty target grid " + width + "x" + height);
        }
    }

    public static TargetGrid covering(Envelope extent, double resX, double resY, boolean tap) {
        double minX = extent.getMinX(), maxX = extent.getMaxX(), minY = extent.getMinY(), maxY = extent.getMaxY();
        if (tap) {
            minX = Math.floor(minX / resX) * resX;
            maxX = Math.ceil(maxX / resX) * resX;
            minY = Math.floor(minY / resY) * resY;
            maxY = Math.ceil(maxY / resY) * resY;
        }
        int w = (int) ((maxX - minX + resX / 2) / resX);
        int h = (int) ((maxY - minY + resY / 2) / resY);
        return new TargetGrid(GeoTransform.northUp(minX, maxY, resX, resY), Math.max(1, w), Math.max(1, h));
    }

    public static TargetGrid onLattice(Envelope extent, double resX, double resY, double originX, double originY) {
        double minX = originX + Math.floor((extent.getMinX() - originX) / resX + SNAP) * resX;
        double maxY = originY - Math.floor((originY - extent.getMaxY()) / resY + SNAP) * resY;
        int w = (int) ((extent.getMaxX() - minX + resX / 2) / resX);
        int h = (int) ((maxY - extent.getMinY() + resY / 2) / resY);
        return new TargetGrid(GeoTransform.northUp(minX, maxY, resX, resY), Math.max(1, w), Math.max(1, h));
    }

    public double resX() {
        return transform.pixelWidth();
    }

    public double resY() {
        return -transform.pixelHeight();
    }

    public Envelope bounds() {
        return transform.bounds(width, height);
    }

    /**
     * Where grid {@code other} lies in this one, if both share this grid's pixel size and lattice
     * (within 1e-6 of a pixel, relative 1e-9 for the size); {@code null} otherwise.
     */
    public Window offsetOf(GeoTransform other, int otherWidth, int otherHeight) {
        if (!sameResolution(transform, other)) {
            return null;
        }
        double c = transform.col(other.originX(), other.originY());
        double r = transform.row(other.originX(), other.originY());
        long ic = Math.round(c), ir = Math.round(r);
        if (Math.abs(c - ic) > SNAP * 1e3 || Math.abs(r - ir) > SNAP * 1e3) {
            return null;
        }
        return new Window((int) ic, (int) ir, otherWidth, otherHeight);
    }

    /** Same pixel size and orientation within a relative 1e-9 (GeoTIFF round trips print ~15 digits). */
    public static boolean sameResolution(GeoTransform a, GeoTransform b) {
        return close(a.pixelWidth(), b.pixelWidth()) && close(a.pixelHeight(), b.pixelHeight())
                && a.rowRotation() == 0 && a.columnRotation() == 0 && b.rowRotation() == 0 && b.columnRotation() == 0;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }
}
