package io.radnorm.algorithms.bandmath;

import io.radnorm.raster.DataType;

/**
 * An order-preserving map from the values of a {@link DataType} to unsigned integer keys of
 * {@link #bits} bits: {@code a < b} exactly when {@code key(a) < key(b)} (unsigned). Integers are
 * offset by the type's minimum; IEEE floats use their bit pattern with the sign bit flipped for
 * positives and all bits flipped for negatives (so −0.0 sorts just below +0.0, and NaN is never
 * keyed: it is never a valid value). A key turns back into exactly its value ({@link #value}), so
 * a search over keys finds exact order statistics.
 */
final class SortableKeys {

    private SortableKeys() {
    }

    /** Key width: the type's bits per sample. */
    static int bits(DataType type) {
        return type.bitsPerSample();
    }

    /** The key of {@code v}, a value the type holds (not NaN). */
    static long key(double v, DataType type) {
        return switch (type) {
            case FLOAT32 -> {
                int b = Float.floatToRawIntBits((float) v);
                yield (b < 0 ? ~b : b | 0x80000000) & 0xFFFFFFFFL;
            }
            case FLOAT64 -> {
                long b = Double.doubleToRawLongBits(v);
                yield b < 0 ? ~b : b | Long.MIN_VALUE;
            }
            default -> (long) (v - type.minValue());
        };
    }

    /** The value whose key is {@code key}. */
    static double value(long key, DataType type) {
        return switch (type) {
            case FLOAT32 -> {
                int k = (int) key;
                yield Float.intBitsToFloat(k < 0 ? k & 0x7FFFFFFF : ~k);
            }
            case FLOAT64 -> Double.longBitsToDouble(key < 0 ? key & Long.MAX_VALUE : ~key);
            default -> key + type.minValue();
        };
    }
}
