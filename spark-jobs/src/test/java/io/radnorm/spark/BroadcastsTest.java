package io.radnorm.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radnorm.testing.SparkTest;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.Test;

class BroadcastsTest {

    @Test
    void broadcastsTheValueAndMeasuresItsSerializedSize() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTest.session().sparkContext());
        double[] value = new double[10_000];
        for (int i = 0; i < value.length; i++) {
            value[i] = Math.sqrt(i);
        }
        long bytes = Broadcasts.serializedSize(value);
        // 8 bytes a double plus a small header, with Kryo or Java serialization alike.
        assertTrue(bytes >= 80_000 && bytes < 81_000, bytes + " bytes");
        Broadcast<double[]> b = Broadcasts.broadcast(jsc, value, "test values");
        double[] seen = jsc.parallelize(java.util.List.of(0, 1), 2).map(i -> b.value()[9_999]).collect()
                .stream().mapToDouble(Double::doubleValue).toArray();
        assertArrayEquals(new double[] {Math.sqrt(9_999), Math.sqrt(9_999)}, seen);
    }

    /** Remote executors deserialize broadcasts with the job's serializer (Kryo): the configuration must survive it. */
    @Test
    void hadoopConfigurationSurvivesTheJobSerializer() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTest.session().sparkContext());
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(false);
        conf.set("fs.s3a.endpoint", "http://127.0.0.1:9999");
        SerializableConfiguration wrapped = new SerializableConfiguration(conf);
        org.apache.spark.serializer.SerializerInstance kryo = jsc.env().serializer().newInstance();
        scala.reflect.ClassTag<SerializableConfiguration> tag = scala.reflect.ClassTag$.MODULE$.apply(SerializableConfiguration.class);
        SerializableConfiguration back = kryo.deserialize(kryo.serialize(wrapped, tag), tag);
        assertEquals("http://127.0.0.1:9999", back.get().get("fs.s3a.endpoint"));
        assertTrue(Broadcasts.serializedSize(wrapped) > 100, Broadcasts.serializedSize(wrapped) + " bytes");
    }
}
