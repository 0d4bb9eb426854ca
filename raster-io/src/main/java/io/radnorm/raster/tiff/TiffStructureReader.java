package io.radnorm.raster.tiff;

import io.radnorm.raster.fs.RangeReader;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the header and IFD chain of a classic TIFF or BigTIFF with a handful of range reads.
 *
 * <p>The first {@value #HEAD_BYTES} bytes are fetched at once: in a COG (and in most GeoTIFFs GDAL
 * writes) every IFD and its tag arrays lie there, so opening a COG on S3 costs one request. Values
 * outside that head are fetched with one positioned read each. Every offset and count is checked
 * against the file length before it is followed, so a damaged file gives a
 * {@link TiffFormatException} naming the problem instead of a giant allocation or a loop.
 */
public final class TiffStructureReader {

    static final int HEAD_BYTES = 64 * 1024;
    private static final int MAX_DIRECTORIES = 4096;
    private static final int MAX_ENTRIES = 4096;
    private static final String GHOST_PREFIX = "GDAL_STRUCTURAL_METADATA_SIZE=";

    private final RangeReader in;
    private final String location;
    private final long length;
    private final byte[] head;
    private ByteOrder order;

    private TiffStructureReader(RangeReader in) throws IOException {
        this.in = in;
        this.location = in.location();
        this.length = in.length();
        this.head = new byte[(int) Math.min(length, HEAD_BYTES)];
        in.readFully(0, head, 0, head.length);
    }

    /** Reads the structure of the TIFF behind {@code in}. */
    public static TiffStructure read(RangeReader in) throws IOException {
        return new TiffStructureReader(in).parse();
    }

