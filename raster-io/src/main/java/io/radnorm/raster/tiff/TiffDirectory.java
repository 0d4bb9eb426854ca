package io.radnorm.raster.tiff;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tags of one Image File Directory (IFD), decoded to Java values: integer types as
 * {@code long[]}, RATIONAL/FLOAT/DOUBLE as {@code double[]}, ASCII as {@code String} (trailing NULs
 * removed), BYTE/UNDEFINED as {@code long[]} too. Plain data; {@link TiffImage} interprets it.
 *
 * @param offset  where the IFD sits in the file (the COG validator and our writer care about order)
 */
public record TiffDirectory(long offset, Map<Integer, Object> tags) {

    public TiffDirectory {
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    public boolean has(int tag) {
        return tags.containsKey(tag);
    }

    public long[] longs(int tag) {
        Object v = tags.get(tag);
        if (v instanceof long[] l) {
            return l;
        }
        if (v instanceof double[] d) {
            long[] l = new long[d.length];
            for (int i = 0; i < d.length; i++) {
                l[i] = (long) d[i];
            }
            return l;
        }
        return null;
    }

    public long longValue(int tag, long defaultValue) {
        long[] v = longs(tag);
        return v == null || v.length == 0 ? defaultValue : v[0];
    }

    public double[] doubles(int tag) {
        Object v = tags.get(tag);
        if (v instanceof double[] d) {
            return d;
        }
        if (v instanceof long[] l) {
            double[] d = new double[l.length];
            for (int i = 0; i < l.length; i++) {
                d[i] = l[i];
            }
            return d;
        }
        return null;
    }

    public String string(int tag) {
        Object v = tags.get(tag);
        return v instanceof String s ? s : null;
    }
}
