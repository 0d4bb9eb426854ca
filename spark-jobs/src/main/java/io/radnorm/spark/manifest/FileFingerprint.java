package io.radnorm.spark.manifest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * What a run knows of a file without reading it: its URI, size, modification time and, on object
 * stores whose Hadoop {@link FileStatus} exposes one ({@link EtagSource}, S3A), its ETag. Two
 * fingerprints of the same URI that differ in any of these mean the file changed; an ETag is
 * compared only when both have one.
 *
 * @param etag the ETag, or {@code null} where the file system has none (local, HDFS)
 */
public record FileFingerprint(String uri, long size, long modificationTime, String etag) {

    /** The file's fingerprint, from one {@code getFileStatus} on the driver. */
    public static FileFingerprint of(String uri, Configuration conf) throws IOException {
        Path p = new Path(uri);
        FileStatus st;
        try {
            st = p.getFileSystem(conf).getFileStatus(p);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException(uri + ": no such file");
        }
        String etag = st instanceof EtagSource e ? e.getEtag() : null;
        return new FileFingerprint(uri, st.getLen(), st.getModificationTime(),
                etag == null || etag.isEmpty() ? null : etag);
    }

    /** The fingerprint of {@code uri}, or {@code null} when there is no such file. */
    public static FileFingerprint ofExisting(String uri, Configuration conf) throws IOException {
        try {
            return of(uri, conf);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    public static List<FileFingerprint> of(List<String> uris, Configuration conf) throws IOException {
        List<FileFingerprint> out = new ArrayList<>();
        for (String u : uris) {
            out.add(of(u, conf));
        }
        return out;
    }

    /** How this file differs from an earlier fingerprint of it, or {@code null} when it does not. */
    public String changeSince(FileFingerprint earlier) {
        if (size != earlier.size) {
            return "size " + earlier.size + " -> " + size + " bytes";
        }
        if (modificationTime != earlier.modificationTime) {
            return "modified at " + java.time.Instant.ofEpochMilli(modificationTime) + ", recorded "
                    + java.time.Instant.ofEpochMilli(earlier.modificationTime);
        }
        if (etag != null && earlier.etag != null && !Objects.equals(etag, earlier.etag)) {
            return "ETag " + earlier.etag + " -> " + etag;
        }
        return null;
    }
}
