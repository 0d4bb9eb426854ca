package io.radnorm.raster.tiff.codec;

/**
 * A byte array per thread, reused from block to block and grown (never shrunk) to the largest
 * block seen. Blocks are MBs: a fresh array per block was a humongous object for G1, which then ran
 * concurrent cycles for little else.
 * <p>
 * Only for work that runs start to end on one thread without running other tasks in between (a
 * block's decode, a block's compression): a use nested on the same thread would share the array.
 */
public final class ThreadScratch {

    private final ThreadLocal<byte[]> buffer = ThreadLocal.withInitial(() -> new byte[0]);

    /** This thread's array, at least {@code bytes} long (its content is whatever was left there). */
    public byte[] atLeast(int bytes) {
        byte[] b = buffer.get();
        if (b.length < bytes) {
            b = new byte[bytes];
            buffer.set(b);
        }
        return b;
    }
}