    private TiffStructure parse() throws IOException {
        if (length < 8) {
            throw new TiffFormatException(location, "not a TIFF file (" + length + " bytes, too short for a TIFF header)");
        }
        if (head[0] == 'I' && head[1] == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (head[0] == 'M' && head[1] == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new TiffFormatException(location, "not a TIFF file (starts with bytes "
                    + String.format("%02X %02X", head[0], head[1]) + ", expected II or MM)");
        }
        ByteBuffer h = ByteBuffer.wrap(head).order(order);
        int magic = h.getShort(2) & 0xFFFF;
        boolean big;
        long firstIfd;
        int headerSize;
        if (magic == 42) {
            big = false;
            firstIfd = h.getInt(4) & 0xFFFFFFFFL;
            headerSize = 8;
        } else if (magic == 43) {
            if (length < 16 || (h.getShort(4) & 0xFFFF) != 8) {
                throw new TiffFormatException(location, "damaged BigTIFF header");
            }
            big = true;
            firstIfd = h.getLong(8);
            headerSize = 16;
        } else {
            throw new TiffFormatException(location, "not a TIFF file (magic number " + magic + ", expected 42 or 43)");
        }
        String ghost = ghostHeader(headerSize);

        List<TiffDirectory> dirs = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long next = firstIfd;
        while (next != 0) {
            if (!seen.add(next)) {
                throw new TiffFormatException(location, "IFD chain loops back to offset " + next);
            }
            if (dirs.size() >= MAX_DIRECTORIES) {
                throw new TiffFormatException(location, "more than " + MAX_DIRECTORIES + " IFDs");
            }
            long[] nextOut = new long[1];
            dirs.add(readDirectory(next, big, nextOut));
            next = nextOut[0];
        }
        if (dirs.isEmpty()) {
            throw new TiffFormatException(location, "TIFF file has no image (first IFD offset is 0)");
        }
        return new TiffStructure(location, length, order, big, dirs, ghost);
    }

    private String ghostHeader(int at) {
        int n = GHOST_PREFIX.length();
        if (head.length < at + n + 6) {
            return "";
        }
        String prefix = new String(head, at, n, StandardCharsets.US_ASCII);
        if (!prefix.equals(GHOST_PREFIX)) {
            return "";
        }
        try {
            int size = Integer.parseInt(new String(head, at + n, 6, StandardCharsets.US_ASCII));
            int start = at + n + 6 + " bytes\n".length();
            return new String(head, start, Math.max(0, Math.min(size, head.length - start)), StandardCharsets.US_ASCII);
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private TiffDirectory readDirectory(long offset, boolean big, long[] nextOut) throws IOException {
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        int offsetSize = big ? 8 : 4;
        if (offset < 0 || offset + countSize > length) {
            throw new TiffFormatException(location, "IFD offset " + offset + " is past the end of the file ("
                    + length + " bytes); the file is truncated or damaged");
        }
        ByteBuffer cnt = bytes(offset, countSize);
        long count = big ? cnt.getLong(0) : cnt.getShort(0) & 0xFFFF;
        if (count <= 0 || count > MAX_ENTRIES) {
            throw new TiffFormatException(location, "IFD at offset " + offset + " claims " + count + " entries");
        }
        long size = countSize + count * entrySize + offsetSize;
        if (offset + size > length) {
            throw new TiffFormatException(location, "IFD at offset " + offset + " runs past the end of the file");
        }
        ByteBuffer ifd = bytes(offset + countSize, (int) (count * entrySize + offsetSize));
        Map<Integer, Object> tags = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int p = i * entrySize;
            int tag = ifd.getShort(p) & 0xFFFF;
            int type = ifd.getShort(p + 2) & 0xFFFF;
            long n = big ? ifd.getLong(p + 4) : ifd.getInt(p + 4) & 0xFFFFFFFFL;
            int valueAt = p + (big ? 12 : 8);
            int typeSize = TiffTag.typeSize(type);
            if (typeSize == 0) {
                continue; // unknown field types are skipped, as TIFF 6.0 requires
            }
            long bytes = n * typeSize;
            if (n < 0 || bytes > length) {
                throw new TiffFormatException(location, "tag " + tag + " claims " + n + " values, more than the file holds");
            }
            ByteBuffer values;
            if (bytes <= offsetSize) {
                values = ifd.duplicate().order(order).position(valueAt).slice().order(order);
            } else {
                long at = big ? ifd.getLong(valueAt) : ifd.getInt(valueAt) & 0xFFFFFFFFL;
                if (at < 0 || at + bytes > length) {
                    throw new TiffFormatException(location, "tag " + tag + " values at offset " + at
                            + " run past the end of the file (" + length + " bytes); the file is truncated or damaged");
                }
                values = bytes(at, (int) bytes);
            }
            tags.put(tag, decode(type, (int) n, values));
        }
        int nextAt = (int) (count * entrySize);
        nextOut[0] = big ? ifd.getLong(nextAt) : ifd.getInt(nextAt) & 0xFFFFFFFFL;
        return new TiffDirectory(offset, tags);
    }

    private static Object decode(int type, int n, ByteBuffer b) {
        switch (type) {
            case TiffTag.ASCII: {
                byte[] s = new byte[n];
                b.get(0, s);
                int end = n;
                while (end > 0 && s[end - 1] == 0) {
                    end--;
                }
                return new String(s, 0, end, StandardCharsets.ISO_8859_1);
            }
            case TiffTag.RATIONAL:
            case TiffTag.SRATIONAL: {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    long num = type == TiffTag.RATIONAL ? b.getInt(8 * i) & 0xFFFFFFFFL : b.getInt(8 * i);
                    long den = type == TiffTag.RATIONAL ? b.getInt(8 * i + 4) & 0xFFFFFFFFL : b.getInt(8 * i + 4);
                    d[i] = den == 0 ? Double.NaN : (double) num / den;
                }
                return d;
            }
            case TiffTag.FLOAT: {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = b.getFloat(4 * i);
                }
                return d;
            }
            case TiffTag.DOUBLE: {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = b.getDouble(8 * i);
                }
                return d;
            }
            default: {
                long[] l = new long[n];
                for (int i = 0; i < n; i++) {
                    l[i] = switch (type) {
                        case TiffTag.BYTE, TiffTag.UNDEFINED -> b.get(i) & 0xFF;
                        case TiffTag.SBYTE -> b.get(i);
                        case TiffTag.SHORT -> b.getShort(2 * i) & 0xFFFF;
                        case TiffTag.SSHORT -> b.getShort(2 * i);
                        case TiffTag.LONG, TiffTag.IFD -> b.getInt(4 * i) & 0xFFFFFFFFL;
                        case TiffTag.SLONG -> b.getInt(4 * i);
                        default -> b.getLong(8 * i); // LONG8, SLONG8, IFD8
                    };
                }
                return l;
            }
        }
    }

    /** {@code len} bytes at {@code pos}, from the cached head when they lie in it. */
    private ByteBuffer bytes(long pos, int len) throws IOException {
        if (pos + len <= head.length) {
            return ByteBuffer.wrap(head, (int) pos, len).slice().order(order);
        }
        byte[] buf = new byte[len];
        try {
            in.readFully(pos, buf, 0, len);
        } catch (EOFException e) {
            throw new TiffFormatException(location, "truncated: " + len + " bytes at offset " + pos
                    + " are past the end of the file", e);
        }
        return ByteBuffer.wrap(buf).order(order);
    }
}
