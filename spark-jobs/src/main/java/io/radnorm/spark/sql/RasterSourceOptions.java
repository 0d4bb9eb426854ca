package io.radnorm.spark.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The options of the {@code radnorm-raster} and {@code radnorm-raster.metadata} sources, parsed
 * once on the driver. Every bad value fails with one line naming the option.
 *
 * <ul>
 *   <li>{@code path} (what {@code load(...)} passes; several {@code load} arguments arrive as
 *       {@code paths}): a file, folder, glob, comma list or {@code @list.txt}, as {@code --input}
 *       takes them ({@link io.radnorm.raster.fs.RasterPaths#resolve}).</li>
 *   <li>{@code tileWidth}, {@code tileHeight}: window size in pixels; default the file's tiling
 *       ({@link WindowGrid#defaultFor}).</li>
 *   <li>{@code bands}: 1-based band numbers as GDAL counts them, e.g. {@code 1,3,4}, in the order
 *       wanted; default all.</li>
 *   <li>{@code bandsAs}: {@code double} (default; {@code array<array<double>>}) or {@code binary}
 *       ({@code array<binary>} of little-endian samples of the file's data type).</li>
 *   <li>{@code partitionBytes}: decoded bytes of pixels per Spark partition (see
 *       {@link RasterScan}); default {@code min(spark.sql.files.maxPartitionBytes,
 *       max(4 MiB, total / defaultParallelism))}.</li>
 *   <li>Any option starting with {@code fs.} or {@code spark.hadoop.} is set on the Hadoop
 *       configuration the files are read with (e.g. {@code fs.s3a.endpoint}).</li>
 * </ul>
 *
 * @param pathSpec       the inputs, comma-joined
 * @param bands          0-based bands to read, or {@code null} for all
 * @param partitionBytes 0 when not given
 */
public record RasterSourceOptions(String pathSpec, int tileWidth, int tileHeight, int[] bands, boolean binary,
                                  long partitionBytes, Map<String, String> hadoopOptions) implements Serializable {

    public static RasterSourceOptions parse(CaseInsensitiveStringMap options) {
        List<String> paths = new ArrayList<>();
        if (options.containsKey("paths")) {
            try {
                for (String p : new ObjectMapper().readValue(options.get("paths"), String[].class)) {
                    paths.add(p);
                }
            } catch (Exception e) {
                throw new IllegalArgumentException("option paths is not a JSON array of strings: " + options.get("paths"));
            }
        }
        if (options.containsKey("path")) {
            paths.add(options.get("path"));
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("no path: use load(\"folder/, glob or file.tif\") or option(\"path\", ...)");
        }
        String bandsAs = options.getOrDefault("bandsAs", "double").trim().toLowerCase(Locale.ROOT);
        if (!bandsAs.equals("double") && !bandsAs.equals("binary")) {
            throw new IllegalArgumentException("option bandsAs must be double or binary, not '" + bandsAs + "'");
        }
        Map<String, String> hadoop = new java.util.TreeMap<>();
        options.asCaseSensitiveMap().forEach((k, v) -> {
            if (k.startsWith("fs.")) {
                hadoop.put(k, v);
            } else if (k.startsWith("spark.hadoop.")) {
                hadoop.put(k.substring("spark.hadoop.".length()), v);
            }
        });
        return new RasterSourceOptions(String.join(",", paths), positive(options, "tileWidth"),
                positive(options, "tileHeight"), bands(options.get("bands")), bandsAs.equals("binary"),
                options.containsKey("partitionBytes") ? bytes("partitionBytes", options.get("partitionBytes")) : 0,
                Map.copyOf(hadoop));
    }

    /** The Hadoop configuration of the session with this source's {@code fs.*} options applied. */
    public Configuration hadoopConfiguration(SparkSession spark) {
        Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
        hadoopOptions.forEach(conf::set);
        return conf;
    }

    /** The band numbers as a user reads them (1-based), for messages. */
    public static String oneBased(int[] bands) {
        StringBuilder s = new StringBuilder();
        for (int b : bands) {
            s.append(s.length() == 0 ? "" : ",").append(b + 1);
        }
        return s.toString();
    }

    private static int positive(CaseInsensitiveStringMap options, String key) {
        if (!options.containsKey(key)) {
            return 0;
        }
        String v = options.get(key).trim();
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException("option " + key + " must be a positive number of pixels, not '" + v + "'");
    }

    static int[] bands(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        String[] parts = spec.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim()) - 1;
            } catch (NumberFormatException e) {
                out[i] = -1;
            }
            if (out[i] < 0) {
                throw new IllegalArgumentException("option bands takes 1-based band numbers like 1,3,4, not '"
                        + spec + "'");
            }
        }
        return out;
    }

    /** Spark's byte strings: {@code 134217728}, {@code 128m}, {@code 64MB}, {@code 1g}. */
    static long bytes(String key, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(key + " must be a size like 134217728, 128m or 1g, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        if (n <= 0) {
            throw new IllegalArgumentException(key + " must be positive: '" + text + "'");
        }
        return n << shift;
    }
}
