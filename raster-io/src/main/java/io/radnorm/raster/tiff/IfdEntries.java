package io.radnorm.raster.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The tags of one IFD being written, each with its field type, value count and values already
 * encoded little-endian. Kept sorted by tag number, since TIFF requires ascending tags.
 * {@link CogHeader} decides where each value goes (inline or out of line) and serializes.
 */
final class IfdEntries {

    /** One tag: {@code value} holds {@code count} values of {@code type}, little-endian. */
    record Entry(int tag, int type, long count, byte[] value) {
    }

    private final TreeMap<Integer, Entry> entries = new TreeMap<>();

    IfdEntries copy() {
        IfdEntries c = new IfdEntries();
        c.entries.putAll(entries);
        return c;
    }

    List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    Entry get(int tag) {
        return entries.get(tag);
    }

    int size() {
        return entries.size();
    }

    void put(int tag, int type, long count, byte[] value) {
        if (value.length != count * TiffTag.typeSize(type)) {
            throw new IllegalArgumentException("tag " + tag + ": " + value.length + " bytes for " + count
                    + " values of type " + type);
        }
        entries.put(tag, new Entry(tag, type, count, value));
    }

    void shorts(int tag, int... v) {
        ByteBuffer b = buffer(2 * v.length);
        for (int x : v) {
            if (x < 0 || x > 0xFFFF) {
                throw new IllegalArgumentException("tag " + tag + ": " + x + " does not fit a SHORT");
            }
            b.putShort((short) x);
        }
        put(tag, TiffTag.SHORT, v.length, b.array());
    }

    /** One SHORT if the value fits, else one LONG: how libtiff writes ImageWidth and friends. */
    void shortOrLong(int tag, long v) {
        if (v <= 0xFFFF) {
            shorts(tag, (int) v);
        } else {
            longs(tag, v);
        }
    }

    void longs(int tag, long... v) {
        ByteBuffer b = buffer(4 * v.length);
        for (long x : v) {
            if (x < 0 || x > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("tag " + tag + ": " + x + " does not fit a LONG");
            }
            b.putInt((int) x);
        }
        put(tag, TiffTag.LONG, v.length, b.array());
    }

    void long8s(int tag, long... v) {
        ByteBuffer b = buffer(8 * v.length);
        for (long x : v) {
            b.putLong(x);
        }
        put(tag, TiffTag.LONG8, v.length, b.array());
    }

    void doubles(int tag, double... v) {
        ByteBuffer b = buffer(8 * v.length);
        for (double x : v) {
            b.putDouble(x);
        }
        put(tag, TiffTag.DOUBLE, v.length, b.array());
    }

    /** ASCII with its terminating NUL (counted, as TIFF requires). */
    void ascii(int tag, String s) {
        byte[] text = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] v = new byte[text.length + 1];
        System.arraycopy(text, 0, v, 0, text.length);
        put(tag, TiffTag.ASCII, v.length, v);
    }

    private static ByteBuffer buffer(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
