package io.radnorm.raster.vector;

import io.radnorm.raster.crs.Crs;
import io.radnorm.raster.crs.CrsCatalog;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Transforms JTS geometries between two EPSG CRSs with Apache SIS, vertex by vertex.
 *
 * <p>Both CRSs are taken in their right-handed axis order
 * ({@link AxesConvention#RIGHT_HANDED}): EPSG:4326 is (latitude, longitude) in the EPSG database
 * but (longitude, latitude) here, which is what GeoJSON and GeoPackage coordinates are. A Z ordinate
 * is carried through unchanged; M is dropped.
 */
final class GeometryReprojection {

    private final Crs source;
    private final Crs target;
    private final MathTransform transform;

    private GeometryReprojection(Crs source, Crs target, MathTransform transform) {
        this.source = source;
        this.target = target;
        this.transform = transform;
    }

    static GeometryReprojection between(Crs source, Crs target) {
        if (!source.hasEpsg() || !target.hasEpsg()) {
            throw new IllegalArgumentException("cannot reproject from " + source + " to " + target
                    + ": both CRSs need an EPSG code");
        }
        try {
            CoordinateReferenceSystem from = rightHanded(CrsCatalog.forEpsg(source.epsg()));
            CoordinateReferenceSystem to = rightHanded(CrsCatalog.forEpsg(target.epsg()));
            MathTransform mt = CRS.findOperation(from, to, null).getMathTransform();
            if (mt.getSourceDimensions() != 2 || mt.getTargetDimensions() != 2) {
                throw new IllegalArgumentException("cannot reproject from " + source + " to " + target
                        + ": not a 2D operation (" + mt.getSourceDimensions() + "D to "
                        + mt.getTargetDimensions() + "D)");
            }
            return new GeometryReprojection(source, target, mt);
        } catch (FactoryException e) {
            throw new IllegalArgumentException("no coordinate operation from " + source + " to " + target
                    + ": " + e.getMessage(), e);
        }
    }

    private static CoordinateReferenceSystem rightHanded(CoordinateReferenceSystem crs) {
        return AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.RIGHT_HANDED);
    }

    /** {@code g} with every vertex transformed; same geometry type. */
    Geometry apply(Geometry g) {
        try {
            return new Transformer().transform(g);
        } catch (UncheckedTransformException e) {
            throw new IllegalArgumentException("cannot reproject from " + source + " to " + target + ": "
                    + e.getCause().getMessage(), e.getCause());
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
            try {
                transform.transform(xy, 0, xy, 0, n);
            } catch (TransformException e) {
                throw new UncheckedTransformException(e);
            }
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
