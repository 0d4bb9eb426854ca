package io.radnorm.raster.crs;

import java.io.Serializable;
import java.util.Objects;

/**
 * The coordinate reference system of a raster, as its GeoTIFF keys state it.
 *
 * <p>Most imagery names an EPSG code ({@code EPSG:32605} for UTM 5N); then {@link #epsg()} is that
 * code and comparison is by code. Otherwise the CRS is user-defined and is compared by its GeoKeys.
 * {@link #wkt()} asks Apache SIS (see {@link CrsCatalog}) for the WKT 2 text of an EPSG code; it is
 * computed only when asked, because opening the EPSG database takes a moment.
 */
public record Crs(int epsg, GeoKeyDirectory geoKeys) implements Serializable {

    public Crs {
        Objects.requireNonNull(geoKeys, "geoKeys");
    }

    /** The CRS of an EPSG code; whether it is projected is looked up in the EPSG database. */
    public static Crs fromEpsg(int code) {
        return new Crs(code, GeoKeyDirectory.forEpsg(code, CrsCatalog.isProjected(code)));
    }

    /** The CRS the GeoKeys describe. */
    public static Crs fromGeoKeys(GeoKeyDirectory keys) {
        return new Crs(keys.epsgCode(), keys);
    }

    public boolean hasEpsg() {
        return epsg > 0;
    }

    /** "EPSG:32605", or the keys' citation, or "user-defined". */
    public String name() {
        if (hasEpsg()) {
            return "EPSG:" + epsg;
        }
        String c = geoKeys.citation();
        return c != null ? c : "user-defined";
    }

    /** WKT 2 of the CRS from the EPSG database, or {@code null} for a user-defined CRS. */
    public String wkt() {
        return hasEpsg() ? CrsCatalog.wkt(epsg) : null;
    }

    /** Same CRS: same EPSG code, or (both user-defined) the same GeoKeys. */
    public boolean sameAs(Crs other) {
        if (other == null) {
            return false;
        }
        if (hasEpsg() || other.hasEpsg()) {
            return epsg == other.epsg;
        }
        return geoKeys.equals(other.geoKeys);
    }

    @Override
    public String toString() {
        return name();
    }
}
