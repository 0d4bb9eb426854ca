package io.radnorm.raster.crs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sis.referencing.CRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.util.FactoryException;

/**
 * EPSG look-ups through Apache SIS and its embedded EPSG database (Derby).
 *
 * <p>A static facade with a per-JVM cache: each code is resolved once. SIS is used only for CRS
 * semantics; pixels never pass through it.
 */
public final class CrsCatalog {

    private static final Map<Integer, CoordinateReferenceSystem> CACHE = new ConcurrentHashMap<>();

    private CrsCatalog() {
    }

    /** The SIS CRS of an EPSG code; an unknown code gives an IllegalArgumentException naming it. */
    public static CoordinateReferenceSystem forEpsg(int code) {
        return CACHE.computeIfAbsent(code, c -> {
            try {
                return CRS.forCode("EPSG:" + c);
            } catch (FactoryException e) {
                throw new IllegalArgumentException("EPSG:" + c + " is not a known CRS: " + e.getMessage(), e);
            }
        });
    }

    public static boolean isProjected(int code) {
        return forEpsg(code) instanceof ProjectedCRS;
    }

    public static boolean isGeographic(int code) {
        return forEpsg(code) instanceof GeographicCRS;
    }

    /** WKT 2 text of an EPSG code. */
    public static String wkt(int code) {
        return forEpsg(code).toWKT();
    }

    /** The human name of an EPSG code, e.g. "WGS 84 / UTM zone 5N". */
    public static String title(int code) {
        return forEpsg(code).getName().getCode();
    }
}
