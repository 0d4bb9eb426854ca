package io.radnorm.raster.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/**
 * A real S3 endpoint for tests: S3Proxy with its filesystem blob store, in a child JVM bound to
 * 127.0.0.1 on a free port.
 *
 * <pre>{@code
 * static S3ProxyServer s3;
 * @BeforeAll static void start() throws IOException { s3 = S3ProxyServer.start(); s3.createBucket("b"); }
 * @AfterAll static void stop() { s3.close(); }
 * ... FileSystem fs = new Path("s3a://b/").getFileSystem(s3.hadoopConf());
 * }</pre>
 *
 * <p>Why a child JVM: S3Proxy's jar-with-dependencies bundles Jetty and Jackson versions that
 * clash with Spark's and Hadoop's on one class path. The jar is copied by the build
 * (maven-dependency-plugin, {@code target/s3proxy/s3proxy.jar}) and named by the system property
 * {@value #JAR_PROPERTY}; it is deliberately not a test dependency.
 *
 * <p>Start-up is bounded ({@link #START_TIMEOUT}); on failure the exception carries the end of the
 * child's log. The child is destroyed by {@link #close()}, or by a shutdown hook if the test JVM
 * exits without closing. Start one server per test class ({@code @BeforeAll}): each start costs a
 * JVM start-up (about a second).
 */
public final class S3ProxyServer implements AutoCloseable {

    /** System property naming the S3Proxy jar-with-dependencies. */
    public static final String JAR_PROPERTY = "radnorm.s3proxy.jar";
    public static final String ACCESS_KEY = "radnorm-test-access-key";
    public static final String SECRET_KEY = "radnorm-test-secret-key";
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static final String HOST = "127.0.0.1";
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_CHARS = 4000;
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final Path workDir;
    private final Path blobDir;
    private final Path logFile;
    private final Process process;
    private final int port;
    private final Thread shutdownHook;

