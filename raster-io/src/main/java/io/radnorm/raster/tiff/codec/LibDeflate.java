package io.radnorm.raster.tiff.codec;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * zlib streams through libdeflate (Eric Biggers' whole-buffer Deflate library, the one GDAL uses),
 * reached through radnorm's small JNI bridge {@code libradnorm-deflate.so}.
 * <p>
 * Why: a TIFF block is always compressed and decompressed whole, which is exactly libdeflate's
 * model, and libdeflate does it several times faster than the streaming zlib behind
 * {@link java.util.zip.Deflater} and {@link java.util.zip.Inflater} (measured in
 * {@code scripts/bench profile-codecs}). On a Deflate COG workload zlib was a third of all CPU time.
 * <p>
 * The bridge is built with the project on Linux x86_64 (raster-io's {@code src/main/native}),
 * links libdeflate statically and ships inside the jar under {@code native/linux-x86_64/}; it is
 * copied to a temporary file and loaded on first use. Where it is missing (another platform, a
 * build machine without gcc or libdeflate-dev) or fails to load, or the system property
 * {@code radnorm.libdeflate=false} is set, {@link #isAvailable()} is false and {@link DeflateCodec}
 * uses the JDK's zlib: same files, only slower. The choice is logged once.
 * <p>
 * Compressors and decompressors hold native memory and are not thread-safe, so each thread keeps
 * its own ({@link #compressor(int)}, {@link #decompressor()}), freed by a {@link Cleaner} once the
 * thread has gone.
 */
final class LibDeflate {

    private static final Logger LOG = LoggerFactory.getLogger(LibDeflate.class);
    private static final String RESOURCE = "/native/linux-x86_64/libradnorm-deflate.so";
    /** libdeflate's own levels run 0..12; the TIFF/zlib levels 1..9 mean roughly the same there. */
    static final int MAX_LEVEL = 12;

    private static final String UNAVAILABLE_REASON = load();
    private static final Cleaner CLEANER = Cleaner.create();
    private static final ThreadLocal<Handles> HANDLES = ThreadLocal.withInitial(Handles::new);

    private LibDeflate() {
    }

    /** True when the native bridge is loaded and Deflate goes through libdeflate. */
    static boolean isAvailable() {
        return UNAVAILABLE_REASON == null;
    }

    /** Why libdeflate is not used, or null when it is. */
    static String unavailableReason() {
        return UNAVAILABLE_REASON;
    }

    private static String load() {
        String reason = tryLoad();
        if (reason == null) {
            LOG.debug("Deflate through libdeflate (native bridge loaded)");
        } else {
            LOG.info("Deflate through the JDK's zlib: {}", reason);
        }
        return reason;
    }

    private static String tryLoad() {
        if ("false".equalsIgnoreCase(System.getProperty("radnorm.libdeflate"))) {
            return "disabled by -Dradnorm.libdeflate=false";
        }
        String os = System.getProperty("os.name", ""), arch = System.getProperty("os.arch", "");
        if (!os.startsWith("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "libdeflate bridge is built for Linux x86_64 only (this is " + os + " " + arch + ")";
        }
        try (InputStream in = LibDeflate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "this build has no libdeflate bridge (" + RESOURCE + "; built where gcc and libdeflate-dev exist)";
            }
            Path file = Files.createTempFile("radnorm-deflate-", ".so");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                System.load(file.toAbsolutePath().toString());
            } finally {
                Files.deleteIfExists(file); // mapped once loaded: the file itself is no longer needed
            }
            long probe = allocDecompressor();
            if (probe == 0) {
                return "libdeflate could not allocate a decompressor";
            }
            freeDecompressor(probe);
            return null;
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            return "libdeflate bridge failed to load: " + e;
        }
    }

    /** This thread's compressor for {@code level} (1..12). */
    static long compressor(int level) {
        return HANDLES.get().compressor(level);
    }

    /** This thread's decompressor. */
    static long decompressor() {
        return HANDLES.get().decompressor();
    }

    /**
     * One thread's native objects. The Cleaner action holds only the handle array, never this
     * object, so the object can become unreachable when its thread ends.
     */
    private static final class Handles {
        /** [0]: decompressor; [level]: the compressor of that level; 0 = not yet allocated. */
        private final long[] handles = new long[MAX_LEVEL + 1];

        Handles() {
            long[] h = handles;
            CLEANER.register(this, () -> {
                if (h[0] != 0) {
                    freeDecompressor(h[0]);
                }
                for (int level = 1; level < h.length; level++) {
                    if (h[level] != 0) {
                        freeCompressor(h[level]);
                    }
                }
            });
        }

        long compressor(int level) {
            Objects.checkIndex(level - 1, MAX_LEVEL);
            if (handles[level] == 0) {
                handles[level] = allocated(allocCompressor(level));
            }
            return handles[level];
        }

        long decompressor() {
            if (handles[0] == 0) {
                handles[0] = allocated(allocDecompressor());
            }
            return handles[0];
        }

        private static long allocated(long handle) {
            if (handle == 0) {
                throw new OutOfMemoryError("libdeflate could not allocate its state");
            }
            return handle;
        }
    }

    static native long allocCompressor(int level);

    static native void freeCompressor(long compressor);

    static native long allocDecompressor();

    static native void freeDecompressor(long decompressor);

    /** The largest zlib stream {@code length} bytes can become with this compressor. */
    static native long zlibCompressBound(long compressor, long length);

    /** Compresses into dst; the stream's length, or 0 when it does not fit. Bounds are the caller's to check. */
    static native int zlibCompress(long compressor, byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen);

    /**
     * Decompresses a whole zlib stream into dst; the number of bytes written, or a negative value
     * when the data is bad or would not fit. Bounds are the caller's to check.
     */
    static native int zlibDecompress(long decompressor, byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen);
}
