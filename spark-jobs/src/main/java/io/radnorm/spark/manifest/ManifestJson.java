package io.radnorm.spark.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.radnorm.raster.fs.AtomicOutput;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Reads and writes {@link RunManifest} as JSON. Writes are atomic ({@link AtomicOutput}: a
 * temporary sibling renamed over the old manifest locally and on HDFS, one PUT on S3), so a run
 * killed while writing leaves the previous manifest, never half of one. Only the driver writes it.
 * Doubles are written as Java prints them and read back to the same bits.
 */
public final class ManifestJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ManifestJson() {
    }

    public static void write(RunManifest m, String uri, Configuration conf) throws IOException {
        try (AtomicOutput out = AtomicOutput.create(uri, conf, true)) {
            JSON.writeValue(out.stream(), m);
            out.commit();
        }
    }

    /** The manifest at {@code uri}, or {@code null} when there is none. */
    public static RunManifest read(String uri, Configuration conf) throws IOException {
        Path p = new Path(uri);
        try (InputStream in = p.getFileSystem(conf).open(p)) {
            return JSON.readValue(in, RunManifest.class);
        } catch (FileNotFoundException e) {
            return null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(uri + ": not a radnorm run manifest: " + e.getOriginalMessage());
        }
    }
}
