/*
 * JNI bridge from io.radnorm.raster.tiff.codec.LibDeflate to libdeflate's zlib-format functions.
 *
 * Built by build.sh and linked statically against libdeflate.a, so the shared object needs only
 * glibc. Bounds are checked on the Java side; the arrays are pinned with
 * GetPrimitiveArrayCritical for the length of one block (no copy, no JNI calls in between).
 */
#include <jni.h>
#include <stdint.h>
#include <libdeflate.h>

#define JNI_FN(name) Java_io_radnorm_raster_tiff_codec_LibDeflate_##name

JNIEXPORT jlong JNICALL JNI_FN(allocCompressor)(JNIEnv *env, jclass cls, jint level) {
    return (jlong) (intptr_t) libdeflate_alloc_compressor(level);
}

JNIEXPORT void JNICALL JNI_FN(freeCompressor)(JNIEnv *env, jclass cls, jlong handle) {
    libdeflate_free_compressor((struct libdeflate_compressor *) (intptr_t) handle);
}

JNIEXPORT jlong JNICALL JNI_FN(allocDecompressor)(JNIEnv *env, jclass cls) {
    return (jlong) (intptr_t) libdeflate_alloc_decompressor();
}

JNIEXPORT void JNICALL JNI_FN(freeDecompressor)(JNIEnv *env, jclass cls, jlong handle) {
    libdeflate_free_decompressor((struct libdeflate_decompressor *) (intptr_t) handle);
}

JNIEXPORT jlong JNICALL JNI_FN(zlibCompressBound)(JNIEnv *env, jclass cls, jlong handle, jlong len) {
    return (jlong) libdeflate_zlib_compress_bound((struct libdeflate_compressor *) (intptr_t) handle, (size_t) len);
}

/* The zlib stream's length, or 0 when it does not fit in dst. */
JNIEXPORT jint JNICALL JNI_FN(zlibCompress)(JNIEnv *env, jclass cls, jlong handle,
        jbyteArray src, jint srcOff, jint srcLen, jbyteArray dst, jint dstOff, jint dstLen) {
    jbyte *in = (*env)->GetPrimitiveArrayCritical(env, src, NULL);
    if (in == NULL) return -1;
    jbyte *out = (*env)->GetPrimitiveArrayCritical(env, dst, NULL);
    if (out == NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, src, in, JNI_ABORT);
        return -1;
    }
    size_t n = libdeflate_zlib_compress((struct libdeflate_compressor *) (intptr_t) handle,
            in + srcOff, (size_t) srcLen, out + dstOff, (size_t) dstLen);
    (*env)->ReleasePrimitiveArrayCritical(env, dst, out, 0);
    (*env)->ReleasePrimitiveArrayCritical(env, src, in, JNI_ABORT);
    return (jint) n;
}

/* The number of bytes written (>= 0), or -(libdeflate_result) for bad data / too little room. */
JNIEXPORT jint JNICALL JNI_FN(zlibDecompress)(JNIEnv *env, jclass cls, jlong handle,
        jbyteArray src, jint srcOff, jint srcLen, jbyteArray dst, jint dstOff, jint dstLen) {
    jbyte *in = (*env)->GetPrimitiveArrayCritical(env, src, NULL);
    if (in == NULL) return -100;
    jbyte *out = (*env)->GetPrimitiveArrayCritical(env, dst, NULL);
    if (out == NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, src, in, JNI_ABORT);
        return -100;
    }
    size_t actual = 0;
    enum libdeflate_result r = libdeflate_zlib_decompress((struct libdeflate_decompressor *) (intptr_t) handle,
            in + srcOff, (size_t) srcLen, out + dstOff, (size_t) dstLen, &actual);
    (*env)->ReleasePrimitiveArrayCritical(env, dst, out, 0);
    (*env)->ReleasePrimitiveArrayCritical(env, src, in, JNI_ABORT);
    return r == LIBDEFLATE_SUCCESS ? (jint) actual : -(jint) r;
}
