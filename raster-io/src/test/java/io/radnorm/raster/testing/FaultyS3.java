package io.radnorm.raster.testing;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An S3 store behind a {@link FaultyProxy} for a test class: before all tests it starts an
 * {@link S3ProxyServer}, creates the bucket, lets the test fill it directly (no faults) and starts
 * the proxy; after each test it clears the faults, after all it stops both.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FaultyS3 S3 = new FaultyS3("bucket", direct -> { ... write objects with direct ... });
 * ... S3.proxy().everyKthGet(2, Fault.RESET); read with S3.proxy().hadoopConf() ...
 * }</pre>
 *
 * <p>Registered on a static field, its start runs before the class's own {@code @BeforeAll}
 * methods and its stop after its {@code @AfterAll} methods.
 */
public final class FaultyS3 implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    /** Writes the objects the tests read, with a configuration that reaches the store directly. */
    @FunctionalInterface
    public interface Content {
        void write(Configuration direct) throws IOException;
    }

    private final String bucket;
    private final Content content;
    private S3ProxyServer store;
    private FaultyProxy proxy;

    public FaultyS3(String bucket, Content content) {
        this.bucket = bucket;
        this.content = content;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        store = S3ProxyServer.start();
        store.createBucket(bucket);
        content.write(store.hadoopConf());
        proxy = FaultyProxy.start(store);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (proxy != null) {
            proxy.clearFaults();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** The proxy the tests read through and inject faults with. */
    public FaultyProxy proxy() {
        return proxy;
    }

    /** The store itself, without faults ({@code store().hadoopConf()} for clean reads). */
    public S3ProxyServer store() {
        return store;
    }
}
