package io.radnorm.raster.crs;

import java.util.Locale;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Point transforms between two CRSs with Apache SIS, for resampling rasters: coordinates in and out
 * are (x = east/longitude, y = north/latitude), whatever axis order the EPSG database declares
 * ({@link AxesConvention#RIGHT_HANDED}), as GeoTIFF grids use them. Two CRSs that are the same
 * ({@link Crs#sameAs}) need no EPSG code and transform as the identity; otherwise both need one.
 *
 * <p>Instances are thread-safe (SIS math transforms are immutable) but not serializable: build one
 * per JVM from the two {@link Crs} values, which are.
 */
public final class CrsTransform {

    private final Crs source;
    private final Crs target;
    private final MathTransform transform;

    private CrsTransform(Crs source, Crs target, MathTransform transform) {
        this.source = source;
        this.target = target;
        this.transform = transform;
    }

    /** The transform from {@code source} coordinates to {@code target} coordinates. */
    public static CrsTransform between(Crs source, Crs target) {
        if (source.sameAs(target)) {
            return new CrsTransform(source, target, null);
        }
        if (!source.hasEpsg() || !target.hasEpsg()) {
            throw new IllegalArgumentException("cannot transform from " + source + " to " + target
                    + ": both CRSs need an EPSG code");
        }
        try {
            CoordinateReferenceSystem from = rightHanded(CrsCatalog.forEpsg(source.epsg()));
            CoordinateReferenceSystem to = rightHanded(CrsCatalog.forEpsg(target.epsg()));
            MathTransform mt = CRS.findOperation(from, to, null).getMathTransform();
            if (mt.getSourceDimensions() != 2 || mt.getTargetDimensions() != 2) {
                throw new IllegalArgumentException("cannot transform from " + source + " to " + target
                        + ": not a 2D operation (" + mt.getSourceDimensions() + "D to " + mt.getTargetDimensions()
                        + "D)");
            }
            return new CrsTransform(source, target, mt);
        } catch (FactoryException e) {
            throw new IllegalArgumentException("no coordinate operation from " + source + " to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * A CRS from the command line: {@code EPSG:32633} (or a bare code), or WKT (1 or 2), which must
     * be identifiable with an EPSG code: GeoTIFF outputs carry the CRS as EPSG GeoKeys.
     */
    public static Crs parse(String text) {
        String t = text.trim();
        String upper = t.toUpperCase(Locale.ROOT);
        try {
            if (upper.startsWith("EPSG:")) {
                return Crs.fromEpsg(Integer.parseInt(t.substring(5).trim()));
            }
            if (t.chars().allMatch(Character::isDigit) && !t.isEmpty()) {
                return Crs.fromEpsg(Integer.parseInt(t));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CRS '" + text + "': not an EPSG code", e);
        }
        try {
            CoordinateReferenceSystem crs = CRS.fromWKT(t);
            Integer code = IdentifiedObjects.lookupEPSG(crs);
            if (code == null) {
                throw new IllegalArgumentException("CRS WKT '" + abbreviate(t) + "' matches no EPSG code; "
                        + "give the target CRS as EPSG:nnnn");
            }
            return Crs.fromEpsg(code);
        } catch (FactoryException e) {
            throw new IllegalArgumentException("CRS '" + abbreviate(t) + "' is neither EPSG:nnnn nor valid WKT: "
                    + e.getMessage(), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static CoordinateReferenceSystem rightHanded(CoordinateReferenceSystem crs) {
        return AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.RIGHT_HANDED);
    }

    public boolean isIdentity() {
        return transform == null;
    }

    public Crs source() {
        return source;
    }

    public Crs target() {
        return target;
    }

    /**
     * Transforms {@code count} interleaved (x, y) points in place; a point outside the operation's
     * domain becomes (NaN, NaN), the others are still transformed.
     */
    public void transform(double[] xy, int count) {
        if (transform == null) {
            return;
        }
        try {
            transform.transform(xy, 0, xy, 0, count);
        } catch (TransformException e) {
            // SIS stops at the first bad point of a batch: redo one by one so only bad points are lost.
            double[] p = new double[2];
            for (int i = 0; i < count; i++) {
                p[0] = xy[2 * i];
                p[1] = xy[2 * i + 1];
                try {
                    transform.transform(p, 0, p, 0, 1);
                    xy[2 * i] = p[0];
                    xy[2 * i + 1] = p[1];
                } catch (TransformException bad) {
                    xy[2 * i] = Double.NaN;
                    xy[2 * i + 1] = Double.NaN;
                }
            }
        }
    }

    /** The inverse transform (target to source). */
    public CrsTransform inverse() {
        return between(target, source);
    }
}
