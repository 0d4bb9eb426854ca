package io.radnorm.raster.vector;

import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.CrsTransform;
import org.apache.sis.referencing.cs.AxesConvention;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.opengis.referencing.operation.TransformException;

/**
 * Transforms JTS geometries between two EPSG CRSs with Apache SIS ({@link CrsTransform}), vertex by
 * vertex; a vertex outside the operation's domain is an error.
 *
 * <p>Both CRSs are taken in their right-handed axis order
 * ({@link AxesConvention#RIGHT_HANDED}): EPSG:4326 is (latitude, longitude) in the EPSG database
 * but (longitude, latitude) here, which is what GeoJSON and GeoPackage coordinates are. A Z ordinate
 * is carried through unchanged; M is dropped.
 */
final class GeometryReprojection {

    private final CrsTransform transform;

    private GeometryReprojection(CrsTransform transform) {
        this.transform = transform;
    }

    static GeometryReprojection between(Crs source, Crs target) {
        if (!source.hasEpsg() || !target.hasEpsg()) {
            throw new IllegalArgumentException("cannot reproject from " + source + " to " + target
                    + ": both CRSs need an EPSG code");
        }
        return new GeometryReprojection(CrsTransform.between(source, target));
    }

    /** {@code g} with every vertex transformed; same geometry type. */
    Geometry apply(Geometry g) {
        try {
            return new Transformer().transform(g);
        } catch (UncheckedTransformException e) {
            throw new IllegalArgumentException("cannot reproject from " + transform.source() + " to "
                    + transform.target() + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private final class Transformer extends GeometryTransformer {
        @Override
        protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
            int n = coords.size();
            double[] xy = new double[2 * n];
            for (int i = 0; i < n; i++) {
                xy[2 * i] = coords.getX(i);
                xy[2 * i + 1] = coords.getY(i);
            }
            transform.transform(xy, n); // a point outside the operation's domain becomes NaN: rejected below
            boolean hasZ = coords.hasZ();
            CoordinateSequence out = factory.getCoordinateSequenceFactory().create(n, hasZ ? 3 : 2, 0);
            for (int i = 0; i < n; i++) {
                double x = xy[2 * i];
                double y = xy[2 * i + 1];
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    throw new UncheckedTransformException(new TransformException("vertex ("
                            + coords.getX(i) + ", " + coords.getY(i) + ") has no finite image"));
                }
                out.setOrdinate(i, CoordinateSequence.X, x);
                out.setOrdinate(i, CoordinateSequence.Y, y);
                if (hasZ) {
                    out.setOrdinate(i, CoordinateSequence.Z, coords.getZ(i));
                }
            }
            return out;
        }
    }

    private static final class UncheckedTransformException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedTransformException(TransformException cause) {
            super(cause);
        }
    }
}
