package io.radnorm.spark.cog;

import io.radnorm.spark.Broadcasts;
import io.radnorm.raster.GridSize;
import io.radnorm.raster.RasterInfo;
import io.radnorm.raster.fs.RangeReader;
import io.radnorm.raster.fs.RangeReaders;
import io.radnorm.raster.tiff.CogAssembler;
import io.radnorm.raster.tiff.CogBlock;
import io.radnorm.raster.tiff.CogBlockEncoder;
import io.radnorm.raster.tiff.CogOptions;
import io.radnorm.raster.tiff.CogPlan;
import io.radnorm.raster.tiff.CogSummary;
import io.radnorm.raster.tiff.RasterSource;
import io.radnorm.spark.SerializableConfiguration;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Cloud-Optimized GeoTIFFs of any size with Spark, no task holding an image and the driver
 * never touching a pixel.
 *
 * <h2>How</h2>
 * Each output is cut into blocks of {@code blockTiles × blockTiles} COG tiles ({@link CogPlan}).
 * <ol>
 *   <li><b>Stage 0</b>, one task per block: the task renders its block one tile row at a time with
 *       the output's {@link WindowRenderer}, compresses the tiles, reduces them to the overview
 *       levels that stay inside the block, and appends everything to its own <em>part file</em>
 *       ({@link CogBlockEncoder}); it returns only tile sizes and offsets ({@link CogBlock}).</li>
 *   <li><b>Stages 1…</b>, for the small overviews that span blocks: each block of stage s reads
 *       the one-tile pass-ups of the {@code blockTiles²} blocks of stage s−1 under it from their part
 *       files and continues the pyramid; each stage has {@code blockTiles²} times fewer tasks.</li>
 *   <li><b>Assembly</b> on the driver ({@link CogAssembler}): the header and IFDs are laid out from
 *       the reported tile sizes, then the tile bytes are streamed from the part files, with range
 *       reads, into the output in COG order. This is a byte copy (the whole file passes through the
 *       driver once, as through a {@code cat}); nothing is decoded.</li>
 * </ol>
 * The file is the one {@link io.radnorm.raster.tiff.CogWriter} would write from the same pixels,
 * byte for byte. Several outputs are written by the same stages (their blocks share the tasks).
 *
 * <p>Part files live in a hidden sibling folder of each output,
 * {@code .<name>.radnorm-tmp-<random>.parts/}, on the output's file system (so executors of a
 * cluster can write them and the driver read them), named per task attempt so that a retried or
 * speculative attempt never collides with another. They are deleted at the end, on failure too.
 * The output appears only when complete ({@link io.radnorm.raster.fs.AtomicOutput}).
 */
public final class DistributedCogWriter {

    private static final Logger LOG = LoggerFactory.getLogger(DistributedCogWriter.class);

    /** Default block side in pixels: 4 × 4 tiles of 512, about what a task renders in a few seconds. */
    public static final int DEFAULT_BLOCK_PIXELS = 2048;

    /** One output: where, its layout, and how its pixels are computed. */
    public record Target(String uri, CogPlan plan, WindowRenderer renderer) implements Serializable {
    }

    private record Task(int target, int stage, int bx, int by) implements Serializable {
    }

    private DistributedCogWriter() {
    }

    /** Tiles per block side for a tile size: about {@link #DEFAULT_BLOCK_PIXELS}, a power of two, at least 2. */
    public static int defaultBlockTiles(int tileSize) {
        int k = Integer.highestOneBit(Math.max(1, DEFAULT_BLOCK_PIXELS / tileSize));
        return Math.max(2, k);
    }

    /** {@code requested} tiles per block side, or {@link #defaultBlockTiles} for {@code options}' tiles when 0. */
    public static int blockTiles(int requested, CogOptions options) {
        return requested > 0 ? requested : defaultBlockTiles(options.tileSize());
    }

