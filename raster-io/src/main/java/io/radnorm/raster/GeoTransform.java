package io.radnorm.raster;

import java.io.Serializable;
import org.locationtech.jts.geom.Envelope;

/**
 * The affine map from pixel (column, row) to map coordinates, in GDAL's coefficient order:
 * {@code X = originX + col·pixelWidth + row·rowRotation},
 * {@code Y = originY + col·columnRotation + row·pixelHeight}.
 *
 * <p>Pixel coordinates address pixel <em>corners</em>: (0, 0) is the top-left corner of the
 * top-left pixel and (0.5, 0.5) its centre (GDAL's convention, PixelIsArea). For north-up images
 * the rotations are 0 and {@code pixelHeight} is negative.
 */
public record GeoTransform(double originX, double pixelWidth, double rowRotation,
                           double originY, double columnRotation, double pixelHeight) implements Serializable {

    /** From GDAL's six-element array ({@code GetGeoTransform()}). */
    public static GeoTransform fromGdal(double[] gt) {
        return new GeoTransform(gt[0], gt[1], gt[2], gt[3], gt[4], gt[5]);
    }

    /** A north-up transform with square or rectangular pixels. */
    public static GeoTransform northUp(double originX, double originY, double pixelWidth, double pixelHeight) {
        return new GeoTransform(originX, pixelWidth, 0, originY, 0, -Math.abs(pixelHeight));
    }

    public double[] toGdal() {
        return new double[] {originX, pixelWidth, rowRotation, originY, columnRotation, pixelHeight};
    }

    public boolean isNorthUp() {
        return rowRotation == 0 && columnRotation == 0;
    }

    public double x(double col, double row) {
        return originX + col * pixelWidth + row * rowRotation;
    }

    public double y(double col, double row) {
        return originY + col * columnRotation + row * pixelHeight;
    }

    /** Fractional column of map point (x, y): the inverse of {@link #x}/{@link #y}. */
    public double col(double x, double y) {
        double det = pixelWidth * pixelHeight - rowRotation * columnRotation;
        return ((x - originX) * pixelHeight - (y - originY) * rowRotation) / det;
    }

    /** Fractional row of map point (x, y). */
    public double row(double x, double y) {
        double det = pixelWidth * pixelHeight - rowRotation * columnRotation;
        return ((y - originY) * pixelWidth - (x - originX) * columnRotation) / det;
    }

    /** The map extent covered by a {@code width × height} pixel grid (all four corners). */
    public Envelope bounds(int width, int height) {
        Envelope e = new Envelope(x(0, 0), x(width, height), y(0, 0), y(width, height));
        e.expandToInclude(x(width, 0), y(width, 0));
        e.expandToInclude(x(0, height), y(0, height));
        return e;
    }

    /** The map extent of a window of this grid. */
    public Envelope bounds(Window w) {
        return window(w.x(), w.y()).bounds(w.width(), w.height());
    }

    /** The transform of the grid whose (0, 0) is pixel (col, row) of this one. */
    public GeoTransform window(double col, double row) {
        return new GeoTransform(x(col, row), pixelWidth, rowRotation, y(col, row), columnRotation, pixelHeight);
    }

    /** The transform of this grid resampled by {@code factorX × factorY} (an overview level). */
    public GeoTransform scaled(double factorX, double factorY) {
        return new GeoTransform(originX, pixelWidth * factorX, rowRotation * factorY,
                originY, columnRotation * factorX, pixelHeight * factorY);
    }
}
