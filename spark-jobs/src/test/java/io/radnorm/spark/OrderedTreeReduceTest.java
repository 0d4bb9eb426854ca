package io.radnorm.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radnorm.testing.SparkTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * A merge that is not associative-commutative (string concatenation) shows the order: partition
 * results must be merged in partition order, on the small path (driver only) and the grouped one.
 */
class OrderedTreeReduceTest {

    @Test
    void mergesInPartitionOrder() throws Exception {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTest.session().sparkContext());
        for (int partitions : new int[] {1, 3, 8, 37}) {
            List<Integer> items = IntStream.range(0, partitions).boxed().collect(Collectors.toList());
            // Later partitions finish first: without ordering, concatenation would come out reversed-ish.
            JavaRDD<String> parts = jsc.parallelize(items, partitions).mapPartitions(it -> {
                List<String> out = new ArrayList<>();
                while (it.hasNext()) {
                    int i = it.next();
                    Thread.sleep(Math.max(0, 20 - i));
                    out.add(i + ",");
                }
                return out.iterator();
            });
            String expected = items.stream().map(i -> i + ",").collect(Collectors.joining());
            assertEquals(expected, OrderedTreeReduce.reduce(parts, (a, b) -> a + b, ""), partitions + " partitions");
        }
        assertEquals("zero", OrderedTreeReduce.reduce(jsc.parallelize(List.<String>of(), 2), (a, b) -> a + b, "zero"));
    }
}
