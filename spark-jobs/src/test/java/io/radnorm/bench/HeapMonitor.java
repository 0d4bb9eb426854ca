package io.radnorm.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap use of the benchmark JVM, three ways:
 * <ul>
 *   <li>{@code sampledPeak}: largest heap "used" seen by a 5 ms sampling thread (includes garbage
 *       not yet collected, so it grows with -Xmx);</li>
 *   <li>{@code maxAfterGc}: largest heap used right after a GC (GC notifications): an
 *       approximation of the peak live set, the memory the code really needs;</li>
 *   <li>{@code committedPeak}: largest committed heap seen.</li>
 * </ul>
 */
final class HeapMonitor implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong sampledPeak = new AtomicLong();
    private final AtomicLong committedPeak = new AtomicLong();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong gcCount = new AtomicLong();
    private final List<Runnable> unregister = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapMonitor() {
        NotificationListener listener = this::onGc;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                unregister.add(() -> {
                    try {
                        e.removeNotificationListener(listener);
                    } catch (Exception ignored) {
                        // gone already
                    }
                });
            }
        }
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        MemoryUsage u = memory.getHeapMemoryUsage();
        sampledPeak.accumulateAndGet(u.getUsed(), Math::max);
        committedPeak.accumulateAndGet(u.getCommitted(), Math::max);
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long after = 0, before = 0;
        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (isHeapPool(e.getKey())) {
                after += e.getValue().getUsed();
            }
        }
        for (var e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (isHeapPool(e.getKey())) {
                before += e.getValue().getUsed();
            }
        }
        maxAfterGc.accumulateAndGet(after, Math::max);
        sampledPeak.accumulateAndGet(before, Math::max);
        gcCount.incrementAndGet();
    }

    private static boolean isHeapPool(String name) {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getName().equals(name)) {
                return p.getType() == MemoryType.HEAP;
            }
        }
        return false;
    }

    /** Forgets the peaks so far (between iterations). */
    void reset() {
        sampledPeak.set(0);
        committedPeak.set(0);
        maxAfterGc.set(0);
        gcCount.set(0);
    }

    String report() {
        sample();
        return String.format(Locale.ROOT, "heap_peak_used_mb=%.0f heap_max_after_gc_mb=%.0f heap_committed_mb=%.0f gcs=%d",
                sampledPeak.get() / 1048576.0, maxAfterGc.get() / 1048576.0, committedPeak.get() / 1048576.0,
                gcCount.get());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        unregister.forEach(Runnable::run);
    }
}
