package io.radnorm.spark.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A file of the saved model in {@code _radnorm/}: its path relative to that folder, its size and
 * the SHA-256 of its content, checked before a resumed run trusts it.
 */
public record SavedFile(String path, long size, String sha256) {

    /** Records a file just written at {@code folder + path} (reads it once to hash it: model files are small). */
    public static SavedFile of(String folder, String path, Configuration conf) throws IOException {
        Path p = new Path(folder + path);
        MessageDigest md = newDigest();
        long n = 0;
        try (InputStream in = new DigestInputStream(p.getFileSystem(conf).open(p), md)) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) >= 0; ) {
                n += r;
            }
        }
        return new SavedFile(path, n, HexFormat.of().formatHex(md.digest()));
    }

    /** Whether the file under {@code folder} still has this content; {@code false} if it is gone. */
    public boolean isIntact(String folder, Configuration conf) throws IOException {
        try {
            SavedFile now = of(folder, path, conf);
            return now.size == size && now.sha256.equals(sha256);
        } catch (java.io.FileNotFoundException e) {
            return false;
        }
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has it
        }
    }
}