    /** Writes every target; returns what was written, in target order. */
    public static List<CogSummary> write(SparkSession spark, List<Target> targets, String jobName) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = jsc.hadoopConfiguration();
        List<String> partDirs = new ArrayList<>();
        for (Target t : targets) {
            partDirs.add(partDir(t.uri()));
        }
        Broadcast<List<Target>> work = jsc.broadcast(new ArrayList<>(targets));
        Broadcast<List<String>> dirs = jsc.broadcast(new ArrayList<>(partDirs));
        Broadcast<SerializableConfiguration> bconf = Broadcasts.hadoopConfiguration(jsc, conf);
        try {
            List<List<CogBlock>> blocks = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                blocks.add(new ArrayList<>());
            }
            Map<Integer, Map<Long, CogBlock>> previous = new HashMap<>();
            int stages = targets.stream().mapToInt(t -> t.plan().stageCount()).max().orElse(0);
            for (int stage = 0; stage < stages; stage++) {
                List<Task> tasks = new ArrayList<>();
                for (int i = 0; i < targets.size(); i++) {
                    CogPlan p = targets.get(i).plan();
                    if (stage < p.stageCount()) {
                        for (int by = 0; by < p.blocksDown(stage); by++) {
                            for (int bx = 0; bx < p.blocksAcross(stage); bx++) {
                                tasks.add(new Task(i, stage, bx, by));
                            }
                        }
                    }
                }
                Broadcast<Map<Integer, Map<Long, CogBlock>>> prev = jsc.broadcast(previous);
                jsc.setJobDescription("radnorm: " + jobName + " (stage " + (stage + 1) + "/" + stages + ", "
                        + tasks.size() + " blocks)");
                List<CogBlock> done = jsc.parallelize(tasks, Math.max(1, tasks.size()))
                        .map(task -> encode(task, work.value().get(task.target()), dirs.value().get(task.target()),
                                prev.value().get(task.target()), bconf.value().get()))
                        .collect();
                prev.destroy();
                previous = new HashMap<>();
                for (int k = 0; k < tasks.size(); k++) {
                    Task task = tasks.get(k);
                    CogBlock b = done.get(k);
                    blocks.get(task.target()).add(b);
                    previous.computeIfAbsent(task.target(), x -> new HashMap<>()).put(key(b.bx(), b.by()), b);
                }
            }
            jsc.setJobDescription("radnorm: " + jobName + " (assembling " + targets.size() + " COGs)");
            List<CogSummary> out = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                Target t = targets.get(i);
                out.add(CogAssembler.write(t.plan(), blocks.get(i), t.uri(), conf, true));
            }
            return out;
        } finally {
            jsc.setJobDescription(null);
            for (String d : partDirs) {
                deleteQuietly(d, conf);
            }
            work.destroy();
            dirs.destroy();
        }
    }

    private static long key(int bx, int by) {
        return ((long) bx << 32) | (by & 0xFFFFFFFFL);
    }

    /** Runs on an executor: one block of one stage of one output. */
    private static CogBlock encode(Task task, Target target, String dir, Map<Long, CogBlock> previous,
                                   Configuration conf) throws IOException {
        CogPlan plan = target.plan();
        RasterSource source = task.stage() == 0 ? rendered(plan, target.renderer(), conf)
                : CogBlockEncoder.passUpSource(plan, task.stage(), (tx, ty) -> {
                    CogBlock b = previous.get(key(tx, ty));
                    if (b == null) {
                        throw new IllegalStateException(target.uri() + ": no pass-up for tile " + tx + "," + ty);
                    }
                    byte[] raw = new byte[CogBlockEncoder.passUpBytes(plan, b)];
                    try (RangeReader in = RangeReaders.open(b.part(), conf)) {
                        in.readFully(b.passUp(), raw, 0, raw.length);
                    }
                    return CogBlockEncoder.readPassUp(plan, b, raw);
                });
        TaskContext tc = TaskContext.get();
        String attempt = tc == null ? "0" : tc.taskAttemptId() + "";
        String part = dir + "/s" + task.stage() + "-" + task.bx() + "-" + task.by() + "-" + attempt + ".part";
        try (OutputStream os = create(part, conf)) {
            return new CogBlockEncoder(plan).encode(task.stage(), task.bx(), task.by(), source, os, part);
        }
    }

    private static RasterSource rendered(CogPlan plan, WindowRenderer renderer, Configuration conf) {
        return plan.source(new GridSize(plan.width(), plan.height()), w -> renderer.render(w, conf));
    }

    /** {@code dir/.name.radnorm-tmp-<hex>.parts}: hidden, marked as radnorm's temporary, unique. */
    static String partDir(String uri) {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        int slash = uri.lastIndexOf('/');
        String parent = slash >= 0 ? uri.substring(0, slash) : ".";
        String name = RasterInfo.baseName(uri);
        return parent + "/." + name + ".radnorm-tmp-" + HexFormat.of().formatHex(random) + ".parts";
    }

    /** The local file of a scheme-less or {@code file:} URI (written with java.nio, no .crc files), else null. */
    private static java.nio.file.Path localPath(String uri) {
        return RangeReaders.isLocal(uri) ? java.nio.file.Path.of(new Path(uri).toUri().getPath()) : null;
    }

    private static OutputStream create(String uri, Configuration conf) throws IOException {
        java.nio.file.Path local = localPath(uri);
        if (local != null) {
            Files.createDirectories(local.getParent());
            return new java.io.BufferedOutputStream(Files.newOutputStream(local, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 1 << 20);
        }
        Path p = new Path(uri);
        return p.getFileSystem(conf).create(p, true);
    }

    private static void deleteQuietly(String dir, Configuration conf) {
        try {
            java.nio.file.Path local = localPath(dir);
            if (local != null) {
                if (Files.exists(local)) {
                    try (Stream<java.nio.file.Path> s = Files.walk(local)) {
                        for (java.nio.file.Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                }
            } else {
                Path p = new Path(dir);
                FileSystem fs = p.getFileSystem(conf);
                fs.delete(p, true);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not delete the part files in {}: {}", dir, e.toString());
        }
    }
}