    private S3ProxyServer(Path workDir, Path blobDir, Path logFile, Process process, int port) {
        this.workDir = workDir;
        this.blobDir = blobDir;
        this.logFile = logFile;
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(process::destroyForcibly, "s3proxy-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a server with an empty blob store; returns once it answers S3 requests. */
    public static S3ProxyServer start() throws IOException {
        Path jar = locateJar();
        Path workDir = Files.createTempDirectory("radnorm-s3proxy-");
        try {
            Path blobDir = Files.createDirectories(workDir.resolve("blobs"));
            IOException last = null;
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                // The free port is found by binding and releasing it, so another process can take
                // it before the child binds: then the child exits, and we try another port.
                int port = freePort();
                Path logFile = workDir.resolve("s3proxy-" + attempt + ".log");
                Process process = launch(jar, workDir, blobDir, logFile, port);
                try {
                    awaitReady(process, port, logFile);
                    return new S3ProxyServer(workDir, blobDir, logFile, process, port);
                } catch (IOException e) {
                    destroy(process);
                    last = e;
                    if (!logTail(logFile).contains("Address already in use")) {
                        break;
                    }
                }
            }
            throw last;
        } catch (IOException | RuntimeException e) {
            deleteRecursively(workDir);
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>} */
    public String endpoint() {
        return "http://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** The directory holding the buckets (one sub-directory each), e.g. to inspect or seed data. */
    public Path blobDirectory() {
        return blobDir;
    }

    /**
     * Creates an empty bucket. The filesystem blob store keeps a bucket as a directory, so this is
     * a mkdir: no signed request needed.
     */
    public void createBucket(String name) {
        if (!BUCKET_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid S3 bucket name: " + name);
        }
        try {
            Files.createDirectories(blobDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create bucket " + name, e);
        }
    }

    /**
     * A Hadoop configuration for s3a:// URIs on this server: path-style http on 127.0.0.1 with the
     * fake credentials, no bucket probe, no ETag change detection (S3Proxy's filesystem store does
     * not return stable versions), few and quick retries so a broken test fails fast, and the
     * S3A client cache disabled so that no client configured for another server instance (another
     * port) is reused.
     */
    public Configuration hadoopConf() {
        Configuration conf = new Configuration();
        conf.set("fs.s3a.endpoint", endpoint());
        conf.set("fs.s3a.endpoint.region", "us-east-1");
        conf.setBoolean("fs.s3a.path.style.access", true);
        conf.setBoolean("fs.s3a.connection.ssl.enabled", false);
        conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        conf.set("fs.s3a.access.key", ACCESS_KEY);
        conf.set("fs.s3a.secret.key", SECRET_KEY);
        conf.setInt("fs.s3a.bucket.probe", 0);
        conf.set("fs.s3a.change.detection.mode", "none");
        conf.setInt("fs.s3a.attempts.maximum", 1);
        conf.setInt("fs.s3a.retry.limit", 2);
        conf.set("fs.s3a.retry.interval", "100ms");
        conf.setInt("fs.s3a.retry.throttle.limit", 2);
        conf.set("fs.s3a.retry.throttle.interval", "100ms");
        conf.set("fs.s3a.connection.establish.timeout", "5000");
        conf.set("fs.s3a.connection.timeout", "20000");
        conf.setBoolean("fs.s3a.impl.disable.cache", true);
        conf.set("fs.s3a.buffer.dir", workDir.resolve("s3a-buffer").toString());
        return conf;
    }

    /** Stops the child JVM and deletes the blob store. */
    @Override
    public void close() {
        destroy(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: nothing to remove.
        }
        deleteRecursively(workDir);
    }

    @Override
    public String toString() {
        return "S3ProxyServer[" + endpoint() + ", log " + logFile + "]";
    }

    private static Path locateJar() {
        String configured = System.getProperty(JAR_PROPERTY);
        Path jar = configured != null ? Paths.get(configured) : Paths.get("target", "s3proxy", "s3proxy.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy jar not found at " + jar.toAbsolutePath()
                    + "; run the tests through Maven (the build copies it there and sets -D"
                    + JAR_PROPERTY + ")");
        }
        return jar;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static Process launch(Path jar, Path workDir, Path blobDir, Path logFile, int port)
            throws IOException {
        Properties props = new Properties();
        props.setProperty("s3proxy.endpoint", "http://" + HOST + ":" + port);
        props.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        props.setProperty("s3proxy.identity", ACCESS_KEY);
        props.setProperty("s3proxy.credential", SECRET_KEY);
        props.setProperty("jclouds.provider", "filesystem");
        props.setProperty("jclouds.filesystem.basedir", blobDir.toString());
        Path propsFile = workDir.resolve("s3proxy-" + port + ".properties");
        try (var out = Files.newBufferedWriter(propsFile, StandardCharsets.UTF_8)) {
            props.store(out, "radnorm test S3Proxy");
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        // A small, quick-starting JVM: the machine is shared and the server does little work.
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--properties");
        command.add(propsFile.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().put("LOG_LEVEL", "info");
        return builder.start();
    }

    /** The java launcher of this JVM, so the child runs on the same Java version. */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .filter(c -> Files.isExecutable(Paths.get(c)))
                .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Waits until the server answers an HTTP request with an S3 error document (an anonymous
     * request is refused, which proves S3Proxy, not some other process, owns the port).
     */
    private static void awaitReady(Process process, int port, Path logFile) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + "/"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("S3Proxy exited with code " + process.exitValue()
                        + " during start-up; its log (" + logFile + "):\n" + logTail(logFile));
            }
            try {
                HttpResponse<String> response = client.send(probe, HttpResponse.BodyHandlers.ofString());
                if (response.headers().firstValue("x-amz-request-id").isPresent()
                        || response.body().contains("<Error>")) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for S3Proxy", e);
            }
            sleep(100);
        }
        throw new IOException("S3Proxy did not answer on port " + port + " within "
                + START_TIMEOUT.toSeconds() + " s; its log (" + logFile + "):\n" + logTail(logFile));
    }

    private static String logTail(Path logFile) {
        try {
            String log = Files.readString(logFile, StandardCharsets.UTF_8);
            return log.length() <= LOG_TAIL_CHARS ? log : "..." + log.substring(log.length() - LOG_TAIL_CHARS);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static void destroy(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for S3Proxy", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover temp directory must not fail the test that used the server.
        }
    }
}
