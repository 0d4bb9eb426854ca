package io.radnorm.spark.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radnorm.algorithms.global.GainOffset;
import io.radnorm.algorithms.global.GainOffsetModel;
import io.radnorm.algorithms.local.BlockGrid;
import io.radnorm.algorithms.local.BlockMap;
import io.radnorm.algorithms.local.LocalAdjustmentSettings;
import io.radnorm.algorithms.local.LocalBlockCorrection;
import io.radnorm.raster.crs.Crs;
import io.radnorm.spark.RasterCollection;
import io.radnorm.spark.global.AdjustmentsJson;
import io.radnorm.spark.global.GlobalModel;
import io.radnorm.spark.global.StatisticsTable;
import io.radnorm.spark.pipeline.BlockMapFiles;
import io.radnorm.spark.pipeline.PipelineModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Saves a solved model into a run's {@code _radnorm/} folder and loads it back exactly
 * ({@link ModelRecord} lists the files): the global model as {@code adjustments.json}
 * ({@link AdjustmentsJson}; gains and offsets are read back from it, not re-solved), the block
 * maps with {@link BlockMapFiles#writeExact} under {@code blocks/}.
 */
final class SavedModels {

    static final String ADJUSTMENTS = "adjustments.json";
    static final String REFERENCE = "blocks/reference.tif";

    private SavedModels() {
    }

    static ModelRecord save(GlobalModel model, String folder, Configuration conf) throws IOException {
        AdjustmentsJson.write(model, folder + ADJUSTMENTS, conf);
        return new ModelRecord(SavedFile.of(folder, ADJUSTMENTS, conf), null, null, Map.of());
    }

    static ModelRecord save(PipelineModel model, String folder, Configuration conf) throws IOException {
        SavedFile adjustments = save(model.global(), folder, conf).adjustments();
        RasterCollection images = model.images();
        Crs crs = images.info(0).crs();
        BlockMapFiles.writeExact(model.reference(), crs, folder + REFERENCE, conf);
        SavedFile reference = SavedFile.of(folder, REFERENCE, conf);
        Map<String, ModelRecord.ImageBlocks> blocks = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) {
            String name = images.info(i).name();
            LocalBlockCorrection c = model.localCorrections().get(i);
            String local = "blocks/" + name + "_local.tif";
            BlockMapFiles.writeExact(c.localMap(), crs, folder + local, conf);
            SavedFile target = reference;
            if (c.referenceMap() != model.reference()) { // its own overlap reference
                String t = "blocks/" + name + "_target.tif";
                BlockMapFiles.writeExact(c.referenceMap(), crs, folder + t, conf);
                target = SavedFile.of(folder, t, conf);
            }
            Double[] shifts = new Double[c.shifts().length];
            for (int b = 0; b < shifts.length; b++) {
                double s = c.shifts()[b];
                shifts[b] = Double.isNaN(s) ? null : s;
            }
            blocks.put(name, new ModelRecord.ImageBlocks(SavedFile.of(folder, local, conf), target, shifts));
        }
        return new ModelRecord(adjustments, ModelRecord.Grid.of(model.grid()), reference, blocks);
    }

    /** Every saved file of the model that is missing or changed since it was recorded (empty: intact). */
    static List<String> damaged(ModelRecord m, String folder, Configuration conf) throws IOException {
        List<SavedFile> files = new ArrayList<>();
        files.add(m.adjustments());
        if (m.reference() != null) {
            files.add(m.reference());
        }
        m.images().values().forEach(b -> {
            files.add(b.local());
            files.add(b.target());
        });
        List<String> out = new ArrayList<>();
        for (SavedFile f : files.stream().distinct().toList()) {
            if (!f.isIntact(folder, conf)) {
                out.add(folder + f.path());
            }
        }
        return out;
    }

    /** The global model of {@code images} as saved; {@code identity}: gains 1, offsets 0 ({@code local}). */
    static GlobalModel loadGlobal(ModelRecord m, RasterCollection images, boolean identity, String folder,
                                  Configuration conf) throws IOException {
        String uri = folder + m.adjustments().path();
        int bands = images.bandCount();
        StatisticsTable stats = AdjustmentsJson.read(uri, conf, bands);
        if (identity) {
            return GlobalModel.identity(images, stats);
        }
        JsonNode root;
        Path p = new Path(uri);
        try (InputStream in = p.getFileSystem(conf).open(p)) {
            root = new ObjectMapper().readTree(in);
        }
        List<String> names = images.names();
        List<GainOffsetModel> perBand = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            List<GainOffset> gains = new ArrayList<>();
            for (String name : names) {
                JsonNode g = root.path(name).path("adjustments").path("band_" + b);
                if (!g.path("scale").isNumber() || !g.path("offset").isNumber()) {
                    throw new IOException(uri + ": no adjustment of image '" + name + "' band_" + b);
                }
                gains.add(new GainOffset(g.get("scale").doubleValue(), g.get("offset").doubleValue()));
            }
            perBand.add(new GainOffsetModel(names, gains, List.of(), 0, 0));
        }
        return new GlobalModel(images, stats, perBand);
    }

    static PipelineModel loadPipeline(ModelRecord m, RasterCollection images, boolean withGlobal,
                                      LocalAdjustmentSettings settings, String folder, Configuration conf)
            throws IOException {
        GlobalModel global = loadGlobal(m, images, !withGlobal, folder, conf);
        BlockGrid grid = m.grid().toBlockGrid();
        int bands = images.bandCount();
        Map<String, BlockMap> cache = new LinkedHashMap<>();
        BlockMap reference = read(cache, m.reference(), folder, grid, bands, conf);
        List<BlockMap> locals = new ArrayList<>();
        List<LocalBlockCorrection> corrections = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            String name = images.info(i).name();
            ModelRecord.ImageBlocks b = m.images().get(name);
            if (b == null || b.shifts().length != bands) {
                throw new IOException(folder + RunManifest.FILE + ": no saved block maps of image '" + name + "'");
            }
            BlockMap local = BlockMapFiles.readExact(folder + b.local().path(), conf, grid, bands);
            BlockMap target = read(cache, b.target(), folder, grid, bands, conf);
            double[] shifts = new double[bands];
            for (int k = 0; k < bands; k++) {
                shifts[k] = b.shifts()[k] == null ? Double.NaN : b.shifts()[k];
            }
            locals.add(local);
            corrections.add(LocalBlockCorrection.restore(target, local, images.info(i).geoTransform(), shifts,
                    settings));
        }
        return new PipelineModel(global, grid, reference, locals, corrections, settings);
    }

    /** The shared reference is read once (and stays one object, as in the run that saved it). */
    private static BlockMap read(Map<String, BlockMap> cache, SavedFile f, String folder, BlockGrid grid, int bands,
                                 Configuration conf) throws IOException {
        BlockMap m = cache.get(f.path());
        if (m == null) {
            m = BlockMapFiles.readExact(folder + f.path(), conf, grid, bands);
            cache.put(f.path(), m);
        }
        return m;
    }
}
