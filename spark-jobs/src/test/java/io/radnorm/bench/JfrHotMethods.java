package io.radnorm.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time goes in a JFR recording (a main, not a test): counts {@code jdk.ExecutionSample}
 * (threads running Java code) and {@code jdk.NativeMethodSample} (threads inside a native method,
 * e.g. zlib's inflate/deflate behind {@link java.util.zip.Inflater}) by top frame ("self") and by
 * every method on the stack ("total", each method once per sample), and by thread name.
 *
 * <pre>JfrHotMethods recording.jfr [top=25] [threadPrefix] [fromEpochMillis toEpochMillis]</pre>
 *
 * <p>Record with {@code method-profiling=normal} so that both event types are sampled every 20 ms
 * (the {@code profile} settings sample Java code twice as often as native code). Even so, JFR takes
 * at most one native-method sample per period across all threads (and up to five Java samples), so
 * with several threads in native code (zlib) their share is under-counted: use Linux perf
 * ({@code PROFILER=perf scripts/bench ...}) for the split between native and Java time. Threads
 * idling in native calls (epoll, accept) are left out.
 */
public final class JfrHotMethods {

    /** Native top frames of threads that wait rather than work. */
    private static final Set<String> IDLE = Set.of("sun.nio.ch.EPoll.wait", "sun.nio.ch.Net.accept", "sun.nio.ch.Net.poll",
            "sun.nio.ch.SocketDispatcher.read0", "java.lang.ProcessHandleImpl.waitForProcessExit0");

    private JfrHotMethods() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        String threadPrefix = args.length > 2 ? args[2] : "";
        long from = args.length > 4 ? Long.parseLong(args[3]) : Long.MIN_VALUE;
        long to = args.length > 4 ? Long.parseLong(args[4]) : Long.MAX_VALUE;
        Map<String, Integer> self = new HashMap<>(), total = new HashMap<>(), threads = new HashMap<>();
        int samples = 0, nativeSamples = 0;
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                String type = e.getEventType().getName();
                boolean nat = type.equals("jdk.NativeMethodSample");
                if (!nat && !type.equals("jdk.ExecutionSample")) {
                    continue;
                }
                long t = e.getStartTime().toEpochMilli();
                if (t < from || t > to) {
                    continue;
                }
                String thread = e.getThread("sampledThread") != null ? e.getThread("sampledThread").getJavaName() : "?";
                if (thread == null || !thread.startsWith(threadPrefix)) {
                    continue;
                }
                RecordedStackTrace st = e.getStackTrace();
                if (st == null || st.getFrames().isEmpty()) {
                    continue;
                }
                if (IDLE.contains(name(st.getFrames().get(0)))) {
                    continue;
                }
                samples++;
                if (nat) {
                    nativeSamples++;
                }
                threads.merge(threadGroup(thread) + (nat ? " [native]" : ""), 1, Integer::sum);
                self.merge(name(st.getFrames().get(0)) + (nat ? " [native]" : ""), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : st.getFrames()) {
                    String n = name(f);
                    if (seen.add(n)) {
                        total.merge(n, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d busy samples (%d in native methods; idle epoll/accept waits left out)%n",
                samples, nativeSamples);
        print("by thread", threads, samples, top);
        print("self (top frame)", self, samples, top);
        print("total (on stack)", total, samples, top);
    }

    private static String threadGroup(String name) {
        return name.replaceAll("[-_ ]?\\d+$", "-N").replaceAll("\\d+", "N");
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> m, int samples, int top) {
        System.out.println("== " + title);
        LinkedHashMap<String, Integer> sorted = new LinkedHashMap<>();
        m.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(top)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((k, v) -> System.out.printf(Locale.ROOT, "%6.1f%% %6d  %s%n", 100.0 * v / samples, v, k));
    }
}
