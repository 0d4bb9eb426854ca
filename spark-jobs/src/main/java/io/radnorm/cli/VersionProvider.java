package io.radnorm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code radnorm --version}: radnorm's version and the Spark/Hadoop lines it was built for and runs on. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/radnorm/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {
            "radnorm " + p.getProperty("version", "unknown"),
            "built for Spark " + p.getProperty("spark", "?") + ", Hadoop " + p.getProperty("hadoop", "?"),
            "running on Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", Java "
                    + System.getProperty("java.version")
        };
    }
}
