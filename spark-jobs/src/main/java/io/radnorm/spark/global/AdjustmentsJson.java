package io.radnorm.spark.global;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.radnorm.algorithms.global.GainOffset;
import io.radnorm.algorithms.stats.Moments;
import io.radnorm.raster.fs.AtomicOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The saved-adjustments file, in the layout spectralmatch users already have, keyed by image name
 * without extension:
 * <pre>
 * {name: {"adjustments":   {"band_0": {"scale": a, "offset": b}, ...},
 *         "whole_stats":   {"band_0": {"mean": m, "std": s, "size": n}, ...},
 *         "overlap_stats": {other: {"band_0": {"mean": m, "std": s, "size": n}, ...}, ...}}}
 * </pre>
 * {@code overlap_stats[name][other]} are {@code name}'s values over its overlap with {@code other}.
 * Standard deviations are population (ddof 0). Loading validates every field and reports the first
 * problem as one line naming the file, the image and the key.
 */
public final class AdjustmentsJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AdjustmentsJson() {
    }

    public static void write(GlobalModel model, String uri, Configuration conf) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        StatisticsTable stats = model.statistics();
        int bands = model.bands().size();
        for (String name : model.names()) {
            ObjectNode entry = root.putObject(name);
            ObjectNode adj = entry.putObject("adjustments");
            for (int b = 0; b < bands; b++) {
                GainOffset g = model.gainOffset(name, b);
                adj.putObject("band_" + b).put("scale", g.gain()).put("offset", g.offset());
            }
            putMoments(entry.putObject("whole_stats"), stats.whole().get(name));
            entry.putObject("overlap_stats");
        }
        for (StatisticsTable.Overlap o : stats.overlaps()) {
            if (root.has(o.first()) && root.has(o.second())) {
                putMoments(((ObjectNode) root.get(o.first()).get("overlap_stats")).putObject(o.second()), o.ofFirst());
                putMoments(((ObjectNode) root.get(o.second()).get("overlap_stats")).putObject(o.first()), o.ofSecond());
            }
        }
        try (AtomicOutput out = AtomicOutput.create(uri, conf, true)) {
            JSON.writeValue(out.stream(), root);
            out.commit();
        }
    }

    private static void putMoments(ObjectNode node, List<Moments> perBand) {
        for (int b = 0; b < perBand.size(); b++) {
            Moments m = perBand.get(b);
            ObjectNode n = node.putObject("band_" + b);
            putNumber(n, "mean", m.mean());
            putNumber(n, "std", m.std());
            n.put("size", m.count());
        }
    }

    private static void putNumber(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key); // an image without valid pixels: JSON has no NaN
        }
    }

    /** Reads the statistics of a saved file (the adjustments in it are re-solved, not trusted). */
    public static StatisticsTable read(String uri, Configuration conf, int bandCount) throws IOException {
        JsonNode root;
        Path path = new Path(uri);
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            root = JSON.readTree(in);
        } catch (java.io.FileNotFoundException e) {
            throw new java.io.FileNotFoundException(uri + ": no such adjustments file");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(uri + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IOException(uri + ": expected a JSON object keyed by image name");
        }
        Map<String, List<Moments>> whole = new HashMap<>();
        Map<String, Map<String, List<Moments>>> sides = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode entry = e.getValue();
            String where = uri + ": image '" + name + "'";
            whole.put(name, moments(require(entry, "whole_stats", where), bandCount, where + " whole_stats"));
            JsonNode ov = entry.get("overlap_stats");
            Map<String, List<Moments>> mine = new HashMap<>();
            if (ov != null && !ov.isNull()) {
                if (!ov.isObject()) {
                    throw new IOException(where + ": overlap_stats must be an object");
                }
                for (Iterator<Map.Entry<String, JsonNode>> o = ov.fields(); o.hasNext(); ) {
                    Map.Entry<String, JsonNode> pe = o.next();
                    mine.put(pe.getKey(), moments(pe.getValue(), bandCount, where + " overlap_stats." + pe.getKey()));
                }
            }
            sides.put(name, mine);
        }
        List<StatisticsTable.Overlap> overlaps = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Moments>>> e : sides.entrySet()) {
            for (Map.Entry<String, List<Moments>> o : e.getValue().entrySet()) {
                String a = e.getKey(), b = o.getKey();
                if (a.compareTo(b) >= 0) {
                    continue;
                }
                List<Moments> other = sides.getOrDefault(b, Map.of()).get(a);
                if (other == null) {
                    throw new IOException(uri + ": image '" + a + "' has overlap_stats for '" + b
                            + "' but '" + b + "' has none for '" + a + "'");
                }
                overlaps.add(new StatisticsTable.Overlap(a, b, o.getValue(), other));
            }
        }
        return new StatisticsTable(bandCount, whole, overlaps);
    }

    private static JsonNode require(JsonNode node, String key, String where) throws IOException {
        JsonNode v = node == null ? null : node.get(key);
        if (v == null || !v.isObject()) {
            throw new IOException(where + ": missing object '" + key + "'");
        }
        return v;
    }

    private static List<Moments> moments(JsonNode node, int bandCount, String where) throws IOException {
        if (node == null || !node.isObject()) {
            throw new IOException(where + ": expected an object of band_0 .. band_" + (bandCount - 1));
        }
        List<Moments> out = new ArrayList<>();
        for (int b = 0; b < bandCount; b++) {
            JsonNode band = require(node, "band_" + b, where);
            JsonNode size = band.get("size");
            if (size == null || !size.canConvertToLong() || size.asLong() < 0) {
                throw new IOException(where + ".band_" + b + ": 'size' must be a non-negative integer");
            }
            long n = size.asLong();
            double mean = number(band, "mean", where + ".band_" + b, n);
            double std = number(band, "std", where + ".band_" + b, n);
            out.add(n == 0 ? Moments.EMPTY : new Moments(n, mean, std));
        }
        return out;
    }

    private static double number(JsonNode band, String key, String where, long n) throws IOException {
        JsonNode v = band.get(key);
        if (n == 0 && (v == null || v.isNull())) {
            return Double.NaN;
        }
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IOException(where + ": '" + key + "' must be a finite number");
        }
        if (key.equals("std") && v.asDouble() < 0) {
            throw new IOException(where + ": 'std' must not be negative");
        }
        return v.asDouble();
    }
}
